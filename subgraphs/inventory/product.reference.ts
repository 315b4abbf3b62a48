import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { ProductRef } from './product.stub';
import type { StockService } from './stock.service';
import { ProductVariantRef } from './variant.stub';

export function inventoryReferences(stock: StockService): GraphQLResolverMap<RequestContext> {
  return {
    Product: {
      __resolveReference: (reference: { id: string }) => Object.assign(new ProductRef(), { id: reference.id }),
    },
    ProductVariant: {
      __resolveReference: (reference: { id: string }) => Object.assign(new ProductVariantRef(), { id: reference.id }),
    },
    StockLevel: {
      __resolveReference: (reference: { productId: string }, ctx: RequestContext) => stock.forProduct(ctx, reference.productId),
    },
  };
}
