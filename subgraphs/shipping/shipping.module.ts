import type { SubgraphModule } from '../../platform/subgraph';
import { EasyPostCarrier } from './carrier.easypost';
import type { Carrier } from './carrier.port';
import { SimulatedCarrier } from './carrier.simulated';
import { carrierWebhookRoute } from './carrier-webhook.route';
import { CatalogClient } from './catalog.client';
import { OrderShippingResolver } from './order.resolver';
import { OrderRef } from './order.stub';
import { OrdersClient } from './orders.client';
import { ReturnPeersClient } from './peers.client';
import { ReturnRequestEntity } from './return.entity';
import { ReturnResolver } from './return.resolver';
import { ReturnService } from './return.service';
import { ShipmentEntity } from './shipment.entity';
import { ShipmentLineResolver, ShipmentResolver } from './shipment.resolver';
import { ShipmentService } from './shipment.service';
import { ShipmentSubscriptionResolver } from './shipment.subscription';
import { shippingReferences } from './shipping.reference';
import type { ShippingServices } from './shipping.services';
import { ShippingMethodEntity, ShippingZoneEntity } from './zone.entity';
import { ZoneResolver } from './zone.resolver';
import { ZoneService } from './zone.service';

export const shipping: SubgraphModule<ShippingServices> = {
  name: 'shipping',
  entities: [ShippingZoneEntity, ShippingMethodEntity, ShipmentEntity, ReturnRequestEntity],
  resolvers: [ZoneResolver, ShipmentResolver, ShipmentLineResolver, ShipmentSubscriptionResolver, ReturnResolver, OrderShippingResolver],
  // Reachable only through entity references, so type-graphql must be told to emit it.
  orphanedTypes: [OrderRef],
  createServices: (deps) => {
    const settings = deps.config.shipping;
    // The simulator serves whenever it is not production, so staff can test a flow beside a real carrier.
    const simulated = settings.carrier === 'simulated' || deps.config.env !== 'production' ? new SimulatedCarrier(deps.clock, settings.simulatedWebhookSecret) : null;
    const carriers = new Map<string, Carrier>();
    if (simulated) carriers.set(simulated.name, simulated);
    if (settings.easypost) carriers.set('easypost', new EasyPostCarrier({ ...settings.easypost, timeoutMs: deps.config.gateway.subgraphTimeoutMs }));
    const orders = new OrdersClient(deps.internal);
    const catalog = new CatalogClient(deps.internal);
    const shipments = new ShipmentService(deps, carriers, settings.carrier, orders, catalog);
    const returns = new ReturnService(deps, carriers, settings.carrier, orders, catalog, new ReturnPeersClient(deps.internal));
    return { zones: new ZoneService(deps), shipments, returns, simulated };
  },
  seed: async (services, deps) => {
    if (deps.config.seedDemo) await services.zones.seedDemo();
  },
  referenceResolvers: (services) => shippingReferences(services.shipments),
  routes: (services) => [carrierWebhookRoute(services.shipments)],
  // Labels (of shipments and returns) the carrier could not sell are retried; carriers without webhooks are polled.
  background: async (services) => [services.shipments.startRetrying(), services.returns.startRetrying()],
};
