import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { RequestContext } from '../../platform/context';
import { badInput, conflict, notFound } from '../../platform/errors';
import { Money } from '../../platform/graphql-types';
import type { SubgraphDeps } from '../../platform/subgraph';
import { CartLineEntity } from './cart.entity';
import { addedQuantity, checkCartLine, checkCartRoom } from './cart.rules';
import { CartLineView, CartPricingBasis, CartPricingLine, CartView } from './cart.view';
import { sellableVariant } from './catalog.client';
import type { CatalogVariants } from './catalog.copy';
import type { InventoryClient } from './inventory.client';
import { stockIdOf, type OrderEntity } from './order.entity';
import { checkProductId, customerIdOf } from './order.rules';
import { ProductRef } from './product.stub';
import { ProductVariantRef } from './variant.stub';
import type { ShippingClient } from './shipping.client';
import { CartShippingEntity, ShippingOptionView } from './shipping.entity';
import type { ShippingAddressInput } from './shipping.inputs';
import { checkAddress, checkMethodId, noShippingToAddress, parcelWeight, shippingMethodUnavailable } from './shipping.rules';

/** Re-reads when a concurrent change to the same line got there first. */
const WRITE_ATTEMPTS = 5;

/**
 * The logged-in customer's cart: one line per product, at most
 * MAX_CART_LINES lines of at most MAX_LINE_QUANTITY units (cart.rules.ts).
 * Every read prices it from the catalog and checks stock in inventory (one
 * call each, whatever the number of lines).
 */
