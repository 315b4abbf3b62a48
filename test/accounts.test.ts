import { signCallerHeader } from '../platform/caller';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { OrderEntity, OrderLineEntity, OrderStatus } from '../subgraphs/orders/order.entity';
import { PaymentEntity, PaymentStatus } from '../subgraphs/payments/payment.entity';
import { AddressEntity } from '../subgraphs/users/address.entity';
import { RefreshTokenEntity } from '../subgraphs/users/refresh-token.entity';
import { SessionEntity } from '../subgraphs/users/session.entity';
import { UserEntity } from '../subgraphs/users/user.entity';
import type { UsersServices } from '../subgraphs/users/users.services';
import { graphql } from './__generated__/index';
import type { AddressInput, UpdateProfileInput } from './__generated__/graphql';
import { claimsOf, newClient, newEmail } from './support/accounts';
import { TestClock } from './support/clock';
import { codesOf, execute, type Result } from './support/graphql';
import { enrol, signInWithCode } from './support/mfa';
import { startTestStack, type TestStack } from './support/stack';

const SignUp = graphql(`
  mutation AccountSignUp($input: RegisterInput!) {
    register(input: $input) { accessToken refreshToken user { id email } }
  }
`);

const SignIn = graphql(`
  mutation AccountSignIn($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken user { id roles } }
  }
`);

const Renew = graphql(`
  mutation AccountRenew($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken user { roles } }
  }
`);

const GrantRole = graphql(`
  mutation AccountGrantRole($userId: ID!, $role: Role!) {
    grantRole(userId: $userId, role: $role) { id email roles }
  }
`);

const CustomerOrder = graphql(`
  query AccountCustomerOrder($id: ID!) {
    order(id: $id) { id payment { clientSecret } customer { id email } }
  }
`);

const MyOrderCount = graphql(`
  query AccountMyOrderCount {
    me { orders { totalCount } }
  }
`);

const CustomerPrivateFields = graphql(`
  query AccountCustomerPrivateFields($id: ID!) {
    order(id: $id) { customer { email phone roles addresses { city } defaultShippingAddress { city } } }
  }
`);

const CustomerSessions = graphql(`
  query AccountCustomerSessions($id: ID!) {
    order(id: $id) { customer { sessions { id } } }
  }
`);

const CustomerPreferences = graphql(`
  query AccountCustomerPreferences($id: ID!) {
    order(id: $id) { customer { preferences { locale } } }
  }
`);

const UpdateProfile = graphql(`
  mutation AccountUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { id name phone preferences { locale currency marketingEmails orderUpdates } }
  }
`);

const MyAddresses = graphql(`
  query AccountMyAddresses {
    me { addresses { id label recipient line1 line2 postalCode city region country phone } defaultShippingAddress { id } }
  }
`);

const AddAddress = graphql(`
  mutation AccountAddAddress($input: AddressInput!) {
    addAddress(input: $input) { id label recipient line1 line2 postalCode city region country phone }
  }
`);

const UpdateAddress = graphql(`
  mutation AccountUpdateAddress($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) { id city country }
  }
`);

const RemoveAddress = graphql(`
  mutation AccountRemoveAddress($id: ID!) {
    removeAddress(id: $id)
  }
`);

const SetDefaultAddress = graphql(`
  mutation AccountSetDefaultAddress($id: ID!) {
    setDefaultShippingAddress(id: $id) { id defaultShippingAddress { id } }
  }
`);

const MySessions = graphql(`
  query AccountMySessions {
    me { sessions { id current clientAddress userAgent createdAt lastUsedAt expiresAt } }
  }
`);

