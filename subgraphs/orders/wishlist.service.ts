import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../../platform/context';
import type { SubgraphDeps } from '../../platform/subgraph';
import { checkWishlistRoom } from './cart.rules';
import { onSale, type CatalogClient } from './catalog.client';
import { checkProductId, customerIdOf } from './order.rules';
import { WishlistItemEntity } from './wishlist.entity';

/** The logged-in customer's wishlist: products on sale, each once, at most MAX_WISHLIST_ITEMS (cart.rules.ts). */
export class WishlistService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly catalog: CatalogClient,
  ) {}

  /** Newest first; read fresh, as the list is answered right after the caller's change to it. */
  list(ctx: RequestContext): Promise<WishlistItemEntity[]> {
    const customerId = customerIdOf(ctx);
    return this.deps.db.read((em) => em.find(WishlistItemEntity, { customerId }, { orderBy: { addedAt: 'desc', id: 'desc' } }));
  }

  /** Idempotent: a product already on the list stays as it is. */
  async add(ctx: RequestContext, productId: string): Promise<WishlistItemEntity[]> {
    const customerId = customerIdOf(ctx);
    const id = checkProductId(productId);
    onSale((await this.catalog.products([id])).get(id), id, 'productId');
    try {
      await this.deps.db.write(async (em) => {
        if (await em.findOne(WishlistItemEntity, { customerId, productId: id })) return;
        checkWishlistRoom(await em.count(WishlistItemEntity, { customerId }));
        em.persist(Object.assign(new WishlistItemEntity(), { customerId, productId: id, addedAt: this.deps.clock.now() }));
      });
    } catch (error) {
      // The same product added by a concurrent call: it is on the list, as asked.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return this.list(ctx);
  }

  /** Idempotent: removing a product that is not on the list changes nothing. */
  async remove(ctx: RequestContext, productId: string): Promise<WishlistItemEntity[]> {
    const customerId = customerIdOf(ctx);
    const id = checkProductId(productId);
    await this.deps.db.write((em) => em.nativeDelete(WishlistItemEntity, { customerId, productId: id }));
    return this.list(ctx);
  }
}
