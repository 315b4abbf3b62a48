import { appError, badInput, conflict } from '../../platform/errors';
import { ShipmentStatus, type ShipmentLine, type TrackingEntry } from './shipment.entity';

/** The rules of shipments: which lines may ship, how tracking moves a shipment, and how far the order is. Pure; a fast spec beside. */

/** A line of an order, a shipment or a return; without variantId (a row written before variants), the product's default variant. */
export type UnitLine = { readonly productId: string; readonly variantId?: string | null; readonly sku?: string | null; readonly quantity: number };
type Lines = ReadonlyArray<UnitLine>;

/** The variant a line holds: lines are keyed by it, so two variants of one product never mix. A default variant's id is its product's. */
export const variantOf = (line: { readonly productId: string; readonly variantId?: string | null }): string => line.variantId ?? line.productId;

const total = (lines: Lines): Map<string, number> => {
  const sums = new Map<string, number>();
  for (const line of lines) sums.set(variantOf(line), (sums.get(variantOf(line)) ?? 0) + line.quantity);
  return sums;
};

/**
 * The variant each requested line names, against the order's lines: its
 * variantId (then of productId, BAD_USER_INPUT otherwise); without one, the
 * one variant of product productId the order holds (several: BAD_USER_INPUT,
 * reason VARIANT_REQUIRED, even when one is the default: the product alone is
 * ambiguous there), else productId itself as a variant's id. A line matching
 * nothing keeps productId as its variant, for the caller's own refusal.
 */
export function resolveVariants<T extends UnitLine>(requested: readonly T[], ordered: Lines): Array<T & { variantId: string }> {
  return requested.map((line, i) => {
    if (line.variantId) {
      const owner = ordered.find((o) => variantOf(o) === line.variantId);
      if (owner && owner.productId !== line.productId)
        throw badInput(`Variant ${line.variantId} is of product ${owner.productId}, not ${line.productId}`, `lines.${i}.variantId`);
      return { ...line, variantId: line.variantId };
    }
    const variants = [...new Set(ordered.filter((o) => o.productId === line.productId).map(variantOf))];
    if (variants.length > 1)
      throw appError('BAD_USER_INPUT', `The order holds ${variants.length} variants of product ${line.productId}: name one by variantId`, { field: `lines.${i}.variantId`, reason: 'VARIANT_REQUIRED', variantIds: variants });
    return { ...line, variantId: variants[0] ?? line.productId };
  });
}

/**
 * The lines of a new shipment: those asked for (null: every unit not yet in
 * a shipment), each a variant of the order (resolved by resolveVariants),
 * never more units than are left; each named as the order names it.
 */
export function checkShipmentLines(requested: Lines | null, ordered: Lines, alreadyShipped: Lines): ShipmentLine[] {
  const left = total(ordered);
  for (const [variantId, quantity] of total(alreadyShipped)) left.set(variantId, (left.get(variantId) ?? 0) - quantity);
  const named = new Map(ordered.map((line) => [variantOf(line), line]));
  const line = (variantId: string, quantity: number): ShipmentLine => {
    const source = named.get(variantId) as UnitLine;
    return { productId: source.productId, variantId, sku: source.sku ?? null, quantity };
  };
  if (requested === null) {
    const rest = [...left].filter(([, quantity]) => quantity > 0).map(([variantId, quantity]) => line(variantId, quantity));
    if (rest.length === 0) throw conflict('Every unit of the order is in a shipment already', { reason: 'ALREADY_SHIPPED' });
    return rest;
  }
  if (requested.length === 0) throw badInput('lines must not be empty (omit it to ship everything left)', 'lines');
  requested.forEach((asked, i) => {
    if (!Number.isInteger(asked.quantity) || asked.quantity < 1) throw badInput('quantity must be a positive whole number', `lines.${i}.quantity`);
    if (!left.has(variantOf(asked))) throw badInput(`${variantOf(asked) === asked.productId ? `Product ${asked.productId}` : `Variant ${variantOf(asked)}`} is not in the order`, `lines.${i}.productId`);
  });
  const lines: ShipmentLine[] = [];
  for (const [variantId, quantity] of total(requested)) {
    const remaining = left.get(variantId) ?? 0;
    const index = requested.findIndex((asked) => variantOf(asked) === variantId);
    if (quantity > remaining) throw badInput(`Only ${remaining} unit(s) of ${nameOf(named.get(variantId) as UnitLine)} are left to ship`, `lines.${index}.quantity`);
    lines.push(line(variantId, quantity));
  }
  return lines;
}

/** "product p", or "product p (SKU s)" for a variant sold under its own SKU. */
export const nameOf = (line: UnitLine): string => `product ${line.productId}${line.sku && variantOf(line) !== line.productId ? ` (SKU ${line.sku})` : ''}`;

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
    return [...total(ordered)].every(([variantId, quantity]) => (sums.get(variantId) ?? 0) >= quantity);
  };
  return { fullyShipped: covers(labelled), delivered: covers(labelled.filter((s) => s.status === ShipmentStatus.DELIVERED)) };
}
