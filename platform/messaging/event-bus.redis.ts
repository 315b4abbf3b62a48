import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { DeliveryRules, oneByOne, runBatch, type BatchHandler, type ConsumerOptions, type DeadLetter, type DeadLetterOptions, type DomainEvent, type EventBus, type EventConsumer, type EventHandler } from './event-bus';
import { errorMessage } from '../errors';
import { closeRedis, connectRedis } from './redis-connection';

export interface RedisEventBusOptions extends DeadLetterOptions {
  readonly url: string;
  /**
   * Stream key is `prefix:events` (dead letters: `prefix:dead:<group>`), so
   * deployments sharing a server cannot cross-talk.
   */
  readonly prefix: string;
  /**
   * Base of this bus's consumer names; must differ between processes running
   * at the same time. A name that survives restarts (e.g. a pod name) lets a
   * restarted process retry its own unacknowledged events at once instead of
   * after `claimIdleMs`. Default: host-pid-instance.
   */
  readonly consumerName?: string;
  /**
   * Events left unacknowledged this long are taken over from consumers
   * presumed dead. Must exceed the slowest handler run, or a slow but live
   * handler's event is handled twice. Default 30000.
   */
  readonly claimIdleMs?: number;
  /** Longest a read blocks waiting for new events. Default 1000. */
  readonly blockMs?: number;
  /** Bound on reaching Redis in `create` and `consume`. Default 5000. */
  readonly connectTimeoutMs?: number;
}

interface Settings {
  readonly url: string;
  readonly prefix: string;
  readonly stream: string;
  readonly consumerName: string;
  readonly claimIdleMs: number;
  readonly blockMs: number;
  readonly connectTimeoutMs: number;
  readonly maxAttempts: number | undefined;
  readonly onDeadLetter: DeadLetterOptions['onDeadLetter'];
}

/** Stream entry as ioredis returns it: id and flat field/value list, null once trimmed away. */
type Entry = readonly [id: string, fields: readonly string[] | null];

/** XPENDING row: the entry, its owner, ms since its last delivery, and how often it was delivered. */
type PendingRow = readonly [id: string, consumer: string, idleMs: number, deliveries: number];

/** Approximate trimming keeps XADD O(1); consumers should never lag this far behind. */
const MAX_STREAM_LENGTH = 100_000;
/** Page size of reads and of pending-entry listings (claims and retries are handled one entry at a time). */
const BATCH_SIZE = 10;
const EVENT_FIELD = 'event';

/** Deletes a consumer only while it owns no pending entries; atomic, so none can be lost. */
const DELETE_IDLE_CONSUMER = `
if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) == 0 then
  return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
end
return -1`;

let instances = 0;

/**
 * EventBus on one Redis stream per deployment; each consumer group is a
 * Redis consumer group. Each consumer reads what is new, up to its
 * `maxBatch` entries, hands it to its handler as one batch and acknowledges
 * the batch in one command; a failed
 * event stays pending and is retried by its consumer with backoff, and
 * events of a dead consumer are claimed by a live one after `claimIdleMs`.
 * An event delivered `maxAttempts` times without success moves to the
 * group's dead-letter stream. Redis counts the deliveries, across consumers
 * and restarts, so an event whose handler crashes its process is parked too.
 */
export class RedisEventBus implements EventBus {
  private readonly consumers = new Set<RedisConsumer>();
  /** Consumer names per group, reserved before the (awaited) connect so concurrent consumes differ. */
  private readonly namesInUse = new Map<string, Set<string>>();
  private closed = false;

  private constructor(
    private readonly redis: Redis,
    private readonly settings: Settings,
  ) {}

  static async create(options: RedisEventBusOptions): Promise<RedisEventBus> {
    if (!options.prefix) throw new Error('RedisEventBus needs a non-empty prefix');
    instances += 1;
    const settings: Settings = {
      url: options.url,
      prefix: options.prefix,
      stream: `${options.prefix}:events`,
      consumerName: options.consumerName ?? `${hostname()}-${process.pid}-${instances}`,
      claimIdleMs: options.claimIdleMs ?? 30_000,
      blockMs: options.blockMs ?? 1000,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      maxAttempts: options.maxAttempts,
      onDeadLetter: options.onDeadLetter,
    };
    const redis = await connectRedis(settings.url, `${settings.prefix}:event-bus`, settings.connectTimeoutMs);
    return new RedisEventBus(redis, settings);
  }

