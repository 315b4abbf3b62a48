import type { SimulatedCarrier } from './carrier.simulated';
import type { ReturnService } from './return.service';
import type { ShipmentService } from './shipment.service';
import type { ZoneService } from './zone.service';

/** What the shipping resolvers and background tasks are given (shipping.module.ts builds it). */
export interface ShippingServices {
  readonly zones: ZoneService;
  readonly shipments: ShipmentService;
  readonly returns: ReturnService;
  /** The simulated carrier when it is in use: development and tests drive its parcels (`advance`). */
  readonly simulated: SimulatedCarrier | null;
}
