import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new warehouse. Code upper case and unique; country an ISO 3166-1 alpha-2 code.' })
export class CreateWarehouseInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  country!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field()
  city!: string;

  @Field(() => Int, { defaultValue: 0, description: 'Reservations take from higher priorities first.' })
  priority!: number;

  @Field({ defaultValue: true })
  active!: boolean;
}

@InputType({ description: 'The fields to change; absent ones stay as they are (a blank region clears it).' })
export class UpdateWarehouseInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => Int, { nullable: true })
  priority?: number | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType({ description: 'Units to move between two warehouses; only units available at the source (not reserved) can move.' })
export class TransferStockInput {
  @Field(() => ID)
  fromWarehouseId!: string;

  @Field(() => ID)
  toWarehouseId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field()
  reason!: string;

  @Field({ description: 'Up to 100 characters, one per transfer you mean: the same key again from the same caller answers the first transfer and moves nothing; the same key for another transfer is a CONFLICT.' })
  idempotencyKey!: string;
}
