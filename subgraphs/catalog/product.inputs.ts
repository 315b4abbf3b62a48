import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { ProductStatus } from './product.entity';

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name, SKU or description.' })
  @MaxLength(100)
  search?: string | null;

  @Field(() => ProductStatus, { nullable: true })
  status?: ProductStatus | null;
}
