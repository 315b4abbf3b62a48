import type { ChangeNotice } from './pubsub';

type Listener = (notice: ChangeNotice) => void;

export interface ChannelSubscription {
  /** True when the channel had no listener before: the transport must start listening to it. */
  readonly first: boolean;
  /** Idempotent; true when this emptied the channel: the transport may stop listening to it. */
  remove(): boolean;
}

/**
 * The listeners of each channel, kept the same way by every PubSub adapter:
 * each subscription is its own entry (the same function subscribed twice is
 * two subscriptions), a channel is forgotten with its last listener, and a
 * notice goes to the listeners present when its delivery starts.
 */
export class ChannelListeners {
  private readonly channels = new Map<string, Set<Listener>>();

  add(channel: string, listener: Listener): ChannelSubscription {
    const entry: Listener = (notice) => listener(notice);
    let listeners = this.channels.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channel, listeners);
    }
    listeners.add(entry);
    return {
      first: listeners.size === 1,
      remove: () => {
        const current = this.channels.get(channel);
        if (!current?.delete(entry) || current.size > 0) return false;
        this.channels.delete(channel);
        return true;
      },
    };
  }

  has(channel: string): boolean {
    return this.channels.has(channel);
  }

  deliver(channel: string, notice: ChangeNotice): void {
    for (const listener of [...(this.channels.get(channel) ?? [])]) {
      try {
        listener(notice);
      } catch {
        // Fire-and-forget: one failing listener must not starve the others (nor, on Redis, throw inside the reply parser).
      }
    }
  }

  clear(): void {
    this.channels.clear();
  }
}
