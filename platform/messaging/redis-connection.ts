import { Redis } from 'ioredis';
import { errorMessage } from '../errors';

/**
 * Opens a connection and resolves once it is ready, or rejects within
 * `timeoutMs` with an error naming the (redacted) URL. Shared by every Redis
 * adapter of the platform layer.
 */
export async function connectRedis(url: string, connectionName: string, timeoutMs: number): Promise<Redis> {
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    connectionName,
    // No retries before the first success, so an unreachable server fails
    // `create` at once; afterwards ioredis' default backoff (50ms doubling to 5s, plus jitter).
    retryStrategy: (times) => (connected ? Math.min(2 ** (times - 1) * 50, 5000) + Math.floor(Math.random() * 200) : null),
  });
  let lastError: Error | undefined;
  // Without an 'error' listener ioredis prints every failed reconnect attempt to the console.
  redis.on('error', (err: Error) => {
    lastError = err;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs}ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    // Already ended unless our own timeout struck; disconnecting an ended client leaves a stray 2s timer.
    if (redis.status !== 'end') redis.disconnect();
    const cause = lastError ?? err;
    throw new Error(`Cannot connect to Redis at ${redactUrl(url)}: ${errorMessage(cause)}`, { cause });
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  return redis;
}

/** Quits gracefully when connected, drops the socket otherwise. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  // QUIT would wait in the offline queue while Redis is unreachable.
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