const RevokeSession = graphql(`
  mutation AccountRevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

const ChangePassword = graphql(`
  mutation AccountChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const PASSWORD = 'a long enough password';
const ADMIN = { email: 'root@shop.test', password: 'root-password-1234' };
const [customerAccount, agentAccount] = DEMO_ACCOUNTS;
const DAY = 24 * 60 * 60_000;

const HOME: AddressInput = { label: 'Home', recipient: 'Robin Reader', line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'de', phone: '+4930123456' };
const WORK: AddressInput = { recipient: 'Robin Reader', line1: '1 Main Street', line2: 'Floor 3', postalCode: 'SW1A 1AA', city: 'London', country: 'GB' };

describe('accounts: roles, ownership, profile, addresses, sessions', () => {
  const clock = new TestClock(new Date('2031-06-01T09:00:00Z'));
  let t: TestStack;

  const signUp = async () => {
    const result = await execute(t.url, SignUp, { input: { email: newEmail(), password: PASSWORD, name: 'Robin Reader' } }, newClient());
    expect(result.errors).toBeUndefined();
    return result.data!.register;
  };
  const signIn = async (email: string, password: string, client = newClient()) => {
    const result = await execute(t.url, SignIn, { input: { email, password } }, client);
    expect(result.errors).toBeUndefined();
    return result.data!.login;
  };
  const usersEm = () => t.stack.subgraphs.users.orm.em.fork();
  let adminSecret: string | null = null;
  /** The ADMIN signed in with a code, as MFA_REQUIRED_ROLES asks of its staff operations (enrolled on first use). */
  const signInAdmin = async () => {
    if (adminSecret === null) adminSecret = (await enrol(t.url, (await signIn(ADMIN.email, ADMIN.password)).accessToken, ADMIN.password, clock)).secret;
    return signInWithCode(t.url, ADMIN, adminSecret, clock, newClient().headers);
  };

  beforeAll(async () => {
    t = await startTestStack({ clock, env: { TRUST_PROXY_HOPS: '1', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  });
  afterAll(() => t.stop());

  describe('roles', () => {
    it('creates the first ADMIN from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
      const admin = await signIn(ADMIN.email, ADMIN.password);
      expect(admin.user.roles).toEqual(['CUSTOMER', 'AGENT', 'ADMIN']);
    });

    it('lets only an ADMIN grant roles: anonymous callers must log in, customers and agents are forbidden, nothing changes', async () => {
      const target = await signUp();
      const customer = await signIn(customerAccount.email, customerAccount.password);
      const agent = await signIn(agentAccount.email, agentAccount.password);
      const grant = (token?: string) => execute(t.url, GrantRole, { userId: target.user.id, role: 'ADMIN' }, { token });
      expect(codesOf(await grant())).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await grant(customer.accessToken))).toEqual(['FORBIDDEN']);
      expect(codesOf(await grant(agent.accessToken))).toEqual(['FORBIDDEN']);
      expect(codesOf(await grant(target.accessToken))).toEqual(['FORBIDDEN']);
      expect((await usersEm().findOneOrFail(UserEntity, { id: target.user.id })).roles).toEqual(['CUSTOMER']);
    });

    it('grants a role once however often asked; the user gets it with the next refresh and may then act on it', async () => {
      const admin = await signInAdmin();
      const target = await signUp();
      const orderId = await placeOrderFor(customerAccount.id);
      const first = await execute(t.url, GrantRole, { userId: target.user.id, role: 'AGENT' }, { token: admin.accessToken });
      expect(first.data!.grantRole).toEqual({ id: target.user.id, email: target.user.email, roles: ['CUSTOMER', 'AGENT'] });
      const again = await execute(t.url, GrantRole, { userId: target.user.id, role: 'AGENT' }, { token: admin.accessToken });
      expect(again.data!.grantRole.roles).toEqual(['CUSTOMER', 'AGENT']);

      expect(claimsOf(target.accessToken).roles).toEqual(['CUSTOMER']);
      expect((await execute(t.url, CustomerOrder, { id: orderId }, { token: target.accessToken })).data!.order).toBeNull();
      const renewed = (await execute(t.url, Renew, { refreshToken: target.refreshToken })).data!.refreshToken;
      expect(renewed.user.roles).toEqual(['CUSTOMER', 'AGENT']);
      expect((await execute(t.url, CustomerOrder, { id: orderId }, { token: renewed.accessToken })).data!.order).toMatchObject({ id: orderId });
    });

    it('answers NOT_FOUND for an unknown user', async () => {
      const admin = await signInAdmin();
      const result = await execute(t.url, GrantRole, { userId: 'no-such-user', role: 'AGENT' }, { token: admin.accessToken });
      expect(codesOf(result)).toEqual(['NOT_FOUND']);
    });
  });

  async function placeOrderFor(customerId: string): Promise<string> {
    const [mug] = DEMO_PRODUCTS;
    const order = Object.assign(new OrderEntity(), {
      customerId,
      status: OrderStatus.AWAITING_PAYMENT,
      lines: [Object.assign(new OrderLineEntity(), { productId: mug.id, quantity: 1, unitPriceAmount: mug.priceAmount, currency: 'EUR' })],
      totalAmount: mug.priceAmount,
      currency: 'EUR',
    });
    await t.stack.subgraphs.orders.orm.em.fork().persist(order).flush();
    await t.stack.subgraphs.payments.orm.em.fork().persist(
      Object.assign(new PaymentEntity(), {
        orderId: order.id,
        customerId,
        status: PaymentStatus.REQUIRES_PAYMENT,
        amountMinor: mug.priceAmount,
        currency: 'EUR',
        provider: 'simulated',
        clientSecret: `secret_of_${customerId}`,
      }),
    ).flush();
    return order.id;
  }

  describe('ownership of orders and payments', () => {
    it('shows customers their own orders and payment secrets only, and agents and admins every order without the secret', async () => {
      const owner = await signUp();
      const stranger = await signUp();
      const orderId = await placeOrderFor(owner.user.id);
      const read = (token?: string) => execute(t.url, CustomerOrder, { id: orderId }, { token });

      expect((await read(owner.accessToken)).data!.order).toEqual({ id: orderId, payment: { clientSecret: `secret_of_${owner.user.id}` }, customer: { id: owner.user.id, email: owner.user.email } });
      expect((await execute(t.url, MyOrderCount, undefined, { token: owner.accessToken })).data!.me!.orders.totalCount).toBe(1);

      const asStranger = await read(stranger.accessToken);
      expect(asStranger.errors).toBeUndefined();
      expect(asStranger.data!.order).toBeNull();
      expect((await execute(t.url, MyOrderCount, undefined, { token: stranger.accessToken })).data!.me!.orders.totalCount).toBe(0);

      for (const staff of [await signIn(agentAccount.email, agentAccount.password), await signInAdmin()]) {
        expect((await read(staff.accessToken)).data!.order).toEqual({ id: orderId, payment: { clientSecret: null }, customer: { id: owner.user.id, email: owner.user.email } });
      }
      expect(codesOf(await read())).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe("a user's private fields", () => {
    it('shows email, phone, roles and addresses to staff, but sessions and preferences only to the user', async () => {
      const owner = await signUp();
      await execute(t.url, AddAddress, { input: HOME }, { token: owner.accessToken });
      await execute(t.url, UpdateProfile, { input: { phone: '+4915112345678' } }, { token: owner.accessToken });
      const orderId = await placeOrderFor(owner.user.id);
      const agent = await signIn(agentAccount.email, agentAccount.password);

      const asAgent = await execute(t.url, CustomerPrivateFields, { id: orderId }, { token: agent.accessToken });
      expect(asAgent.errors).toBeUndefined();
      expect(asAgent.data!.order!.customer).toEqual({
        email: owner.user.email,
        phone: '+4915112345678',
        roles: ['CUSTOMER'],
        addresses: [{ city: 'Berlin' }],
        defaultShippingAddress: { city: 'Berlin' },
      });
      expect(codesOf(await execute(t.url, CustomerSessions, { id: orderId }, { token: agent.accessToken }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, CustomerPreferences, { id: orderId }, { token: agent.accessToken }))).toEqual(['FORBIDDEN']);
      expect((await execute(t.url, CustomerSessions, { id: orderId }, { token: owner.accessToken })).data!.order!.customer.sessions).toHaveLength(1);
    });

    it("refuses another customer's private fields even to a caller who reaches the users subgraph with a genuine header", async () => {
      const owner = await signUp();
      const stranger = await signUp();
      const entities = (caller: { userId: string; roles: Array<'CUSTOMER' | 'AGENT'> } | null) =>
        fetch(t.stack.subgraphs.users.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(caller ? { 'x-shop-caller': signCallerHeader({ ...caller, sessionId: null }, t.config.auth.internalSecret) } : {}),
          },
          body: JSON.stringify({
            query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { name email } } }',
            variables: { r: [{ __typename: 'User', id: owner.user.id }] },
          }),
        }).then((response) => response.json() as Promise<Omit<Result<{ _entities: Array<{ name: string; email: string } | null> }>, 'status'>>);

      const asStranger = await entities({ userId: stranger.user.id, roles: ['CUSTOMER'] });
      expect(codesOf({ status: 200, ...asStranger })).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(asStranger)).not.toContain(owner.user.email);
      expect(codesOf({ status: 200, ...(await entities(null)) })).toEqual(['UNAUTHENTICATED']);
      expect((await entities({ userId: stranger.user.id, roles: ['CUSTOMER', 'AGENT'] })).data!._entities).toEqual([{ name: 'Robin Reader', email: owner.user.email }]);
    });
  });

  describe('profile', () => {
    it('changes name, phone and preferences, leaving omitted fields as they were', async () => {
      const { accessToken } = await signUp();
      const update = async (input: UpdateProfileInput) => {
        const result = await execute(t.url, UpdateProfile, { input }, { token: accessToken });
        expect(result.errors).toBeUndefined();
        return result.data!.updateProfile;
      };
      expect(await update({ name: '  Robin R. ', phone: '+4915112345678' })).toMatchObject({
        name: 'Robin R.',
        phone: '+4915112345678',
        preferences: { locale: 'en', currency: 'EUR', marketingEmails: false, orderUpdates: true },
      });
      expect(await update({ preferences: { currency: 'chf', locale: 'de-CH', marketingEmails: true } })).toMatchObject({
        name: 'Robin R.',
        phone: '+4915112345678',
        preferences: { locale: 'de-CH', currency: 'CHF', marketingEmails: true, orderUpdates: true },
      });
      expect(await update({ phone: null })).toMatchObject({ name: 'Robin R.', phone: null, preferences: { currency: 'CHF' } });
    });

    it.each([
      ['an empty name', { name: '' }, 'name'],
      ['a null name', { name: null }, 'name'],
      ['a phone number with spaces', { phone: '0151 1234 5678' }, 'phone'],
      ['an unknown currency', { preferences: { currency: 'EURO' } }, 'preferences.currency'],
      ['a malformed locale', { preferences: { locale: 'english!' } }, 'preferences.locale'],
    ])('refuses %s with BAD_USER_INPUT naming the field and changes nothing', async (_case, input, field) => {
      const { accessToken, user } = await signUp();
      const before = await usersEm().findOneOrFail(UserEntity, { id: user.id });
      const result = await execute(t.url, UpdateProfile, { input }, { token: accessToken });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toMatchObject({ field });
      const after = await usersEm().findOneOrFail(UserEntity, { id: user.id });
      expect({ name: after.name, phone: after.phone, preferences: { ...after.preferences } }).toEqual({ name: before.name, phone: before.phone, preferences: { ...before.preferences } });
    });

    it('asks anonymous callers to log in', async () => {
      expect(codesOf(await execute(t.url, UpdateProfile, { input: { name: 'Nobody' } }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('addresses', () => {
    const count = (userId: string) => usersEm().count(AddressEntity, { userId });

    it('keeps an address book: the first address is the default, another can become it, addresses change and go', async () => {
      const { accessToken: token, user } = await signUp();
      const home = (await execute(t.url, AddAddress, { input: HOME }, { token })).data!.addAddress;
      expect(home).toMatchObject({ label: 'Home', line1: 'Hauptstraße 1', line2: null, country: 'DE', region: null, phone: '+4930123456' });
      const work = (await execute(t.url, AddAddress, { input: WORK }, { token })).data!.addAddress;
      let book = (await execute(t.url, MyAddresses, undefined, { token })).data!.me!;
      expect(book.addresses.map((a) => a.id)).toEqual([home.id, work.id]);
      expect(book.defaultShippingAddress).toEqual({ id: home.id });

      expect((await execute(t.url, SetDefaultAddress, { id: work.id }, { token })).data!.setDefaultShippingAddress).toEqual({ id: user.id, defaultShippingAddress: { id: work.id } });
      const moved = await execute(t.url, UpdateAddress, { id: work.id, input: { ...WORK, city: 'Manchester', postalCode: 'M1 1AA' } }, { token });
      expect(moved.data!.updateAddress).toEqual({ id: work.id, city: 'Manchester', country: 'GB' });

      expect((await execute(t.url, RemoveAddress, { id: work.id }, { token })).data).toEqual({ removeAddress: true });
      book = (await execute(t.url, MyAddresses, undefined, { token })).data!.me!;
      expect(book.addresses.map((a) => a.id)).toEqual([home.id]);
      expect(book.defaultShippingAddress).toBeNull();
    });

    it.each([
      ['an empty first line', { ...HOME, line1: ' ' }, 'line1'],
      ['an unknown country', { ...HOME, country: 'XX' }, 'country'],
      ['an empty city', { ...HOME, city: '' }, 'city'],
      ['a malformed phone number', { ...HOME, phone: 'call me' }, 'phone'],
    ])('refuses %s with BAD_USER_INPUT naming the field and stores nothing', async (_case, input, field) => {
      const { accessToken: token, user } = await signUp();
      const result = await execute(t.url, AddAddress, { input }, { token });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toMatchObject({ field });
      expect(await count(user.id)).toBe(0);
    });

    it("refuses to touch another customer's address as it refuses an unknown one (NOT_FOUND), changing nothing", async () => {
      const owner = await signUp();
      const stranger = await signUp();
      const home = (await execute(t.url, AddAddress, { input: HOME }, { token: owner.accessToken })).data!.addAddress;
      const token = stranger.accessToken;
      expect(codesOf(await execute(t.url, UpdateAddress, { id: home.id, input: WORK }, { token }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, RemoveAddress, { id: home.id }, { token }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, SetDefaultAddress, { id: home.id }, { token }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, RemoveAddress, { id: 'no-such-address' }, { token }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, RemoveAddress, { id: home.id }))).toEqual(['UNAUTHENTICATED']);
      expect((await usersEm().findOneOrFail(AddressEntity, { id: home.id })).city).toBe('Berlin');
      expect((await usersEm().findOneOrFail(UserEntity, { id: stranger.user.id })).defaultShippingAddressId).toBeNull();
    });

    it('holds at most 20 addresses', async () => {
      const { accessToken: token, user } = await signUp();
      for (let i = 0; i < 20; i++) expect((await execute(t.url, AddAddress, { input: { ...HOME, label: `#${i}` } }, { token })).errors).toBeUndefined();
      expect(codesOf(await execute(t.url, AddAddress, { input: HOME }, { token }))).toEqual(['CONFLICT']);
      expect(await count(user.id)).toBe(20);
    });
  });

  describe('sessions', () => {
    it("lists the caller's live sessions with the current one marked, and ends one on request", async () => {
      const { user } = await signUp();
      const phone = await signIn(user.email, PASSWORD, newClient('ShopApp/2.1 (iPhone)'));
      const laptop = await signIn(user.email, PASSWORD, newClient('Mozilla/5.0 (Macintosh)'));

      const listed = (await execute(t.url, MySessions, undefined, { token: phone.accessToken })).data!.me!.sessions;
      expect(listed).toHaveLength(3);
      const current = listed.find((s) => s.current)!;
      expect(current).toMatchObject({ id: claimsOf(phone.accessToken).sid, userAgent: 'ShopApp/2.1 (iPhone)' });
      expect(current.clientAddress).toMatch(/^203\.0\./);
      expect(new Date(current.expiresAt).getTime() - new Date(current.lastUsedAt).getTime()).toBe(30 * DAY);

      const laptopSession = claimsOf(laptop.accessToken).sid as string;
      expect((await execute(t.url, RevokeSession, { id: laptopSession }, { token: phone.accessToken })).data).toEqual({ revokeSession: true });
      expect((await execute(t.url, RevokeSession, { id: laptopSession }, { token: phone.accessToken })).data).toEqual({ revokeSession: false });
      expect(codesOf(await execute(t.url, Renew, { refreshToken: laptop.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      const remaining = (await execute(t.url, MySessions, undefined, { token: phone.accessToken })).data!.me!.sessions;
      expect(remaining.map((s) => s.id)).not.toContain(laptopSession);
      expect(remaining).toHaveLength(2);
    });

    it("refuses to end another user's session as it refuses an unknown one (NOT_FOUND), and the session lives on", async () => {
      const owner = await signUp();
      const stranger = await signUp();
      const sessionId = claimsOf(owner.accessToken).sid as string;
      expect(codesOf(await execute(t.url, RevokeSession, { id: sessionId }, { token: stranger.accessToken }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, RevokeSession, { id: 'no-such-session' }, { token: stranger.accessToken }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, RevokeSession, { id: sessionId }))).toEqual(['UNAUTHENTICATED']);
      expect((await execute(t.url, Renew, { refreshToken: owner.refreshToken })).errors).toBeUndefined();
    });
  });

  describe('password change', () => {
    it.each([
      ['a wrong current password', { currentPassword: 'not my password', newPassword: 'a brand new password' }, 'currentPassword'],
      ['a new password under 10 characters', { currentPassword: PASSWORD, newPassword: 'too short' }, 'newPassword'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and the old password keeps working', async (_case, input, field) => {
      const { accessToken, user } = await signUp();
      const before = (await usersEm().findOneOrFail(UserEntity, { id: user.id })).passwordHash;
      const result = await execute(t.url, ChangePassword, { input }, { token: accessToken });
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toMatchObject({ field });
      expect((await usersEm().findOneOrFail(UserEntity, { id: user.id })).passwordHash).toBe(before);
      await signIn(user.email, PASSWORD);
    });

    it('changes the password and ends every other session, keeping the current one', async () => {
      const current = await signUp();
      const other = await signIn(current.user.email, PASSWORD);
      const newPassword = 'an entirely new password';
      const changed = await execute(t.url, ChangePassword, { input: { currentPassword: PASSWORD, newPassword } }, { token: current.accessToken });
      expect(changed.data).toEqual({ changePassword: true });

      expect(codesOf(await execute(t.url, SignIn, { input: { email: current.user.email, password: PASSWORD } }, newClient()))).toEqual(['UNAUTHENTICATED']);
      await signIn(current.user.email, newPassword);
      expect(codesOf(await execute(t.url, Renew, { refreshToken: other.refreshToken }))).toEqual(['UNAUTHENTICATED']);
      expect((await execute(t.url, Renew, { refreshToken: current.refreshToken })).errors).toBeUndefined();
    });

    it('asks anonymous callers to log in', async () => {
      const result = await execute(t.url, ChangePassword, { input: { currentPassword: PASSWORD, newPassword: 'whatever it may be' } });
      expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('session housekeeping', () => {
    it('deletes sessions that ended more than SESSION_IDLE_DAYS ago with their tokens, and nothing live', async () => {
      const ended = await signUp();
      const live = await signUp();
      const endedId = claimsOf(ended.accessToken).sid as string;
      const liveId = claimsOf(live.accessToken).sid as string;
      await execute(t.url, RevokeSession, { id: endedId }, { token: ended.accessToken });
      const services = t.stack.subgraphs.users.services as UsersServices;

      clock.advance(29 * DAY);
      const renewed = (await execute(t.url, Renew, { refreshToken: live.refreshToken })).data!.refreshToken;
      await services.sessions.purge();
      expect(await usersEm().count(SessionEntity, { id: endedId })).toBe(1);

      clock.advance(2 * DAY);
      await services.sessions.purge();
      const em = usersEm();
      expect(await em.count(SessionEntity, { id: endedId })).toBe(0);
      expect(await em.count(RefreshTokenEntity, { sessionId: endedId })).toBe(0);
      expect(await em.count(SessionEntity, { id: liveId })).toBe(1);
      expect((await execute(t.url, Renew, { refreshToken: renewed.refreshToken })).errors).toBeUndefined();
    });
  });
});
