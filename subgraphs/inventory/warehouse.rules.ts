import type { GraphQLError } from 'graphql';
import { badInput, conflict } from '../../platform/errors';
import { checkCountry } from '../../platform/places';
import { availableOf, type StockLevels } from './stock.entity';
import { MAX_UNITS } from './stock.rules';
import { DEFAULT_WAREHOUSE } from './warehouse.entity';

/**
 * Warehouses as pure rules: which warehouses a reservation line takes its
 * units from, what a valid warehouse and a valid transfer are.
 */

/** A warehouse a line could take units from: an active one holding the product. */
export interface Candidate {
  readonly warehouseId: string;
  readonly priority: number;
  readonly available: number;
}

/** Units of one product taken from one warehouse. */
export interface Allocation {
  readonly productId: string;
  readonly warehouseId: string;
  readonly quantity: number;
}

export type AllocationOutcome = { readonly parts: ReadonlyArray<{ warehouseId: string; quantity: number }> } | { readonly short: { readonly available: number } };

/**
 * The allocation rule: warehouses by priority, highest first; among equal
 * priorities the one with the most available first (fewest splits, and the
 * fullest shelves empty first); then by id, so the same state always gives
 * the same answer. Each takes what it can until the line is filled, so a line
 * splits only when its first warehouse cannot fill it. A line all warehouses
 * together cannot fill is short (nothing taken), with the available total.
 */
export function allocate(quantity: number, candidates: readonly Candidate[]): AllocationOutcome {
  const ordered = candidates
    .filter((c) => c.available > 0)
    .sort((a, b) => b.priority - a.priority || b.available - a.available || a.warehouseId.localeCompare(b.warehouseId));
  const parts: Array<{ warehouseId: string; quantity: number }> = [];
  let remaining = quantity;
  for (const candidate of ordered) {
    if (remaining === 0) break;
    const take = Math.min(remaining, candidate.available);
    parts.push({ warehouseId: candidate.warehouseId, quantity: take });
    remaining -= take;
  }
  if (remaining > 0) return { short: { available: quantity - remaining } };
  return { parts };
}

/** The same allocations with repeated (product, warehouse) pairs added up, sorted: what a reservation records. */
export function mergeAllocations(allocations: readonly Allocation[]): Allocation[] {
  const sums = new Map<string, Allocation>();
  for (const a of allocations) {
    const key = `${a.productId}\u0000${a.warehouseId}`;
    const earlier = sums.get(key);
    sums.set(key, { ...a, quantity: (earlier?.quantity ?? 0) + a.quantity });
  }
  return [...sums.values()].sort((a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId));
}

export const MAX_PRIORITY = 1_000_000;
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

export interface WarehouseFields {
  readonly code?: string | null;
  readonly name?: string | null;
  readonly country?: string | null;
  readonly region?: string | null;
  readonly city?: string | null;
  readonly priority?: number | null;
  readonly active?: boolean | null;
}

/** Trimmed text of 1 to `max` characters. */
function text(value: string, field: string, max = 100): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw badInput(`${field} must be 1 to ${max} characters`, field);
  return trimmed;
}

/**
 * The given fields of a warehouse, normalized (code and country upper case,
 * text trimmed, a blank region null); absent fields stay absent, so the same
 * rule checks a creation and an update.
 */
export function checkWarehouseFields(input: WarehouseFields): WarehouseFields {
  const out: { -readonly [K in keyof WarehouseFields]: WarehouseFields[K] } = {};
  if (input.code != null) {
    const code = input.code.trim().toUpperCase();
    if (!CODE.test(code)) throw badInput('code must be 1 to 32 characters: letters, digits, "-" or "_", starting with a letter or digit', 'code');
    out.code = code;
  }
  if (input.name != null) out.name = text(input.name, 'name');
  if (input.country != null) {
    out.country = checkCountry(input.country);
  }
  if (input.region !== undefined) out.region = input.region?.trim() ? text(input.region, 'region') : null;
  if (input.city != null) out.city = text(input.city, 'city');
  if (input.priority != null) {
    if (!Number.isSafeInteger(input.priority) || Math.abs(input.priority) > MAX_PRIORITY) {
      throw badInput(`priority must be a whole number from -${MAX_PRIORITY} to ${MAX_PRIORITY}`, 'priority');
    }
    out.priority = input.priority;
  }
  if (input.active != null) out.active = input.active;
  return out;
}

/** A transfer: two different warehouses, 1 to MAX_UNITS units. */
export function checkTransfer(fromWarehouseId: string, toWarehouseId: string, quantity: number): void {
  if (fromWarehouseId === toWarehouseId) throw badInput('toWarehouseId must differ from fromWarehouseId', 'toWarehouseId');
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_UNITS) throw badInput(`quantity must be a whole number from 1 to ${MAX_UNITS}`, 'quantity');
}

/** The source of a transfer gives `quantity` units it has available (reserved units stay for their orders). */
export function withTransferOut(current: StockLevels, quantity: number, productId: string, warehouseId: string): StockLevels {
  const available = availableOf(current);
  if (available < quantity) throw transferShortage(productId, warehouseId, quantity, available);
  return { ...current, onHand: current.onHand - quantity };
}

/** The refusal of a transfer whose source has too few available units. */
export function transferShortage(productId: string, warehouseId: string, requested: number, available: number): GraphQLError {
  return conflict(`Warehouse ${warehouseId} has ${available} units of product ${productId} available, fewer than the ${requested} to transfer`, {
    reason: 'INSUFFICIENT_STOCK',
    field: 'quantity',
    shortages: [{ productId, warehouseId, requested, available }],
  });
}

/** The destination of a transfer receives `quantity` units, up to MAX_UNITS on hand. */
export function withTransferIn(current: StockLevels, quantity: number): StockLevels {
  if (current.onHand + quantity > MAX_UNITS) throw badInput(`onHand would exceed ${MAX_UNITS}`, 'quantity');
  return { ...current, onHand: current.onHand + quantity };
}

/**
 * What a reservation holds per product and warehouse. One taken before
 * warehouses existed has no allocations: it held its lines in the single
 * stock there was, which the start-up migration moved into the default warehouse.
 */
export function allocationsOf(reservation: { readonly lines: ReadonlyArray<{ productId: string; quantity: number }>; readonly allocations: readonly Allocation[] | null }): readonly Allocation[] {
  return reservation.allocations ?? reservation.lines.map((line) => ({ productId: line.productId, warehouseId: DEFAULT_WAREHOUSE.id, quantity: line.quantity }));
}
