import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import type { PaymentService } from './payment.service';

/** The orders subgraph's Order; payments contributes `Order.payment`. */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderRef {
  @Field(() => ID)
  id!: string;
}

export function paymentReferences(payments: PaymentService): GraphQLResolverMap<RequestContext> {
  return {
    Payment: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => payments.load(ctx, reference.id),
    },
    Order: {
      __resolveReference: (reference: { id: string }) => Object.assign(new OrderRef(), { id: reference.id }),
    },
  };
}
