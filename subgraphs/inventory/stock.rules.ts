import type { ReservationLine } from '../../contracts/inventory-api';
import { badInput } from '../../platform/errors';
import type { StockLevels } from './stock.entity';

/**
 * What makes stock input valid: figures agents set (onHand, thresholds,
 * deltas), the lines orders reserve, and the changes each may make to a
 * product's levels (which the ledger then writes with a compare-and-set).
 */

/** Bounds every stock figure, far below the 32-bit GraphQL Int limit sums could reach. */
export const MAX_UNITS = 1_000_000_000;
export const MAX_LINES = 100;

/** A whole number of units from `min` to MAX_UNITS; `name` is what the message calls the value at `field`. */
function checkCount(value: number, min: 0 | 1, field: string, name = field): void {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_UNITS) throw badInput(`${name} must be a whole number from ${min} to ${MAX_UNITS}`, field);
}

/** Items per setStockLevels call, as for upsertProducts: a bigger feed is refused whole. */
export const MAX_STOCK_FEED_ITEMS = 500;

export function checkStockFeedSize(count: number): void {
  if (count > MAX_STOCK_FEED_ITEMS) throw badInput(`setStockLevels takes at most ${MAX_STOCK_FEED_ITEMS} items per call, got ${count}: send smaller batches`, 'items');
}

/** A counted figure or a threshold: 0 to MAX_UNITS. */
export function checkUnits(value: number, field: string): void {
  checkCount(value, 0, field);
}

/** An adjustment: a whole number other than 0, at most MAX_UNITS either way. */
export function checkDelta(delta: number): void {
  if (!Number.isSafeInteger(delta) || delta === 0 || Math.abs(delta) > MAX_UNITS) {
    throw badInput(`delta must be a whole number other than 0, at most ${MAX_UNITS} either way`, 'delta');
  }
}

/** Validated lines, one per product (quantities of repeated products added), sorted by product id. */
export function normalizeLines(input: readonly ReservationLine[]): ReservationLine[] {
  if (input.length === 0) throw badInput('lines must not be empty', 'lines');
  if (input.length > MAX_LINES) throw badInput(`a reservation has at most ${MAX_LINES} lines`, 'lines');
  const quantities = new Map<string, number>();
  input.forEach((line, i) => {
    if (!line.productId.trim()) throw badInput('productId must not be empty', `lines.${i}.productId`);
    checkCount(line.quantity, 1, `lines.${i}.quantity`, 'quantity');
    quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
  });
  return [...quantities]
    .map(([productId, quantity]) => ({ productId, quantity }))
    .sort((a, b) => a.productId.localeCompare(b.productId));
}

/** onHand set to a counted figure: never below what is reserved for orders. */
export function withOnHand(current: StockLevels, onHand: number): StockLevels {
  if (onHand < current.reserved) throw badInput(`onHand ${onHand} is below the ${current.reserved} units reserved for orders`, 'onHand');
  return { ...current, onHand };
}

/** onHand moved by `delta`: not below 0, nor below what is reserved, nor above MAX_UNITS. */
export function withDelta(current: StockLevels, delta: number): StockLevels {
  const onHand = current.onHand + delta;
  if (onHand < 0) throw badInput(`delta ${delta} would take onHand from ${current.onHand} to ${onHand}, below 0`, 'delta');
  if (onHand < current.reserved) {
    throw badInput(`delta ${delta} would take onHand to ${onHand}, below the ${current.reserved} units reserved for orders`, 'delta');
  }
  if (onHand > MAX_UNITS) throw badInput(`onHand would exceed ${MAX_UNITS}`, 'delta');
  return { ...current, onHand };
}
