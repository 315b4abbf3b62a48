import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { newId } from '../../platform/ids';
import { ProductRef } from './order.reference';

/** A product a customer keeps for later. */
@Entity({ tableName: 'wishlist_items' })
@Unique({ properties: ['customerId', 'productId'] })
@ObjectType('WishlistItem')
export class WishlistItemEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'datetime' })
  @Field()
  addedAt!: Date;

  @Field(() => ProductRef)
  get product(): ProductRef {
    return ProductRef.of(this.productId);
  }
}
