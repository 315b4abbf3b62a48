import { Embeddable, Embedded, Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';

/** Where an order goes (shipping.rules.ts checks it). */
@Embeddable()
@ObjectType('ShippingAddress')
export class ShippingAddressEntity {
  @Property({ type: 'string' })
  @Field()
  recipient!: string;

  @Property({ type: 'string' })
  @Field()
  line1!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  line2: string | null = null;

  @Property({ type: 'string' })
  @Field()
  city!: string;

  @Property({ type: 'string' })
  @Field()
  postalCode!: string;

  @Property({ type: 'string' })
  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 (FR-75), when given.' })
  region: string | null = null;
}

/** A way to ship the cart, priced for its address and contents by the shipping subgraph. */
@ObjectType('ShippingOption')
export class ShippingOptionView {
  @Field(() => ID)
  methodId!: string;

  @Field()
  name!: string;

  @Field({ description: 'FLAT, WEIGHT, SUBTOTAL or PICKUP.' })
  kind!: string;

  @Field(() => Money, { description: 'For this cart (0 over a free-shipping threshold).' })
  price!: Money;

  @Field(() => Int, { description: 'Estimated delivery, in days from shipping.' })
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => String, { nullable: true, description: 'PICKUP: where to collect the order.' })
  pickupLocation!: string | null;
}

/** The shipping line of an order: the method chosen and its price when the order was placed. */
@Embeddable()
@ObjectType('OrderShipping')
export class OrderShippingEntity {
  @Property({ type: 'string' })
  @Field(() => ID)
  methodId!: string;

  @Property({ type: 'string' })
  @Field()
  methodName!: string;

  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  minDays!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  maxDays!: number;

  @Embedded(() => ShippingAddressEntity)
  @Field(() => ShippingAddressEntity)
  address!: ShippingAddressEntity;

  @Field(() => Money, { description: 'Part of the order total.' })
  get price(): Money {
    return Money.of(this.amount, this.currency);
  }
}

/** A customer's cart's shipping address and chosen method: a row per customer. */
@Entity({ tableName: 'cart_shipping' })
export class CartShippingEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string', unique: true })
  customerId!: string;

  @Embedded(() => ShippingAddressEntity, { nullable: true })
  address: ShippingAddressEntity | null = null;

  @Property({ type: 'string', nullable: true })
  methodId: string | null = null;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
