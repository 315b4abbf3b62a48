import { badInput, conflict } from '../../platform/errors';
import { ShipmentStatus, type ShipmentLine, type TrackingEntry } from './shipment.entity';

/** The rules of shipments: which lines may ship, how tracking moves a shipment, and how far the order is. Pure; a fast spec beside. */

type Lines = ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;

const total = (lines: Lines): Map<string, number> => {
  const sums = new Map<string, number>();
  for (const line of lines) sums.set(line.productId, (sums.get(line.productId) ?? 0) + line.quantity);
  return sums;
};

/**
 * The lines of a new shipment: those asked for (null: every unit not yet in
 * a shipment), each a product of the order, never more units than are left.
 */
export function checkShipmentLines(requested: Lines | null, ordered: Lines, alreadyShipped: Lines): ShipmentLine[] {
  const left = total(ordered);
  for (const [productId, quantity] of total(alreadyShipped)) left.set(productId, (left.get(productId) ?? 0) - quantity);
  if (requested === null) {
    const rest = [...left].filter(([, quantity]) => quantity > 0).map(([productId, quantity]) => ({ productId, quantity }));
    if (rest.length === 0) throw conflict('Every unit of the order is in a shipment already', { reason: 'ALREADY_SHIPPED' });
    return rest;
  }
  if (requested.length === 0) throw badInput('lines must not be empty (omit it to ship everything left)', 'lines');
  requested.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw badInput('quantity must be a positive whole number', `lines.${i}.quantity`);
    if (!left.has(line.productId)) throw badInput(`Product ${line.productId} is not in the order`, `lines.${i}.productId`);
  });
  const asked = total(requested);
  const lines: ShipmentLine[] = [];
  for (const [productId, quantity] of asked) {
    const remaining = left.get(productId) ?? 0;
    const index = requested.findIndex((line) => line.productId === productId);
    if (quantity > remaining) throw badInput(`Only ${remaining} unit(s) of product ${productId} are left to ship`, `lines.${index}.quantity`);
    lines.push({ productId, quantity });
  }
  return lines;
}

/** How far along the journey each status is: tracking never moves a shipment to an earlier rank. */
const RANK: Readonly<Record<ShipmentStatus, number>> = {
  [ShipmentStatus.LABEL_PENDING]: 0,
  [ShipmentStatus.LABEL_CREATED]: 1,
  [ShipmentStatus.IN_TRANSIT]: 2,
  [ShipmentStatus.OUT_FOR_DELIVERY]: 3,
  [ShipmentStatus.FAILURE]: 3,
  [ShipmentStatus.DELIVERED]: 4,
  [ShipmentStatus.RETURNED]: 5,
};

/**
 * A shipment's history and status after carrier reports: an event already
 * recorded (a replay) is dropped; every new one joins the history in time
 * order; the status moves only forward (an event older or less advanced
 * than the current status, arriving late, is history but does not move it).
 * Null: nothing changed.
 */
export function applyTracking(
  current: { readonly status: ShipmentStatus; readonly history: readonly TrackingEntry[] },
  events: readonly TrackingEntry[],
): { status: ShipmentStatus; history: TrackingEntry[] } | null {
  const key = (e: TrackingEntry) => `${e.status}@${new Date(e.occurredAt).getTime()}`;
  const known = new Set(current.history.map(key));
  const fresh = events.filter((e) => !known.has(key(e)) && (known.add(key(e)), true));
  if (fresh.length === 0) return null;
  const history = [...current.history, ...fresh].sort((a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime());
  let status = current.status;
  for (const event of fresh) if (RANK[event.status] > RANK[status]) status = event.status;
  return { status, history };
}

/** Whether every unit of the order is in a labelled shipment, and whether every one of them is delivered. */
export function orderProgress(
  ordered: Lines,
  shipments: ReadonlyArray<{ readonly status: ShipmentStatus; readonly lines: Lines }>,
): { fullyShipped: boolean; delivered: boolean } {
  const labelled = shipments.filter((s) => s.status !== ShipmentStatus.LABEL_PENDING);
  const covers = (list: typeof shipments) => {
    const sums = total(list.flatMap((s) => s.lines));
    return [...total(ordered)].every(([productId, quantity]) => (sums.get(productId) ?? 0) >= quantity);
  };
  return { fullyShipped: covers(labelled), delivered: covers(labelled.filter((s) => s.status === ShipmentStatus.DELIVERED)) };
}
