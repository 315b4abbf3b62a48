import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS } from '../contracts/demo';
import { startGateway } from '../gateway/gateway';
import { loadConfig, SERVICE_NAMES } from '../platform/config';
import { createLogger } from '../platform/log';
import { MemoryPubSub } from '../platform/messaging/pubsub.memory';
import { projectRoot } from '../platform/project';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { connect } from './support/live';
import { ConfirmPayment, orderTools, PlaceOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const MetricsProducts = graphql(`
  query MetricsProducts {
    products(first: 2) { edges { node { name stock { available } } } }
  }
`);

const MetricsWatchStock = graphql(`
  subscription MetricsWatchStock($productIds: [ID!]!) {
    stockLevelChanged(productIds: $productIds) { available }
  }
`);

const MetricsSignUp = graphql(`
  mutation MetricsSignUp($input: RegisterInput!) {
    register(input: $input) { accessToken refreshToken user { id email name } }
  }
`);

const scrape = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url.replace(/\/graphql$/, '/metrics'), { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

/** The value of one series, e.g. `gateway_websocket_connections{service="gateway"}`. */
const valueOf = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('metrics at /metrics', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  beforeAll(async () => {
    // Counts calls that reach the subgraphs: an anonymous listing answered from the response cache would not.
    t = await startTestStack({ env: { RESPONSE_CACHE: 'false' } });
  });
  afterAll(() => t.stop());

  it('counts operations by name, type and outcome with latency histograms, and subgraph fetches by subgraph', async () => {
    const token = await t.token(DEMO_ACCOUNTS[0].id);
    await execute(t.url, MetricsProducts, undefined, { token });
    await execute(t.url, MetricsProducts);
    const { status, type, text } = await scrape(t.url);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(valueOf(text, 'graphql_operation_duration_seconds_count{service="gateway",operation="MetricsProducts",type="query",outcome="ok"}')).toBe(2);
    expect(text).toMatch(/graphql_operation_duration_seconds_bucket\{le="0\.5",service="gateway",operation="MetricsProducts",type="query",outcome="ok"\} \d/);
    expect(valueOf(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="catalog",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(valueOf(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="inventory",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    // Subgraphs count the operations the gateway sent them.
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{service="catalog",operation="MetricsProducts__catalog__0",type="query",outcome="ok"\} 2/);
    // Node process metrics, outbox backlog and dead letters per consumer group.
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(valueOf(text, 'outbox_backlog{service="orders"}')).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, 'event_dead_letters{group="orders"}')).toBe(0);
    expect(valueOf(text, 'event_dead_letters{group="notifications"}')).toBe(0);
  });

  it('counts refused operations and errors by code', async () => {
    await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Broken { nope }', operationName: 'Broken' }) });
    const { text } = await scrape(t.url);
    expect(valueOf(text, 'graphql_operation_duration_seconds_count{service="gateway",operation="Broken",type="unknown",outcome="refused"}')).toBe(1);
    expect(valueOf(text, 'graphql_errors_total{service="gateway",code="GRAPHQL_VALIDATION_FAILED"}')).toBeGreaterThanOrEqual(1);
  });

  it('shows open WebSocket connections and subscriptions', async () => {
    const live = connect(t.url);
    try {
      const watch = live.subscribe(MetricsWatchStock, { productIds: [DEMO_PRODUCTS[0].id] });
      await watch.count(1);
      const { text } = await scrape(t.url);
      expect(valueOf(text, 'gateway_websocket_connections{service="gateway"}')).toBe(1);
      expect(valueOf(text, 'gateway_subscriptions{service="gateway",kind="subscribers"}')).toBe(1);
      expect(valueOf(text, 'graphql_operation_duration_seconds_count{service="gateway",operation="MetricsWatchStock",type="subscription",outcome="ok"}')).toBe(1);
    } finally {
      await live.dispose();
    }
    await waitFor(async () => valueOf((await scrape(t.url)).text, 'gateway_websocket_connections{service="gateway"}') === 0);
  });

  it('counts the subscription engine at work: notices received, fetches and results delivered', async () => {
    const productId = await tools.product({ onHand: 3 });
    const series = (stage: string) => `gateway_subscription_events_total{service="gateway",stage="${stage}"}`;
    const before = (await scrape(t.url)).text;
    const live = connect(t.url);
    try {
      const watch = live.subscribe(MetricsWatchStock, { productIds: [productId] });
      await watch.count(1);
      const token = await t.token(await tools.customer());
      await execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 1 }] } }, { token });
      await watch.count(2);
      const after = (await scrape(t.url)).text;
      const delta = (stage: string) => (valueOf(after, series(stage)) ?? 0) - (valueOf(before, series(stage)) ?? 0);
      expect(delta('received')).toBeGreaterThanOrEqual(1);
      expect(delta('fetched')).toBeGreaterThanOrEqual(2);
      expect(delta('delivered')).toBe(2);
    } finally {
      await live.dispose();
    }
  });

  it('counts reservations and checkout outcomes: refused by reason, placed, paid, failed', async () => {
    const outcome = (text: string, name: string, labels: string) => valueOf(text, `${name}{${labels}}`) ?? 0;
    const before = (await scrape(t.url)).text;
    const token = await t.token(await tools.customer());
    const scarce = await tools.product({ onHand: 1 });
    const refused = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: scarce, quantity: 2 }] } }, { token });
    expect(refused.errors?.[0]?.extensions?.reason).toBe('INSUFFICIENT_STOCK');

    const paidOrder = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: scarce, quantity: 1 }] } }, { token });
    const paidId = paidOrder.data?.placeOrder.id ?? '';
    expect((await execute(t.url, ConfirmPayment, { orderId: paidId, paymentMethod: 'pm_card_visa' }, { token })).data?.confirmPayment.status).toBe('SUCCEEDED');
    const other = await tools.product({ onHand: 1 });
    const failedOrder = await execute(t.url, PlaceOrder, { input: { lines: [{ productId: other, quantity: 1 }] } }, { token });
    const failedId = failedOrder.data?.placeOrder.id ?? '';
    expect((await execute(t.url, ConfirmPayment, { orderId: failedId, paymentMethod: 'pm_card_chargeDeclined' }, { token })).data?.confirmPayment.status).toBe('FAILED');
    await tools.settled(paidId, 'PAID');
    await tools.settled(failedId, 'PAYMENT_FAILED');

    const delta = (text: string, name: string, labels: string) => outcome(text, name, labels) - outcome(before, name, labels);
    // The effect of PAID (commit) follows through events; PAYMENT_FAILED keeps its stock reserved (the order is still payable).
    await waitFor(async () => delta((await scrape(t.url)).text, 'inventory_reservations_total', 'outcome="committed"') === 1, { timeout: 20_000 });
    const { text } = await scrape(t.url);
    expect(delta(text, 'inventory_reservations_total', 'outcome="released"')).toBe(0);
    expect(delta(text, 'checkout_outcomes_total', 'outcome="refused",reason="INSUFFICIENT_STOCK"')).toBe(1);
    expect(delta(text, 'checkout_outcomes_total', 'outcome="placed",reason=""')).toBe(2);
    expect(delta(text, 'checkout_outcomes_total', 'outcome="paid",reason=""')).toBe(1);
    expect(delta(text, 'checkout_outcomes_total', 'outcome="failed",reason=""')).toBe(1);
    // The reservation is what refuses a sold-out line (before orders writes anything), so inventory counts that refusal.
    expect(delta(text, 'inventory_reservations_total', 'outcome="refused"')).toBe(1);
    expect(delta(text, 'inventory_reservations_total', 'outcome="reserved"')).toBe(2);
  });

  // Last: it stops a subgraph of the shared stack.
  it('counts failing calls to a subgraph that is down, and exposes no user data', async () => {
    await t.stack.subgraphs.catalog.stop();
    await execute(t.url, MetricsProducts);
    await execute(t.url, MetricsProducts);
    const { text } = await scrape(t.url);
    expect(valueOf(text, 'gateway_subgraph_errors_total{subgraph="catalog",reason="unreachable"}')).toBe(2);
    expect(valueOf(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="catalog",outcome="unreachable"}')).toBe(2);
    for (const account of DEMO_ACCOUNTS) {
      expect(text).not.toContain(account.id);
      expect(text).not.toContain(account.email);
    }
    expect(text).not.toContain(t.config.auth.jwtSecret);
  });
});

