import type { ChangeNotice } from './pubsub';
import { ChannelListeners } from './pubsub.listeners';

const notice: ChangeNotice = { id: 'o1', version: 3 };

describe('channel listeners', () => {
  it('tells the transport when a channel gains its first listener and loses its last', () => {
    const listeners = new ChannelListeners();
    const first = listeners.add('order:o1', () => undefined);
    const second = listeners.add('order:o1', () => undefined);
    expect([first.first, second.first]).toEqual([true, false]);
    expect(first.remove()).toBe(false);
    expect(listeners.has('order:o1')).toBe(true);
    expect(second.remove()).toBe(true);
    expect(listeners.has('order:o1')).toBe(false);
  });

  it('removes a subscription once, however often it is removed', () => {
    const listeners = new ChannelListeners();
    const kept = listeners.add('order:o1', () => undefined);
    const gone = listeners.add('order:o1', () => undefined);
    expect([gone.remove(), gone.remove()]).toEqual([false, false]);
    expect(kept.remove()).toBe(true);
  });

  it('counts the same function subscribed twice as two subscriptions', () => {
    const listeners = new ChannelListeners();
    const seen: ChangeNotice[] = [];
    const listener = (n: ChangeNotice) => void seen.push(n);
    const once = listeners.add('order:o1', listener);
    listeners.add('order:o1', listener);
    listeners.deliver('order:o1', notice);
    once.remove();
    listeners.deliver('order:o1', notice);
    expect(seen).toHaveLength(3);
  });

  it('delivers to every listener of the channel even when one throws, and to no other channel', () => {
    const listeners = new ChannelListeners();
    const seen: string[] = [];
    listeners.add('order:o1', () => {
      throw new Error('broken listener');
    });
    listeners.add('order:o1', (n) => void seen.push(`order ${n.id}`));
    listeners.add('stock:p1', (n) => void seen.push(`stock ${n.id}`));
    listeners.deliver('order:o1', notice);
    listeners.deliver('order:unknown', notice);
    expect(seen).toEqual(['order o1']);
  });

  it('delivers to the listeners present when delivery starts', () => {
    const listeners = new ChannelListeners();
    const seen: string[] = [];
    listeners.add('order:o1', () => {
      seen.push('first');
      listeners.add('order:o1', () => void seen.push('late'));
    });
    listeners.deliver('order:o1', notice);
    expect(seen).toEqual(['first']);
  });

  it('forgets every channel on clear', () => {
    const listeners = new ChannelListeners();
    listeners.add('order:o1', () => undefined);
    listeners.clear();
    expect(listeners.has('order:o1')).toBe(false);
  });
});
