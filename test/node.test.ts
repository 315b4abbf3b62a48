import { DEMO_CATEGORIES } from '../contracts/demo';
import { VerifiedPurchaseEntity } from '../subgraphs/reviews/purchase.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { ConfirmPayment, orderTools, ReadOrder } from './support/orders';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const NodeById = graphql(`
  query NodeById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Product { sku productStatus: status }
      ... on ProductVariant { sku variantStatus: status product { id } }
      ... on Category { name }
      ... on Order { status total { amount } }
      ... on User { email }
      ... on Review { rating }
      ... on Shipment { orderId carrier }
    }
  }
`);

const NodesByIds = graphql(`
  query NodesByIds($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id }
  }
`);

const NodeSetOptions = graphql(`
  mutation NodeSetOptions($productId: ID!, $options: [ProductOptionInput!]!) {
    setProductOptions(productId: $productId, options: $options) { id }
  }
`);

const NodeAddVariant = graphql(`
  mutation NodeAddVariant($productId: ID!, $input: AddProductVariantInput!) {
    addProductVariant(productId: $productId, input: $input) { id sku }
  }
`);

const NodeArchiveVariant = graphql(`
  mutation NodeArchiveVariant($id: ID!) {
    archiveProductVariant(id: $id) { id }
  }
`);

const PlaceWithShipping = graphql(`
  mutation NodePlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) { id }
  }
`);

const CreateShipment = graphql(`
  mutation NodeCreateShipment($orderId: ID!) {
    createShipment(orderId: $orderId) { id }
  }
`);

const DeliverOrder = graphql(`
  mutation NodeDeliverOrder($id: ID!) {
    deliverOrder(id: $id) { status }
  }
`);

const WriteReview = graphql(`
  mutation NodeWriteReview($input: WriteReviewInput!) {
    writeReview(input: $input) { id status }
  }
