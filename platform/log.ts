import type { LogLevel } from './config';
import { currentRequestId } from './request-scope';

/** One JSON line per record: readable locally, parseable by log shippers. */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export function createLogger(service: string, level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (RANK[at] > RANK[level]) return;
    const requestId = currentRequestId();
    write(JSON.stringify({ time: new Date().toISOString(), level: at, service, message, ...(requestId ? { requestId } : {}), ...fields }));
  };
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}
