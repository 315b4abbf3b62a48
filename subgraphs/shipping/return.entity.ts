import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';
import { ShipmentLine } from './shipment.entity';

export enum ReturnStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  RECEIVED = 'RECEIVED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(ReturnStatus, {
  name: 'ReturnStatus',
  valuesConfig: {
    APPROVED: {
      description: 'Staff agreed; the return label is bought (returnTrackingNumber), or retried by approving again.',
    },
    RECEIVED: {
      description: 'The parcel is back (restocked or not); the refund is under way.',
    },
    REFUNDED: {
      description: 'The refund (refundedAmount, possibly 0 or partial) went through payments.',
    },
  },
});

@ObjectType('ReturnStep', {
  description: 'One step of a return, as it happened.',
})
export class ReturnStepEntry {
  @Field(() => ReturnStatus)
  status!: ReturnStatus;

  @Field()
  at!: Date;

  @Field({ description: 'The user who took the step.' })
  actor!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@Entity({ tableName: 'return_requests' })
@ObjectType('ReturnRequest')
export class ReturnRequestEntity {
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

  @Property({ type: 'text' })
  @Field()
  reason!: string;

  @Enum({ items: () => ReturnStatus, type: 'string' })
  @Field(() => ReturnStatus)
  status: ReturnStatus = ReturnStatus.REQUESTED;

  /** What the returned units were paid (minor units): the most the refund may be. */
  @Property({ type: 'integer' })
  @Field(() => Int)
  value!: number;

  @Property({ type: 'string' })
  @Field()
  currency!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  carrier: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The return label's tracking number, once bought.",
  })
  returnTrackingNumber: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Where the customer follows the parcel back.',
  })
  returnTrackingUrl: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'PDF or ZPL.' })
  labelFormat: string | null = null;

  /** ZPL text or base64 PDF, for the customer to print. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The return label: ZPL text or a base64 PDF; null until bought or when the carrier gives only a URL.',
  })
  labelContent: string | null = null;

  /** The carrier's purchase, recorded before its label is bought: every retry buys this one, never a second label. */
  @Property({ type: 'string', nullable: true })
  labelPurchaseId: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Set when received: whether the units went back on hand.',
  })
  restock: boolean | null = null;

  /** Chosen when received; null before. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'The refund chosen when received (minor units), up to value.',
  })
  refundAmount: number | null = null;

  @Property({ type: 'json' })
  @Field(() => [ReturnStepEntry], { description: 'Oldest first.' })
  history: ReturnStepEntry[] = [];

  @Property({ type: 'integer' })
  @Field(() => Int)
  version = 1;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  @Field()
  updatedAt: Date = new Date();
}
