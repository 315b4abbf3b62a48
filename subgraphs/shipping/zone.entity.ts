import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';

/** How a method prices a parcel (zone.rules.ts, priceOf). */
export enum RateKind {
  FLAT = 'FLAT',
  WEIGHT = 'WEIGHT',
  SUBTOTAL = 'SUBTOTAL',
  PICKUP = 'PICKUP',
}
registerEnumType(RateKind, {
  name: 'ShippingRateKind',
  valuesConfig: {
    FLAT: { description: 'One price (amount) for any parcel.' },
    WEIGHT: { description: "By the parcel's weight in grams, from contiguous bands; not offered when a product's weight is unknown." },
    SUBTOTAL: { description: "By the order's subtotal in minor units, from contiguous bands." },
    PICKUP: { description: 'Collected by the customer at pickupLocation, for amount (often 0).' },
  },
});

/** A price for a range [from, to) of weight (grams) or subtotal (minor units); `to` null: no upper limit. */
@ObjectType('ShippingRateBand')
export class RateBand {
  @Field(() => Int)
  from!: number;

  @Field(() => Int, { nullable: true, description: 'Exclusive; null: no upper limit.' })
  to!: number | null;

  @Field(() => Int, { description: 'Minor units of the method currency.' })
  amount!: number;
}

/** Where a set of methods applies: countries (ISO 3166-1 alpha-2), optionally narrowed to regions (ISO 3166-2). */
@Entity({ tableName: 'shipping_zones' })
@ObjectType('ShippingZone')
export class ShippingZoneEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field()
  name!: string;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes, upper case.' })
  countries: string[] = [];

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'ISO 3166-2 codes (FR-75); empty: the whole of each country. A zone naming the region wins over one naming only its country.' })
  regions: string[] = [];

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  /** Filled by the service when a zone is answered with its methods (one query for every zone); never stored. */
  @Field(() => [ShippingMethodEntity], { description: 'Every method of the zone, active or not, oldest first.' })
  methods: ShippingMethodEntity[] = [];
}

@Entity({ tableName: 'shipping_methods' })
@Index({ properties: ['zoneId'] })
@ObjectType('ShippingMethod')
export class ShippingMethodEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field(() => ID)
  zoneId!: string;

  @Property({ type: 'string' })
  @Field()
  name!: string;

  @Enum({ items: () => RateKind, type: 'string' })
  @Field(() => RateKind)
  kind!: RateKind;

  @Property({ type: 'string' })
  @Field()
  currency!: string;

  /** FLAT and PICKUP: the price. */
  @Property({ type: 'integer', nullable: true })
  amount: number | null = null;

  /** WEIGHT and SUBTOTAL: contiguous from 0 (zone.rules.ts refuses a gap or an overlap). */
  @Property({ type: 'json' })
  @Field(() => [RateBand])
  bands: RateBand[] = [];

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Free when the subtotal reaches this (minor units).' })
  freeOver: number | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  minDays!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  maxDays!: number;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  pickupLocation: string | null = null;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  active = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Money, { nullable: true, description: 'FLAT and PICKUP: the price before any free-over threshold.' })
  get price(): Money | null {
    return this.amount === null ? null : Money.of(this.amount, this.currency);
  }
}

/** One priced way to ship a parcel (the internal shippingQuote; orders shows it as a ShippingOption). */
@ObjectType('ShippingQuote')
@Directive('@inaccessible')
export class ShippingQuote {
  @Field(() => ID)
  methodId!: string;

  @Field()
  name!: string;

  @Field(() => String, { description: 'A ShippingRateKind.' })
  kind!: string;

  @Field(() => Int)
  amount!: number;

  @Field()
  currency!: string;

  @Field(() => Int)
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => String, { nullable: true })
  pickupLocation!: string | null;
}
