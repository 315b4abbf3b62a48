import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { OrderRef } from './order.stub';
import type { PaymentService } from './payment.service';

export function paymentReferences(payments: PaymentService): GraphQLResolverMap<RequestContext> {
  return {
    Payment: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => payments.load(ctx, reference.id),
    },
    Order: {
      // With the fields Order.payment requires, when the gateway sends them.
      __resolveReference: ({ id, status, total, customer }: OrderRef) => Object.assign(new OrderRef(), { id, status, total, customer }),
    },
  };
}