  async publish(event: DomainEvent): Promise<void> {
    this.assertOpen();
    await this.redis.xadd(this.settings.stream, 'MAXLEN', '~', MAX_STREAM_LENGTH, '*', EVENT_FIELD, JSON.stringify(event));
  }

  consume(options: ConsumerOptions, handler: EventHandler): Promise<EventConsumer> {
    return this.consumeBatches({ ...options, maxBatch: 1 }, oneByOne(handler));
  }

  async consumeBatches(options: ConsumerOptions, handler: BatchHandler): Promise<EventConsumer> {
    this.assertOpen();
    const rules = new DeliveryRules(options, this.settings);
    await createGroup(this.redis, this.settings.stream, options.group);
    const name = this.reserveName(options.group);
    const release = () => this.namesInUse.get(options.group)?.delete(name);
    let blocking: Redis;
    try {
      // Blocking reads hold their connection, so every consumer gets its own.
      blocking = await connectRedis(this.settings.url, `${this.settings.prefix}:consumer:${options.group}:${name}`, this.settings.connectTimeoutMs);
    } catch (err) {
      release();
      throw err;
    }
    if (this.closed) {
      release();
      await closeRedis(blocking);
      throw new Error('RedisEventBus is closed');
    }
    const consumer = new RedisConsumer(this.redis, blocking, this.settings, options.group, rules, name, handler, () => {
      this.consumers.delete(consumer);
      release();
    });
    this.consumers.add(consumer);
    return consumer;
  }

  async deadLetters(group: string): Promise<DeadLetter[]> {
    this.assertOpen();
    const entries = await this.redis.xrange(deadLetterStream(this.settings, group), '-', '+');
    return entries.flatMap(([, fields]) => parseDeadLetter(fields) ?? []);
  }

  async redrive(group: string): Promise<number> {
    this.assertOpen();
    const stream = deadLetterStream(this.settings, group);
    let count = 0;
    for (const [id, fields] of await this.redis.xrange(stream, '-', '+')) {
      const event = parseEvent(fields);
      // Published before it is removed: a crash in between publishes it twice, which consumers skip.
      if (event) await this.publish(event);
      await this.redis.xdel(stream, id);
      if (event) count += 1;
    }
    return count;
  }

  connected(): boolean {
    return this.redis.status === 'ready';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await closeRedis(this.redis);
  }

  /**
   * Consumers of one group need distinct names, or they would retry each
   * other's pending events. The base name is reused once free, so a restarted
   * consumer retries what its predecessor left pending.
   */
  private reserveName(group: string): string {
    let taken = this.namesInUse.get(group);
    if (!taken) {
      taken = new Set();
      this.namesInUse.set(group, taken);
    }
    const base = this.settings.consumerName;
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
    taken.add(name);
    return name;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('RedisEventBus is closed');
  }
}

