import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Every given condition must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Product, Category, StockLevel or Reservation.' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. product.updated or stock.adjusted.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'catalog or inventory.' })
  service?: string | null;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Changes before this time.' })
  to?: Date | null;
}
