import type { SubgraphModule } from '../../platform/subgraph';
import { EasyPostCarrier } from './carrier.easypost';
import type { Carrier } from './carrier.port';
import { SimulatedCarrier } from './carrier.simulated';
import { carrierWebhookRoute } from './carrier-webhook.route';
import { CatalogClient } from './catalog.client';
import { OrdersClient } from './orders.client';
import { ShipmentEntity } from './shipment.entity';
import { ShipmentResolver } from './shipment.resolver';
import { ShipmentService } from './shipment.service';
import { ShipmentSubscriptionResolver } from './shipment.subscription';
import type { ShippingServices } from './shipping.services';
import { ShippingMethodEntity, ShippingZoneEntity } from './zone.entity';
import { ZoneResolver } from './zone.resolver';
import { ZoneService } from './zone.service';

export const shipping: SubgraphModule<ShippingServices> = {
  name: 'shipping',
  entities: [ShippingZoneEntity, ShippingMethodEntity, ShipmentEntity],
  resolvers: [ZoneResolver, ShipmentResolver, ShipmentSubscriptionResolver],
  createServices: (deps) => {
    const settings = deps.config.shipping;
    // The simulator serves whenever it is not production, so staff can test a flow beside a real carrier.
    const simulated = settings.carrier === 'simulated' || deps.config.env !== 'production' ? new SimulatedCarrier(deps.clock, settings.simulatedWebhookSecret) : null;
    const carriers = new Map<string, Carrier>();
    if (simulated) carriers.set(simulated.name, simulated);
    if (settings.easypost) carriers.set('easypost', new EasyPostCarrier({ ...settings.easypost, timeoutMs: deps.config.gateway.subgraphTimeoutMs }));
    const shipments = new ShipmentService(deps, carriers, settings.carrier, new OrdersClient(deps.internal), new CatalogClient(deps.internal));
    return { zones: new ZoneService(deps), shipments, simulated };
  },
  seed: async (services, deps) => {
    if (deps.config.seedDemo) await services.zones.seedDemo();
  },
  routes: (services) => [carrierWebhookRoute(services.shipments)],
  // Labels the carrier could not sell are retried; carriers without webhooks are polled.
  background: async (services) => [services.shipments.startRetrying()],
};
