import type { ZoneService } from './zone.service';

/** What the shipping resolvers and background tasks are given (shipping.module.ts builds it). */
export interface ShippingServices {
  readonly zones: ZoneService;
}