class RedisConsumer implements EventConsumer {
  private readonly claimEveryMs: number;
  /** When each failed entry of this consumer is due again, keyed by stream id. */
  private readonly retries = new Map<string, number>();
  /** Set at start and after errors: a lost reply may have left entries pending under this name. */
  private rescanPending = true;
  private nextClaimAt = 0;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** Resolves (with an empty reply) when stopping, to end a blocking read that would never settle. */
  private readonly halted: Promise<null>;
  private halt!: () => void;
  private readonly running: Promise<void>;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly blocking: Redis,
    private readonly settings: Settings,
    private readonly group: string,
    private readonly rules: DeliveryRules,
    private readonly name: string,
    private readonly handler: BatchHandler,
    private readonly onStopped: () => void,
  ) {
    this.claimEveryMs = Math.max(settings.claimIdleMs / 2, 10);
    this.halted = new Promise((resolve) => {
      this.halt = () => resolve(null);
    });
    this.running = this.run();
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    // Aborts a blocking read at once rather than after blockMs. Should the
    // abort swallow a reply, its entries stay pending and get claimed later.
    this.halt();
    this.blocking.disconnect();
    this.wake?.();
    await this.running;
    await this.deleteIfIdle();
    this.onStopped();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.step();
        failures = 0;
      } catch (err) {
        if (this.stopping) break;
        // Connection trouble must not end the loop; retry with backoff.
        this.rescanPending = true;
        if (err instanceof Error && err.message.startsWith('NOGROUP')) {
          // Stream or group deleted under us: recreate so consuming can resume.
          await createGroup(this.redis, this.settings.stream, this.group).catch(() => undefined);
        }
        failures = Math.min(failures + 1, 7);
        await this.sleep(25 * 2 ** failures);
      }
    }
  }

  private async step(): Promise<void> {
    if (Date.now() >= this.nextClaimAt) {
      await this.claimAbandoned();
      this.nextClaimAt = Date.now() + this.claimEveryMs;
    }
    if (this.rescanPending || this.retryDue()) await this.retryPending();
    if (this.stopping) return;
    const { stream } = this.settings;
    // At least a page per read, handed over `maxBatch` at a time: a one-event consumer still reads in pages.
    const read = this.blocking.xreadgroup('GROUP', this.group, this.name, 'COUNT', Math.max(this.rules.maxBatch, BATCH_SIZE), 'BLOCK', this.blockFor(), 'STREAMS', stream, '>');
    // ioredis 6.0 never settles a command caught by disconnect() while it waits to reconnect
    // (redis/ioredis#2197), so a stop must not wait for the read; a late rejection is ignored.
    read.catch(() => undefined);
    const entries = entriesOf(await Promise.race([read, this.halted]));
    for (let start = 0; start < entries.length; start += this.rules.maxBatch) {
      // Entries not started stay pending: retried under this name or claimed by another consumer.
      if (this.stopping) return;
      await this.handleNew(entries.slice(start, start + this.rules.maxBatch));
    }
  }

  /** Entries read for the first time (one delivery each), as one batch; acknowledged together. */
  private async handleNew(entries: readonly Entry[]): Promise<void> {
    const done: string[] = [];
    const taken: Array<{ id: string; event: DomainEvent }> = [];
    for (const [id, fields] of entries) {
      const event = fields ? parseEvent(fields) : null;
      // Filtered, trimmed and malformed entries are acknowledged too: they could never succeed.
      if (event && this.rules.takes(event.type)) taken.push({ id, event });
      else done.push(id);
    }
    const failures = taken.length > 0 ? await runBatch(this.handler, taken.map(({ event }) => event)) : new Map<string, unknown>();
    for (const { id, event } of taken) {
      if (failures.has(event.id)) await this.failedTry(id, event, 1, failures.get(event.id));
      else done.push(id);
    }
    if (done.length > 0) await this.redis.xack(this.settings.stream, this.group, ...done);
  }

  /** Takes over entries that consumers (presumably dead) left unacknowledged for claimIdleMs. */
  private async claimAbandoned(): Promise<void> {
    const { stream, claimIdleMs } = this.settings;
    let start = '-';
    for (;;) {
      const rows = (await this.redis.xpending(stream, this.group, 'IDLE', claimIdleMs, start, '+', BATCH_SIZE)) as PendingRow[];
      for (const row of rows) {
        if (this.stopping) return;
        await this.claimAndHandle(row);
      }
      if (rows.length < BATCH_SIZE) return;
      start = `(${rows[rows.length - 1][0]}`;
    }
  }

  /** Lists this consumer's pending entries and retries those whose backoff elapsed. */
  private async retryPending(): Promise<void> {
    this.rescanPending = false;
    const now = Date.now();
    const seen = new Set<string>();
    let start = '-';
    for (;;) {
      // Listing delivers nothing, so entries still backing off keep their delivery count.
      const rows = (await this.redis.xpending(this.settings.stream, this.group, start, '+', BATCH_SIZE, this.name)) as PendingRow[];
      for (const row of rows) {
        seen.add(row[0]);
        if (this.stopping) return;
        if ((this.retries.get(row[0]) ?? 0) <= now) await this.claimAndHandle(row);
      }
      if (rows.length < BATCH_SIZE) break;
      start = `(${rows[rows.length - 1][0]}`;
    }
    // Entries another consumer claimed meanwhile are no longer ours to retry.
    for (const id of this.retries.keys()) if (!seen.has(id)) this.retries.delete(id);
  }

  /**
   * Takes a listed pending entry over and handles it. Claiming it only if it
   * is still as idle as when listed skips it when another consumer took it
   * meanwhile; an entry trimmed from the stream is dropped by Redis instead.
   */
  private async claimAndHandle([id, , idleMs, deliveries]: PendingRow): Promise<void> {
    const claimed = (await this.redis.xclaim(this.settings.stream, this.group, this.name, idleMs, id)) as Entry[];
    // XCLAIM counted one more delivery.
    for (const entry of claimed) await this.handle(entry, deliveries + 1);
  }

  /** `deliveries`: times Redis has delivered the entry, this one included. */
  private async handle([id, fields]: Entry, deliveries: number): Promise<void> {
    const event = fields ? parseEvent(fields) : null;
    if (event && this.rules.takes(event.type)) {
      if (deliveries > this.rules.maxAttempts) {
        // Never failed here, yet delivered past the limit: earlier runs ended with their consumer.
        await this.deadLetter(id, event, deliveries - 1, `not acknowledged after ${deliveries - 1} deliveries; its consumers stopped or crashed while handling it`);
        return;
      }
      const failures = await runBatch(this.handler, [event]);
      if (failures.has(event.id)) return this.failedTry(id, event, deliveries, failures.get(event.id));
    }
    // Filtered, trimmed and malformed entries are acknowledged too: they could never succeed.
    await this.redis.xack(this.settings.stream, this.group, id);
    this.retries.delete(id);
  }

  /** After the `deliveries`-th try failed: parked at the limit, else retried after the backoff. */
  private async failedTry(id: string, event: DomainEvent, deliveries: number, error: unknown): Promise<void> {
    if (deliveries >= this.rules.maxAttempts) await this.deadLetter(id, event, deliveries, errorMessage(error));
    else this.retries.set(id, Date.now() + this.rules.retryDelayMs(deliveries));
  }

  /** Parks the event before acknowledging it: a crash in between parks it twice but never loses it. */
  private async deadLetter(id: string, event: DomainEvent, attempts: number, error: string): Promise<void> {
    const at = new Date().toISOString();
    await this.redis.xadd(
      deadLetterStream(this.settings, this.group),
      '*',
      EVENT_FIELD,
      JSON.stringify(event),
      'group',
      this.group,
      'attempts',
      attempts,
      'error',
      error,
      'at',
      at,
      'entry',
      id,
    );
    await this.redis.xack(this.settings.stream, this.group, id);
    this.retries.delete(id);
    this.settings.onDeadLetter?.({ event, group: this.group, attempts, error, at });
  }

  private retryDue(): boolean {
    const now = Date.now();
    for (const dueAt of this.retries.values()) if (dueAt <= now) return true;
    return false;
  }

  /** Blocks no longer than until the next claim round or retry is due; BLOCK 0 would mean forever. */
  private blockFor(): number {
    const now = Date.now();
    let until = Math.min(now + this.settings.blockMs, this.nextClaimAt);
    for (const dueAt of this.retries.values()) until = Math.min(until, dueAt);
    return Math.max(until - now, 1);
  }

  /** Keeps the group's consumer list from growing with every restart under a fresh name. */
  private async deleteIfIdle(): Promise<void> {
    if (this.redis.status !== 'ready') return;
    try {
      await this.redis.eval(DELETE_IDLE_CONSUMER, 1, this.settings.stream, this.group, this.name);
    } catch {
      // Housekeeping only: a leftover consumer without pending entries is harmless.
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

async function createGroup(redis: Redis, stream: string, group: string): Promise<void> {
  try {
    // `$`: a new group starts with events published from now on.
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
  } catch (err) {
    if (!(err instanceof Error && err.message.startsWith('BUSYGROUP'))) throw err;
  }
}

/** XREADGROUP replies per stream; this bus reads exactly one stream. */
function entriesOf(reply: ReadonlyArray<readonly [key: string, entries: Entry[]]> | null): Entry[] {
  return reply?.[0]?.[1] ?? [];
}

/** Not trimmed like the event stream: parked events stay until an operator deletes them. */
function deadLetterStream(settings: Pick<Settings, 'prefix'>, group: string): string {
  return `${settings.prefix}:dead:${group}`;
}

/** W3C trace context, version 00. */
const TRACEPARENT = /^00-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

function fieldValue(fields: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) value = fields[i + 1];
  return value;
}

function parseEvent(fields: readonly string[]): DomainEvent | null {
  const raw = fieldValue(fields, EVENT_FIELD);
  if (raw === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, type, occurredAt, payload, traceparent } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof occurredAt !== 'string') return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  // A malformed trace context is dropped, not the event: its consumers start a trace of their own.
  const trace = typeof traceparent === 'string' && TRACEPARENT.test(traceparent) ? { traceparent } : {};
  return { id, type, occurredAt, payload: payload as Record<string, unknown>, ...trace };
}

function parseDeadLetter(fields: readonly string[]): DeadLetter | null {
  const event = parseEvent(fields);
  const group = fieldValue(fields, 'group');
  const attempts = Number(fieldValue(fields, 'attempts'));
  const error = fieldValue(fields, 'error');
  const at = fieldValue(fields, 'at');
  if (!event || group === undefined || !Number.isSafeInteger(attempts) || error === undefined || at === undefined) return null;
  return { event, group, attempts, error, at };
}
