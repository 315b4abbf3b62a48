import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { isExpectedCode } from './errors';
import { errorDetails } from './http';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import { describeOperation } from './tracing';

/**
 * What every GraphQL server of the shop records per operation: its latency
 * and outcome as metrics, one access line (on the gateway, where clients
 * arrive), and every unexpected error with its stack, logged here before the
 * error formatter masks it for the client.
 */

export interface OperationTelemetryOptions<TContext> {
  readonly service: string;
  readonly log: Logger;
  readonly metrics: Metrics;
  /** Write one access line per operation (the gateway; subgraphs leave it to the gateway's line). */
  readonly accessLog: boolean;
  /** Who asked, for the access line. */
  readonly who?: (context: TContext) => { userId: string | null; clientIp: string | null };
}

export function operationTelemetry<TContext extends BaseContext>(options: OperationTelemetryOptions<TContext>): ApolloServerPlugin<TContext> {
  const { service, log, metrics } = options;
  return {
    async requestDidStart({ request, contextValue }) {
      const started = performance.now();
      let operationName = request.operationName ?? null;
      let type: string | null = null;
      return {
        async didResolveOperation({ operation, operationName: resolvedName }) {
          type = operation?.operation ?? null;
          operationName = resolvedName;
          describeOperation(operationName, type);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!unexpected(error)) continue;
            log.error('unexpected error', { operationName, path: error.path?.join('.'), error: errorDetails(error.originalError ?? error) });
          }
        },
        async willSendResponse({ response, errors }) {
          const who = options.who?.(contextValue) ?? { userId: null, clientIp: null };
          recordOperation(metrics, options.accessLog ? log : null, service, {
            operationName,
            type,
            seconds: (performance.now() - started) / 1000,
            status: response.http.status ?? 200,
            errorCodes: errorCodesOf(errors ?? []),
            ...who,
          });
        },
      };
    },
  };
}

export interface OperationRecord {
  readonly operationName: string | null;
  /** query, mutation or subscription; null when refused before the operation was known. */
  readonly type: string | null;
  readonly seconds: number;
  /** HTTP status (101 for a subscription started over WebSocket). */
  readonly status: number;
  readonly errorCodes: readonly string[];
  readonly clientIp: string | null;
  readonly userId: string | null;
}

/** Counts one operation in the metrics and, given a logger, writes its access line. */
export function recordOperation(metrics: Metrics, accessLog: Logger | null, service: string, record: OperationRecord): void {
  const { operationName, type, seconds, status, errorCodes, clientIp, userId } = record;
  const outcome = type === null && errorCodes.length > 0 ? 'refused' : errorCodes.length > 0 ? 'error' : 'ok';
  metrics.operations.observe({ service, operation: metrics.operationLabel(operationName), type: type ?? 'unknown', outcome }, seconds);
  for (const code of errorCodes) metrics.errors.inc({ service, code });
  accessLog?.info('operation', { operationName, type, durationMs: Math.round(seconds * 1000), status, errorCodes, clientIp, userId });
}

/** Distinct `extensions.code`s of errors; an error without one is an internal error. */
export function errorCodesOf(errors: ReadonlyArray<{ readonly extensions?: { readonly [key: string]: unknown } }>): string[] {
  return [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
}

/** Neither a refusal a client must handle nor an error a subgraph already reported (and logged). */
function unexpected(error: GraphQLError): boolean {
  if (isExpectedCode(error.extensions?.code)) return false;
  return error.extensions?.serviceName === undefined;
}
