import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { CustomerProductEntity } from './customer-product.entity';
import { ProductRef } from './product.stub';

/** A product a customer keeps for later. */
@Entity({ tableName: 'wishlist_items' })
@ObjectType('WishlistItem')
export class WishlistItemEntity extends CustomerProductEntity {
  @Property({ type: 'datetime' })
  @Field()
  addedAt!: Date;

  @Field(() => ProductRef)
  get product(): ProductRef {
    return ProductRef.of(this.productId);
  }
}
