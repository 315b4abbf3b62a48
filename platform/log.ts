import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogFormat, LogLevel } from './config';
import { currentRequestId } from './request-scope';

/**
 * Structured logs through pino: one JSON object per line in production (for
 * log shippers), one readable line per record in development. Every line
 * written inside a request carries its `requestId` (and, with tracing on, its
 * `traceId` and `spanId`); fields that may hold
 * secrets or personal data are redacted before anything is written.
 */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  service: string,
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  format: LogFormat = 'json',
): Logger {
  const pretty = format === 'pretty' ? prettyFactory({ messageKey: 'message', singleLine: true, colorize: false, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service', messageFormat: '{service}: {message}' }) : null;
  const logger = pino(
    {
      level,
      base: { service },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        // With tracing on, the trace a line belongs to, so logs and traces meet (nothing without it).
        const span = trace.getActiveSpan()?.spanContext();
        const traced = span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
        return requestId ? { requestId, ...traced } : traced;
      },
    },
    { write: (line: string) => write((pretty ? pretty(line) : line).trimEnd()) },
  );
  const log = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => logger[at](redact(fields) as object, message);
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

export const REDACTED = '[redacted]';

/**
 * Field names whose values never reach a log: credentials, card data and
 * postal addresses, compared without case, `-` or `_`. (A client's network
 * address is logged as `clientIp`, not `address`.)
 */
const SENSITIVE_KEYS = new Set(
  [
    'password', 'newPassword', 'currentPassword', 'oldPassword', 'passwordHash', 'secret', 'clientSecret', 'apiKey',
    'token', 'accessToken', 'refreshToken', 'idToken', 'authorization', 'cookie', 'setCookie', 'x-shop-caller',
    'card', 'cardNumber', 'cvc', 'cvv', 'pan', 'expMonth', 'expYear', 'iban', 'paymentMethod',
    'address', 'addresses', 'street', 'line1', 'line2', 'postalCode', 'zip', 'shippingAddress', 'billingAddress',
  ].map((key) => normalizeKey(key)),
);

/** Values that are secrets whatever their field is called: bearer tokens and JWTs. */
const SENSITIVE_VALUES: ReadonlyArray<RegExp> = [/Bearer\s+\S+/gi, /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g];
/** Runs of 13-19 digits (spaces or dashes between), redacted when they pass the card-number checksum. */
const DIGIT_RUN = /\b(?:\d[ -]?){12,18}\d\b/g;

const MAX_DEPTH = 6;

function normalizeKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

/** A copy of `value` with sensitive fields and values replaced by REDACTED. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const masked = SENSITIVE_VALUES.reduce((text, pattern) => text.replace(pattern, REDACTED), value);
    return masked.replace(DIGIT_RUN, (run) => (passesLuhn(run.replace(/\D/g, '')) ? REDACTED : run));
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (value instanceof Error) return { message: redact(value.message, depth + 1), ...(value.stack ? { stack: redact(value.stack, depth + 1) } : {}) };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, SENSITIVE_KEYS.has(normalizeKey(key)) ? REDACTED : redact(field, depth + 1)]),
  );
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