`);

describe('node(id) and nodes(ids) through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const ids = { product: '', draft: '', category: DEMO_CATEGORIES[0].id, order: '', owner: '', review: '', shipment: '' };
  let ownerToken = '';
  let strangerToken = '';
  let agentToken = '';

  beforeAll(async () => {
    t = await startTestStack();
    ids.product = await tools.product({ weightGrams: 300 });
    ids.draft = await tools.product({ status: 'DRAFT' });
    ids.owner = await tools.customer();
    ownerToken = await t.token(ids.owner);
    strangerToken = await t.token(await tools.customer());
    agentToken = await tools.agent();

    const address = { recipient: 'Ada Lovelace', line1: '1 rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };
    const placed = await execute(t.url, PlaceWithShipping, { input: { lines: [{ productId: ids.product, quantity: 1 }], shipping: { address, methodId: 'demo-method-fr-express' } } }, { token: ownerToken });
    ids.order = placed.data!.placeOrder.id;
    await execute(t.url, ConfirmPayment, { orderId: ids.order, paymentMethod: 'pm_card_visa' }, { token: ownerToken });
    await tools.settled(ids.order, 'PAID');
    const shipment = await execute(t.url, CreateShipment, { orderId: ids.order }, { token: agentToken });
    if (!shipment.data) throw new Error(JSON.stringify(shipment.errors));
    ids.shipment = shipment.data.createShipment.id;
    await tools.settled(ids.order, 'SHIPPED');
    const delivered = await execute(t.url, DeliverOrder, { id: ids.order }, { token: agentToken });
    if (!delivered.data) throw new Error(JSON.stringify(delivered.errors));
    await waitFor(async () => (await t.stack.subgraphs.reviews.orm.em.fork().count(VerifiedPurchaseEntity, { customerId: ids.owner, productId: ids.product })) === 1);
    const review = await execute(t.url, WriteReview, { input: { productId: ids.product, rating: 4, title: 'Good', body: 'Does what it says.' } }, { token: ownerToken });
    if (!review.data) throw new Error(JSON.stringify(review.errors));
    ids.review = review.data.writeReview.id;
  });
  afterAll(() => t.stop());

  const node = async (id: string, token?: string) => execute(t.url, NodeById, { id }, { token });

  it('finds each type by its own id and fetches its fields from the owning subgraph', async () => {
    expect((await node(ids.product)).data?.node).toMatchObject({ __typename: 'Product', id: ids.product, productStatus: 'ACTIVE' });
    expect((await node(ids.category)).data?.node).toEqual({ __typename: 'Category', id: ids.category, name: DEMO_CATEGORIES[0].name });
    expect((await node(ids.order, ownerToken)).data?.node).toMatchObject({ __typename: 'Order', id: ids.order, status: 'DELIVERED' });
    expect((await node(ids.owner, ownerToken)).data?.node).toEqual({ __typename: 'User', id: ids.owner, email: `${ids.owner}@shop.test` });
    expect((await node(ids.review)).data?.node).toEqual({ __typename: 'Review', id: ids.review, rating: 4 });
    expect((await node(ids.shipment, ownerToken)).data?.node).toMatchObject({ __typename: 'Shipment', id: ids.shipment, orderId: ids.order, carrier: 'simulated' });
  });

  it('answers nodes(ids) in the order asked, null for an unknown id', async () => {
    const asked = [ids.shipment, 'no-such-id', ids.product, ids.order, ids.owner, ids.review, ids.category];
    const result = await execute(t.url, NodesByIds, { ids: asked }, { token: ownerToken });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      { __typename: 'Shipment', id: ids.shipment },
      null,
      { __typename: 'Product', id: ids.product },
      { __typename: 'Order', id: ids.order },
      { __typename: 'User', id: ids.owner },
      { __typename: 'Review', id: ids.review },
      { __typename: 'Category', id: ids.category },
    ]);
  });

  it("refuses someone else's order, account and shipment exactly as order(id) does: null, nothing about its type", async () => {
    const order = await execute(t.url, ReadOrder, { id: ids.order }, { token: strangerToken });
    expect(order.data?.order).toBeNull();
    for (const id of [ids.order, ids.owner, ids.shipment]) {
      const result = await node(id, strangerToken);
      expect([id, result.data?.node]).toEqual([id, null]);
      expect(result.errors).toBeUndefined();
    }
    const many = await execute(t.url, NodesByIds, { ids: [ids.order, ids.product] }, { token: strangerToken });
    expect(many.data?.nodes).toEqual([null, { __typename: 'Product', id: ids.product }]);
  });

  it('asks an anonymous caller to log in for an order, as order(id) does, and still shows public objects', async () => {
    const order = await execute(t.url, ReadOrder, { id: ids.order });
    expect(codesOf(order)).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await node(ids.order))).toEqual(['UNAUTHENTICATED']);
    const many = await execute(t.url, NodesByIds, { ids: [ids.product, ids.order] });
    expect(many.data?.nodes).toEqual([{ __typename: 'Product', id: ids.product }, null]);
    expect(many.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['nodes', 1], 'UNAUTHENTICATED']]);
  });

  it('shows a draft product to staff only, as product(id) does', async () => {
    expect((await node(ids.draft, strangerToken)).data?.node).toBeNull();
    expect((await node(ids.draft, agentToken)).data?.node).toMatchObject({ __typename: 'Product', productStatus: 'DRAFT' });
    expect((await node(ids.order, agentToken)).data?.node).toMatchObject({ __typename: 'Order', id: ids.order });
  });

  it("finds a variant by its id, while its product's id (its default variant's too) stays the product; an archived variant for staff only", async () => {
    const productId = await tools.product();
    expect((await execute(t.url, NodeSetOptions, { productId, options: [{ name: 'Size', values: ['S', 'M'] }] }, { token: agentToken })).errors).toBeUndefined();
    const added = await execute(t.url, NodeAddVariant, { productId, input: { sku: `NODE-${Date.now()}-M`, optionValues: [{ option: 'Size', value: 'M' }] } }, { token: agentToken });
    const variant = added.data!.addProductVariant;
    expect((await node(variant.id)).data?.node).toEqual({ __typename: 'ProductVariant', id: variant.id, sku: variant.sku, variantStatus: 'ACTIVE', product: { id: productId } });
    expect((await node(productId)).data?.node).toMatchObject({ __typename: 'Product', id: productId });
    await execute(t.url, NodeArchiveVariant, { id: variant.id }, { token: agentToken });
    expect((await node(variant.id, strangerToken)).data?.node).toBeNull();
    expect((await node(variant.id, agentToken)).data?.node).toMatchObject({ __typename: 'ProductVariant', variantStatus: 'ARCHIVED' });
  });

  it('refuses more than 100 ids and a blank id with BAD_USER_INPUT naming the argument', async () => {
    const tooMany = await execute(t.url, NodesByIds, { ids: Array.from({ length: 101 }, (_, n) => `id-${n}`) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const blank = await node(' ');
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

