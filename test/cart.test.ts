import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { CartLineEntity } from '../subgraphs/orders/cart.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { orderTools } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';

const CartFields = graphql(`
  fragment CartFields on Cart {
    lines { product { id name stock { available } } quantity unitPrice { amount currency } lineTotal { amount } available }
    total { amount currency }
  }
`);

const ReadCart = graphql(`
  query CartRead {
    cart { ...CartFields }
  }
`);

const AddToCart = graphql(`
  mutation CartAdd($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) { ...CartFields }
  }
`);

const UpdateCartLine = graphql(`
  mutation CartUpdateLine($productId: ID!, $quantity: Int!) {
    updateCartLine(productId: $productId, quantity: $quantity) { ...CartFields }
  }
`);

const RemoveFromCart = graphql(`
  mutation CartRemove($productId: ID!) {
    removeFromCart(productId: $productId) { ...CartFields }
  }
`);

const ClearCart = graphql(`
  mutation CartClear {
    clearCart { ...CartFields }
  }
`);

const PlaceOrderFromCart = graphql(`
  mutation CartPlaceOrder($idempotencyKey: String) {
    placeOrderFromCart(idempotencyKey: $idempotencyKey) { id status total { amount } lines { quantity product { id } } }
  }
`);

const UpdatePrice = graphql(`
  mutation CartUpdatePrice($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) { id }
  }
`);

const Wishlist = graphql(`
  query CartWishlist {
    wishlist { addedAt product { id name } }
  }
`);

const AddToWishlist = graphql(`
  mutation CartAddToWishlist($productId: ID!) {
    addToWishlist(productId: $productId) { product { id } }
  }
`);

const RemoveFromWishlist = graphql(`
  mutation CartRemoveFromWishlist($productId: ID!) {
    removeFromWishlist(productId: $productId) { product { id } }
  }
`);

/** A cart as [product id, quantity] pairs. */
const quantities = (cart: ResultOf<typeof CartFields>) => cart.lines.map((line) => [line.product.id, line.quantity]);

