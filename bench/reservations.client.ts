import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CALLER_HEADER, signCallerHeader } from '../platform/caller';
import { RESERVE_STOCK, type ReservationLine } from '../contracts/inventory-api';

/**
 * The calling side of bench/reservations.bench.ts, in its own process so the
 * load it generates does not compete with the server for one event loop.
 * Receives a job over IPC, sends back the outcome, exits.
 */

export interface StormJob {
  readonly urls: readonly string[];
  readonly secret: string;
  readonly requests: number;
  readonly concurrency: number;
  /** Lines of every order; each order gets its own id. */
  readonly lines: ReservationLine[];
}

export interface StormOutcome {
  readonly reserved: number;
  readonly refused: number;
  readonly failed: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
}

type Result = 'reserved' | 'refused' | 'failed';

async function reserve(url: string, secret: string, lines: ReservationLine[]): Promise<Result> {
  const body = JSON.stringify({ query: RESERVE_STOCK, variables: { orderId: `bench-${randomUUID()}`, lines } });
  let response: Response | null = null;
  for (let attempt = 1; response === null; attempt += 1) {
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerHeader({ userId: 'service:bench', roles: ['SERVICE'], sessionId: null }, secret) },
        body,
      });
    } catch (error) {
      // A keep-alive socket the server closed just as it was reused: sending the same call again is
      // safe, since reserveStock is idempotent by order id (as an orders service would retry).
      if (attempt >= 3) throw error;
    }
  }
  const result = (await response.json()) as { data?: { reserveStock?: { status: string } } | null; errors?: Array<{ extensions?: { code?: string } }> };
  if (result.data?.reserveStock?.status === 'ACTIVE') return 'reserved';
  return result.errors?.[0]?.extensions?.code === 'CONFLICT' ? 'refused' : 'failed';
}

/** `requests` calls, at most `concurrency` in flight, spread round-robin over the URLs. */
async function storm(job: StormJob): Promise<StormOutcome> {
  const latencies: number[] = [];
  const counts: Record<Result, number> = { reserved: 0, refused: 0, failed: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.requests) {
        const url = job.urls[next++ % job.urls.length];
        const t0 = performance.now();
        counts[await reserve(url, job.secret, job.lines)] += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { ...counts, seconds, p50: at(0.5), p99: at(0.99) };
}

process.once('message', (job: StormJob) => {
  storm(job).then(
    (outcome) => process.send?.(outcome, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
});
