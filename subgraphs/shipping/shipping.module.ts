import type { SubgraphModule } from '../../platform/subgraph';
import type { ShippingServices } from './shipping.services';
import { ShippingMethodEntity, ShippingZoneEntity } from './zone.entity';
import { ZoneResolver } from './zone.resolver';
import { ZoneService } from './zone.service';

export const shipping: SubgraphModule<ShippingServices> = {
  name: 'shipping',
  entities: [ShippingZoneEntity, ShippingMethodEntity],
  resolvers: [ZoneResolver],
  createServices: (deps) => ({ zones: new ZoneService(deps) }),
  seed: async (services, deps) => {
    if (deps.config.seedDemo) await services.zones.seedDemo();
  },
};
