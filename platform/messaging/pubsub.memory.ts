import type { ChangeNotice, PubSub, Unsubscribe } from './pubsub';

type Listener = (notice: ChangeNotice) => void;

/**
 * In-process PubSub for a single process (development, tests). Delivery is
 * asynchronous, like over Redis, so callers cannot come to rely on a listener
 * having run by the time `publish` returns.
 */
export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<Listener>>();
  private closed = false;

  async publish(channel: string, notice: ChangeNotice): Promise<void> {
    this.assertOpen();
    // A copy per publish: listeners must not share or mutate the publisher's object.
    const copy: ChangeNotice = Object.freeze({ id: notice.id, version: notice.version });
    queueMicrotask(() => {
      // Looked up at delivery time, so a listener unsubscribed in between gets nothing.
      for (const listener of [...(this.channels.get(channel) ?? [])]) {
        try {
          listener(copy);
        } catch {
          // Fire-and-forget: one failing listener must not starve the others.
        }
      }
    });
  }

  async subscribe(channel: string, listener: Listener): Promise<Unsubscribe> {
    this.assertOpen();
    // Wrapped so subscribing the same function twice yields two independent subscriptions.
    const entry: Listener = (notice) => listener(notice);
    let listeners = this.channels.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channel, listeners);
    }
    listeners.add(entry);
    return async () => {
      const current = this.channels.get(channel);
      if (!current?.delete(entry)) return;
      if (current.size === 0) this.channels.delete(channel);
    };
  }

  /** Nothing to reconnect in-process: listeners are never called. */
  onReconnect(_listener: () => void): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryPubSub is closed');
  }
}
