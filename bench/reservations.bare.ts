import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'libsql';
import type { ReservationLine } from '../contracts/inventory-api';

/**
 * The ceiling beside bench/reservations.bench.ts: the same reservation (claim,
 * conditional UPDATE ... RETURNING per line, movement per line, two outbox
 * rows, one IMMEDIATE transaction, statements prepared once) on bare libsql
 * behind a bare node:http handler: no GraphQL, no caller check, no ORM.
 * It answers the client's reserveStock calls in the shape the client reads.
 */
export async function startBareReservations(dataDir: string, stock: Record<string, number>): Promise<{ url: string; reserved(productId: string): number; stop(): Promise<void> }> {
  const db = new Database(path.join(dataDir, 'bare.sqlite'));
  db.exec('pragma journal_mode = wal; pragma synchronous = normal; pragma busy_timeout = 5000');
  db.exec(`
    create table stock_levels (product_id text primary key, on_hand integer not null, reserved integer not null, low_stock_threshold integer not null, low integer, version integer not null, updated_at datetime not null);
    create table reservations (order_id text primary key, status text not null, lines json not null, expires_at datetime not null, release_reason text, created_at datetime not null, updated_at datetime not null);
    create table stock_movements (id text primary key, product_id text not null, version integer not null, kind text not null, on_hand_delta integer not null, reserved_delta integer not null,
      on_hand_after integer not null, reserved_after integer not null, order_id text, reason text, actor_id text not null, at datetime not null, unique (product_id, version));
    create index stock_movements_order_id on stock_movements (order_id);
    create table outbox (id text primary key, type text not null, payload json not null, occurred_at datetime not null, published_at datetime, claimed_until datetime, claimed_by text, attempts integer not null, traceparent text);
  `);
  const insertStock = db.prepare('insert into stock_levels values (?, ?, 0, 5, 0, 0, ?)');
  for (const [productId, onHand] of Object.entries(stock)) insertStock.run(productId, onHand, Date.now());
  const begin = db.prepare('begin immediate');
  const commit = db.prepare('commit');
  const rollback = db.prepare('rollback');
  const claim = db.prepare('insert into reservations values (?, ?, ?, ?, null, ?, ?) on conflict (order_id) do nothing');
  const reserve = db.prepare(
    'update stock_levels set reserved = reserved + ?, version = version + 1, low = (on_hand - reserved - ? <= low_stock_threshold), updated_at = ? where product_id = ? and on_hand - reserved >= ? returning on_hand, reserved, version',
  );
  const movement = db.prepare('insert into stock_movements values (?, ?, ?, ?, 0, ?, ?, ?, ?, null, ?, ?)');
  const outbox = db.prepare('insert into outbox values (?, ?, ?, ?, null, null, null, 0, null)');
  const read = db.prepare('select reserved from stock_levels where product_id = ?');

  const take = (orderId: string, lines: readonly ReservationLine[]): boolean => {
    const now = Date.now();
    begin.run();
    try {
      if (claim.run(orderId, 'ACTIVE', JSON.stringify(lines), now + 900_000, now, now).changes === 0) {
        rollback.run();
        return false;
      }
      for (const { productId, quantity } of lines) {
        const row = reserve.get(quantity, quantity, now, productId, quantity) as { on_hand: number; reserved: number; version: number } | undefined;
        if (!row) {
          rollback.run();
          return false;
        }
        movement.run(randomUUID(), productId, row.version, 'RESERVE', quantity, row.on_hand, row.reserved, orderId, 'service:bench', now);
      }
      outbox.run(randomUUID(), 'stock.reserved', JSON.stringify({ orderId, lines }), now);
      outbox.run(randomUUID(), 'audit.recorded', JSON.stringify({ entityId: orderId, action: 'stock.reserved' }), now);
      commit.run();
      return true;
    } catch (error) {
      if (db.inTransaction) rollback.run();
      throw error;
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString()) as { variables: { orderId: string; lines: ReservationLine[] } };
      const body = take(variables.orderId, variables.lines)
        ? { data: { reserveStock: { status: 'ACTIVE' } } }
        : { data: null, errors: [{ message: 'not enough stock', extensions: { code: 'CONFLICT' } }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    reserved: (productId) => (read.get(productId) as { reserved: number }).reserved,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
