import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { print } from 'graphql';
import { loadConfig, SERVICE_NAMES } from '../platform/config';
import { createLogger } from '../platform/log';
import { projectRoot } from '../platform/project';
import { SERVICE_ATTRIBUTE, startTracing, tracedEvents, type Tracing } from '../platform/tracing';
import { MemoryEventBus } from '../platform/messaging/event-bus.memory';
import { OutboxEntryEntity } from '../platform/messaging/outbox';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { ConfirmPayment, orderTools, PlaceOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { clientTrace } from './support/tracing';
import { waitFor } from './support/wait-for';

const TracedProducts = graphql(`
  query TracedProducts {
    products(first: 1) { edges { node { name stock { available } } } }
  }
`);

const freePort = async () => {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

/** A POST through node:http, which is not instrumented: exactly the headers given reach the gateway. */
function postPlain(url: string, body: unknown, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** What this test reads of an OTLP/JSON traces export. */
interface OtlpTraces {
  readonly resourceSpans: Array<{
    readonly resource: { readonly attributes: Array<{ readonly key: string; readonly value: { readonly stringValue?: string } }> };
    readonly scopeSpans: Array<{ readonly spans: Array<{ readonly name: string; readonly traceId: string }> }>;
  }>;
}

const serviceOf = (span: ReadableSpan) => span.attributes[SERVICE_ATTRIBUTE];

// The embedded layout (in-process calls to co-located subgraphs); test/tracing-split.test.ts follows the HTTP calls.
describe('tracing through the real gateway (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null;
  let t: TestStack;
  const tools = orderTools(() => t);
  const lines: string[] = [];

  beforeAll(async () => {
    tracing = startTracing({ config: loadConfig({ NODE_ENV: 'test' }), serviceName: 'shop', exporter });
    t = await startTestStack({ log: createLogger('test', 'info', (line) => lines.push(line)) });
  });
  afterAll(async () => {
    await t.stop();
    await tracing?.shutdown();
  });

  const spansOf = (traceId: string) => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);

  it('makes one checkout, placeOrder then confirmPayment, one trace across the gateway, four subgraphs and the consumers of its events', async () => {
    const productId = await tools.product({ onHand: 5 });
    const token = await t.token(await tools.customer());
    const client = clientTrace();

    const placed = await client.run(() => execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 2 }] } }, { token }));
    const orderId = placed.data?.placeOrder.id ?? '';
    expect(placed.errors).toBeUndefined();
    const paid = await client.run(() => execute(t.url, ConfirmPayment, { orderId, paymentMethod: 'pm_card_visa' }, { token }));
    expect(paid.data?.confirmPayment.status).toBe('SUCCEEDED');
    await tools.settled(orderId, 'PAID');

    // The orders consumer's effect of PAID (inventory commits the reservation) is the last step of the checkout.
    const consumed = (span: ReadableSpan, type: string, group: string) =>
      span.kind === SpanKind.CONSUMER && span.name === `process ${type}` && span.attributes['messaging.consumer.group.name'] === group;
    const slow = { timeout: 20_000 };
    await waitFor(() => spansOf(client.traceId).some((span) => consumed(span, 'order.status_changed', 'orders')), slow);
    await waitFor(() => spansOf(client.traceId).some((span) => span.name === 'POST /graphql' && serviceOf(span) === 'inventory' && span.attributes['graphql.operation.name'] === 'CommitReservation'), slow);
    const spans = spansOf(client.traceId);

    // Every service of the checkout took part, in this one trace.
    expect([...new Set(spans.map(serviceOf))]).toEqual(expect.arrayContaining(['gateway', 'orders', 'inventory', 'payments', 'catalog']));
    for (const service of ['gateway', 'orders', 'inventory', 'payments']) {
      expect(spans.some((span) => serviceOf(span) === service && span.kind === SpanKind.SERVER)).toBe(true);
    }
    // The gateway's own stages: parsing, validation, the query plan, and a fetch per subgraph call.
    const names = new Set(spans.map((span) => span.name));
    for (const stage of ['gateway.parse', 'gateway.request', 'gateway.validate', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) expect(names).toContain(stage);
    // Server spans say which operation they ran.
    expect(spans.some((span) => serviceOf(span) === 'gateway' && span.attributes['graphql.operation.name'] === 'OrdersPlaceOrder' && span.attributes['graphql.operation.type'] === 'mutation')).toBe(true);
    // The events the checkout wrote were consumed inside it: orders took the payment, and reacted to PAID.
    expect(spans.some((span) => consumed(span, 'payment.succeeded', 'orders'))).toBe(true);
    expect(spans.some((span) => consumed(span, 'order.status_changed', 'orders'))).toBe(true);

    // One tree: every span's parent is the client's span or another span of the trace (once the client spans of calls still answering end).
    const orphans = () => {
      const all = spansOf(client.traceId);
      const ids = new Set([client.spanId, ...all.map((span) => span.spanContext().spanId)]);
      return all.filter((span) => !ids.has(span.parentSpanContext?.spanId ?? ''));
    };
    await waitFor(() => orphans().length === 0, slow);
    // A subgraph's server span hangs under the call that reached it (a client span from fetch).
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    // The gateway's access lines carry the trace, so logs and traces meet.
    const access = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === 'operation' && line.operationName === 'OrdersPlaceOrder');
    expect(access.map((line) => line.traceId)).toContain(client.traceId);
    const paymentsServer = spans.find((span) => serviceOf(span) === 'payments' && span.kind === SpanKind.SERVER);
    expect(byId.get(paymentsServer?.parentSpanContext?.spanId ?? '')?.kind).toBe(SpanKind.CLIENT);
    // Each parse hangs under the gateway's server span of the request it parsed.
    const parsed = spans.filter((span) => span.name === 'gateway.parse').map((span) => byId.get(span.parentSpanContext?.spanId ?? ''));
    expect(parsed.length).toBeGreaterThan(0);
    for (const server of parsed) expect([server?.kind, server && serviceOf(server)]).toEqual([SpanKind.SERVER, 'gateway']);
  });

  it('marks the parse span failed for a document that is not GraphQL', async () => {
    const traceId = 'c'.repeat(32);
    expect(await postPlain(t.url, { query: '{ products(first: 1) { edges ' }, { traceparent: `00-${traceId}-${'d'.repeat(16)}-01` })).toBe(400);
    await waitFor(() => spansOf(traceId).some((span) => span.name === 'gateway.parse'));
    const parse = spansOf(traceId).find((span) => span.name === 'gateway.parse');
    expect(parse?.status.code).toBe(SpanStatusCode.ERROR);
    expect(parse?.status.message).toMatch(/^Syntax Error/);
    // Nothing past the parse: the gateway's request span never starts.
    expect(spansOf(traceId).map((span) => span.name)).not.toContain('gateway.request');
  });

  it('stores the trace context with each outbox event', async () => {
    const productId = await tools.product({ onHand: 1 });
    const token = await t.token(await tools.customer());
    const client = clientTrace();
    const placed = await client.run(() => execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 1 }] } }, { token }));
    const orderId = placed.data?.placeOrder.id ?? '';
    const rows = await t.stack.subgraphs.orders.orm.em.fork().find(OutboxEntryEntity, { type: 'order.placed' });
    const row = rows.find((entry) => entry.payload.orderId === orderId);
    expect(row?.traceparent).toMatch(new RegExp(`^00-${client.traceId}-[0-9a-f]{16}-01$`));
  });

  it('starts a new trace for a request that brings none, and ignores a malformed traceparent', async () => {
    const before = new Set(exporter.getFinishedSpans().map((span) => span.spanContext().traceId));
    expect(await postPlain(t.url, { query: print(TracedProducts) }, { traceparent: 'not-a-trace' })).toBe(200);
    await waitFor(() => exporter.getFinishedSpans().some((span) => !before.has(span.spanContext().traceId) && serviceOf(span) === 'gateway' && span.kind === SpanKind.SERVER));
    const root = exporter.getFinishedSpans().find((span) => !before.has(span.spanContext().traceId) && serviceOf(span) === 'gateway' && span.kind === SpanKind.SERVER);
    expect(root?.parentSpanContext).toBeUndefined();
    expect(root?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('continues the trace of an event handled alone, and links a batch of several to the trace of each', async () => {
    const bus = tracedEvents(new MemoryEventBus(), 'catalog');
    const held = { open: () => undefined as void };
    const holding = new Promise<void>((resolve) => (held.open = resolve));
    let batches = 0;
    await bus.consumeBatches({ group: 'traced' }, async () => {
      batches += 1;
      if (batches === 1) await holding;
    });
    const traced = (n: number) => `00-${String(n).padStart(32, 'a')}-${String(n).padStart(16, 'b')}-01`;
    const event = (n: number) => ({ id: `event-${n}`, type: 'audit.recorded', occurredAt: new Date().toISOString(), payload: {}, traceparent: traced(n) });
    await bus.publish(event(1));
    await waitFor(() => batches === 1);
    await bus.publish(event(2));
    await bus.publish(event(3));
    held.open();
    await waitFor(() => exporter.getFinishedSpans().filter((span) => span.attributes['messaging.consumer.group.name'] === 'traced').length === 2);
    const [alone, batch] = exporter.getFinishedSpans().filter((span) => span.attributes['messaging.consumer.group.name'] === 'traced');
    expect(alone.name).toBe('process audit.recorded');
    expect(alone.parentSpanContext?.spanId).toBe(String(1).padStart(16, 'b'));
    expect(batch.name).toBe('process batch');
    expect(batch.attributes['messaging.batch.message_count']).toBe(2);
    expect(batch.links.map((link) => link.context.spanId)).toEqual([String(2).padStart(16, 'b'), String(3).padStart(16, 'b')]);
    await bus.close();
  });

  it('does not trace health probes or metrics scrapes', async () => {
    exporter.reset();
    await fetch(t.url.replace(/\/graphql$/, '/health'));
    await fetch(t.url.replace(/\/graphql$/, '/metrics'));
    await execute(t.url, TracedProducts);
    await waitFor(() => exporter.getFinishedSpans().some((span) => serviceOf(span) === 'gateway' && span.kind === SpanKind.SERVER));
    expect(exporter.getFinishedSpans().filter((span) => /\/(health|ready|metrics)$/.test(span.name))).toEqual([]);
  });
});

describe('tracing to an OTLP endpoint', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    expect(startTracing({ config: loadConfig({ NODE_ENV: 'test' }), serviceName: 'shop' })).toBeNull();
  });

  it('sends the spans of a request to <endpoint>/v1/traces over OTLP/HTTP, and what is buffered on SIGTERM', async () => {
    const main = path.join(projectRoot(), 'dist', 'main.js');
    expect(existsSync(main)).toBe(true);
    const received: Array<{ path: string; type: string; body: Buffer }> = [];
    const collector = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const port = await freePort();
      // Every subgraph is unreachable: the gateway still plans and tries the fetch, which is what is traced here.
      const nowhere = Object.fromEntries(SERVICE_NAMES.map((name) => [`${name.toUpperCase()}_URL`, 'http://127.0.0.1:9/graphql']));
      const env = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        PORT: String(port),
        ...nowhere,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`,
      };
      const gateway = spawn(process.execPath, [main, 'gateway'], { env, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => gateway.once('exit', resolve));
      try {
        await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status === 200, { timeout: 20_000, interval: 100 });
        expect(await postPlain(`http://127.0.0.1:${port}/graphql`, { query: print(TracedProducts) }, {})).toBe(200);
      } finally {
        gateway.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received.every((r) => r.path === '/v1/traces' && r.type === 'application/json')).toBe(true);
    const batches = received.map((r) => JSON.parse(r.body.toString('utf8')) as OtlpTraces);
    const resources = batches.flatMap((batch) => batch.resourceSpans);
    const serviceNames = resources.flatMap((r) => r.resource.attributes.filter((a) => a.key === 'service.name').map((a) => a.value.stringValue));
    expect(new Set(serviceNames)).toEqual(new Set(['gateway']));
    const spans = resources.flatMap((r) => r.scopeSpans.flatMap((scope) => scope.spans));
    const names = spans.map((span) => span.name);
    for (const name of ['POST /graphql', 'gateway.parse', 'gateway.request', 'gateway.validate', 'gateway.plan', 'gateway.fetch']) expect(names).toContain(name);
    // One trace: the request's server span and the gateway's stages under it.
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
  }, 30_000);
});
