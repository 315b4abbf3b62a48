/**
 * Domain-event port with at-least-once delivery. Every consumer group
 * receives every event; within a group each event is handled by one consumer
 * and retried until its handler resolves, so handlers must be idempotent
 * (dedupe by `event.id`). An event whose handler still fails after
 * `maxAttempts` tries is parked as a dead letter of its group, so one poison
 * event cannot be retried forever.
 */
export interface DomainEvent<TPayload = Record<string, unknown>> {
  /** Unique, stable across redeliveries: the idempotency key for consumers. */
  readonly id: string;
  /** Dotted name, e.g. `order.placed`, `stock.low`. */
  readonly type: string;
  /** ISO-8601 time the fact happened. */
  readonly occurredAt: string;
  readonly payload: TPayload;
  /** W3C trace context of the work that wrote the event, so its consumers continue that trace (tracing on). */
  readonly traceparent?: string;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

/**
 * Handles a batch of a group's events, in delivery order, and resolves with
 * the ones it could not handle yet (by event id, with the error): those are
 * retried and parked one by one, the rest are acknowledged. Throwing fails
 * the whole batch: the bus then hands each of its events to the handler
 * alone at once, so one poisoned event does not hold back its neighbours.
 */
export type BatchHandler = (events: readonly DomainEvent[]) => Promise<BatchFailures | void>;

/** A batch's events that failed, by id, with what they failed with. */
export type BatchFailures = ReadonlyMap<string, unknown>;

/** Largest batch `consumeBatches` hands over unless told otherwise. */
export const DEFAULT_MAX_BATCH = 100;

/**
 * Tries per event and group before it is parked, unless the bus or consumer
 * says otherwise: with retries at most a second apart, about an hour of
 * failures, so an outage of what a handler needs (a subgraph mid-deploy, the
 * mail server) does not park good saga or mail events, which nothing replays.
 */
export const DEFAULT_MAX_ATTEMPTS = 3_600;

export interface ConsumerOptions {
  /** Consumer group name: each group gets its own copy of every event. */
  readonly group: string;
  /** Only these event types reach the handler (others are acknowledged unseen). */
  readonly types?: readonly string[];
  /** Tries before an event is parked as a dead letter; default: the bus's `maxAttempts`. */
  readonly maxAttempts?: number;
  /**
   * Most events per batch (`consumeBatches`; `consume` takes one at a time).
   * A batch is whatever is waiting, up to this, taken at once: no timer waits
   * for a batch to fill. Default DEFAULT_MAX_BATCH.
   */
  readonly maxBatch?: number;
}

/** An event a group gave up on: acknowledged there, kept for an operator to inspect. */
export interface DeadLetter {
  readonly event: DomainEvent;
  readonly group: string;
  /** Times it was tried (on Redis: delivered, which also counts runs cut short by a crash). */
  readonly attempts: number;
  /** Message of the last failure. */
  readonly error: string;
  /** ISO-8601 time it was parked. */
  readonly at: string;
}

/** Dead-letter settings shared by the adapters' constructor options. */
export interface DeadLetterOptions {
  /** Default tries per event before it is parked. Default DEFAULT_MAX_ATTEMPTS. */
  readonly maxAttempts?: number;
  /** Told of each event once it is parked, e.g. to log it; must not throw. */
  readonly onDeadLetter?: (letter: DeadLetter) => void;
}

export interface EventConsumer {
  /** Stops taking new events; resolves once in-flight handlers finished. */
  stop(): Promise<void>;
}

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** One event per handler run. */
  consume(options: ConsumerOptions, handler: EventHandler): Promise<EventConsumer>;
  /** What is waiting for the group, up to `maxBatch` events per handler run. */
  consumeBatches(options: ConsumerOptions, handler: BatchHandler): Promise<EventConsumer>;
  /** The group's parked events, oldest first. */
  deadLetters(group: string): Promise<DeadLetter[]>;
  /**
   * Delivers the group's dead letters again, once what made them fail is
   * fixed, and removes them from the dead letters; how many. Other groups may
   * receive them again too (on Redis they are published anew); having handled
   * them, they skip them by event id.
   */
  redrive(group: string): Promise<number>;
  /** False while a networked bus is disconnected (readiness probes); in-process ones omit it. */
  connected?(): boolean;
  close(): Promise<void>;
}

/**
 * What every adapter's consumer decides the same way: which events reach
 * its handler, how long a failed event waits before its next try, and after
 * how many tries it is parked.
 */
export class DeliveryRules {
  /** The consumer's limit, else the bus's, else the default; a positive integer. */
  readonly maxAttempts: number;
  /** Most events handed to one handler run. */
  readonly maxBatch: number;
  private readonly types: ReadonlySet<string> | null;

  constructor(consumer: ConsumerOptions, bus: DeadLetterOptions) {
    this.maxAttempts = consumer.maxAttempts ?? bus.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isSafeInteger(this.maxAttempts) || this.maxAttempts < 1) throw new Error(`maxAttempts must be a positive integer, got ${this.maxAttempts}`);
    this.maxBatch = consumer.maxBatch ?? DEFAULT_MAX_BATCH;
    if (!Number.isSafeInteger(this.maxBatch) || this.maxBatch < 1) throw new Error(`maxBatch must be a positive integer, got ${this.maxBatch}`);
    this.types = consumer.types ? new Set(consumer.types) : null;
  }

  /** False for a type the consumer did not ask for: such events are acknowledged unseen. */
  takes(type: string): boolean {
    return !this.types || this.types.has(type);
  }

  /** The wait after an event's `failures`-th failed try: 10 ms, doubling up to 1 s. */
  retryDelayMs(failures: number): number {
    return Math.min(10 * 2 ** (failures - 1), 1000);
  }
}

/** A per-event handler as a batch handler of one event at a time (`consume`'s batches hold one event). */
export function oneByOne(handler: EventHandler): BatchHandler {
  return async (events) => {
    for (const event of events) await handler(event);
  };
}

/**
 * Runs `handler` on `events` and returns the failed ones by id. A batch that
 * throws is split: each event is handed over alone, so only the events that
 * fail alone count as failed.
 */
export async function runBatch(handler: BatchHandler, events: readonly DomainEvent[]): Promise<BatchFailures> {
  try {
    return (await handler(events)) ?? new Map();
  } catch (error) {
    if (events.length === 1) return new Map([[events[0].id, error]]);
  }
  const failures = new Map<string, unknown>();
  for (const event of events) {
    try {
      const failed = await handler([event]);
      if (failed?.has(event.id)) failures.set(event.id, failed.get(event.id));
    } catch (error) {
      failures.set(event.id, error);
    }
  }
  return failures;
}
