import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../platform/config';
import { InternalClient } from '../../platform/internal-client';
import { createLogger } from '../../platform/log';
import { channels } from '../../platform/messaging/pubsub';
import { MemoryPubSub } from '../../platform/messaging/pubsub.memory';
import { Metrics } from '../../platform/metrics';
import { CatalogClient } from './catalog.client';

/**
 * Notifications' product names come from catalog once, then from the copy
 * until catalog announces the product changed; a catalog that cannot answer
 * leaves mails naming products by id, and nothing is kept from it.
 */
describe("notifications' copy of product names", () => {
  const names = new Map([
    ['p1', 'Mug'],
    ['p2', 'Poster'],
  ]);
  const asked: string[][] = [];
  let down = false;
  let catalog: Server;
  let url: string;

  beforeAll(async () => {
    catalog = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (down) return void res.writeHead(503).end();
        const ids = (JSON.parse(body) as { variables: { representations: Array<{ id: string }> } }).variables.representations.map((r) => r.id);
        asked.push(ids);
        const entities = ids.map((id) => (names.has(id) ? { id, name: names.get(id), sku: id.toUpperCase() } : null));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: entities } }));
      });
    });
    await new Promise<void>((resolve) => catalog.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(catalog.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => catalog.close(resolve)));
  beforeEach(() => {
    asked.length = 0;
    down = false;
  });

  async function setUp(maxAgeMs = 60_000) {
    const config = loadConfig({ NODE_ENV: 'test' });
    const pubsub = new MemoryPubSub();
    const metrics = new Metrics();
    const client = new CatalogClient(new InternalClient('users', () => url, config.auth.internalSecret, 5_000), createLogger('users', 'error', () => undefined), {
      pubsub,
      metrics,
      maxAgeMs,
      maxEntries: 100,
    });
    const running = await client.start();
    const changed = async (productId: string) => {
      await pubsub.publish(channels.changes('Product'), { id: productId, version: Date.now() });
      await new Promise<void>((resolve) => queueMicrotask(resolve));
    };
    const hits = async () => (await metrics.catalogCopyReads.get()).values.find((v) => v.labels.copy === 'users.product_labels' && v.labels.result === 'hit')?.value ?? 0;
    return { client, running, changed, hits };
  }

  it('asks catalog once for names it has not seen, then answers from the copy', async () => {
    const { client, running, hits } = await setUp();
    expect(Object.fromEntries(await client.labels(['p1', 'p2']))).toEqual({ p1: { name: 'Mug', sku: 'P1' }, p2: { name: 'Poster', sku: 'P2' } });
    expect(Object.fromEntries(await client.labels(['p2']))).toEqual({ p2: { name: 'Poster', sku: 'P2' } });
    expect(asked).toEqual([['p1', 'p2']]);
    expect(await hits()).toBe(1);
    await running.stop();
  });

  it("reads a product's name again once catalog announces it changed", async () => {
    const { client, running, changed } = await setUp();
    await client.labels(['p1', 'p2']);
    names.set('p1', 'Large mug');
    await changed('p1');
    expect(Object.fromEntries(await client.labels(['p1', 'p2']))).toEqual({ p1: { name: 'Large mug', sku: 'P1' }, p2: { name: 'Poster', sku: 'P2' } });
    expect(asked).toEqual([['p1', 'p2'], ['p1']]);
    await running.stop();
  });

  it('names products by id while catalog is down, keeping nothing, and asks again next time', async () => {
    const { client, running } = await setUp();
    down = true;
    expect((await client.labels(['p2'])).size).toBe(0);
    down = false;
    expect(Object.fromEntries(await client.labels(['p2']))).toEqual({ p2: { name: 'Poster', sku: 'P2' } });
    expect(asked).toEqual([['p2']]);
    await running.stop();
  });

  it('with CATALOG_COPY_MAX_AGE_MS=0 asks catalog every time', async () => {
    const { client, running } = await setUp(0);
    await client.labels(['p1']);
    await client.labels(['p1']);
    expect(asked).toEqual([['p1'], ['p1']]);
    await running.stop();
  });
});