export class CartService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly catalog: CatalogVariants,
    private readonly inventory: InventoryClient,
    private readonly shipping: ShippingClient,
  ) {}

  async view(ctx: RequestContext): Promise<CartView> {
    const [lines, shipping] = await Promise.all([this.lines(ctx), this.shippingOf(ctx)]);
    const shippingFields = { shippingAddress: shipping?.address ?? null, chosenMethodId: shipping?.methodId ?? null, parcel: null };
    const id = customerIdOf(ctx);
    if (lines.length === 0) return Object.assign(new CartView(), { id, lines: [], total: null, ...shippingFields });
    // A cart line's id is its variant's (cart.entity.ts).
    const ids = lines.map((line) => line.productId);
    const [variants, stock] = await Promise.all([this.catalog.variants(ids), this.inventory.available(ids)]);
    // A variant the catalog no longer knows cannot be priced; it stays in storage until removed.
    const views = lines.flatMap((line) => {
      const variant = variants.get(line.productId);
      if (!variant) return [];
      const { amount, currency } = variant.price;
      return [
        Object.assign(new CartLineView(), {
          product: ProductRef.of(variant.product.id),
          variant: ProductVariantRef.of(variant.id),
          quantity: line.quantity,
          unitPrice: Money.of(amount, currency),
          lineTotal: Money.of(amount * line.quantity, currency),
          available: variant.product.status === 'ACTIVE' && variant.status === 'ACTIVE' && (stock.get(line.productId) ?? 0) >= line.quantity,
        }),
      ];
    });
    const currencies = new Set(views.map((v) => v.unitPrice.currency));
    const total = currencies.size === 1 ? Money.of(views.reduce((sum, v) => sum + v.lineTotal.amount, 0), views[0].unitPrice.currency) : null;
    const address = shipping?.address ?? null;
    const weightGrams = parcelWeight(views.map((v) => ({ quantity: v.quantity, weightGrams: variants.get(v.variant.id)?.product.weightGrams ?? null })));
    const parcel = address && total ? { country: address.country, region: address.region, currency: total.currency, subtotal: total.amount, weightGrams } : null;
    return Object.assign(new CartView(), { id, lines: views, total, ...shippingFields, parcel });
  }

  /**
   * What pricing prices the customer's cart from (cartPricingBasis): its
   * lines at the catalog's prices now, the chosen method's price for it, and
   * where it ships. Read as the customer would, with the caller's request.
   */
  async pricingBasis(ctx: RequestContext, customerId: string): Promise<CartPricingBasis> {
    const cart = await this.view({ ...ctx, caller: { userId: customerId, roles: ['CUSTOMER'], sessionId: null } });
    const method = await this.shippingMethod(cart);
    return Object.assign(new CartPricingBasis(), {
      customerId,
      currency: cart.total?.currency ?? null,
      shipping: method?.price.amount ?? null,
      country: cart.shippingAddress?.country ?? null,
      region: cart.shippingAddress?.region ?? null,
      lines: cart.lines.map((l) => Object.assign(new CartPricingLine(), { productId: l.product.id, variantId: l.variant.id, quantity: l.quantity, unitPrice: l.unitPrice.amount })),
    });
  }

  /** The ways to ship the cart, cheapest first: none without an address, or outside every zone. One call to shipping per cart answer. */
  shippingOptions(cart: CartView): Promise<ShippingOptionView[]> {
    const { parcel } = cart;
    if (!parcel) return Promise.resolve([]);
    cart.options ??= this.shipping.quote(parcel).then((quotes) =>
      quotes.map((q) =>
        Object.assign(new ShippingOptionView(), { methodId: q.methodId, name: q.name, kind: q.kind, price: Money.of(q.amount, q.currency), minDays: q.minDays, maxDays: q.maxDays, pickupLocation: q.pickupLocation }),
      ),
    );
    return cart.options;
  }

  /** The chosen method as priced now; null when none is chosen or it is no longer offered for this cart. */
  async shippingMethod(cart: CartView): Promise<ShippingOptionView | null> {
    if (!cart.chosenMethodId) return null;
    return (await this.shippingOptions(cart)).find((o) => o.methodId === cart.chosenMethodId) ?? null;
  }

  /** Sets where the cart ships; a method chosen before stays chosen (placement checks it is still offered). */
  async setShippingAddress(ctx: RequestContext, input: ShippingAddressInput): Promise<CartView> {
    const customerId = customerIdOf(ctx);
    const address = checkAddress(input);
    await this.saveShipping(customerId, { address });
    return this.view(ctx);
  }

  /** Chooses one of the cart's shipping options; SHIPPING_METHOD_UNAVAILABLE for any other. */
  async chooseShippingMethod(ctx: RequestContext, methodId: string): Promise<CartView> {
    const customerId = customerIdOf(ctx);
    const id = checkMethodId(methodId);
    const cart = await this.view(ctx);
    if (!cart.shippingAddress) throw badInput('Set the shipping address first (setCartShippingAddress): options depend on it', 'methodId');
    const options = await this.shippingOptions(cart);
    if (options.length === 0 && cart.parcel) throw noShippingToAddress(cart.shippingAddress.country, 'methodId');
    if (!options.some((o) => o.methodId === id)) throw shippingMethodUnavailable(id, 'methodId');
    await this.saveShipping(customerId, { methodId: id });
    return Object.assign(cart, { chosenMethodId: id });
  }

  /** The caller's cart shipping row, fresh; null before an address was set. */
  shippingOf(ctx: RequestContext): Promise<CartShippingEntity | null> {
    const customerId = customerIdOf(ctx);
    return this.deps.db.read((em) => em.findOne(CartShippingEntity, { customerId }));
  }

  /** Upserts the customer's row: a concurrent first write of the same row is retried as an update. */
  private async saveShipping(customerId: string, changes: Partial<Pick<CartShippingEntity, 'address' | 'methodId'>>): Promise<void> {
    await this.write(async (em) => {
      const row = await em.findOne(CartShippingEntity, { customerId });
      const now = this.deps.clock.now();
      if (row) Object.assign(row, changes, { updatedAt: now });
      else em.persist(Object.assign(new CartShippingEntity(), { customerId, ...changes, updatedAt: now }));
      await em.flush();
      return true;
    });
  }

  /**
   * Adds units of a variant on sale (to its line, if there is one): named by
   * `variantId`, or by `productId` alone for a product sold as one variant
   * (VARIANT_REQUIRED for a product with several).
   */
  async add(ctx: RequestContext, productId: string | null, variantId: string | null, quantity: number): Promise<CartView> {
    const customerId = customerIdOf(ctx);
    const field = variantId !== null ? 'variantId' : 'productId';
    const asked = checkCartLine(variantId ?? productId ?? '', quantity, field);
    const product = variantId !== null && productId !== null ? checkProductId(productId) : variantId !== null ? null : asked;
    const chosen = sellableVariant(await this.catalog.variants([asked]), { productId: product, variantId: variantId !== null ? asked : null }, field);
    const id = chosen.variant.id;
    await this.write(async (em) => {
      const line = await em.findOne(CartLineEntity, { customerId, productId: id });
      if (line) return this.setQuantity(em, line, addedQuantity(line.quantity, quantity));
      checkCartRoom(await em.count(CartLineEntity, { customerId }));
      const now = this.deps.clock.now();
      em.persist(Object.assign(new CartLineEntity(), { customerId, productId: id, quantity, addedAt: now, updatedAt: now }));
      await em.flush();
      return true;
    });
    return this.view(ctx);
  }

  /** Sets a line's quantity; NOT_FOUND when the variant (a product's id: its default variant) is not in the cart. */
  async update(ctx: RequestContext, productId: string, quantity: number): Promise<CartView> {
    const customerId = customerIdOf(ctx);
    const id = checkCartLine(productId, quantity);
    await this.write(async (em) => {
      const line = await em.findOne(CartLineEntity, { customerId, productId: id });
      if (!line) throw notFound('Cart line for product', id);
      return this.setQuantity(em, line, quantity);
    });
    return this.view(ctx);
  }

  /** Idempotent: removing a product that is not in the cart changes nothing. */
  async remove(ctx: RequestContext, productId: string): Promise<CartView> {
    const customerId = customerIdOf(ctx);
    const id = checkProductId(productId);
    await this.deps.db.write((em) => em.nativeDelete(CartLineEntity, { customerId, productId: id }));
    return this.view(ctx);
  }

  async clear(ctx: RequestContext): Promise<CartView> {
    const customerId = customerIdOf(ctx);
    await this.deps.db.write((em) => em.nativeDelete(CartLineEntity, { customerId }));
    return this.view(ctx);
  }

  /** The caller's cart lines, oldest first; read fresh, as the cart is answered right after the caller's change to it. */
  lines(ctx: RequestContext): Promise<CartLineEntity[]> {
    const customerId = customerIdOf(ctx);
    return this.deps.db.read((em) => em.find(CartLineEntity, { customerId }, { orderBy: { addedAt: 'asc', id: 'asc' } }));
  }

  /**
   * Joins the unit of work that places an order (placement.saga.ts): the
   * cart lines it was placed from leave the cart. A line changed meanwhile
   * (other quantity) stays.
   */
  async removeOrdered(em: EntityManager, order: OrderEntity): Promise<void> {
    await em.nativeDelete(CartLineEntity, {
      customerId: order.customerId,
      $or: order.lines.map((line) => ({ productId: stockIdOf(line), quantity: line.quantity })),
    });
  }

  /** Compare-and-set on the quantity read; false when another change got there first. */
  private async setQuantity(em: EntityManager, line: CartLineEntity, quantity: number): Promise<boolean> {
    const written = await em.nativeUpdate(CartLineEntity, { id: line.id, quantity: line.quantity }, { quantity, updatedAt: this.deps.clock.now() });
    return written === 1;
  }

  /** Runs `step` in a fresh unit of work until it applies (true); a concurrent insert of the same line means read again. */
  private async write(step: (em: EntityManager) => Promise<boolean>): Promise<void> {
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
      try {
        if (await this.deps.db.write(step)) return;
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    throw conflict('The cart is changing too often to apply this now; try again', { retryable: true });
  }
}
