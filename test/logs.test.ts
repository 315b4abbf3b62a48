import { DEMO_ACCOUNTS } from '../contracts/demo';
import { createLogger } from '../platform/log';
import { startSubgraph } from '../platform/subgraph';
import { systemClock } from '../platform/clock';
import { SUBGRAPHS } from '../subgraphs/modules';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const LogsMe = graphql(`
  query LogsMe {
    me { id }
  }
`);

const LogsProducts = graphql(`
  query LogsProducts {
    products(first: 1) { edges { node { name } } }
  }
`);

const LogsLogin = graphql(`
  mutation LogsLogin($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken }
  }
`);

type Line = Record<string, unknown> & { message: string };

/** A stack whose log lines (JSON, as in production) are kept to read. */
async function loggedStack(env: Record<string, string> = {}): Promise<{ t: TestStack; lines: Line[] }> {
  const lines: Line[] = [];
  const log = createLogger('shop', 'info', (line) => lines.push(JSON.parse(line) as Line));
  return { t: await startTestStack({ env, log }), lines };
}

describe('logs through the real gateway', () => {
  let t: TestStack;
  let lines: Line[];
  beforeAll(async () => {
    ({ t, lines } = await loggedStack());
  });
  afterAll(() => t.stop());

  it('writes one access line per operation with its name, type, duration, status, error codes, client and user', async () => {
    const customer = DEMO_ACCOUNTS[0];
    const token = await t.token(customer.id);
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'access-line-test' },
      body: JSON.stringify({ query: 'query LogsMe { me { id } }', operationName: 'LogsMe' }),
    });
    expect(response.status).toBe(200);
    await execute(t.url, LogsMe, undefined, { headers: { 'x-request-id': 'access-line-refused' }, token: `${token}tampered` });
    await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'access-line-invalid' }, body: '{"query":"{ nope }"}' });

    const access = (requestId: string) => lines.filter((l) => l.message === 'operation' && l.requestId === requestId);
    await waitFor(() => access('access-line-invalid').length === 1);
    expect(access('access-line-test')).toEqual([
      expect.objectContaining({ level: 'info', operationName: 'LogsMe', type: 'query', status: 200, errorCodes: [], clientIp: '127.0.0.1', userId: customer.id, durationMs: expect.any(Number) }),
    ]);
    expect(access('access-line-refused')).toEqual([expect.objectContaining({ status: 401, userId: null, errorCodes: ['UNAUTHENTICATED'], clientIp: '127.0.0.1' })]);
    expect(access('access-line-invalid')).toEqual([expect.objectContaining({ type: null, status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] })]);
  });

  it('never logs the password, tokens or the credentials a client sent', async () => {
    const customer = DEMO_ACCOUNTS[0];
    const loggedIn = await execute(t.url, LogsLogin, { input: { email: customer.email, password: customer.password } });
    const { accessToken, refreshToken } = loggedIn.data!.login;
    await execute(t.url, LogsLogin, { input: { email: customer.email, password: 'a-wrong-password-value' } });
    await execute(t.url, LogsMe, undefined, { token: `${accessToken}tampered` });
    const text = JSON.stringify(lines);
    for (const secret of [customer.password, 'a-wrong-password-value', accessToken, refreshToken]) expect(text).not.toContain(secret);
  });

  it('logs a subgraph going down once and coming back once, however many requests fail meanwhile', async () => {
    const catalog = t.stack.subgraphs.catalog;
    const changes = () => lines.filter((l) => l.subgraph === 'catalog' && (l.message === 'subgraph unavailable' || l.message === 'subgraph is back'));
    await catalog.stop();
    for (let i = 0; i < 3; i += 1) await execute(t.url, LogsProducts);
    await fetch(t.url.replace(/\/graphql$/, '/ready'));
    expect(changes()).toEqual([expect.objectContaining({ level: 'warn', message: 'subgraph unavailable', reason: 'it cannot be reached' })]);

    const restarted = await startSubgraph(SUBGRAPHS.catalog, {
      config: t.config,
      log: createLogger('test', 'error', () => undefined),
      clock: systemClock,
      pubsub: t.stack.messaging.pubsub,
      events: t.stack.messaging.events,
      port: catalog.port,
    });
    try {
      for (let i = 0; i < 3; i += 1) expect((await execute(t.url, LogsProducts)).errors).toBeUndefined();
      expect(changes().map((l) => l.message)).toEqual(['subgraph unavailable', 'subgraph is back']);
    } finally {
      await restarted.stop();
    }
  });
});

describe('unexpected errors in production', () => {
  it('logs the error with its stack, and the client gets only "Internal server error"', async () => {
    const secret = 's'.repeat(40);
    const { t, lines } = await loggedStack({ NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_SECRET: secret, SEED_DEMO: 'true', PAYMENT_PROVIDER: 'simulated' });
    try {
      // The catalog's products table goes away under it: its resolvers fail in a way no code path expects. (Closing the
      // ORM no longer does: MikroORM 7 reconnects on the next query.)
      await t.stack.subgraphs.catalog.orm.em.getConnection().execute('drop table `products`');
      const result = await execute(t.url, LogsProducts, undefined, { headers: { 'x-request-id': 'unexpected-error-test' } });
      expect(result.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(result)).not.toMatch(/stack|at .*\.ts/);
      const logged = lines.filter((l) => l.message === 'unexpected error');
      expect(logged).toEqual([
        expect.objectContaining({ level: 'error', requestId: 'unexpected-error-test', path: 'products', error: expect.objectContaining({ stack: expect.stringMatching(/\n\s+at /) }) }),
      ]);
    } finally {
      await t.stop();
    }
  });
});
