import { badInputOf, refusalOf } from '../../test/support/refusals';
import { ShipmentStatus, type TrackingEntry } from './shipment.entity';
import { applyTracking, checkShipmentLines, orderProgress } from './shipment.rules';

const ordered = [
  { productId: 'a', quantity: 2 },
  { productId: 'b', quantity: 1 },
];
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const entry = (status: ShipmentStatus, s: number): TrackingEntry => ({ status, occurredAt: at(s), description: status, location: null });

describe('shipment rules', () => {
  it('ships what is asked, or everything left when nothing is', () => {
    expect(checkShipmentLines([{ productId: 'a', quantity: 1 }], ordered, [])).toEqual([{ productId: 'a', quantity: 1 }]);
    expect(checkShipmentLines(null, ordered, [{ productId: 'a', quantity: 1 }])).toEqual([
      { productId: 'a', quantity: 1 },
      { productId: 'b', quantity: 1 },
    ]);
  });

  it('refuses more units than are left, a product not in the order, no lines, and shipping a shipped order', () => {
    expect(badInputOf(() => checkShipmentLines([{ productId: 'a', quantity: 2 }], ordered, [{ productId: 'a', quantity: 1 }]))).toEqual({
      field: 'lines.0.quantity',
      message: 'Only 1 unit(s) of product a are left to ship',
    });
    expect(badInputOf(() => checkShipmentLines([{ productId: 'z', quantity: 1 }], ordered, [])).field).toBe('lines.0.productId');
    expect(badInputOf(() => checkShipmentLines([{ productId: 'a', quantity: 0 }], ordered, [])).field).toBe('lines.0.quantity');
    expect(badInputOf(() => checkShipmentLines([], ordered, [])).field).toBe('lines');
    expect(refusalOf(() => checkShipmentLines(null, ordered, ordered)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SHIPPED' });
  });

  it('adds tracking in time order, drops replays, and never moves a shipment back', () => {
    const start = { status: ShipmentStatus.LABEL_CREATED, history: [entry(ShipmentStatus.LABEL_CREATED, 0)] };
    const delivered = applyTracking(start, [entry(ShipmentStatus.DELIVERED, 30), entry(ShipmentStatus.IN_TRANSIT, 10)]);
    expect(delivered?.status).toBe(ShipmentStatus.DELIVERED);
    expect(delivered?.history.map((e) => e.status)).toEqual([ShipmentStatus.LABEL_CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED]);
    expect(applyTracking(delivered!, [entry(ShipmentStatus.DELIVERED, 30)])).toBeNull();
    const late = applyTracking(delivered!, [entry(ShipmentStatus.OUT_FOR_DELIVERY, 20)]);
    expect(late?.status).toBe(ShipmentStatus.DELIVERED);
    expect(late?.history.map((e) => e.status)).toEqual([ShipmentStatus.LABEL_CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERED]);
  });

  it('knows when the order is fully shipped and when it is delivered', () => {
    const first = { status: ShipmentStatus.DELIVERED, lines: [{ productId: 'a', quantity: 2 }] };
    expect(orderProgress(ordered, [first])).toEqual({ fullyShipped: false, delivered: false });
    expect(orderProgress(ordered, [first, { status: ShipmentStatus.LABEL_PENDING, lines: [{ productId: 'b', quantity: 1 }] }])).toEqual({ fullyShipped: false, delivered: false });
    expect(orderProgress(ordered, [first, { status: ShipmentStatus.IN_TRANSIT, lines: [{ productId: 'b', quantity: 1 }] }])).toEqual({ fullyShipped: true, delivered: false });
    expect(orderProgress(ordered, [first, { status: ShipmentStatus.DELIVERED, lines: [{ productId: 'b', quantity: 1 }] }])).toEqual({ fullyShipped: true, delivered: true });
  });
});
