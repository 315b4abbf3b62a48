import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { Config } from './config';
import type { DomainEvent, EventBus } from './messaging/event-bus';

/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set:
 * otherwise nothing is registered and every call below goes to the API's
 * no-op tracer (no spans, no headers). When on, one trace follows a request
 * everywhere it goes: the HTTP server of every process opens a server span
 * continuing the caller's W3C `traceparent`; the gateway adds gateway.parse
 * (parseSpan below) and @apollo/gateway its own spans (gateway.request,
 * validate, plan, execute, fetch); outgoing `fetch`
 * calls (the gateway's subgraph fetches, internal calls between subgraphs)
 * get client spans and carry `traceparent` on (the official undici
 * instrumentation); the outbox stores the trace context with each event and
 * consumers continue it, so a checkout is one trace from the client's
 * request through the events it caused.
 */

const TRACER = 'shop';
/** Which service of the process a span belongs to (the embedded mode runs them all in one). */
export const SERVICE_ATTRIBUTE = 'shop.service';

export interface Tracing {
  /** Sends what is buffered and stops tracing. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  readonly config: Pick<Config, 'tracing'>;
  /** `service.name` of the process's resource: the service it runs, or "shop" for the embedded mode. */
  readonly serviceName: string;
  /** Where spans go instead of OTLP (tests: an in-memory exporter); tracing starts even without an endpoint. */
  readonly exporter?: SpanExporter;
}

/** Starts tracing for the process when an OTLP endpoint is configured (or an exporter given); null otherwise. */
export function startTracing(options: TracingOptions): Tracing | null {
  const { tracing } = options.config;
  if (!options.exporter && tracing.endpoint === null) return null;
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: tracesUrl(tracing.endpoint ?? '') });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    // A caller's sampling decision stands, so a trace is never cut into sampled and unsampled pieces.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(tracing.sampleRatio) }),
    // Given an exporter (tests), each span is handed over as it ends, so a test reads it at once.
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  // Constructed after register(): it enables itself on the provider just registered.
  const undici = new UndiciInstrumentation();
  return {
    shutdown: async () => {
      undici.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** The OTLP/HTTP traces URL for the base endpoint, as the OTLP exporter specification appends it. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

function tracer() {
  return trace.getTracer(TRACER);
}

/**
 * Runs an HTTP request's handling inside a server span that continues the
 * caller's `traceparent` (none: a new trace), ended when the response is.
 */
export function withServerSpan<T>(service: string, route: string, req: IncomingMessage, res: ServerResponse, work: () => T): T {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method ?? 'GET'} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { [SERVICE_ATTRIBUTE]: service, 'http.request.method': req.method ?? 'GET', 'http.route': route, 'url.path': route },
    },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), work);
}

/**
 * A `gateway.parse` span around Apollo Server's parse of the document, which
 * happens before @apollo/gateway, and so its spans, see the request. A
 * document Apollo Server has parsed before comes from its document cache:
 * no parse, no span.
 */
export function parseSpan<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          const span = tracer().startSpan('gateway.parse');
          return async (error) => {
            if (error) {
              span.recordException(error);
              span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
            }
            span.end();
          };
        },
      };
    },
  };
}

/** Names the current server span after the GraphQL operation it runs (`graphql.operation.*` attributes). */
export function describeOperation(name: string | null, type: string | null): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  if (type) span.setAttribute('graphql.operation.type', type);
  if (name) span.setAttribute('graphql.operation.name', name);
}

/** The W3C `traceparent` of the work running now; null outside a sampled trace (or with tracing off). */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** Runs `work` in a span whose parent is `traceparent` (none: a new trace), recording a failure on it. */
export async function inSpanFrom<T>(
  traceparent: string | null | undefined,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: () => Promise<T>,
  links: readonly Link[] = [],
): Promise<T> {
  const parent: Context = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  return tracer().startActiveSpan(name, { kind, attributes, links: [...links] }, parent, async (span: Span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A link to the span `traceparent` names; none for an event written without tracing. */
function linkTo(traceparent: string | undefined): Link[] {
  const spanContext = traceparent ? trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent })) : undefined;
  return spanContext ? [{ context: spanContext }] : [];
}

/**
 * The bus with every handler run in a consumer span continuing the trace
 * the event was written in, so what a consumer does (writes, internal calls,
 * further events) joins the trace of the request that caused it.
 */
export function tracedEvents(bus: EventBus, service: string): EventBus {
  const processing = (group: string, event: DomainEvent) => ({
    [SERVICE_ATTRIBUTE]: service,
    'messaging.operation.type': 'process',
    'messaging.destination.name': event.type,
    'messaging.consumer.group.name': group,
    'messaging.message.id': event.id,
  });
  return {
    publish: (event) => bus.publish(event),
    consume: (options, handler) =>
      bus.consume(options, (event: DomainEvent) => inSpanFrom(event.traceparent, `process ${event.type}`, SpanKind.CONSUMER, processing(options.group, event), () => handler(event))),
    // A batch of one is traced as `consume` traces its event; a bigger one starts a trace of its own, linked to each event's.
    consumeBatches: (options, handler) =>
      bus.consumeBatches(options, (events) => {
        if (events.length === 1) return inSpanFrom(events[0].traceparent, `process ${events[0].type}`, SpanKind.CONSUMER, processing(options.group, events[0]), () => handler(events));
        const attributes = { [SERVICE_ATTRIBUTE]: service, 'messaging.operation.type': 'process', 'messaging.consumer.group.name': options.group, 'messaging.batch.message_count': events.length };
        const links = events.flatMap((event) => linkTo(event.traceparent));
        return inSpanFrom(null, 'process batch', SpanKind.CONSUMER, attributes, () => handler(events), links);
      }),
    deadLetters: (group) => bus.deadLetters(group),
    redrive: (group) => bus.redrive(group),
    ...(bus.connected ? { connected: () => bus.connected?.() ?? true } : {}),
    close: () => bus.close(),
  };
}
