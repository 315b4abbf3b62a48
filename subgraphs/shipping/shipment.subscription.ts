import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { servedByGateway } from '../../platform/subscriptions';
import { ShipmentEntity } from './shipment.entity';

@Resolver()
export class ShipmentSubscriptionResolver {
  @Subscription(() => ShipmentEntity, {
    subscribe: servedByGateway,
    description:
      "The order's most recently changed shipment now, then again whenever a label is bought or tracking arrives for any of its shipments. Owner, AGENT or ADMIN (NOT_FOUND for anyone else, and before the order's first shipment). Served by the gateway over graphql-ws.",
  })
  shipmentTracking(@Root() shipment: ShipmentEntity, @Arg('orderId', () => ID) _orderId: string): ShipmentEntity {
    return shipment;
  }
}