const main = path.join(projectRoot(), 'dist', 'main.js');
const freePort = async () => {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

// As deployed: the gateway and a subgraph in processes of their own, so each /metrics shows its own process only.
describe('metrics of a subgraph process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'shop-metrics-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves the subgraph\'s own operations and process metrics at its /metrics, and no user data there or on the gateway', async () => {
    expect(existsSync(main)).toBe(true);
    const [port, usersPort] = [await freePort(), await freePort()];
    // Only users is running: the other subgraphs' URLs lead nowhere, so nothing else on this machine answers for them.
    const nowhere = Object.fromEntries(SERVICE_NAMES.map((name) => [`${name.toUpperCase()}_URL`, 'http://127.0.0.1:9/graphql']));
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      JWT_SECRET: 'metrics-jwt-secret-0123456789abcdef',
      INTERNAL_SECRET: 'metrics-internal-secret-0123456789',
      ...nowhere,
      PORT: String(port),
      USERS_PORT: String(usersPort),
      USERS_URL: `http://127.0.0.1:${usersPort}/graphql`,
    };
    const processes = [spawn(process.execPath, [main, 'users'], { env, stdio: 'ignore' }), spawn(process.execPath, [main, 'gateway'], { env, stdio: 'ignore' })];
    try {
      for (const p of [usersPort, port]) await waitFor(async () => (await fetch(`http://127.0.0.1:${p}/health`).catch(() => null))?.status === 200, { timeout: 30_000, interval: 100 });
      const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
      const usersUrl = `http://127.0.0.1:${usersPort}/graphql`;
      const input = { email: `metrics.${Date.now()}@shop.test`, password: 'metrics-password-never-shown-42', name: 'Metrics Person-Unique' };
      const signedUp = await execute(gatewayUrl, MetricsSignUp, { input });
      expect(signedUp.errors).toBeUndefined();
      const session = signedUp.data?.register;

      // The subgraph counts the operation the gateway sent it (named by the gateway's query plan).
      const series = 'graphql_operation_duration_seconds_count{service="users",operation="MetricsSignUp__users__0",type="mutation",outcome="ok"}';
      await waitFor(async () => valueOf((await scrape(usersUrl)).text, series) === 1);
      const users = await scrape(usersUrl);
      expect(users.status).toBe(200);
      expect(users.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(users.text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(valueOf(users.text, 'outbox_backlog{service="users"}')).toBeGreaterThanOrEqual(0);
      // Its own process only: the gateway's series are on the gateway's /metrics.
      expect(users.text).not.toContain('service="gateway"');
      const gateway = await scrape(gatewayUrl);
      expect(valueOf(gateway.text, 'graphql_operation_duration_seconds_count{service="gateway",operation="MetricsSignUp",type="mutation",outcome="ok"}')).toBe(1);
      expect(valueOf(gateway.text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="users",outcome="ok"}')).toBe(1);

      const secrets = [input.email, input.password, input.name, session?.user.id, session?.accessToken, session?.refreshToken, env.JWT_SECRET, env.INTERNAL_SECRET];
      expect(secrets.every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
      for (const text of [users.text, gateway.text]) {
        for (const value of secrets) expect(text).not.toContain(value);
      }
    } finally {
      for (const child of processes) child.kill('SIGKILL');
    }
  }, 60_000);
});

describe('metrics in production', () => {

  it('serves /metrics only on METRICS_PORT, or on the public port with METRICS_TOKEN', async () => {
    expect(existsSync(main)).toBe(true);
    const [port, metricsPort] = [await freePort(), await freePort()];
    const token = 'scrape-token-0123456789';
    const secret = 'p'.repeat(40);
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_SECRET: secret, PORT: String(port), METRICS_PORT: String(metricsPort), METRICS_TOKEN: token };
    const gateway = spawn(process.execPath, [main, 'gateway'], { env, stdio: 'ignore' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200, { timeout: 20_000, interval: 100 });
      expect((await scrape(`http://127.0.0.1:${metricsPort}/graphql`)).text).toMatch(/^process_cpu_user_seconds_total /m);
      expect((await scrape(`http://127.0.0.1:${port}/graphql`)).status).toBe(401);
      expect((await scrape(`http://127.0.0.1:${port}/graphql`, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      const withToken = await scrape(`http://127.0.0.1:${port}/graphql`, { authorization: `Bearer ${token}` });
      expect(withToken.status).toBe(200);
      expect(withToken.text).toContain('graphql_operation_duration_seconds');
    } finally {
      gateway.kill('SIGKILL');
    }
  }, 30_000);

  it('has no /metrics on the public port in production without a token', async () => {
    const secret = 'q'.repeat(40);
    const gateway = await startGateway({
      config: loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_SECRET: secret }),
      log: createLogger('test', 'error', () => undefined),
      pubsub: new MemoryPubSub(),
      port: 0,
    });
    try {
      expect((await scrape(gateway.url)).status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});
