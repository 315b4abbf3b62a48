import { randomUUID } from 'node:crypto';
import { signCallerHeader } from '../platform/caller';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { UserEntity } from '../subgraphs/users/user.entity';
import { graphql } from './__generated__/index';
import { newClient, newEmail } from './support/accounts';
import { codesOf, execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';

/**
 * Issue 11, "leaks" and "identity hygiene": control characters are refused
 * where input enters a subgraph, whatever the field, and names and emails
 * cannot be made of, or differ only by, characters nobody sees.
 */

const SignUp = graphql(`
  mutation SecuritySignUp($input: RegisterInput!) {
    register(input: $input) { accessToken user { id name email } }
  }
`);

const SignIn = graphql(`
  mutation SecuritySignIn($input: LoginInput!) {
    login(input: $input) { user { id } }
  }
`);

const Rename = graphql(`
  mutation SecurityRename($input: UpdateProfileInput!) {
    updateProfile(input: $input) { name }
  }
`);

const NewProduct = graphql(`
  mutation SecurityNewProduct($input: CreateProductInput!) {
    createProduct(input: $input) { id description }
  }
`);

const Search = graphql(`
  query SecuritySearch($search: String!) {
    products(filter: { search: $search }) { totalCount }
  }
`);

const Order = graphql(`
  mutation SecurityOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id }
  }
`);

const PASSWORD = 'a long enough password';

describe('input a subgraph refuses', () => {
  let t: TestStack;
  beforeAll(async () => {
    // Each sign-up its own client address, so refused ones throttle nothing.
    t = await startTestStack({ env: { TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => t.stop());

  const users = () => t.stack.subgraphs.users.orm.em.fork();
  const signUp = (input: { email: string; name: string; password?: string }) => execute(t.url, SignUp, { input: { password: PASSWORD, ...input } }, newClient());
  const refusal = (result: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) => ({
    code: result.errors?.[0]?.extensions?.code,
    field: result.errors?.[0]?.extensions?.field,
  });

  describe('control characters', () => {
    const agent = () => t.token('input-agent', 'CUSTOMER', 'AGENT');
    const product = (description: string) => ({ sku: `SEC-${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Safe', description, priceAmount: 100, currency: 'EUR' });
    const order = (idempotencyKey: string) => ({ lines: [{ productId: DEMO_PRODUCTS[0].id, quantity: 1 }], idempotencyKey });

    it('refuses a NUL byte in a name with BAD_USER_INPUT, before it reaches SQL, and stores nothing', async () => {
      const email = newEmail();
      const result = await signUp({ email, name: 'Robin\u0000Reader' });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(result.errors![0].message).toBe('input.name must not contain control characters');
      expect(JSON.stringify(result)).not.toMatch(/INSERT|argon2/);
      expect(await users().count(UserEntity, { email })).toBe(0);
    });

    it.each([
      ['a catalog search', async () => execute(t.url, Search, { search: 'mug\u0000' })],
      ['a product description (DEL)', async () => execute(t.url, NewProduct, { input: product('ok\u007f') }, { token: await agent() })],
      ['an order idempotency key (a C1 control)', async () => execute(t.url, Order, { input: order('key\u0085') }, { token: await t.token(`nul-${randomUUID()}`) })],
      ['a password', async () => execute(t.url, SignIn, { input: { email: newEmail(), password: 'secret\u0000' } }, newClient())],
    ])('refuses one in %s too', async (_where, send) => {
      expect(codesOf(await send())).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses one in an entity representation sent straight to a subgraph', async () => {
      const response = await fetch(t.stack.subgraphs.catalog.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shop-caller': signCallerHeader({ userId: 'service:test', roles: ['SERVICE'], sessionId: null }, t.config.auth.internalSecret) },
        body: JSON.stringify({
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id } } }',
          variables: { r: [{ __typename: 'Product', id: `${DEMO_PRODUCTS[0].id}\u0000` }] },
        }),
      });
      const body = (await response.json()) as { errors?: Array<{ extensions: { code: string; field: string } }> };
      expect(body.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'representations.0.id' }]);
    });

    it('keeps tabs and line breaks, which text may hold', async () => {
      const result = await execute(t.url, NewProduct, { input: product('Line one\nline two\r\n\tindented') }, { token: await agent() });
      expect(result.data?.createProduct.description).toBe('Line one\nline two\r\n\tindented');
    });
  });

  describe('names and emails', () => {
    it.each([
      ['made only of Hangul fillers', '\u3164\u3164\u3164'],
      ['made only of zero-width spaces', '\u200b\u200b'],
      ['made only of combining marks', '\u0301\u0308'],
      ['with a right-to-left override', 'Robin\u202egnp.exe'],
      ['with a bidirectional isolate', '\u2067Robin\u2069'],
    ])('refuses a name %s', async (_case, name) => {
      const email = newEmail();
      expect(refusal(await signUp({ email, name }))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(await users().count(UserEntity, { email })).toBe(0);
    });

    it('refuses the same in a profile change', async () => {
      const { data } = await signUp({ email: newEmail(), name: 'Robin' });
      const result = await execute(t.url, Rename, { input: { name: '\u202eniboR' } }, { token: data!.register.accessToken });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('stores names in compatibility form, so full-width letters read as the plain ones', async () => {
      const { data } = await signUp({ email: newEmail(), name: 'Ｒｏｂｉｎ' });
      expect(data!.register.user.name).toBe('Robin');
    });

    it('refuses an email that differs from an account only by an invisible character', async () => {
      const email = newEmail();
      expect((await signUp({ email, name: 'Robin' })).errors).toBeUndefined();
      const [local, domain] = email.split('@');
      for (const lookalike of [`${local}\u200b@${domain}`, `${local}\u00ad@${domain}`, `\u2060${email}`]) {
        expect([lookalike, refusal(await signUp({ email: lookalike, name: 'Mallory' }))]).toEqual([lookalike, { code: 'BAD_USER_INPUT', field: 'email' }]);
      }
    });

    it('takes a full-width spelling of an email for the same address: taken at sign-up, and the account at login', async () => {
      const email = newEmail();
      const registered = await signUp({ email, name: 'Robin' });
      const fullWidth = email.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x61 + 0xff41));
      expect(refusal(await signUp({ email: fullWidth, name: 'Mallory' }))).toEqual({ code: 'CONFLICT', field: 'email' });
      const login = await execute(t.url, SignIn, { input: { email: fullWidth, password: PASSWORD } }, newClient());
      expect(login.data?.login.user.id).toBe(registered.data!.register.user.id);
    });
  });
});
