import type { Redis } from 'ioredis';
import { closeRedis, connectRedis } from './redis-connection';
import type { ChangeNotice, PubSub, Unsubscribe } from './pubsub';
import { ChannelListeners } from './pubsub.listeners';

export interface RedisPubSubOptions {
  readonly url: string;
  /** Prepended to every channel (`prefix:channel`) so deployments sharing a server cannot cross-talk. */
  readonly prefix: string;
  /** Bound on reaching Redis in `create`, default 5000. */
  readonly connectTimeoutMs?: number;
}

/**
 * PubSub over Redis PUBLISH/SUBSCRIBE. Subscriptions get their own
 * connection: under RESP2 a subscribed connection takes no other commands,
 * and a flood of notices must not delay publishes.
 */
export class RedisPubSub implements PubSub {
  private readonly listeners = new ChannelListeners();
  private readonly reconnectListeners = new Set<() => void>();
  private connectionLost = false;
  private closed = false;

  private constructor(
    private readonly prefix: string,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on('message', (channel: string, message: string) => this.deliver(channel, message));
    subscriber.on('close', () => {
      this.connectionLost = true;
    });
    subscriber.on('ready', () => {
      if (!this.connectionLost || this.closed) return;
      this.connectionLost = false;
      void this.announceReconnect();
    });
  }

  /** Connects both connections; rejects (within `connectTimeoutMs`) if Redis is unreachable. */
  static async create(options: RedisPubSubOptions): Promise<RedisPubSub> {
    if (!options.prefix) throw new Error('RedisPubSub needs a non-empty prefix');
    const timeoutMs = options.connectTimeoutMs ?? 5000;
    const publisher = await connectRedis(options.url, `${options.prefix}:pubsub-publisher`, timeoutMs);
    let subscriber: Redis;
    try {
      subscriber = await connectRedis(options.url, `${options.prefix}:pubsub-subscriber`, timeoutMs);
    } catch (err) {
      await closeRedis(publisher);
      throw err;
    }
    return new RedisPubSub(options.prefix, publisher, subscriber);
  }

  async publish(channel: string, notice: ChangeNotice): Promise<void> {
    this.assertOpen();
    await this.publisher.publish(this.key(channel), JSON.stringify({ id: notice.id, version: notice.version }));
  }

  async subscribe(channel: string, listener: (notice: ChangeNotice) => void): Promise<Unsubscribe> {
    this.assertOpen();
    const subscription = this.listeners.add(channel, listener);
    const unsubscribe = async () => {
      if (subscription.remove() && !this.closed) await this.subscriber.unsubscribe(this.key(channel));
    };
    // Redis only needs to hear about the first listener; commands on one
    // connection run in order, so racing unsubscribes cannot overtake this.
    if (subscription.first) {
      try {
        await this.subscriber.subscribe(this.key(channel));
      } catch (err) {
        await unsubscribe().catch(() => undefined);
        throw err;
      }
    }
    return unsubscribe;
  }

  onReconnect(listener: () => void): () => void {
    // Wrapped so registering the same function twice yields two registrations.
    const entry = () => listener();
    this.reconnectListeners.add(entry);
    return () => {
      this.reconnectListeners.delete(entry);
    };
  }

  connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.reconnectListeners.clear();
    await Promise.all([closeRedis(this.publisher), closeRedis(this.subscriber)]);
  }

  private key(channel: string): string {
    return `${this.prefix}:${channel}`;
  }

  private deliver(key: string, message: string): void {
    const channel = key.slice(this.prefix.length + 1);
    if (!this.listeners.has(channel)) return;
    const notice = parseNotice(message);
    // Anyone with access to the server can publish: junk is dropped, never thrown.
    if (notice) this.listeners.deliver(channel, notice);
  }

  private async announceReconnect(): Promise<void> {
    try {
      // 'ready' fires before ioredis re-sends SUBSCRIBE; a PING queued behind
      // it answers only once the subscriptions are back, so listeners that
      // re-read state cannot miss a notice published in between.
      await Promise.resolve();
      await this.subscriber.ping();
    } catch {
      // Lost again before resubscribing: the next 'ready' announces it.
      return;
    }
    if (this.closed) return;
    for (const listener of [...this.reconnectListeners]) {
      try {
        listener();
      } catch {
        // One failing listener must not keep the others from resyncing.
      }
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('RedisPubSub is closed');
  }
}

function parseNotice(message: string): ChangeNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, version } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof version !== 'number' || !Number.isFinite(version)) return null;
  return Object.freeze({ id, version });
}
