import type { ChangeNotice, PubSub, Unsubscribe } from './pubsub';
import { ChannelListeners } from './pubsub.listeners';

/**
 * In-process PubSub for a single process (development, tests). Delivery is
 * asynchronous, like over Redis, so callers cannot come to rely on a listener
 * having run by the time `publish` returns.
 */
export class MemoryPubSub implements PubSub {
  private readonly listeners = new ChannelListeners();
  private closed = false;

  async publish(channel: string, notice: ChangeNotice): Promise<void> {
    this.assertOpen();
    // A copy per publish: listeners must not share or mutate the publisher's object.
    const copy: ChangeNotice = Object.freeze({ id: notice.id, version: notice.version });
    // Listeners are looked up at delivery time, so one unsubscribed in between gets nothing.
    queueMicrotask(() => this.listeners.deliver(channel, copy));
  }

  async subscribe(channel: string, listener: (notice: ChangeNotice) => void): Promise<Unsubscribe> {
    this.assertOpen();
    const subscription = this.listeners.add(channel, listener);
    return async () => void subscription.remove();
  }

  /** Nothing to reconnect in-process: listeners are never called. */
  onReconnect(_listener: () => void): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryPubSub is closed');
  }
}
