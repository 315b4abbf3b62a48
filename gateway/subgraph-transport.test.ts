import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { waitFor } from '../test/support/wait-for';
import type { LocalAnswer } from '../platform/http';
import { InProcessSubgraph, SubgraphTimeout, SubgraphTransport, type SubgraphCaller, type TransportOptions } from './subgraph-transport';

/** A real HTTP server on a free port that records its sockets and the requests it received. */
async function server(handler: (req: IncomingMessage, res: ServerResponse, socketRequests: number) => void) {
  const sockets = new Set<Socket>();
  const closed = new Set<Socket>();
  const perSocket = new WeakMap<Socket, number>();
  const bodies: string[] = [];
  let open = 0;
  let mostOpen = 0;
  const http: Server = createServer((req, res) => {
    const count = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, count);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      handler(req, res, count);
    });
  });
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    open += 1;
    mostOpen = Math.max(mostOpen, open);
    socket.on('close', () => {
      open -= 1;
      closed.add(socket);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  return {
    url,
    bodies,
    connections: () => sockets.size,
    closedConnections: () => closed.size,
    mostOpen: () => mostOpen,
    stop: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      http.close(() => resolve());
    }),
  };
}

const answerJson = (res: ServerResponse, payload: unknown = { data: { ok: true } }) => {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=30, public' });
  res.end(JSON.stringify(payload));
};

const OPTIONS: TransportOptions = { timeoutMs: 2_000, maxSockets: 4, idleTimeoutMs: 4_000 };
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function setUp(handler: Parameters<typeof server>[0], options: Partial<TransportOptions> = {}) {
  const peer = await server(handler);
  const transport = new SubgraphTransport(peer.url, { ...OPTIONS, ...options });
  cleanup.push(peer.stop, () => transport.close());
  return { peer, transport };
}

describe('the gateway → subgraph transport', () => {
  it('sends calls one after another over one kept-alive socket and returns status, headers and body', async () => {
    const { peer, transport } = await setUp((_req, res) => answerJson(res));
    for (let n = 0; n < 5; n += 1) {
      const answer = await transport.post(`{"query":"{ n${n} }"}`, { 'x-shop-caller': 'signed' }, true);
      expect(answer).toEqual({ status: 200, statusText: 'OK', contentType: 'application/json', cacheControl: 'max-age=30, public', body: '{"data":{"ok":true}}' });
    }
    expect(peer.connections()).toBe(1);
    expect(peer.bodies).toEqual([0, 1, 2, 3, 4].map((n) => `{"query":"{ n${n} }"}`));
  });

  it('opens at most maxSockets sockets to a subgraph; further calls wait for one', async () => {
    const held: ServerResponse[] = [];
    const { peer, transport } = await setUp((_req, res) => held.push(res), { maxSockets: 2 });
    const calls = Array.from({ length: 6 }, () => transport.post('{}', {}, true));
    await waitFor(() => held.length === 2);
    // Answer whatever is waiting until all six were served.
    for (let answered = 0; answered < 6; answered += 1) {
      await waitFor(() => held.length > 0);
      answerJson(held.shift()!);
    }
    await Promise.all(calls);
    expect(peer.mostOpen()).toBe(2);
    expect(peer.connections()).toBe(2);
  });

  it('closes a socket left idle for idleTimeoutMs', async () => {
    const { peer, transport } = await setUp((_req, res) => answerJson(res), { idleTimeoutMs: 200 });
    await transport.post('{}', {}, true);
    expect(peer.closedConnections()).toBe(0);
    await waitFor(() => peer.closedConnections() === 1);
  });

  it('sends a read once more on a new socket when the subgraph closed the reused one as it arrived', async () => {
    let dropped = 0;
    const { peer, transport } = await setUp((req, res, socketRequests) => {
      // The second request on a socket meets the subgraph closing it, as when its keep-alive timer fires at that moment.
      if (socketRequests === 2 && dropped === 0) {
        dropped += 1;
        req.socket.destroy();
        return;
      }
      answerJson(res);
    });
    await transport.post('{"query":"{ first }"}', {}, true);
    const answer = await transport.post('{"query":"{ second }"}', {}, true);
    expect(answer.status).toBe(200);
    expect(dropped).toBe(1);
    expect(peer.connections()).toBe(2);
  });

  it('never sends a mutation twice: a reused socket closed under it fails the call', async () => {
    const { peer, transport } = await setUp((req, res, socketRequests) => {
      if (socketRequests === 2) {
        req.socket.destroy();
        return;
      }
      answerJson(res);
    });
    await transport.post('{"query":"{ first }"}', {}, true);
    await expect(transport.post('{"query":"mutation { pay }"}', {}, false)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(peer.bodies.filter((body) => body.includes('pay'))).toHaveLength(1);
  });

  it('gives up with SubgraphTimeout when the answer stalls after its headers, and frees the socket', async () => {
    const { peer, transport } = await setUp((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    }, { timeoutMs: 100 });
    await expect(transport.post('{}', {}, true)).rejects.toBeInstanceOf(SubgraphTimeout);
    await waitFor(() => peer.closedConnections() === 1);
  });

  it('fails a call whose subgraph cannot be reached', async () => {
    const { peer, transport } = await setUp((_req, res) => answerJson(res));
    await peer.stop();
    await expect(transport.post('{}', {}, true)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

describe('a subgraph in the same process', () => {
  const answer: LocalAnswer = { status: 200, contentType: 'application/json', cacheControl: undefined, body: '{"data":{"ok":true}}' };
  const noHttp: SubgraphCaller = {
    post: () => Promise.reject(new Error('HTTP must not be used')),
    close: () => undefined,
  };

  it('is called directly with the same body and headers', async () => {
    const seen: Array<[string, Readonly<Record<string, string>>]> = [];
    const caller = new InProcessSubgraph(async (body, headers) => (seen.push([body, headers]), answer), 1_000, noHttp);
    expect(await caller.post('{"query":"{ a }"}', { 'x-shop-caller': 'signed' }, true)).toEqual({ ...answer, statusText: 'OK' });
    expect(seen).toEqual([['{"query":"{ a }"}', { 'x-shop-caller': 'signed' }]]);
  });

  it('gives up with SubgraphTimeout at the deadline', async () => {
    const caller = new InProcessSubgraph(() => new Promise<LocalAnswer>(() => undefined), 50, noHttp);
    await expect(caller.post('{}', {}, true)).rejects.toBeInstanceOf(SubgraphTimeout);
  });

  it('goes over HTTP to its URL once the local instance has stopped', async () => {
    const { peer, transport } = await setUp((_req, res) => answerJson(res));
    const stopped = () => Promise.reject(Object.assign(new Error('the subgraph has stopped'), { code: 'ECONNREFUSED' }));
    const caller = new InProcessSubgraph(stopped, 1_000, transport);
    expect((await caller.post('{}', {}, true)).body).toBe('{"data":{"ok":true}}');
    expect(peer.bodies).toEqual(['{}']);
  });
});
