/**
 * Domain-event port with at-least-once delivery. Every consumer group
 * receives every event; within a group each event is handled by one consumer
 * and retried until its handler resolves, so handlers must be idempotent
 * (dedupe by `event.id`).
 */
export interface DomainEvent<TPayload = Record<string, unknown>> {
  /** Unique, stable across redeliveries: the idempotency key for consumers. */
  readonly id: string;
  /** Dotted name, e.g. `order.placed`, `stock.low`. */
  readonly type: string;
  /** ISO-8601 time the fact happened. */
  readonly occurredAt: string;
  readonly payload: TPayload;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface ConsumerOptions {
  /** Consumer group name: each group gets its own copy of every event. */
  readonly group: string;
  /** Only these event types reach the handler (others are acknowledged unseen). */
  readonly types?: readonly string[];
}

export interface EventConsumer {
  /** Stops taking new events; resolves once in-flight handlers finished. */
  stop(): Promise<void>;
}

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  consume(options: ConsumerOptions, handler: EventHandler): Promise<EventConsumer>;
  close(): Promise<void>;
}
