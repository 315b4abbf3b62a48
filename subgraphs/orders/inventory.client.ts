import type { InternalClient } from '../../platform/internal-client';
import {
  COMMIT_RESERVATION,
  RELEASE_RESERVATION,
  RESERVE_STOCK,
  RETURN_RESERVATION,
  type CommitReservationData,
  type ReleaseReservationData,
  type ReservationLine,
  type ReservationResult,
  type ReserveStockData,
  type ReturnReservationData,
} from '../../contracts/inventory-api';
import { callPeer } from './peer.calls';

// Each variant's own levels: a product's id names its default variant, not the product's sum.
const AVAILABILITY = `query OrderStockLevels($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ProductVariant { id stock { available } } }
}`;

/**
 * Inventory's reservation operations (contracts/inventory-api.ts) and stock
 * levels, as orders calls them. Each operation is idempotent by order id and
 * tried again while another call for the same order is running there.
 */
export class InventoryClient {
  constructor(private readonly internal: InternalClient) {}

  async reserve(orderId: string, lines: readonly ReservationLine[]): Promise<ReservationResult> {
    return (await callPeer<ReserveStockData>(this.internal, 'inventory', RESERVE_STOCK, { orderId, lines })).reserveStock;
  }

  async commit(orderId: string): Promise<ReservationResult> {
    return (await callPeer<CommitReservationData>(this.internal, 'inventory', COMMIT_RESERVATION, { orderId })).commitReservation;
  }

  async release(orderId: string, reason: string): Promise<ReservationResult> {
    return (await callPeer<ReleaseReservationData>(this.internal, 'inventory', RELEASE_RESERVATION, { orderId, reason })).releaseReservation;
  }

  /** The sold units of the order back on hand (it will not ship). */
  async returnSold(orderId: string, reason: string): Promise<ReservationResult> {
    return (await callPeer<ReturnReservationData>(this.internal, 'inventory', RETURN_RESERVATION, { orderId, reason })).returnReservation;
  }

  /** Units available now per variant (0 for variants inventory never stocked), in one call. */
  async available(variantIds: readonly string[]): Promise<Map<string, number>> {
    if (variantIds.length === 0) return new Map();
    const data = await this.internal.request<{ _entities: Array<{ id: string; stock: { available: number } | null } | null> }>('inventory', AVAILABILITY, {
      representations: [...new Set(variantIds)].map((id) => ({ __typename: 'ProductVariant', id })),
    });
    return new Map(data._entities.flatMap((variant) => (variant?.stock ? [[variant.id, variant.stock.available] as const] : [])));
  }
}
