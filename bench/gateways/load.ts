import { Agent, request } from 'node:http';

/**
 * A closed-loop load generator: `connections` callers on keep-alive sockets,
 * each sending its next request as soon as the previous answer is read, for
 * a fixed time. An answer counts as an error when it is not HTTP 200 or
 * carries GraphQL errors.
 */

export interface BenchRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** One failed answer, to say what went wrong. */
  readonly sampleError: string | null;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
}

export function post(agent: Agent, url: URL, req: BenchRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...req.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(req.body);
  });
}

export async function runLoad(url: string, next: () => BenchRequest, options: { connections: number; durationMs: number }): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let sampleError: string | null = null;
  const started = performance.now();
  const until = started + options.durationMs;
  const caller = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      try {
        const answer = await post(agent, target, next());
        latencies.push(performance.now() - sent);
        if (answer.status !== 200 || answer.body.includes('"errors"')) {
          errors += 1;
          sampleError ??= `${answer.status} ${answer.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors += 1;
        sampleError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, caller));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : 0);
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), sampleError };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
