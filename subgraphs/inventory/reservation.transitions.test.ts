import type { ReservationStatusName } from '../../contracts/inventory-api';
import { ReservationStatus } from './reservation.entity';
import { EXPIRES_FROM, REQUEST_EFFECTS, RESERVATION_TRANSITIONS, type ReservationRequest, type Verdict } from './reservation.transitions';
import type { StockLevels } from './stock.entity';

const STATUSES = Object.values(ReservationStatus);
const REQUESTS: ReservationRequest[] = ['release', 'commit', 'return'];

describe('reservation transitions', () => {
  it.each<[ReservationRequest, ReservationStatusName, Verdict]>([
    ['release', 'PENDING', 'busy'],
    ['release', 'ACTIVE', 'move'],
    ['release', 'COMMITTED', 'refuse'],
    ['release', 'RETURNED', 'refuse'],
    ['release', 'RELEASED', 'done'],
    ['release', 'EXPIRED', 'done'],
    ['commit', 'PENDING', 'busy'],
    ['commit', 'ACTIVE', 'move'],
    ['commit', 'COMMITTED', 'done'],
    ['commit', 'RETURNED', 'refuse'],
    ['commit', 'RELEASED', 'refuse'],
    ['commit', 'EXPIRED', 'refuse'],
    ['return', 'PENDING', 'busy'],
    ['return', 'ACTIVE', 'refuse'],
    ['return', 'COMMITTED', 'move'],
    ['return', 'RETURNED', 'done'],
    ['return', 'RELEASED', 'refuse'],
    ['return', 'EXPIRED', 'refuse'],
  ])('%s of a %s reservation: %s', (request, status, verdict) => {
    expect(RESERVATION_TRANSITIONS[request][status]).toBe(verdict);
  });

  it('names a verdict for every request in every status', () => {
    for (const request of REQUESTS) expect(Object.keys(RESERVATION_TRANSITIONS[request]).sort()).toEqual([...STATUSES].sort());
  });

  it('answers a request repeated after its move as done, so retries change nothing', () => {
    for (const request of REQUESTS) expect(RESERVATION_TRANSITIONS[request][REQUEST_EFFECTS[request].to]).toBe('done');
  });

  it('lands each request on its own status', () => {
    expect(REQUESTS.map((request) => REQUEST_EFFECTS[request].to)).toEqual(['RELEASED', 'COMMITTED', 'RETURNED']);
  });

  it('expires only what still holds stock unsold', () => {
    expect([...EXPIRES_FROM].sort()).toEqual(['ACTIVE', 'PENDING']);
  });
});

describe('the effect of each move on a line of 3 units', () => {
  const before: StockLevels = { onHand: 10, reserved: 4, lowStockThreshold: 5 };

  it('release: the held units are available again', () => {
    expect(REQUEST_EFFECTS.release.next(before, 3)).toEqual({ onHand: 10, reserved: 1, lowStockThreshold: 5 });
  });

  it('commit: the held units are sold, leaving onHand and reserved', () => {
    expect(REQUEST_EFFECTS.commit.next(before, 3)).toEqual({ onHand: 7, reserved: 1, lowStockThreshold: 5 });
  });

  it('return: the sold units are on hand again', () => {
    expect(REQUEST_EFFECTS.return.next(before, 3)).toEqual({ onHand: 13, reserved: 4, lowStockThreshold: 5 });
  });
});

describe('refusals', () => {
  it.each([
    ['release', 'COMMITTED', 'The reservation for order o-1 is already committed (the stock was sold); it is not held any more'],
    ['commit', 'EXPIRED', 'The reservation for order o-1 was expired; its stock is no longer held'],
    ['return', 'ACTIVE', 'The reservation for order o-1 is active, not sold; there is nothing to return'],
  ] as const)('%s of a %s reservation says why', (request, status, message) => {
    expect(REQUEST_EFFECTS[request].refusal('o-1', status)).toBe(message);
  });
});
