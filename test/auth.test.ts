import { signCallerHeader, signClientHeader } from '../platform/caller';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { signAccessToken, verifyAccessToken } from '../platform/tokens';
import { RefreshTokenEntity } from '../subgraphs/users/refresh-token.entity';
import { SessionEndReason, SessionEntity } from '../subgraphs/users/session.entity';
import { UserEntity } from '../subgraphs/users/user.entity';
import { graphql } from './__generated__/index';
import { claimsOf, newClient, newEmail } from './support/accounts';
import { TestClock } from './support/clock';
import { codesOf, execute, type Result } from './support/graphql';
import { connect } from './support/live';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const Register = graphql(`
  mutation AuthRegister($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      sessionExpiresAt
      user { id email name roles }
    }
  }
`);

const Login = graphql(`
  mutation AuthLogin($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      user { id email roles sessions { id current } }
    }
  }
`);

const Refresh = graphql(`
  mutation AuthRefresh($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      sessionExpiresAt
      user { id roles }
    }
  }
`);

const Logout = graphql(`
  mutation AuthLogout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

const WhoAmI = graphql(`
  query AuthWhoAmI {
    me { id email roles }
  }
`);

const StockWatch = graphql(`
  subscription AuthStockWatch($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { productId available }
  }
`);

const PASSWORD = 'correct horse battery';
const T0 = new Date('2031-03-01T08:00:00Z');

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function expectRefused(result: Result<unknown>): void {
  expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
  expect(result.data ?? null).toBeNull();
}

describe('accounts and sessions through the gateway', () => {
  const clock = new TestClock(T0);
  let t: TestStack;

  const register = async (email = newEmail(), client = newClient()) => {
    const result = await execute(t.url, Register, { input: { email, password: PASSWORD, name: 'Robin Reader' } }, client);
    expect(result.errors).toBeUndefined();
    return result.data!.register;
  };
  const login = (email: string, password: string, client = newClient()) => execute(t.url, Login, { input: { email, password } }, client);
  const refresh = (refreshToken: string) => execute(t.url, Refresh, { refreshToken }, newClient());
  const counts = async () => {
    const em = t.stack.subgraphs.users.orm.em.fork();
    return { users: await em.count(UserEntity), sessions: await em.count(SessionEntity), tokens: await em.count(RefreshTokenEntity) };
  };

  beforeAll(async () => {
    t = await startTestStack({ clock, env: { TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => t.stop());

  describe('registration', () => {
    it('creates a CUSTOMER with a lower-cased email, signs them in, and stores neither password nor refresh token in the clear', async () => {
      const email = newEmail();
      const payload = await register(email.toUpperCase());
      expect(payload.user).toMatchObject({ email, name: 'Robin Reader', roles: ['CUSTOMER'] });
      expect(payload.accessTokenExpiresAt).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
      expect(payload.sessionExpiresAt).toBe(new Date(clock.now().getTime() + 30 * 24 * 60 * 60_000).toISOString());
      expect((await execute(t.url, WhoAmI, undefined, { token: payload.accessToken })).data).toEqual({ me: { id: payload.user.id, email, roles: ['CUSTOMER'] } });

      const em = t.stack.subgraphs.users.orm.em.fork();
      const user = await em.findOneOrFail(UserEntity, { id: payload.user.id });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(user.passwordHash).not.toContain(PASSWORD);
      const sessions = await em.find(SessionEntity, { userId: user.id });
      expect(sessions).toHaveLength(1);
      expect(sessions[0].clientAddress).toMatch(/^203\.0\./);
      const tokens = await em.find(RefreshTokenEntity, { sessionId: sessions[0].id });
      expect(tokens).toHaveLength(1);
      expect(tokens[0].tokenHash).not.toBe(payload.refreshToken);
      expect(tokens[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(claimsOf(payload.accessToken)).toMatchObject({ sub: user.id, sid: sessions[0].id, roles: ['CUSTOMER'] });
    });

    it.each([
      ['an invalid email', { email: 'not-an-email', password: PASSWORD, name: 'Robin' }, 'email'],
      ['a password under 10 characters', { email: 'short.password@shop.test', password: '123456789', name: 'Robin' }, 'password'],
      ['an empty name', { email: 'empty.name@shop.test', password: PASSWORD, name: '' }, 'name'],
      ['a blank name', { email: 'blank.name@shop.test', password: PASSWORD, name: '   ' }, 'name'],
    ])('refuses %s with BAD_USER_INPUT naming the field, echoing nothing and writing nothing', async (_case, input, field) => {
      const before = await counts();
      const result = await execute(t.url, Register, { input }, newClient());
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toMatchObject({ field });
      expect(result.errors![0].message).toContain(field);
      expect(JSON.stringify(result)).not.toContain(input.password);
      expect(await counts()).toEqual(before);
    });

    it('names every invalid field at once', async () => {
      const result = await execute(t.url, Register, { input: { email: 'nope', password: 'short', name: '' } }, newClient());
      expect(result.errors![0].extensions!.violations).toEqual([
        { field: 'email', message: 'email must be a valid email address' },
        { field: 'password', message: 'password must be at least 10 characters' },
        { field: 'name', message: 'name must not be empty' },
      ]);
    });

    it('refuses an email already registered, in any case, with CONFLICT naming the field and writing nothing', async () => {
      const email = newEmail();
      await register(email);
      const before = await counts();
      const result = await execute(t.url, Register, { input: { email: email.toUpperCase(), password: 'another password', name: 'Someone Else' } }, newClient());
      expect(codesOf(result)).toEqual(['CONFLICT']);
      expect(result.errors![0]).toMatchObject({ message: 'An account with this email already exists', extensions: { field: 'email' } });
      expect(await counts()).toEqual(before);
    });
  });

  describe('login', () => {
    it('signs in with the right password, answering the user with their own fields and current session', async () => {
      const { user } = await register();
      const result = await login(user.email, PASSWORD);
      expect(result.errors).toBeUndefined();
      const payload = result.data!.login;
      expect(payload.user).toMatchObject({ id: user.id, email: user.email, roles: ['CUSTOMER'] });
      expect(payload.user.sessions).toHaveLength(2);
      expect(payload.user.sessions.find((s) => s.current)?.id).toBe(claimsOf(payload.accessToken).sid);
      expect((await execute(t.url, WhoAmI, undefined, { token: payload.accessToken })).data!.me!.id).toBe(user.id);
    });

    it('answers a wrong password and an unknown email with the same error, and starts no session', async () => {
      const { user } = await register();
      const before = await counts();
      const wrongPassword = await login(user.email, 'not the password');
      const unknownEmail = await login(newEmail(), PASSWORD);
      expectRefused(wrongPassword);
      expect(unknownEmail.errors).toEqual(wrongPassword.errors);
      expect(wrongPassword.errors![0].message).toBe('Email or password is incorrect');
      expect(await counts()).toEqual(before);
    });

    it('refuses a malformed email with BAD_USER_INPUT naming the field', async () => {
      const result = await login('no-at-sign', PASSWORD);
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toMatchObject({ field: 'email' });
    });
  });

  describe('access tokens at the gateway', () => {
    let userId: string;
    let accessToken: string;

    beforeAll(async () => {
      ({ accessToken, user: { id: userId } } = await register());
    });

    const me = (token: string) => execute(t.url, WhoAmI, undefined, { token });
    const expect401 = (result: Result<unknown>) => {
      expect(result.status).toBe(401);
      expectRefused(result);
    };

    it('refuses an unsigned token (alg: none)', async () => {
      const now = Math.floor(clock.now().getTime() / 1000);
      const claims = { sub: userId, roles: ['CUSTOMER', 'ADMIN'], iss: 'shop-users', aud: 'shop-supergraph', iat: now, exp: now + 600 };
      expect401(await me(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`));
    });

    it('refuses a token signed with another key', async () => {
      const forged = await signAccessToken({ userId, roles: ['ADMIN'], sessionId: null }, { secret: 'an-attacker-secret-that-is-long-enough', ttlSeconds: 600 }, clock.now().getTime());
      expect401(await me(forged));
    });

    it('refuses a token whose claims were changed after signing', async () => {
      const [header, payload, signature] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      expect401(await me(`${header}.${base64url({ ...claims, roles: ['CUSTOMER', 'ADMIN'] })}.${signature}`));
    });

    it('refuses an expired token, by the gateway clock, and a refresh gives a working one', async () => {
      const { accessToken: fresh, refreshToken } = await register();
      expect((await me(fresh)).status).toBe(200);
      clock.advance(15 * 60_000 + 1_000);
      const expired = await me(fresh);
      expect401(expired);
      expect(expired.errors![0].message).toBe('Access token expired');
      const renewed = await refresh(refreshToken);
      expect((await me(renewed.data!.refreshToken.accessToken)).status).toBe(200);
    });

    it('refuses a malformed Authorization header instead of treating the request as anonymous', async () => {
      const result = await execute(t.url, WhoAmI, undefined, { headers: { authorization: `Token ${accessToken}` } });
      expect401(result);
    });

    it('checks the token in the graphql-ws connection_init payload once per connection', async () => {
      const { accessToken: valid } = await register();
      const good = connect(t.url, { authorization: `Bearer ${valid}` });
      const forged = connect(t.url, { authorization: `Bearer ${base64url({ alg: 'none' })}.${base64url({ sub: userId })}.` });
      try {
        const stock = good.subscribe(StockWatch, { productIds: [DEMO_PRODUCTS[0].id] });
        await stock.count(1);
        expect(stock.data[0].stockLevelChanged.productId).toBe(DEMO_PRODUCTS[0].id);
        forged.subscribe(StockWatch, { productIds: [DEMO_PRODUCTS[0].id] });
        await waitFor(() => forged.closed.code !== null);
        expect(forged.closed.code).toBe(4403);
      } finally {
        await Promise.all([good.dispose(), forged.dispose()]);
      }
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use: the new token works once, the access token keeps the session id', async () => {
      const first = await register();
      const second = await refresh(first.refreshToken);
      expect(second.errors).toBeUndefined();
      const next = second.data!.refreshToken;
      expect(next.refreshToken).not.toBe(first.refreshToken);
      expect(claimsOf(next.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
      const third = await refresh(next.refreshToken);
      expect(third.errors).toBeUndefined();
    });

    it("treats a spent refresh token presented again as theft and ends the whole session, not the user's others", async () => {
      const { user, refreshToken: r1, accessToken } = await register();
      const other = (await login(user.email, PASSWORD)).data!.login;
      const r2 = (await refresh(r1)).data!.refreshToken.refreshToken;

      const replayed = await refresh(r1);
      expectRefused(replayed);
      expect(replayed.errors![0].message).toMatch(/already used/);
      expectRefused(await refresh(r2));

      const session = await t.stack.subgraphs.users.orm.em.fork().findOneOrFail(SessionEntity, { id: claimsOf(accessToken).sid as string });
      expect(session.endReason).toBe(SessionEndReason.REUSE_DETECTED);
      expect((await refresh(other.refreshToken)).errors).toBeUndefined();
    });

    it('lets exactly one of two concurrent refreshes with one token win, and counts the other as reuse', async () => {
      const { refreshToken, accessToken } = await register();
      const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
      expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
      expect(results.flatMap(codesOf)).toEqual(['UNAUTHENTICATED']);
      const session = await t.stack.subgraphs.users.orm.em.fork().findOneOrFail(SessionEntity, { id: claimsOf(accessToken).sid as string });
      expect(session.endReason).toBe(SessionEndReason.REUSE_DETECTED);
    });

    it('ends a session unused for SESSION_IDLE_DAYS (30), and keeps one that is refreshed in time', async () => {
      const day = 24 * 60 * 60_000;
      let { refreshToken } = await register();
      for (let i = 0; i < 2; i++) {
        clock.advance(30 * day - 1);
        const renewed = await refresh(refreshToken);
        expect(renewed.errors).toBeUndefined();
        expect(renewed.data!.refreshToken.sessionExpiresAt).toBe(new Date(clock.now().getTime() + 30 * day).toISOString());
        refreshToken = renewed.data!.refreshToken.refreshToken;
      }
      clock.advance(30 * day);
      const expired = await refresh(refreshToken);
      expectRefused(expired);
      expect(expired.errors![0].message).toBe('Session expired; log in again');
    });

    it('logs out: the refresh token stops working at once, the access token when it expires', async () => {
      const { refreshToken, accessToken } = await register();
      expect((await execute(t.url, Logout, { refreshToken })).data).toEqual({ logout: true });
      expect((await execute(t.url, Logout, { refreshToken })).data).toEqual({ logout: false });
      expectRefused(await refresh(refreshToken));
      expect((await execute(t.url, WhoAmI, undefined, { token: accessToken })).status).toBe(200);
      clock.advance(15 * 60_000 + 1_000);
      expect((await execute(t.url, WhoAmI, undefined, { token: accessToken })).status).toBe(401);
    });

    it('refuses an unknown refresh token and answers false to logging it out', async () => {
      expectRefused(await refresh('not-a-token-we-issued'));
      expect((await execute(t.url, Logout, { refreshToken: 'not-a-token-we-issued' })).data).toEqual({ logout: false });
    });
  });

  describe('login throttling', () => {
    const refusedFor = (result: Result<unknown>): number => {
      expect(codesOf(result)).toEqual(['TOO_MANY_REQUESTS']);
      return result.errors![0].extensions!.retryAfterSeconds as number;
    };

    it('slows repeated failures for one email, then refuses it for 15 minutes even with the right password', async () => {
      const { user } = await register();
      const client = newClient();
      const attempt = (password: string) => login(user.email, password, client);
      for (let i = 0; i < 5; i++) expectRefused(await attempt('wrong password'));
      for (const wait of [1, 2, 4, 8, 16]) {
        expect(refusedFor(await attempt(PASSWORD))).toBe(wait);
        clock.advance(wait * 1000 - 1);
        expect(refusedFor(await attempt('wrong password'))).toBe(1);
        clock.advance(1);
        expectRefused(await attempt('wrong password'));
      }
      expect(refusedFor(await attempt(PASSWORD))).toBe(15 * 60);
      const other = await register(newEmail(), client);
      expect((await login(other.user.email, PASSWORD, client)).errors).toBeUndefined();

      clock.advance(15 * 60_000);
      expect((await attempt(PASSWORD)).errors).toBeUndefined();
    });

    it("locks an attacker's address out of the account for 15 minutes, and not the owner signing in from another address", async () => {
      const { user } = await register();
      const attacker = newClient();
      // A minute apart: each attempt is past its wait, all within the 15 minutes the failures are remembered.
      for (let i = 0; i < 10; i++) {
        expectRefused(await login(user.email, 'wrong password', attacker));
        clock.advance(60_000);
      }
      expect(refusedFor(await login(user.email, PASSWORD, attacker))).toBe(15 * 60 - 60);
      expect((await login(user.email, PASSWORD, newClient())).errors).toBeUndefined();
    });

    it('slows, never locks out, the owner on a new address while the account is attacked from many addresses', async () => {
      const { user } = await register();
      for (let i = 0; i < 12; i++) expectRefused(await login(user.email, 'wrong password', newClient()));
      // Under attack every address waits from its first failure for this account, a new attacker's too...
      const attacker = newClient();
      expectRefused(await login(user.email, 'wrong password', attacker));
      expect(refusedFor(await login(user.email, 'wrong password', attacker))).toBe(1);
      // ...and the owner on a new address signs in at once, or after a typo waits a second.
      expect((await login(user.email, PASSWORD, newClient())).errors).toBeUndefined();
      const owner = newClient();
      expectRefused(await login(user.email, 'typo password', owner));
      expect(refusedFor(await login(user.email, PASSWORD, owner))).toBe(1);
      clock.advance(1_000);
      expect((await login(user.email, PASSWORD, owner)).errors).toBeUndefined();
    });

    it("forgets an email's failures after a successful login", async () => {
      const { user } = await register();
      const client = newClient();
      for (let i = 0; i < 4; i++) expectRefused(await login(user.email, 'wrong password', client));
      expect((await login(user.email, PASSWORD, client)).errors).toBeUndefined();
      for (let i = 0; i < 5; i++) expectRefused(await login(user.email, 'wrong password', client));
    });

    it('throttles one client address across many emails, without touching other addresses', async () => {
      const { user } = await register();
      const attacker = newClient();
      for (let i = 0; i < 20; i++) expectRefused(await login(newEmail(), PASSWORD, attacker));
      expect(refusedFor(await login(user.email, PASSWORD, attacker))).toBe(1);
      // Entries a client adds in front of the proxy's own are not believed.
      const spoofed = { headers: { 'x-forwarded-for': `198.51.100.7, ${attacker.headers['x-forwarded-for']}` } };
      expect(refusedFor(await login(user.email, PASSWORD, spoofed))).toBe(1);
      expect((await login(user.email, PASSWORD, newClient())).errors).toBeUndefined();
    });

    it('counts sign-ups with already registered emails against the client address', async () => {
      const { user } = await register();
      const prober = newClient();
      for (let i = 0; i < 20; i++) {
        expect(codesOf(await execute(t.url, Register, { input: { email: user.email, password: PASSWORD, name: 'Probe' } }, prober))).toEqual(['CONFLICT']);
      }
      const blocked = await execute(t.url, Register, { input: { email: newEmail(), password: PASSWORD, name: 'Probe' } }, prober);
      expect(refusedFor(blocked)).toBe(1);
    });
  });

  describe('subgraphs called directly', () => {
    const post = (url: string, query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const grantAdmin = 'mutation ($userId: ID!) { grantRole(userId: $userId, role: ADMIN) { id roles } }';

    it('refuses a forged caller header claiming ADMIN, and nothing changes', async () => {
      const { user } = await register();
      const forged = signCallerHeader({ userId: user.id, roles: ['ADMIN'], sessionId: null }, 'a-guessed-secret-that-is-not-the-real-one');
      const response = await post(t.stack.subgraphs.users.url, grantAdmin, { 'x-shop-caller': forged }, { userId: user.id });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const stored = await t.stack.subgraphs.users.orm.em.fork().findOneOrFail(UserEntity, { id: user.id });
      expect(stored.roles).toEqual(['CUSTOMER']);
    });

    it('refuses a forged client header, and a genuine caller header replayed as one', async () => {
      const forged = signClientHeader({ address: '10.0.0.1', userAgent: null }, 'a-guessed-secret-that-is-not-the-real-one');
      expect((await post(t.stack.subgraphs.users.url, '{ me { id } }', { 'x-shop-client': forged })).status).toBe(401);
      const callerHeader = signCallerHeader({ userId: DEMO_ACCOUNTS[0].id, roles: ['CUSTOMER'], sessionId: null }, t.config.auth.internalSecret);
      expect((await post(t.stack.subgraphs.users.url, '{ me { id } }', { 'x-shop-client': callerHeader })).status).toBe(401);
    });

    it('ignores a raw access token: only the gateway reads tokens', async () => {
      const { accessToken } = await register();
      const anonymous = signCallerHeader(null, t.config.auth.internalSecret);
      const response = await post(t.stack.subgraphs.users.url, '{ me { id } }', { authorization: `Bearer ${accessToken}`, 'x-shop-caller': anonymous });
      expect(await response.json()).toEqual({ data: { me: null } });
    });
  });
});

