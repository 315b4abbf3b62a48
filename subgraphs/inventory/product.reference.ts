import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { StockService } from './stock.service';

/** Inventory's view of a catalog Product: only the key, to attach `stock`. */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}

export function inventoryReferences(stock: StockService): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }) => Object.assign(new ProductRef(), { id: reference.id }),
    },
    StockLevel: {
      __resolveReference: (reference: { productId: string }, ctx: RequestContext) => stock.forProduct(ctx, reference.productId),
    },
  };
}
