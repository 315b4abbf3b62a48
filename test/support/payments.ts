import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { CALLER_HEADER, signCallerHeader, type RoleName } from '../../platform/caller';
import { ProcessedEventEntity } from '../../platform/messaging/inbox';
import { OutboxEntryEntity } from '../../platform/messaging/outbox';
import { CANCEL_PAYMENT, CREATE_PAYMENT, REFUND_PAYMENT, type CancelPaymentData, type CreatePaymentData, type CreatePaymentVariables, type RefundPaymentData } from '../../contracts/payments-api';
import { PaymentEntity } from '../../subgraphs/payments/payment.entity';
import { ReceiptEntity } from '../../subgraphs/payments/receipt.entity';
import { SimulatedIntentEntity } from '../../subgraphs/payments/simulated-intent.entity';
import type { Result } from './graphql';
import type { TestStack } from './stack';

/**
 * What payment tests share: the internal operations called as orders calls
 * them (straight to the payments subgraph, SERVICE caller), and a look into
 * the payments database to prove what a request did or did not write.
 */

export const newOrderId = (): string => `order-${randomUUID()}`;

/** A request to the payments subgraph as the gateway (a user) or another subgraph (SERVICE) makes it. */
export async function callPayments<TData>(t: TestStack, query: string, variables: Record<string, unknown>, caller: { userId: string; roles: RoleName[] }): Promise<Result<TData>> {
  const response = await fetch(t.stack.subgraphs.payments.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerHeader({ ...caller, sessionId: null }, t.config.auth.internalSecret) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, ...body };
}

const SERVICE = { userId: 'service:test', roles: ['SERVICE'] as RoleName[] };

export function createPayment(t: TestStack, input: CreatePaymentVariables['input']): Promise<Result<CreatePaymentData>> {
  return callPayments<CreatePaymentData>(t, CREATE_PAYMENT, { input }, SERVICE);
}

export function cancelPayment(t: TestStack, orderId: string, reason: string | null = null): Promise<Result<CancelPaymentData>> {
  return callPayments<CancelPaymentData>(t, CANCEL_PAYMENT, { orderId, reason }, SERVICE);
}

export function refundPayment(
  t: TestStack,
  orderId: string,
  amount: number | null = null,
  reason: string | null = null,
  idempotencyKey: string | null = null,
): Promise<Result<RefundPaymentData>> {
  return callPayments<RefundPaymentData>(t, REFUND_PAYMENT, { orderId, amount, reason, idempotencyKey }, SERVICE);
}

/** Creates a payment and fails the test when it could not. */
export async function paymentFor(t: TestStack, input: CreatePaymentVariables['input']): Promise<CreatePaymentData['createPayment']> {
  const result = await createPayment(t, input);
  if (!result.data) throw new Error(`createPayment failed: ${JSON.stringify(result.errors)}`);
  return result.data.createPayment;
}

/** Everything a payment request can write, for "nothing was written" assertions. */
export async function paymentsState(t: TestStack): Promise<Record<string, unknown>> {
  const em = t.stack.subgraphs.payments.orm.em.fork();
  const payments = await em.find(PaymentEntity, {}, { orderBy: { id: 'asc' } });
  const intents = await em.find(SimulatedIntentEntity, {}, { orderBy: { id: 'asc' } });
  return {
    payments: payments.map((p) => [p.id, p.status, p.version, p.refundedMinor, p.statusReason]),
    intents: intents.map((i) => [i.id, i.state, i.version]),
    receipts: await em.count(ReceiptEntity),
    outbox: await em.count(OutboxEntryEntity),
    processedEvents: await em.count(ProcessedEventEntity),
  };
}

export async function paymentRow(t: TestStack, orderId: string): Promise<PaymentEntity> {
  return t.stack.subgraphs.payments.orm.em.fork().findOneOrFail(PaymentEntity, { orderId });
}

export async function receiptsOf(t: TestStack, orderId: string): Promise<ReceiptEntity[]> {
  return t.stack.subgraphs.payments.orm.em.fork().find(ReceiptEntity, { orderId });
}

/** The payment.* events in the payments outbox for one order, oldest first, payloads as stored (tests compare their values). */
export async function paymentEvents(t: TestStack, orderId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  const rows = await t.stack.subgraphs.payments.orm.em.fork().find(OutboxEntryEntity, { type: { $like: 'payment.%' } }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
  return rows
    .filter((row) => row.payload.orderId === orderId)
    .map((row) => ({ type: row.type, payload: row.payload }));
}
