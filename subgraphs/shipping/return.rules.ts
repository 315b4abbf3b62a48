import { requiredText } from '../../platform/checks';
import { appError, badInput, conflict } from '../../platform/errors';
import { nameOf, variantOf, type UnitLine } from './shipment.rules';

/** A return's steps: REQUESTED, then APPROVED (a return label) or REFUSED; APPROVED, then RECEIVED, then REFUNDED. */
export type ReturnStep = 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'RECEIVED' | 'REFUNDED';

const NEXT: Readonly<Record<ReturnStep, readonly ReturnStep[]>> = {
  REQUESTED: ['APPROVED', 'REFUSED'],
  APPROVED: ['RECEIVED'],
  RECEIVED: ['REFUNDED'],
  REFUSED: [],
  REFUNDED: [],
};

export const canMoveReturn = (from: ReturnStep, to: ReturnStep): boolean => NEXT[from].includes(to);

/** CONFLICT RETURN_STATUS unless the return may move on to `to`. */
export function checkReturnMove(id: string, from: ReturnStep, to: ReturnStep): void {
  if (!canMoveReturn(from, to))
    throw conflict(`Return ${id} is ${from}: it cannot become ${to}`, {
      reason: 'RETURN_STATUS',
      status: from,
    });
}

export type Units = UnitLine;
/** Units of a variant a delivered shipment brought, and when. */
export type DeliveredUnits = Units & { readonly deliveredAt: Date };

/** A return's reason, and the staff's note on a refusal, are longer than platform/checks.ts's reasons: customers explain. */
const MAX_RETURN_TEXT_LENGTH = 1_000;

/** The customer's reason, trimmed: required, at most MAX_RETURN_TEXT_LENGTH characters. */
export const checkReturnReason = (reason: string): string => requiredText(reason, 'reason', MAX_RETURN_TEXT_LENGTH, 'reason is required: say why the units go back');

/** The staff's note to the customer on a refusal, trimmed: required, at most MAX_RETURN_TEXT_LENGTH characters. */
export const checkRefusalNote = (note: string): string => requiredText(note, 'note', MAX_RETURN_TEXT_LENGTH, 'note is required: tell the customer why');

/**
 * The lines of a new return (each naming its variant, see resolveVariants),
 * checked against what was delivered and what earlier returns (not refused)
 * already hold, in this order for each line: a positive whole quantity, each
 * variant once; no more units than were delivered (MORE_THAN_DELIVERED); not
 * units already in a return (RETURN_ALREADY_REQUESTED); the last delivery of
 * the variant no more than `windowDays` ago (RETURN_WINDOW_CLOSED). Each line
 * is named as its delivery names it.
 */
export function checkReturnLines(lines: readonly Units[], delivered: readonly DeliveredUnits[], earlier: readonly Units[], now: Date, windowDays: number): Units[] {
  if (lines.length === 0) throw badInput('lines must name at least one delivered line', 'lines');
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const field = `lines.${index}.quantity`;
    const variantId = variantOf(line);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw badInput('quantity must be a whole number of at least 1', field);
    if (seen.has(variantId)) throw badInput(`${nameOf(line)} appears twice: name each line once`, `lines.${index}.productId`);
    seen.add(variantId);
    const shipments = delivered.filter((d) => variantOf(d) === variantId);
    const named = shipments.find((d) => d.sku) ?? shipments[0] ?? line;
    const units = shipments.reduce((sum, d) => sum + d.quantity, 0);
    if (line.quantity > units) {
      throw appError('BAD_USER_INPUT', `Only ${units} unit(s) of ${nameOf(named)} were delivered: ${line.quantity} cannot be returned`, {
        field,
        reason: 'MORE_THAN_DELIVERED',
        delivered: units,
      });
    }
    const taken = earlier.filter((e) => variantOf(e) === variantId).reduce((sum, e) => sum + e.quantity, 0);
    if (line.quantity > units - taken) {
      throw conflict(`${taken} unit(s) of ${nameOf(named)} are in an earlier return already`, {
        field,
        reason: 'RETURN_ALREADY_REQUESTED',
        returnable: units - taken,
      });
    }
    const deliveredAt = new Date(Math.max(...shipments.map((d) => d.deliveredAt.getTime())));
    if (now.getTime() > deliveredAt.getTime() + windowDays * 86_400_000) {
      throw conflict(`${capitalized(nameOf(named))} was delivered on ${deliveredAt.toISOString()}, more than ${windowDays} days ago: the return window is closed`, {
        field,
        reason: 'RETURN_WINDOW_CLOSED',
        deliveredAt: deliveredAt.toISOString(),
      });
    }
    return { productId: named.productId, variantId, sku: named.sku ?? null, quantity: line.quantity };
  });
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What the returned units were paid: their unit prices (by variant) times the units. A line the order does not price counts 0. */
export function returnValue(lines: readonly Units[], prices: ReadonlyMap<string, number>): number {
  return lines.reduce((sum, line) => sum + line.quantity * (prices.get(variantOf(line)) ?? 0), 0);
}

/** The refund of a received return: the lines' value when none is given, else 0 to that value (a partial refund). */
export function checkRefundAmount(amount: number | null, value: number): number {
  if (amount === null) return value;
  if (!Number.isInteger(amount) || amount < 0 || amount > value)
    throw badInput(`refundAmount must be a whole number of minor units from 0 to ${value} (what the returned units were paid)`, 'refundAmount');
  return amount;
}
