import { randomBytes } from 'node:crypto';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * A client's trace: its own span, under which it makes every request of the
 * checkout. The test's fetch is instrumented like the services' (one
 * process), so it sends the `traceparent` of a client span of that trace.
 */
export function clientTrace(): { traceId: string; spanId: string; run<T>(work: () => Promise<T>): Promise<T> } {
  const traceId = hex(16);
  const spanId = hex(8);
  const parent = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
  return { traceId, spanId, run: (work) => context.with(parent, work) };
}
