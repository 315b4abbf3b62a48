import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';
import type { CarrierAddress } from './carrier.port';

/** A shipment's status: LABEL_PENDING until the carrier sold its label, then the carrier's tracking. */
export enum ShipmentStatus {
  LABEL_PENDING = 'LABEL_PENDING',
  LABEL_CREATED = 'LABEL_CREATED',
  IN_TRANSIT = 'IN_TRANSIT',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY',
  DELIVERED = 'DELIVERED',
  FAILURE = 'FAILURE',
  RETURNED = 'RETURNED',
}
registerEnumType(ShipmentStatus, {
  name: 'ShipmentStatus',
  valuesConfig: {
    LABEL_PENDING: { description: 'The carrier could not sell the label yet; it is retried. The order is not shipped by it.' },
    LABEL_CREATED: { description: 'Labelled: handed over, or waiting for pickup.' },
    DELIVERED: { description: 'Received; never moves back.' },
  },
});

/**
 * Units of one variant, in a shipment, a return or the order they come from.
 * Stored as JSON: rows written before variants have no variantId and mean the
 * product's default variant, whose id is the product's (read through variantOf).
 */
@ObjectType('ShipmentLine', { description: 'Units of one variant; productId names its product (for display and weight).' })
export class ShipmentLine {
  @Field(() => ID)
  productId!: string;

  variantId?: string;

  @Field(() => String, { nullable: true, description: "The variant's SKU when the order was placed; null for lines of orders placed before variants." })
  sku?: string | null;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType('TrackingEvent', { description: "One step of the parcel's journey, as the carrier reported it." })
export class TrackingEntry {
  @Field(() => ShipmentStatus)
  status!: ShipmentStatus;

  @Field()
  occurredAt!: Date;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  location!: string | null;
}

@Entity({ tableName: 'shipments' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@ObjectType('Shipment')
@Directive('@key(fields: "id")')
export class ShipmentEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  @Field(() => ID)
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'json' })
  @Field(() => [ShipmentLine])
  lines: ShipmentLine[] = [];

  /** The order's lines when the shipment was made: what "every unit shipped" is measured against. */
  @Property({ type: 'json' })
  orderLines: ShipmentLine[] = [];

  /** Where it goes (the order's shipping address, in the carrier's terms). */
  @Property({ type: 'json' })
  destination!: CarrierAddress;

  @Property({ type: 'integer' })
  weightGrams!: number;

  @Property({ type: 'string' })
  @Field()
  carrier!: string;

  @Enum({ items: () => ShipmentStatus, type: 'string' })
  @Index()
  @Field(() => ShipmentStatus)
  status: ShipmentStatus = ShipmentStatus.LABEL_PENDING;

  @Property({ type: 'string', nullable: true })
  @Index()
  @Field(() => String, { nullable: true })
  trackingNumber: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the customer follows the parcel.' })
  trackingUrl: string | null = null;

  @Property({ type: 'string' })
  @Field({ description: 'PDF or ZPL.' })
  labelFormat!: string;

  /** ZPL text or base64 PDF; staff read it through `label`. */
  @Property({ type: 'text', nullable: true })
  labelContent: string | null = null;

  @Property({ type: 'string', nullable: true })
  labelUrl: string | null = null;

  /** The carrier's purchase, recorded before its label is bought: every retry buys this one, never a second label. */
  @Property({ type: 'string', nullable: true })
  labelPurchaseId: string | null = null;

  @Property({ type: 'json' })
  @Field(() => [TrackingEntry], { description: 'Oldest first; duplicates and stale reports are not added.' })
  history: TrackingEntry[] = [];

  /** Failed label purchases so far, and when the next one is due. */
  @Property({ type: 'integer' })
  @Field(() => Int)
  labelAttempts = 0;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  @Property({ type: 'string', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: "Increases with every change. From orderTracking and shipmentTracking: the order's tracking version (the sum over its shipments), which grows with a change to any of them." })
  version = 1;

  /** The order's tracking version when this shipment last changed: the highest is the order's latest change. */
  @Property({ type: 'integer' })
  orderVersion = 0;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  @Field()
  updatedAt: Date = new Date();
}
