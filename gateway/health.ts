import type { ServiceName } from '../platform/config';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly subgraphs: Record<string, 'ok' | string>;
}

/** Asks every subgraph's /health in parallel; the supergraph is ready only when all answer 200. */
export async function checkSubgraphs(urls: Readonly<Record<ServiceName, string>>, timeoutMs: number): Promise<HealthReport> {
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
  const subgraphs = Object.fromEntries(entries);
  return { status: entries.every(([, state]) => state === 'ok') ? 'ok' : 'degraded', subgraphs };
}
