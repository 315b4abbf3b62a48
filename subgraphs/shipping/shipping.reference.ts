import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { RequestContext } from '../../platform/context';
import { OrderRef } from './order.stub';
import type { ShipmentService } from './shipment.service';

/** The Order shipping adds fields to, by key; a Shipment (node(id)) for its customer and staff only. */
export function shippingReferences(shipments: ShipmentService): GraphQLResolverMap<RequestContext> {
  return {
    Order: {
      __resolveReference: (reference: { id: string }) => Object.assign(new OrderRef(), { id: reference.id }),
    },
    Shipment: {
      __resolveReference: (reference: { id: string }, ctx: RequestContext) => shipments.get(ctx, reference.id),
    },
  };
}
