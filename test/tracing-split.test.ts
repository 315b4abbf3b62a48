import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { loadConfig } from '../platform/config';
import { SERVICE_ATTRIBUTE, startTracing, type Tracing } from '../platform/tracing';
import { execute } from './support/graphql';
import { orderTools, PlaceOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { clientTrace } from './support/tracing';
import { waitFor } from './support/wait-for';

const serviceOf = (span: ReadableSpan) => span.attributes[SERVICE_ATTRIBUTE];

/**
 * Split deployments: the gateway calls each subgraph over its keep-alive
 * node:http transport, which no instrumentation sees. The trace must still go
 * on: a client span per subgraph call, whose traceparent the subgraph's server
 * span continues. (Its own file: @apollo/gateway keeps the tracer of the first
 * provider registered in a process.)
 */
describe('tracing with subgraph calls over HTTP', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null;
  let t: TestStack;
  const tools = orderTools(() => t);

  beforeAll(async () => {
    tracing = startTracing({ config: loadConfig({ NODE_ENV: 'test' }), serviceName: 'shop', exporter });
    t = await startTestStack({ env: { EMBEDDED_SUBGRAPH_CALLS: 'http' } });
  });
  afterAll(async () => {
    await t.stop();
    await tracing?.shutdown();
  });

  it('places an order in one trace: each subgraph server span under a gateway client span of the same trace', async () => {
    const productId = await tools.product({ onHand: 5 });
    const token = await t.token(await tools.customer());
    const client = clientTrace();
    const placed = await client.run(() => execute(t.url, PlaceOrder, { input: { lines: [{ productId, quantity: 1 }] } }, { token }));
    expect(placed.errors).toBeUndefined();

    const spans = () => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === client.traceId);
    const ordersServer = () => spans().find((span) => serviceOf(span) === 'orders' && span.kind === SpanKind.SERVER);
    await waitFor(() => ordersServer() !== undefined && spans().some((span) => serviceOf(span) === 'inventory' && span.kind === SpanKind.SERVER));
    const parent = spans().find((span) => span.spanContext().spanId === ordersServer()?.parentSpanContext?.spanId);
    expect(parent).toMatchObject({ kind: SpanKind.CLIENT, name: 'POST' });
    expect(parent && serviceOf(parent)).toBe('gateway');
    expect(parent?.attributes['server.address']).toBe('orders');
  });
});