describe('client addresses without trusted proxies (TRUST_PROXY_HOPS=0)', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  it('throttles by the connection address, whatever X-Forwarded-For claims', async () => {
    for (let i = 0; i < 20; i++) {
      const result = await execute(t.url, Login, { input: { email: `nobody${i}@shop.test`, password: PASSWORD } }, { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    }
    const customer = DEMO_ACCOUNTS[0];
    const blocked = await execute(t.url, Login, { input: { email: customer.email, password: customer.password } }, { headers: { 'x-forwarded-for': '198.51.100.99' } });
    expect(codesOf(blocked)).toEqual(['TOO_MANY_REQUESTS']);
  });
});

describe('rotating JWT_SECRET and INTERNAL_SECRET without logging anyone out', () => {
  const OLD_JWT = 'the-jwt-secret-being-retired-000000000';
  const OLD_INTERNAL = 'the-internal-secret-being-retired-0000';
  const OTHER = 'a-secret-nobody-configured-00000000000';
  let t: TestStack;
  const asCustomer = (secret: string) =>
    signAccessToken({ userId: DEMO_ACCOUNTS[0].id, roles: ['CUSTOMER'], sessionId: null }, { secret, ttlSeconds: 600 });
  const meAtUsers = (callerHeader: string) =>
    fetch(t.stack.subgraphs.users.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shop-caller': callerHeader }, body: JSON.stringify({ query: '{ me { id } }' }) });

  beforeAll(async () => {
    t = await startTestStack({ env: { JWT_SECRET_PREVIOUS: OLD_JWT, INTERNAL_SECRET_PREVIOUS: OLD_INTERNAL } });
  });
  afterAll(() => t.stop());

  it('accepts access tokens signed with the previous JWT secret, and none signed with another', async () => {
    const before = await execute(t.url, WhoAmI, {}, { token: await asCustomer(OLD_JWT) });
    expect(before.data?.me?.id).toBe(DEMO_ACCOUNTS[0].id);
    const other = await execute(t.url, WhoAmI, {}, { token: await asCustomer(OTHER) });
    expect(other.status).toBe(401);
    expect(codesOf(other)).toEqual(['UNAUTHENTICATED']);
  });

  it('signs new tokens with the current secret only', async () => {
    const customer = DEMO_ACCOUNTS[0];
    const login = await execute(t.url, Login, { input: { email: customer.email, password: customer.password } });
    const { accessToken } = login.data!.login;
    expect((await verifyAccessToken(accessToken, [t.config.auth.jwtSecret])).ok).toBe(true);
    expect((await verifyAccessToken(accessToken, [OLD_JWT])).ok).toBe(false);
  });

  it('lets subgraphs accept caller headers signed with the previous internal secret, and none signed with another', async () => {
    const caller = { userId: DEMO_ACCOUNTS[0].id, roles: ['CUSTOMER' as const], sessionId: null };
    expect(await (await meAtUsers(signCallerHeader(caller, OLD_INTERNAL))).json()).toEqual({ data: { me: { id: DEMO_ACCOUNTS[0].id } } });
    expect((await meAtUsers(signCallerHeader(caller, OTHER))).status).toBe(401);
  });
});
