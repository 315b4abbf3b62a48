import { badInputOf, refusalOf } from '../../test/support/refusals';
import { ShipmentStatus, type TrackingEntry } from './shipment.entity';
import { applyTracking, checkShipmentLines, orderProgress, resolveVariants } from './shipment.rules';

const ordered = [
  { productId: 'a', quantity: 2 },
  { productId: 'b', quantity: 1 },
];
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const entry = (status: ShipmentStatus, s: number): TrackingEntry => ({ status, occurredAt: at(s), description: status, location: null });

describe('shipment rules', () => {
  it('ships what is asked, or everything left when nothing is', () => {
    expect(checkShipmentLines([{ productId: 'a', quantity: 1 }], ordered, [])).toEqual([{ productId: 'a', variantId: 'a', sku: null, quantity: 1 }]);
    expect(checkShipmentLines(null, ordered, [{ productId: 'a', quantity: 1 }])).toEqual([
      { productId: 'a', variantId: 'a', sku: null, quantity: 1 },
      { productId: 'b', variantId: 'b', sku: null, quantity: 1 },
    ]);
  });

  const variants = [
    { productId: 'p', variantId: 'p', sku: 'TEE-S', quantity: 1 },
    { productId: 'p', variantId: 'v', sku: 'TEE-M', quantity: 2 },
  ];

  it('keys lines by variant: two variants of one product never mix, and a row from before variants is its default variant', () => {
    expect(checkShipmentLines([{ productId: 'p', variantId: 'v', quantity: 2 }], variants, [])).toEqual([{ productId: 'p', variantId: 'v', sku: 'TEE-M', quantity: 2 }]);
    expect(checkShipmentLines(null, variants, [{ productId: 'p', quantity: 1 }])).toEqual([{ productId: 'p', variantId: 'v', sku: 'TEE-M', quantity: 2 }]);
    expect(badInputOf(() => checkShipmentLines([{ productId: 'p', variantId: 'p', quantity: 2 }], variants, [])).message).toBe('Only 1 unit(s) of product p are left to ship');
    expect(badInputOf(() => checkShipmentLines([{ productId: 'p', variantId: 'v', quantity: 1 }], variants, [{ productId: 'p', variantId: 'v', quantity: 2 }])).message).toBe(
      'Only 0 unit(s) of product p (SKU TEE-M) are left to ship',
    );
    expect(orderProgress(variants, [{ status: ShipmentStatus.DELIVERED, lines: [{ productId: 'p', variantId: 'p', quantity: 3 }] }])).toEqual({ fullyShipped: false, delivered: false });
  });

  it('finds the variant a requested line means, or asks for it', () => {
    expect(resolveVariants([{ productId: 'v', quantity: 1 }], variants)[0].variantId).toBe('v');
    expect(resolveVariants([{ productId: 'p', variantId: 'p', quantity: 1 }], variants)[0].variantId).toBe('p');
    expect(resolveVariants([{ productId: 'a', quantity: 1 }], ordered)[0].variantId).toBe('a');
    expect(resolveVariants([{ productId: 'q', quantity: 1 }], [{ productId: 'q', variantId: 'w', quantity: 1 }])[0].variantId).toBe('w');
    expect(resolveVariants([{ productId: 'z', quantity: 1 }], ordered)[0].variantId).toBe('z');
    expect(refusalOf(() => resolveVariants([{ productId: 'p', quantity: 1 }], variants)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VARIANT_REQUIRED',
      field: 'lines.0.variantId',
      variantIds: ['p', 'v'],
    });
    expect(badInputOf(() => resolveVariants([{ productId: 'a', variantId: 'v', quantity: 1 }], [...ordered, ...variants])).field).toBe('lines.0.variantId');
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
