import { DeliveryRules, oneByOne, runBatch, type BatchHandler, type ConsumerOptions, type DeadLetter, type DeadLetterOptions, type DomainEvent, type EventBus, type EventConsumer, type EventHandler } from './event-bus';
import { errorMessage } from '../errors';
import { withoutDeadline } from '../request-scope';

interface Delivery {
  readonly event: DomainEvent;
  /** Failed handler runs so far, for the retry backoff and the dead-letter limit. */
  attempts: number;
}

/** One consumer group: its queue outlives its consumers, like a Redis consumer group. */
interface Group {
  readonly name: string;
  readonly queue: Delivery[];
  readonly consumers: MemoryConsumer[];
  readonly dead: DeadLetter[];
  /** Round-robin start, so one consumer does not get every event. */
  next: number;
  scheduled: boolean;
}

/**
 * In-process EventBus with the Redis adapter's semantics: a group receives
 * every event published after it was first consumed, events wait in the
 * group while it has no running consumer, each consumer handles one batch
 * at a time (what is queued, up to its `maxBatch`), and a failed event is
 * retried with backoff until its handler resolves or it has failed
 * `maxAttempts` times, when it joins the group's dead letters. Events do not
 * survive the process.
 */
export class MemoryEventBus implements EventBus {
  private readonly groups = new Map<string, Group>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: DeadLetterOptions = {}) {}

  async publish(event: DomainEvent): Promise<void> {
    this.assertOpen();
    // Serialised like on Redis: a non-JSON payload fails here, not in production,
    // and each group gets its own copy to mutate.
    const json = JSON.stringify(event);
    for (const group of this.groups.values()) {
      group.queue.push({ event: JSON.parse(json) as DomainEvent, attempts: 0 });
      this.schedule(group);
    }
  }

  consume(options: ConsumerOptions, handler: EventHandler): Promise<EventConsumer> {
    return this.consumeBatches({ ...options, maxBatch: 1 }, oneByOne(handler));
  }

  async consumeBatches(options: ConsumerOptions, handler: BatchHandler): Promise<EventConsumer> {
    this.assertOpen();
    const rules = new DeliveryRules(options, this.options);
    let group = this.groups.get(options.group);
    if (!group) {
      group = { name: options.group, queue: [], consumers: [], dead: [], next: 0, scheduled: false };
      this.groups.set(options.group, group);
    }
    const consumer = new MemoryConsumer(group, rules, handler, (delivery, error) => this.failed(group, delivery, error, rules), () => this.schedule(group));
    group.consumers.push(consumer);
    this.schedule(group);
    return consumer;
  }

  async deadLetters(group: string): Promise<DeadLetter[]> {
    this.assertOpen();
    return [...(this.groups.get(group)?.dead ?? [])];
  }

  async redrive(name: string): Promise<number> {
    this.assertOpen();
    const group = this.groups.get(name);
    if (!group) return 0;
    const letters = group.dead.splice(0);
    group.queue.push(...letters.map((letter) => ({ event: letter.event, attempts: 0 })));
    this.schedule(group);
    return letters.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    const consumers = [...this.groups.values()].flatMap((group) => group.consumers);
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  }

  /** Dispatches on a later turn: handlers never run inside `publish` or `consume`. */
  private schedule(group: Group): void {
    if (group.scheduled || this.closed) return;
    group.scheduled = true;
    // Handlers work on their own time: a publish inside a request must not pass them its deadline.
    setImmediate(() =>
      withoutDeadline(() => {
        group.scheduled = false;
        this.dispatch(group);
      }),
    );
  }

  private dispatch(group: Group): void {
    while (group.queue.length > 0) {
      const consumer = this.idleConsumer(group);
      if (!consumer) return;
      const batch = consumer.take(group.queue);
      if (batch.length > 0) consumer.run(batch);
    }
  }

  private idleConsumer(group: Group): MemoryConsumer | undefined {
    const count = group.consumers.length;
    for (let i = 0; i < count; i += 1) {
      const consumer = group.consumers[(group.next + i) % count];
      if (consumer.idle) {
        group.next = (group.next + i + 1) % count;
        return consumer;
      }
    }
    return undefined;
  }

  private failed(group: Group, delivery: Delivery, error: unknown, rules: DeliveryRules): void {
    delivery.attempts += 1;
    if (delivery.attempts < rules.maxAttempts) {
      this.retryLater(group, delivery, rules.retryDelayMs(delivery.attempts));
      return;
    }
    const letter: DeadLetter = { event: delivery.event, group: group.name, attempts: delivery.attempts, error: errorMessage(error), at: new Date().toISOString() };
    group.dead.push(letter);
    this.options.onDeadLetter?.(letter);
  }

  private retryLater(group: Group, delivery: Delivery, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      // Back to the front: a retried event should not wait behind newer ones.
      group.queue.unshift(delivery);
      this.schedule(group);
    }, delayMs);
    this.retryTimers.add(timer);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryEventBus is closed');
  }
}

class MemoryConsumer implements EventConsumer {
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly group: Group,
    private readonly rules: DeliveryRules,
    private readonly handler: BatchHandler,
    private readonly failed: (delivery: Delivery, error: unknown) => void,
    private readonly onIdle: () => void,
  ) {}

  get idle(): boolean {
    return !this.stopped && this.inFlight === null;
  }

  /** What is queued, up to `maxBatch` events it takes; filtered ones are dropped, as the Redis adapter acknowledges them unseen. */
  take(queue: Delivery[]): Delivery[] {
    const batch: Delivery[] = [];
    while (queue.length > 0 && batch.length < this.rules.maxBatch) {
      const delivery = queue.shift() as Delivery;
      if (this.rules.takes(delivery.event.type)) batch.push(delivery);
    }
    return batch;
  }

  run(batch: readonly Delivery[]): void {
    this.inFlight = this.handle(batch).finally(() => {
      this.inFlight = null;
      this.onIdle();
    });
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      const index = this.group.consumers.indexOf(this);
      if (index >= 0) this.group.consumers.splice(index, 1);
    }
    await this.inFlight;
  }

  private async handle(batch: readonly Delivery[]): Promise<void> {
    const failures = await runBatch(this.handler, batch.map((delivery) => delivery.event));
    for (const delivery of batch) if (failures.has(delivery.event.id)) this.failed(delivery, failures.get(delivery.event.id));
  }
}
