import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProductEntity } from '../subgraphs/catalog/product.entity';
import { SecretBox } from '../platform/secret-box';
import { MFA_SECRET_LABEL } from '../subgraphs/users/mfa.entity';
import { MfaChallengeEntity, MfaFactorEntity, RecoveryCodeEntity } from '../subgraphs/users/mfa.entity';
import { SessionEndReason, SessionEntity } from '../subgraphs/users/session.entity';
import { UserEntity } from '../subgraphs/users/user.entity';
import { graphql } from './__generated__/index';
import { claimsOf, newClient, newEmail } from './support/accounts';
import { TestClock } from './support/clock';
import { codesOf, execute } from './support/graphql';
import { parseMail, type ParsedMail } from './support/mail';
import { codeAt, ConfirmMfa, enrol, MfaLogin, signInWithCode, StartMfa, StepUp, VerifyChallenge, type Enrolled } from './support/mfa';
import { ConfirmPayment, orderTools, PlaceOrder, ShipOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

/**
 * Multi-factor authentication through the real gateway: enrolment, the
 * second step of a sign-in, recovery codes, step-up, turning it off, and
 * MFA_REQUIRED_ROLES. Codes come from the secret at the stack's clock, as
 * an authenticator app computes them.
 */

const Register = graphql(`
  mutation MfaRegister($input: RegisterInput!) {
    register(input: $input) { accessToken refreshToken user { id email } }
  }
`);

const Refresh = graphql(`
  mutation MfaRefresh($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }
  }
`);

const MyMfa = graphql(`
  query MfaMine {
    me { id mfaEnabled recoveryCodesLeft sessions { id current mfaVerified mfaVerifiedAt } }
  }
`);

const RegenerateCodes = graphql(`
  mutation MfaRegenerate($code: String!) {
    regenerateRecoveryCodes(code: $code) { recoveryCodes accessToken }
  }
`);

const DisableMfa = graphql(`
  mutation MfaDisable($password: String!, $code: String!) {
    disableMfa(password: $password, code: $code)
  }
`);

const ChangeEmail = graphql(`
  mutation MfaChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input) { id email }
  }
`);

const GrantRole = graphql(`
  mutation MfaGrantRole($userId: ID!, $role: Role!) {
    grantRole(userId: $userId, role: $role) { id roles }
  }
`);

const CreateProduct = graphql(`
  mutation MfaCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id }
  }
`);

const Refund = graphql(`
  mutation MfaRefund($id: ID!) {
    refundOrder(id: $id) { id status refunded { amount } }
  }
`);

const PASSWORD = 'correct horse battery';
const ADMIN = { email: 'mfa-admin@shop.test', password: 'mfa-admin-password' };
const T0 = new Date('2032-05-01T09:00:00Z');

describe('multi-factor authentication through the gateway', () => {
  const clock = new TestClock(T0);
  let t: TestStack;

  const users = () => t.stack.subgraphs.users.orm.em.fork();
  const register = async (email = newEmail(), client = newClient()) => {
    const result = await execute(t.url, Register, { input: { email, password: PASSWORD, name: 'Morgan' } }, client);
    expect(result.errors).toBeUndefined();
    return result.data!.register;
  };
  const login = (email: string, password = PASSWORD, client = newClient()) => execute(t.url, MfaLogin, { input: { email, password } }, client);
  /** The challenge a right password answers with when MFA is on. */
  const challengeFor = async (email: string, password = PASSWORD, client = newClient()) => {
    const result = await login(email, password, client);
    expect(codesOf(result)).toEqual(['MFA_REQUIRED']);
    return result.errors![0].extensions!.challenge as string;
  };
  /** A registered user with MFA on, and the session that enrolled. */
  const enrolled = async (): Promise<{ user: { id: string; email: string }; refreshToken: string } & Enrolled> => {
    const registered = await register();
    return { user: registered.user, refreshToken: registered.refreshToken, ...(await enrol(t.url, registered.accessToken, PASSWORD, clock)) };
  };
  const sessionsOf = (userId: string) => users().find(SessionEntity, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });

  /** The .eml the notification worker wrote to `to` with `subject`. */
  const mailTo = (to: string, subject: string): Promise<ParsedMail> =>
    waitFor(async () => {
      const dir = t.config.notifications.outboxDir;
      const names = await readdir(dir).catch(() => [] as string[]);
      const mails = await Promise.all(names.filter((n) => n.endsWith('.eml')).map(async (n) => parseMail(await readFile(path.join(dir, n), 'utf8'))));
      const mail = mails.find((m) => m.to.includes(to) && m.subject === subject);
      if (!mail) throw new Error(`no mail "${subject}" to ${to}`);
      return mail;
    });

  beforeAll(async () => {
    t = await startTestStack({ clock, env: { TRUST_PROXY_HOPS: '1', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  });
  afterAll(() => t.stop());

  describe('enrolment', () => {
    it('needs a signed-in user and the current password; a wrong one writes nothing', async () => {
      const { accessToken, user } = await register();
      expect(codesOf(await execute(t.url, StartMfa, { password: PASSWORD }))).toEqual(['UNAUTHENTICATED']);
      const wrong = await execute(t.url, StartMfa, { password: 'not the password' }, { token: accessToken });
      expect(codesOf(wrong)).toEqual(['BAD_USER_INPUT']);
      expect(wrong.errors![0].extensions).toMatchObject({ field: 'password' });
      expect(await users().count(MfaFactorEntity, { userId: user.id })).toBe(0);
    });

    it('returns the secret, an otpauth:// URI and a QR code, and asks for nothing at sign-in until confirmed', async () => {
      const { accessToken, user } = await register();
      const started = (await execute(t.url, StartMfa, { password: PASSWORD }, { token: accessToken })).data!.startMfaEnrollment;
      expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL(started.otpauthUri);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.host).toBe('totp');
      expect(decodeURIComponent(uri.pathname)).toBe(`/Shop:${user.email}`);
      expect(uri.searchParams.get('secret')).toBe(started.secret);
      expect(uri.searchParams.get('issuer')).toBe('Shop');
      const [prefix, base64] = started.qrCodeDataUri.split(',');
      expect(prefix).toBe('data:image/svg+xml;base64');
      expect(Buffer.from(base64, 'base64').toString('utf8')).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);

      const factor = await users().findOneOrFail(MfaFactorEntity, { userId: user.id });
      expect(factor.confirmedAt).toBeNull();
      expect(factor.sealedSecret).not.toContain(started.secret);
      expect((await login(user.email)).data?.login.accessToken).toEqual(expect.any(String));
    });

    it('refuses a wrong, malformed or missing first code, and leaves the enrolment unconfirmed with no recovery codes', async () => {
      const { accessToken, user } = await register();
      expect(codesOf(await execute(t.url, ConfirmMfa, { code: '123456' }, { token: accessToken }))).toEqual(['CONFLICT']);
      const { secret } = (await execute(t.url, StartMfa, { password: PASSWORD }, { token: accessToken })).data!.startMfaEnrollment;
      const wrongCode = codeAt(secret, clock) === '000000' ? '111111' : '000000';
      for (const code of [wrongCode, '12345', 'abcdef', codeAt(secret, clock, -5)]) {
        const result = await execute(t.url, ConfirmMfa, { code }, { token: accessToken });
        expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors![0].extensions).toMatchObject({ field: 'code' });
      }
      expect((await users().findOneOrFail(MfaFactorEntity, { userId: user.id })).confirmedAt).toBeNull();
      expect(await users().count(RecoveryCodeEntity, { userId: user.id })).toBe(0);
      expect((await execute(t.url, MyMfa, undefined, { token: accessToken })).data!.me).toMatchObject({ mfaEnabled: false, recoveryCodesLeft: null });
    });

    it('turns on with the first code: ten recovery codes shown once and stored hashed, the session verified, the owner told', async () => {
      const { accessToken, user } = await register();
      const { secret } = (await execute(t.url, StartMfa, { password: PASSWORD }, { token: accessToken })).data!.startMfaEnrollment;
      const confirmed = (await execute(t.url, ConfirmMfa, { code: codeAt(secret, clock) }, { token: accessToken })).data!.confirmMfaEnrollment;
      expect(confirmed.recoveryCodes).toHaveLength(10);
      expect(new Set(confirmed.recoveryCodes).size).toBe(10);
      for (const code of confirmed.recoveryCodes!) expect(code).toMatch(/^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
      const stored = await users().find(RecoveryCodeEntity, { userId: user.id });
      expect(stored).toHaveLength(10);
      const storedText = JSON.stringify(stored);
      for (const code of confirmed.recoveryCodes!) expect(storedText).not.toContain(code.replace(/-/g, ''));
      expect(claimsOf(confirmed.accessToken)).toMatchObject({ amr: ['pwd', 'otp'], mfa_at: Math.floor(clock.now().getTime() / 1000) });

      const me = (await execute(t.url, MyMfa, undefined, { token: confirmed.accessToken })).data!.me!;
      expect(me).toMatchObject({ mfaEnabled: true, recoveryCodesLeft: 10 });
      expect(me.sessions).toEqual([expect.objectContaining({ current: true, mfaVerified: true, mfaVerifiedAt: clock.now().toISOString() })]);
      expect(codesOf(await execute(t.url, StartMfa, { password: PASSWORD }, { token: accessToken }))).toEqual(['CONFLICT']);
      expect((await mailTo(user.email, 'Two-step sign-in is on')).text).toContain('Recovery codes left: 10');
      clock.advance(30_000);
    });
  });

  describe('signing in', () => {
    it('answers a right password with a short-lived challenge instead of tokens, and opens no session', async () => {
      const { user } = await enrolled();
      const before = await sessionsOf(user.id);
      const result = await login(user.email);
      expect(result.data ?? null).toBeNull();
      expect(codesOf(result)).toEqual(['MFA_REQUIRED']);
      expect(result.errors![0].extensions).toMatchObject({ challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresAt: new Date(clock.now().getTime() + 300_000).toISOString() });
      expect(await sessionsOf(user.id)).toHaveLength(before.length);
      // A wrong password still answers as it always did: no hint that a code would be asked.
      expect(codesOf(await login(user.email, 'not the password'))).toEqual(['UNAUTHENTICATED']);
    });

    it('signs in with the challenge and a code: the session is marked MFA-verified, and the token says when', async () => {
      const { user, secret } = await enrolled();
      const challenge = await challengeFor(user.email);
      const payload = (await execute(t.url, VerifyChallenge, { challenge, code: codeAt(secret, clock) }, newClient())).data!.verifyMfaChallenge;
      expect(payload.user).toEqual({ id: user.id, email: user.email, mfaEnabled: true, recoveryCodesLeft: 10 });
      const claims = claimsOf(payload.accessToken);
      expect(claims).toMatchObject({ amr: ['pwd', 'otp'], mfa_at: Math.floor(clock.now().getTime() / 1000) });
      const session = await users().findOneOrFail(SessionEntity, { id: claims.sid as string });
      expect(session.mfaVerifiedAt?.toISOString()).toBe(clock.now().toISOString());
      clock.advance(30_000);
    });

    it('refuses a wrong code, a code from long ago and a malformed one, and opens no session', async () => {
      const { user, secret } = await enrolled();
      const challenge = await challengeFor(user.email);
      const before = (await sessionsOf(user.id)).length;
      const right = codeAt(secret, clock);
      for (const code of [right === '000000' ? '111111' : '000000', codeAt(secret, clock, -10)]) {
        const result = await execute(t.url, VerifyChallenge, { challenge, code }, newClient());
        expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
        expect(result.data ?? null).toBeNull();
      }
      expect(codesOf(await execute(t.url, VerifyChallenge, { challenge, code: 'x'.repeat(65) }, newClient()))).toEqual(['BAD_USER_INPUT']);
      expect(await sessionsOf(user.id)).toHaveLength(before);
      // The challenge survives a few wrong codes, so a typo does not send the user back to the password.
      expect((await execute(t.url, VerifyChallenge, { challenge, code: right }, newClient())).errors).toBeUndefined();
      clock.advance(30_000);
    });

    it('accepts each code once: the same code again, even with a new challenge, is refused', async () => {
      const { user, secret } = await enrolled();
      const code = codeAt(secret, clock);
      const first = await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code }, newClient());
      expect(first.errors).toBeUndefined();
      const replay = await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code }, newClient());
      expect(codesOf(replay)).toEqual(['UNAUTHENTICATED']);
      const sessions = await sessionsOf(user.id);
      expect(sessions.filter((s) => s.mfaVerifiedAt !== null)).toHaveLength(2); // the enrolling one and the first sign-in
      clock.advance(30_000);
    });

    it('lets only one of two concurrent sign-ins with the same code through', async () => {
      const { user, secret } = await enrolled();
      const code = codeAt(secret, clock);
      const [a, b] = [await challengeFor(user.email), await challengeFor(user.email)];
      const before = (await sessionsOf(user.id)).length;
      const results = await Promise.all([a, b].map((challenge) => execute(t.url, VerifyChallenge, { challenge, code }, newClient())));
      // The other is refused as a replay, or (when both arrive together) as a second check of the account's codes at once.
      const refusals = results.map((r) => codesOf(r)).filter((codes) => codes.length > 0);
      expect(refusals).toHaveLength(1);
      expect(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS']).toContain(refusals[0][0]);
      expect(await sessionsOf(user.id)).toHaveLength(before + 1);
      clock.advance(30_000);
    });

    it('accepts a challenge once, and not after it expired', async () => {
      const { user, secret } = await enrolled();
      const challenge = await challengeFor(user.email);
      expect((await execute(t.url, VerifyChallenge, { challenge, code: codeAt(secret, clock) }, newClient())).errors).toBeUndefined();
      clock.advance(30_000);
      const reused = await execute(t.url, VerifyChallenge, { challenge, code: codeAt(secret, clock) }, newClient());
      expect(codesOf(reused)).toEqual(['UNAUTHENTICATED']);
      expect(reused.errors![0].extensions).toMatchObject({ reason: 'MFA_CHALLENGE_INVALID' });

      const stale = await challengeFor(user.email);
      clock.advance(300_000 + 1_000);
      const expired = await execute(t.url, VerifyChallenge, { challenge: stale, code: codeAt(secret, clock) }, newClient());
      expect(expired.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MFA_CHALLENGE_INVALID' });
      expect(codesOf(await execute(t.url, VerifyChallenge, { challenge: 'made-up', code: codeAt(secret, clock) }, newClient()))).toEqual(['UNAUTHENTICATED']);
      // None of these spent the code: it still signs in with a new challenge.
      expect((await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code: codeAt(secret, clock) }, newClient())).errors).toBeUndefined();
      clock.advance(30_000);
    });

    it('burns a challenge after five wrong codes, and throttles wrong codes per account across challenges', async () => {
      const { user, secret } = await enrolled();
      const wrong = codeAt(secret, clock) === '000000' ? '111111' : '000000';
      const challenge = await challengeFor(user.email);
      for (let i = 0; i < 5; i++) expect(codesOf(await execute(t.url, VerifyChallenge, { challenge, code: wrong }, newClient()))).toEqual(['UNAUTHENTICATED']);
      const burnt = await execute(t.url, VerifyChallenge, { challenge, code: codeAt(secret, clock) }, newClient());
      expect(burnt.errors![0].extensions).toMatchObject({ reason: 'MFA_CHALLENGE_INVALID' });

      // Five failures in, every further wrong code makes the account wait longer, whatever the challenge or address.
      const throttled = await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code: codeAt(secret, clock) }, newClient());
      expect(codesOf(throttled)).toEqual(['TOO_MANY_REQUESTS']);
      expect(throttled.errors![0].extensions).toMatchObject({ retryAfterSeconds: 1 });
      expect(await users().count(SessionEntity, { userId: user.id, mfaVerifiedAt: { $ne: null } })).toBe(1);
      clock.advance(1_000);
      expect((await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code: codeAt(secret, clock) }, newClient())).errors).toBeUndefined();
      clock.advance(30_000);
    });

    it('keeps challenges and recovery codes hashed, so the database holds nothing that signs in', async () => {
      const { user } = await enrolled();
      const challenge = await challengeFor(user.email);
      const stored = await users().find(MfaChallengeEntity, { userId: user.id });
      expect(JSON.stringify(stored)).not.toContain(challenge);
    });
  });

  describe('recovery codes', () => {
    it('sign in once each, end the other sessions and mail the owner', async () => {
      const { user, recoveryCodes, refreshToken } = await enrolled();
      const [code] = recoveryCodes;
      const result = await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code: code.toUpperCase().replace(/-/g, ' ') }, newClient());
      expect(result.errors).toBeUndefined();
      expect(result.data!.verifyMfaChallenge.user.recoveryCodesLeft).toBe(9);
      const again = await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code }, newClient());
      expect(codesOf(again)).toEqual(['UNAUTHENTICATED']);

      expect(codesOf(await execute(t.url, Refresh, { refreshToken }))).toEqual(['UNAUTHENTICATED']);
      const sessions = await sessionsOf(user.id);
      expect(sessions[0].endReason).toBe(SessionEndReason.RECOVERY_CODE_USED);
      expect(sessions.filter((s) => s.endedAt === null)).toHaveLength(1);
      const mail = await mailTo(user.email, 'A recovery code was used');
      expect(mail.text).toContain('Other sessions signed out: 1');
      expect(mail.text).toContain('Recovery codes left: 9');
    });

    it('are replaced by regenerateRecoveryCodes, after which the old ones fail', async () => {
      const { user, recoveryCodes, accessToken, secret } = await enrolled();
      const wrong = await execute(t.url, RegenerateCodes, { code: codeAt(secret, clock, -10) }, { token: accessToken });
      expect(codesOf(wrong)).toEqual(['BAD_USER_INPUT']);
      const before = await users().find(RecoveryCodeEntity, { userId: user.id }, { orderBy: { id: 'asc' } });
      expect((await users().find(RecoveryCodeEntity, { userId: user.id }, { orderBy: { id: 'asc' } })).map((c) => c.codeHash)).toEqual(before.map((c) => c.codeHash));

      const renewed = (await execute(t.url, RegenerateCodes, { code: codeAt(secret, clock) }, { token: accessToken })).data!.regenerateRecoveryCodes;
      expect(renewed.recoveryCodes).toHaveLength(10);
      expect(renewed.recoveryCodes).not.toContain(recoveryCodes[0]);
      const old = await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code: recoveryCodes[0] }, newClient());
      expect(codesOf(old)).toEqual(['UNAUTHENTICATED']);
      expect((await execute(t.url, VerifyChallenge, { challenge: await challengeFor(user.email), code: renewed.recoveryCodes![0] }, newClient())).errors).toBeUndefined();
      clock.advance(30_000);
    });
  });

  describe('turning it off', () => {
    it('needs the password and a code; a wrong one of either changes nothing', async () => {
      const { user, accessToken, secret } = await enrolled();
      const wrongPassword = await execute(t.url, DisableMfa, { password: 'not the password', code: codeAt(secret, clock) }, { token: accessToken });
      expect(codesOf(wrongPassword)).toEqual(['BAD_USER_INPUT']);
      expect(wrongPassword.errors![0].extensions).toMatchObject({ field: 'password' });
      const wrongCode = await execute(t.url, DisableMfa, { password: PASSWORD, code: codeAt(secret, clock, -10) }, { token: accessToken });
      expect(wrongCode.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect(await users().count(MfaFactorEntity, { userId: user.id })).toBe(1);
      expect(await users().count(RecoveryCodeEntity, { userId: user.id })).toBe(10);
      expect(codesOf(await login(user.email))).toEqual(['MFA_REQUIRED']);
    });

    it('ends the other sessions, mails the owner, and sign-in needs only the password again', async () => {
      const { user, accessToken, secret } = await enrolled();
      const laptop = await signInWithCode(t.url, { email: user.email, password: PASSWORD }, secret, clock);
      const result = await execute(t.url, DisableMfa, { password: PASSWORD, code: codeAt(secret, clock) }, { token: accessToken });
      expect(result.data).toEqual({ disableMfa: true });
      expect(codesOf(await execute(t.url, Refresh, { refreshToken: laptop.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect((await users().findOneOrFail(SessionEntity, { id: claimsOf(laptop.accessToken).sid as string })).endReason).toBe(SessionEndReason.MFA_DISABLED);
      expect(await users().count(MfaFactorEntity, { userId: user.id })).toBe(0);
      expect(await users().count(RecoveryCodeEntity, { userId: user.id })).toBe(0);
      expect((await login(user.email)).data?.login.accessToken).toEqual(expect.any(String));
      expect((await mailTo(user.email, 'Two-step sign-in was turned off')).text).toContain('Other sessions signed out: 1');
      clock.advance(30_000);
    });
  });

  describe('the session list', () => {
    it('shows which sessions proved a second factor', async () => {
      const registered = await register();
      const enrolment = await enrol(t.url, registered.accessToken, PASSWORD, clock);
      const passwordOnly = await login(registered.user.email); // answers MFA_REQUIRED now: no session
      expect(codesOf(passwordOnly)).toEqual(['MFA_REQUIRED']);
      const second = await signInWithCode(t.url, { email: registered.user.email, password: PASSWORD }, enrolment.secret, clock);
      const sessions = (await execute(t.url, MyMfa, undefined, { token: second.accessToken })).data!.me!.sessions;
      expect(sessions).toHaveLength(2);
      expect(sessions.every((s) => s.mfaVerified)).toBe(true);

      const plain = await register();
      const listed = (await execute(t.url, MyMfa, undefined, { token: plain.accessToken })).data!.me!.sessions;
      expect(listed).toEqual([expect.objectContaining({ mfaVerified: false, mfaVerifiedAt: null })]);
    });
  });

  describe('MFA_REQUIRED_ROLES (ADMIN by default)', () => {
    it('withholds staff roles from an admin session without a second factor, with a reason, and writes nothing', async () => {
      const admin = (await login(ADMIN.email, ADMIN.password)).data!.login;
      expect(claimsOf(admin.accessToken)).toMatchObject({ roles: ['CUSTOMER'], withheld_roles: ['AGENT', 'ADMIN'], amr: ['pwd'] });
      const input = { sku: `MFA-${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Guarded', priceAmount: 100, currency: 'EUR' };
      const refused = await execute(t.url, CreateProduct, { input }, { token: admin.accessToken });
      expect(codesOf(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors![0].extensions).toMatchObject({ reason: 'MFA_ENROLLMENT_REQUIRED' });
      expect(await t.stack.subgraphs.catalog.orm.em.fork().count(ProductEntity, { sku: input.sku })).toBe(0);
    });

    it('gives them back once enrolled; a session from before enrolling needs a code first', async () => {
      const before = (await login(ADMIN.email, ADMIN.password)).data!.login;
      const other = (await login(ADMIN.email, ADMIN.password)).data!.login;
      const enrolment = await enrol(t.url, before.accessToken, ADMIN.password, clock);
      const input = () => ({ sku: `MFA-${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Allowed', priceAmount: 100, currency: 'EUR' });
      expect(claimsOf(enrolment.accessToken)).toMatchObject({ roles: ['CUSTOMER', 'AGENT', 'ADMIN'], amr: ['pwd', 'otp'] });
      expect((await execute(t.url, CreateProduct, { input: input() }, { token: enrolment.accessToken })).errors).toBeUndefined();

      const refreshed = (await execute(t.url, Refresh, { refreshToken: other.refreshToken })).data!.refreshToken;
      expect(claimsOf(refreshed.accessToken).withheld_roles).toEqual(['AGENT', 'ADMIN']);
      expect((await execute(t.url, CreateProduct, { input: input() }, { token: refreshed.accessToken })).errors![0].extensions).toMatchObject({ reason: 'MFA_ENROLLMENT_REQUIRED' });
      const stepped = (await execute(t.url, StepUp, { code: codeAt(enrolment.secret, clock) }, { token: refreshed.accessToken })).data!.stepUpMfa;
      expect((await execute(t.url, CreateProduct, { input: input() }, { token: stepped.accessToken })).errors).toBeUndefined();
      // From now on the session keeps its staff roles across refreshes.
      const again = (await execute(t.url, Refresh, { refreshToken: refreshed.refreshToken })).data!.refreshToken;
      expect(claimsOf(again.accessToken)).toMatchObject({ roles: ['CUSTOMER', 'AGENT', 'ADMIN'] });
      expect(claimsOf(again.accessToken).withheld_roles).toBeUndefined();
      clock.advance(30_000);
    });
  });

  describe('step-up', () => {
    const tools = orderTools(() => t);

    /** A new admin with MFA on, signed in with a code. */
    const newAdmin = async () => {
      const { user, secret } = await enrolled();
      const em = users();
      Object.assign(await em.findOneOrFail(UserEntity, { id: user.id }), { roles: ['CUSTOMER', 'AGENT', 'ADMIN'] });
      await em.flush();
      return { secret, ...(await signInWithCode(t.url, { email: user.email, password: PASSWORD }, secret, clock)) };
    };

    it('grants a role only within minutes of a code', async () => {
      const admin = await newAdmin();
      const target = await register();
      clock.advance(5 * 60_000);
      const stale = await execute(t.url, GrantRole, { userId: target.user.id, role: 'AGENT' }, { token: admin.accessToken });
      expect(codesOf(stale)).toEqual(['FORBIDDEN']);
      expect(stale.errors![0].extensions).toMatchObject({ reason: 'STEP_UP_REQUIRED', maxAgeSeconds: 300 });
      expect((await users().findOneOrFail(UserEntity, { id: target.user.id })).roles).toEqual(['CUSTOMER']);

      const stepped = (await execute(t.url, StepUp, { code: codeAt(admin.secret, clock) }, { token: admin.accessToken })).data!.stepUpMfa;
      expect(stepped).toMatchObject({ recoveryCodes: null, mfaVerifiedAt: clock.now().toISOString() });
      const granted = await execute(t.url, GrantRole, { userId: target.user.id, role: 'AGENT' }, { token: stepped.accessToken });
      expect(granted.data!.grantRole.roles).toEqual(['CUSTOMER', 'AGENT']);
      clock.advance(30_000);
    });

    it('refuses a refund by an agent whose session proved no recent code, and refunds nothing', async () => {
      const customerToken = await t.token((await register()).user.id);
      const productId = await tools.product({ priceAmount: 700 });
      const order = (await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 1 }] } }, { token: customerToken })).data!.placeOrder;
      await execute(t.url, ConfirmPayment, { orderId: order.id, paymentMethod: 'pm_card_visa' }, { token: customerToken });
      await tools.settled(order.id, 'PAID');
      // The demo agent holds no role of MFA_REQUIRED_ROLES: staff work without a second factor, refunds not.
      const agent = (await login('agent@shop.test', 'agent-demo-password')).data!.login;
      expect((await execute(t.url, ShipOrder, { id: order.id }, { token: agent.accessToken })).errors).toBeUndefined();

      const refused = await execute(t.url, Refund, { id: order.id }, { token: agent.accessToken });
      expect(codesOf(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors![0].extensions).toMatchObject({ reason: 'STEP_UP_REQUIRED' });
      expect(await tools.order(order.id)).toMatchObject({ status: 'SHIPPED', refundedAmount: 0 });
      expect(await tools.providerRefunds(order.id)).toEqual([]);

      const enrolment = await enrol(t.url, agent.accessToken, 'agent-demo-password', clock);
      const refunded = await execute(t.url, Refund, { id: order.id }, { token: enrolment.accessToken });
      expect(refunded.errors).toBeUndefined();
      expect(refunded.data!.refundOrder.refunded).toEqual({ amount: 700 });
    });

    it('changes an email with the password alone without MFA, and with a recent code when MFA is on', async () => {
      const plain = await register();
      const wrong = await execute(t.url, ChangeEmail, { input: { newEmail: newEmail(), currentPassword: 'not the password' } }, { token: plain.accessToken });
      expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      const fresh = newEmail();
      expect((await execute(t.url, ChangeEmail, { input: { newEmail: fresh.toUpperCase(), currentPassword: PASSWORD } }, { token: plain.accessToken })).data!.changeEmail).toEqual({ id: plain.user.id, email: fresh });
      const taken = await execute(t.url, ChangeEmail, { input: { newEmail: ADMIN.email, currentPassword: PASSWORD } }, { token: plain.accessToken });
      expect(taken.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'newEmail' });

      const { user, accessToken, secret } = await enrolled();
      clock.advance(5 * 60_000);
      const target = newEmail();
      const stale = await execute(t.url, ChangeEmail, { input: { newEmail: target, currentPassword: PASSWORD } }, { token: accessToken });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
      expect((await users().findOneOrFail(UserEntity, { id: user.id })).email).toBe(user.email);
      const stepped = (await execute(t.url, StepUp, { code: codeAt(secret, clock) }, { token: accessToken })).data!.stepUpMfa;
      expect((await execute(t.url, ChangeEmail, { input: { newEmail: target, currentPassword: PASSWORD } }, { token: stepped.accessToken })).data!.changeEmail.email).toBe(target);
      clock.advance(30_000);
    });

    it('refuses a step-up without a session, or with a wrong or reused code, and leaves the session as it was', async () => {
      const { accessToken, secret } = await enrolled();
      const session = () => users().findOneOrFail(SessionEntity, { id: claimsOf(accessToken).sid as string });
      expect(codesOf(await execute(t.url, StepUp, { code: codeAt(secret, clock) }))).toEqual(['UNAUTHENTICATED']);
      const enrolledAt = (await session()).mfaVerifiedAt;
      clock.advance(60_000);
      const wrong = await execute(t.url, StepUp, { code: codeAt(secret, clock, -10) }, { token: accessToken });
      expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect((await session()).mfaVerifiedAt).toEqual(enrolledAt);

      const code = codeAt(secret, clock);
      expect((await execute(t.url, StepUp, { code }, { token: accessToken })).errors).toBeUndefined();
      const steppedAt = (await session()).mfaVerifiedAt;
      expect(steppedAt?.toISOString()).toBe(clock.now().toISOString());
      clock.advance(10_000);
      const reused = await execute(t.url, StepUp, { code }, { token: accessToken });
      expect(reused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      expect((await session()).mfaVerifiedAt).toEqual(steppedAt);
      clock.advance(30_000);
    });
  });
});

describe('rotating the key TOTP secrets are encrypted with', () => {
  const OLD_KEY = 'o'.repeat(32);
  const NEW_KEY = 'n'.repeat(32);
  let dataDir: string;
  let t: TestStack | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-mfa-keys-'));
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads secrets sealed with the retiring key, seals them again with the new one at start-up, and then needs only the new one', async () => {
    const clock = new TestClock(T0);
    const restart = async (env: Record<string, string>) => {
      await t?.stop();
      t = await startTestStack({ dataDir, clock, env });
      return t;
    };
    let stack = await restart({ MFA_ENCRYPTION_KEY: OLD_KEY });
    const email = newEmail();
    const registered = (await execute(stack.url, Register, { input: { email, password: PASSWORD, name: 'Rotating' } }, newClient())).data!.register;
    const { secret } = await enrol(stack.url, registered.accessToken, PASSWORD, clock);
    const sealed = () => t!.stack.subgraphs.users.orm.em.fork().findOneOrFail(MfaFactorEntity, { userId: registered.user.id });
    const first = (await sealed()).sealedSecret;
    expect(new SecretBox([OLD_KEY], MFA_SECRET_LABEL).open(first, registered.user.id).plaintext).toBe(secret);
    expect(() => new SecretBox([NEW_KEY], MFA_SECRET_LABEL).open(first, registered.user.id)).toThrow();

    stack = await restart({ MFA_ENCRYPTION_KEY: NEW_KEY, MFA_ENCRYPTION_KEY_PREVIOUS: OLD_KEY });
    expect(new SecretBox([NEW_KEY], MFA_SECRET_LABEL).open((await sealed()).sealedSecret, registered.user.id).plaintext).toBe(secret);
    expect((await signInWithCode(stack.url, { email, password: PASSWORD }, secret, clock)).accessToken).toEqual(expect.any(String));

    stack = await restart({ MFA_ENCRYPTION_KEY: NEW_KEY });
    expect((await signInWithCode(stack.url, { email, password: PASSWORD }, secret, clock)).accessToken).toEqual(expect.any(String));
  }, 60_000);
});
