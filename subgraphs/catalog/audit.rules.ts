import { badInput } from '../../platform/errors';

/** What makes an audit log query valid. */

/** A time window: `from` (inclusive) not after `to` (exclusive); either may be open. */
export function checkWindow(from: Date | null | undefined, to: Date | null | undefined): void {
  if (from && to && from > to) throw badInput('from must not be after to', 'filter.from');
}
