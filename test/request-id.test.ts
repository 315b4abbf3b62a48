import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { closeServer, createHttpServer, sendJson } from '../platform/http';
import { InternalClient } from '../platform/internal-client';
import { createLogger } from '../platform/log';
import { REQUEST_ID_HEADER } from '../platform/request-scope';

/** Two services over real HTTP: "orders" handles a request and calls "inventory" internally. */
describe('request id across services', () => {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('test', 'info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const seenByInventory: Array<string | undefined> = [];
  let inventory: Server;
  let orders: Server;
  let ordersUrl: string;

  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const listenOn = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  beforeAll(async () => {
    inventory = createHttpServer([
      {
        method: 'POST',
        path: '/graphql',
        handler: (req, res) => {
          seenByInventory.push(req.headers[REQUEST_ID_HEADER] as string | undefined);
          log.info('reserved');
          sendJson(res, 200, { data: { ok: true } });
        },
      },
    ]);
    await listenOn(inventory);
    const internal = new InternalClient('orders', () => `${urlOf(inventory)}/graphql`, 'secret-of-at-least-32-characters!!', 5_000);
    orders = createHttpServer([
      {
        method: 'POST',
        path: '/checkout',
        handler: async (_req, res) => {
          log.info('placing');
          // An await between the request and the call: the scope must survive it.
          await new Promise((resolve) => setImmediate(resolve));
          await internal.request('inventory', '{ ok }');
          sendJson(res, 200, { ok: true });
        },
      },
    ]);
    await listenOn(orders);
    ordersUrl = `${urlOf(orders)}/checkout`;
  });

  afterAll(async () => {
    await closeServer(orders);
    await closeServer(inventory);
  });

  beforeEach(() => {
    lines.length = 0;
    seenByInventory.length = 0;
  });

  it("carries the caller's id to the internal call and onto every log line, and echoes it", async () => {
    const response = await fetch(ordersUrl, { method: 'POST', headers: { [REQUEST_ID_HEADER]: 'checkout-7f3a' } });
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe('checkout-7f3a');
    expect(seenByInventory).toEqual(['checkout-7f3a']);
    expect(lines.map((line) => [line.message, line.requestId])).toEqual([
      ['placing', 'checkout-7f3a'],
      ['reserved', 'checkout-7f3a'],
    ]);
  });

  it('makes up an id when none is sent, and the internal call shares it', async () => {
    const response = await fetch(ordersUrl, { method: 'POST' });
    const id = response.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByInventory).toEqual([id]);
    expect(new Set(lines.map((line) => line.requestId))).toEqual(new Set([id]));
  });

  it('replaces an id that is too long or could forge log fields', async () => {
    for (const bad of ['x'.repeat(129), 'a"b', 'a b']) {
      seenByInventory.length = 0;
      const response = await fetch(ordersUrl, { method: 'POST', headers: { [REQUEST_ID_HEADER]: bad } });
      const id = response.headers.get(REQUEST_ID_HEADER);
      expect(id).not.toBe(bad);
      expect(seenByInventory).toEqual([id]);
    }
  });

  it('logs nothing about a request outside one', () => {
    log.info('start-up');
    expect(lines[0]).not.toHaveProperty('requestId');
  });
});
