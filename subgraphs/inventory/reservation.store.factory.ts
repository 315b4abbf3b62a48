import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { ReservationStore } from './reservation.store';
import { MongoReservationStore } from './reservation.store.mongo';
import { SqliteReservationStore } from './reservation.store.sqlite';

/** The adapter for the database the service runs on. */
export function reservationStore(db: Db, config: Config): ReservationStore {
  return db.onSqlite ? new SqliteReservationStore(db, { queue: config.inventory.reservationQueue }) : new MongoReservationStore(db);
}