describe('cart and wishlist', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const customerToken = () => t.token(`customer-${randomUUID()}`);

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t.stop());

  describe('the cart', () => {
    it('is priced from the catalog and checked against stock whenever it is read', async () => {
      const mug = await tools.product({ priceAmount: 1200, onHand: 3 });
      const tee = await tools.product({ priceAmount: 2500, onHand: 1 });
      const token = await customerToken();
      expect((await execute(t.url, ReadCart, undefined, { token })).data!.cart).toEqual({ lines: [], total: null });

      await execute(t.url, AddToCart, { productId: mug, quantity: 1 }, { token });
      await execute(t.url, AddToCart, { productId: tee, quantity: 2 }, { token });
      const cart = (await execute(t.url, AddToCart, { productId: mug, quantity: 1 }, { token })).data!.addToCart;
      expect(cart).toEqual({
        lines: [
          { product: { id: mug, name: 'Orderable', stock: { available: 3 } }, quantity: 2, unitPrice: { amount: 1200, currency: 'EUR' }, lineTotal: { amount: 2400 }, available: true },
          { product: { id: tee, name: 'Orderable', stock: { available: 1 } }, quantity: 2, unitPrice: { amount: 2500, currency: 'EUR' }, lineTotal: { amount: 5000 }, available: false },
        ],
        total: { amount: 7400, currency: 'EUR' },
      });

      await execute(t.url, UpdatePrice, { id: mug, input: { priceAmount: 1500 } }, { token: await tools.agent() });
      const repriced = (await execute(t.url, ReadCart, undefined, { token })).data!.cart;
      expect(repriced.lines[0]).toMatchObject({ unitPrice: { amount: 1500 }, lineTotal: { amount: 3000 } });
      expect(repriced.total).toEqual({ amount: 8000, currency: 'EUR' });
    });

    it('changes a quantity, removes a line and clears the cart', async () => {
      const [a, b] = [await tools.product(), await tools.product()];
      const token = await customerToken();
      await execute(t.url, AddToCart, { productId: a, quantity: 1 }, { token });
      await execute(t.url, AddToCart, { productId: b, quantity: 1 }, { token });
      const updated = (await execute(t.url, UpdateCartLine, { productId: a, quantity: 7 }, { token })).data!.updateCartLine;
      expect(quantities(updated)).toEqual([
        [a, 7],
        [b, 1],
      ]);
      const removed = (await execute(t.url, RemoveFromCart, { productId: a }, { token })).data!.removeFromCart;
      expect(removed.lines.map((l) => l.product.id)).toEqual([b]);
      // Removing what is not there is harmless.
      expect((await execute(t.url, RemoveFromCart, { productId: a }, { token })).data!.removeFromCart.lines).toHaveLength(1);
      expect((await execute(t.url, ClearCart, undefined, { token })).data!.clearCart).toEqual({ lines: [], total: null });
    });

    it('refuses unknown and archived products, bad quantities and a 51st product, changing nothing', async () => {
      const [product, archived] = [await tools.product(), await tools.product({ status: 'ARCHIVED' })];
      const token = await customerToken();
      await execute(t.url, AddToCart, { productId: product, quantity: 99 }, { token });
      const refusals = [
        [await execute(t.url, AddToCart, { productId: 'no-such-product', quantity: 1 }, { token }), 'NOT_FOUND', 'productId'],
        [await execute(t.url, AddToCart, { productId: archived, quantity: 1 }, { token }), 'BAD_USER_INPUT', 'productId'],
        [await execute(t.url, AddToCart, { productId: product, quantity: 0 }, { token }), 'BAD_USER_INPUT', 'quantity'],
        [await execute(t.url, AddToCart, { productId: product, quantity: 2 }, { token }), 'BAD_USER_INPUT', 'quantity'],
        [await execute(t.url, UpdateCartLine, { productId: product, quantity: 101 }, { token }), 'BAD_USER_INPUT', 'quantity'],
        [await execute(t.url, UpdateCartLine, { productId: archived, quantity: 1 }, { token }), 'NOT_FOUND', undefined],
      ] as const;
      for (const [result, code, field] of refusals) {
        expect(codesOf(result)).toEqual([code]);
        if (field) expect(result.errors![0].extensions?.field).toBe(field);
      }
      expect(quantities((await execute(t.url, ReadCart, undefined, { token })).data!.cart)).toEqual([[product, 99]]);

      // A full cart (50 products, stored directly for speed) takes no 51st.
      const customerId = `customer-${randomUUID()}`;
      const em = t.stack.subgraphs.orders.orm.em.fork();
      for (let i = 0; i < 50; i += 1) {
        em.persist(Object.assign(new CartLineEntity(), { customerId, productId: `filler-${i}`, quantity: 1, addedAt: new Date(), updatedAt: new Date() }));
      }
      await em.flush();
      const full = await execute(t.url, AddToCart, { productId: product, quantity: 1 }, { token: await t.token(customerId) });
      expect(full.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CART_FULL' });
    });

    it('asks anonymous callers to log in', async () => {
      expect(codesOf(await execute(t.url, ReadCart))).toEqual(['UNAUTHENTICATED']);
      expect(codesOf(await execute(t.url, AddToCart, { productId: 'any', quantity: 1 }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('ordering from the cart', () => {
    it('places an order from the cart at catalog prices and empties it; the same key again answers the same order', async () => {
      const [mug, tee] = [await tools.product({ priceAmount: 1200 }), await tools.product({ priceAmount: 2500 })];
      const customer = `customer-${randomUUID()}`;
      const token = await t.token(customer);
      await execute(t.url, AddToCart, { productId: mug, quantity: 2 }, { token });
      await execute(t.url, AddToCart, { productId: tee, quantity: 1 }, { token });
      const key = randomUUID();
      const placed = await execute(t.url, PlaceOrderFromCart, { idempotencyKey: key }, { token });
      expect(placed.errors).toBeUndefined();
      expect(placed.data!.placeOrderFromCart).toMatchObject({ status: 'AWAITING_PAYMENT', total: { amount: 4900 } });
      expect(placed.data!.placeOrderFromCart.lines).toHaveLength(2);
      expect((await execute(t.url, ReadCart, undefined, { token })).data!.cart.lines).toEqual([]);
      expect(await tools.stock(mug)).toMatchObject({ reserved: 2 });

      const again = await execute(t.url, PlaceOrderFromCart, { idempotencyKey: key }, { token });
      expect(again.data!.placeOrderFromCart.id).toBe(placed.data!.placeOrderFromCart.id);
      expect(await tools.traces(customer, [mug, tee])).toMatchObject({ orders: 1, reservations: 1, payments: 0 });
    });

    it('refuses an empty cart, and a cart holding a product no longer sold, keeping the cart as it was', async () => {
      const [product, retired] = [await tools.product(), await tools.product()];
      const customer = `customer-${randomUUID()}`;
      const token = await t.token(customer);
      const empty = await execute(t.url, PlaceOrderFromCart, {}, { token });
      expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cart' });

      await execute(t.url, AddToCart, { productId: product, quantity: 1 }, { token });
      await execute(t.url, AddToCart, { productId: retired, quantity: 1 }, { token });
      await execute(t.url, UpdatePrice, { id: retired, input: { status: 'ARCHIVED' } }, { token: await tools.agent() });
      const refused = await execute(t.url, PlaceOrderFromCart, {}, { token });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PRODUCT_UNAVAILABLE', productId: retired, field: 'cart' });
      const cart = (await execute(t.url, ReadCart, undefined, { token })).data!.cart;
      expect(cart.lines.map((l) => [l.product.id, l.available])).toEqual([
        [product, true],
        [retired, false],
      ]);
      expect(await tools.traces(customer, [product, retired])).toEqual(tools.nothingLeft);
    });
  });

  describe('the wishlist', () => {
    it('adds, lists (newest first) and removes products, each once', async () => {
      const [a, b] = [await tools.product(), await tools.product()];
      const token = await customerToken();
      await execute(t.url, AddToWishlist, { productId: a }, { token });
      await execute(t.url, AddToWishlist, { productId: b }, { token });
      const again = (await execute(t.url, AddToWishlist, { productId: a }, { token })).data!.addToWishlist;
      expect(again.map((i) => i.product.id)).toEqual([b, a]);
      const listed = (await execute(t.url, Wishlist, undefined, { token })).data!.wishlist;
      expect(listed.map((i) => i.product)).toEqual([
        { id: b, name: 'Orderable' },
        { id: a, name: 'Orderable' },
      ]);
      expect((await execute(t.url, RemoveFromWishlist, { productId: b }, { token })).data!.removeFromWishlist.map((i) => i.product.id)).toEqual([a]);
      expect((await execute(t.url, RemoveFromWishlist, { productId: b }, { token })).data!.removeFromWishlist).toHaveLength(1);
    });

    it("refuses products that are not sold and keeps each customer's list to themself", async () => {
      const [product, draft] = [await tools.product(), await tools.product({ status: 'DRAFT' })];
      const token = await customerToken();
      expect(codesOf(await execute(t.url, AddToWishlist, { productId: 'no-such-product' }, { token }))).toEqual(['NOT_FOUND']);
      expect(codesOf(await execute(t.url, AddToWishlist, { productId: draft }, { token }))).toEqual(['NOT_FOUND']);
      await execute(t.url, AddToWishlist, { productId: product }, { token });
      expect((await execute(t.url, Wishlist, undefined, { token: await customerToken() })).data!.wishlist).toEqual([]);
      expect(codesOf(await execute(t.url, Wishlist))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
