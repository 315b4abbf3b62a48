import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';
import { ProductRef } from './product.stub';

/**
 * PENDING: held for staff (the approval setting, or the filter found a link
 * or a blocked word). PUBLISHED: shown and counted in the product's rating.
 * HIDDEN: taken down by staff; restoring publishes it again.
 */
export enum ReviewStatus {
  PENDING = 'PENDING',
  PUBLISHED = 'PUBLISHED',
  HIDDEN = 'HIDDEN',
}
registerEnumType(ReviewStatus, { name: 'ReviewStatus', description: 'Only PUBLISHED reviews are shown and counted in the rating.' });

@ObjectType('ReviewReply', { description: "The shop's public answer to a review." })
export class ReviewReply {
  @Field()
  body!: string;

  @Field()
  at!: Date;
}

/** One customer's review of one product: a row each, edited in place. */
@Entity({ tableName: 'reviews' })
@Unique({ properties: ['customerId', 'productId'] })
@Index({ properties: ['productId', 'status'] })
@ObjectType('Review', { description: 'Title and body are plain text as written: render them as text, never as HTML.' })
@Directive('@key(fields: "id")')
export class ReviewEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  productId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;

  @Property({ type: 'string' })
  @Field()
  title!: string;

  @Property({ type: 'text' })
  @Field()
  body!: string;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'References (URLs) of photos the customer attached.' })
  media: string[] = [];

  @Enum({ items: () => ReviewStatus, type: 'string' })
  @Field(() => ReviewStatus)
  status!: ReviewStatus;

  /** Why the filter held it, for staff; null when it passed. */
  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the filter held it for moderation (a link, a blocked word); null when it passed.' })
  heldFor: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  helpfulCount = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Abuse reports from customers.' })
  reportCount = 0;

  @Property({ type: 'text', nullable: true })
  replyBody: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  repliedAt: Date | null = null;

  /** Compare-and-set guard of every change (review.ledger.ts). */
  @Property({ type: 'integer' })
  version = 1;

  @Property({ type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Property({ type: 'datetime' })
  @Field()
  updatedAt!: Date;

  @Field(() => ProductRef)
  get product(): ProductRef {
    return ProductRef.of(this.productId);
  }

  @Field(() => Boolean, { description: 'Always true: only customers whose order of the product was delivered may review it.' })
  get verifiedPurchase(): boolean {
    return true;
  }

  @Field(() => ReviewReply, { nullable: true })
  get reply(): ReviewReply | null {
    return this.replyBody !== null && this.repliedAt !== null ? Object.assign(new ReviewReply(), { body: this.replyBody, at: this.repliedAt }) : null;
  }
}

/** One customer's mark on one review (a vote, a report): the unique key keeps it to one per customer. */
@Unique({ properties: ['reviewId', 'customerId'] })
abstract class CustomerMarkEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  reviewId!: string;

  @Property({ type: 'string' })
  customerId!: string;
}

/** A customer's "helpful" vote. */
@Entity({ tableName: 'review_votes' })
export class HelpfulVoteEntity extends CustomerMarkEntity {}

/** A customer's abuse report. */
@Entity({ tableName: 'review_reports' })
export class ReviewReportEntity extends CustomerMarkEntity {
  @Property({ type: 'string' })
  reason!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
