import type { ServiceName } from '../platform/config';
import type { Logger } from '../platform/log';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly subgraphs: Record<string, 'ok' | string>;
}

/** Asks every subgraph's /health in parallel; the supergraph is ready only when all answer 200. */
export async function checkSubgraphs(urls: Readonly<Record<ServiceName, string>>, timeoutMs: number, states?: SubgraphStates): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetch(new URL('/health', url), { signal });
        await response.body?.cancel();
        return [name, response.ok ? 'ok' : `unhealthy (HTTP ${response.status})`] as const;
      } catch {
        return [name, signal.aborted ? `no answer within ${timeoutMs} ms` : 'unreachable'] as const;
      }
    }),
  );
  for (const [name, state] of entries) states?.report(name, state === 'ok' ? null : state);
  const subgraphs = Object.fromEntries(entries);
  return { status: entries.every(([, state]) => state === 'ok') ? 'ok' : 'degraded', subgraphs };
}

/**
 * Whether each subgraph is up, as the gateway last saw it (calls and probes):
 * a change is logged once, not once per failing request.
 */
export class SubgraphStates {
  private readonly down = new Map<string, string>();

  constructor(private readonly log: Logger) {}

  /** `problem` null: it answered. */
  report(subgraph: string, problem: string | null): void {
    const wasDown = this.down.has(subgraph);
    if (problem === null) {
      if (!wasDown) return;
      this.down.delete(subgraph);
      this.log.info('subgraph is back', { subgraph });
      return;
    }
    if (wasDown) return;
    this.down.set(subgraph, problem);
    this.log.warn('subgraph unavailable', { subgraph, reason: problem });
  }
}
