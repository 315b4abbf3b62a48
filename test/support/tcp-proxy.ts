import { createServer, connect, type Socket } from 'node:net';

/** A TCP relay in front of a server, so a test can cut its clients' connections as a network would. */
export interface TcpProxy {
  /** The target's URL with the relay's port. */
  readonly url: string;
  /** Connections accepted so far. */
  readonly accepted: () => number;
  /** Destroys every open connection, both ways, without a close handshake. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  let accepted = 0;
  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(targetUrl);
  url.port = String(port);
  return {
    url: url.toString(),
    accepted: () => accepted,
    dropAll: () => {
      for (const socket of open) socket.destroy();
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
