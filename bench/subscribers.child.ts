import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The subscriber side of bench/subscriptions.bench.ts, in its own process so
 * the server's memory figure is the server's alone. Opens one graphql-ws
 * connection per subscriber, waits for every current state, then records when
 * each change arrives (epoch milliseconds with sub-millisecond precision).
 */

interface Settings {
  url: string;
  count: number;
  productId: string;
  /** shared: one document for all; distinct: a unique alias each, so nothing is shared. */
  mode: 'shared' | 'distinct';
}

const settings = JSON.parse(process.argv[2]) as Settings;
const now = () => performance.timeOrigin + performance.now();
const received = new Map<number, number[]>();
const clients: Client[] = [];
let initial = 0;

function record(onHand: number): void {
  let times = received.get(onHand);
  if (!times) received.set(onHand, (times = []));
  times.push(now());
  if (times.length === settings.count) process.send?.({ type: 'event', onHand });
}

/** Connects in batches: ten thousand simultaneous handshakes would overflow the listen backlog. */
const BATCH = 250;

function open(i: number): Promise<void> {
  return new Promise((resolve) => {
    const client = createClient({ url: settings.url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, keepAlive: 0 });
    clients.push(client);
    const field = settings.mode === 'shared' ? 'stockLevelChanged' : `s${i}: stockLevelChanged`;
    let first = true;
    client.subscribe<Record<string, { onHand: number }>>(
      { query: `subscription Watch($ids: [ID!]!) { ${field}(productIds: $ids) { productId onHand available } }`, variables: { ids: [settings.productId] } },
      {
        next: (message) => {
          const value = message.data ? Object.values(message.data)[0] : null;
          if (!value) {
            process.send?.({ type: 'error', error: JSON.stringify(message.errors) });
            return;
          }
          if (first) {
            first = false;
            initial++;
            resolve();
            return;
          }
          record(value.onHand);
        },
        error: (error) => process.send?.({ type: 'error', error: error instanceof Error ? error.message : JSON.stringify(error) }),
        complete: () => undefined,
      },
    );
  });
}

async function openAll(): Promise<void> {
  for (let start = 0; start < settings.count; start += BATCH) {
    await Promise.all(Array.from({ length: Math.min(BATCH, settings.count - start) }, (_, k) => open(start + k)));
  }
  process.send?.({ type: 'ready', initial });
}

void openAll();

process.on('message', (message: { type: string }) => {
  if (message.type !== 'report') return;
  process.send?.({ type: 'report', received: [...received.entries()] }, () => {
    for (const client of clients) void client.dispose();
    process.exit(0);
  });
});
