import { randomUUID } from 'node:crypto';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { HelpfulVoteEntity, ReviewEntity } from '../subgraphs/reviews/review.entity';
import { VerifiedPurchaseEntity } from '../subgraphs/reviews/purchase.entity';
import { graphql } from './__generated__/index';
import { codesOf, execute } from './support/graphql';
import { connect, type LiveClient } from './support/live';
import { orderTools } from './support/orders';
import { deliveredOrder, paidOrder } from './support/shopping';
import { startTestStack, type TestStack } from './support/stack';
import { waitFor } from './support/wait-for';

const ReviewFields = graphql(`
  fragment ReviewFields on Review {
    id
    rating
    title
    body
    media
    status
    heldFor
    helpfulCount
    reportCount
    verifiedPurchase
    reply { body }
    product { id }
  }
`);

const WriteReview = graphql(`
  mutation ReviewsWrite($input: WriteReviewInput!) {
    writeReview(input: $input) { ...ReviewFields }
  }
`);

const EditReview = graphql(`
  mutation ReviewsEdit($id: ID!, $input: ReviewContentInput!) {
    editReview(id: $id, input: $input) { ...ReviewFields }
  }
`);

const MarkHelpful = graphql(`
  mutation ReviewsMarkHelpful($id: ID!) {
    markReviewHelpful(id: $id) { id helpfulCount }
  }
`);

const ReportReview = graphql(`
  mutation ReviewsReport($id: ID!, $reason: String!) {
    reportReview(id: $id, reason: $reason)
  }
`);

const ApproveReview = graphql(`
  mutation ReviewsApprove($id: ID!) {
    approveReview(id: $id) { id status }
  }
`);

const HideReview = graphql(`
  mutation ReviewsHide($id: ID!, $reason: String!) {
    hideReview(id: $id, reason: $reason) { id status }
  }
`);

const RestoreReview = graphql(`
  mutation ReviewsRestore($id: ID!) {
    restoreReview(id: $id) { id status }
  }
`);

const ReplyToReview = graphql(`
  mutation ReviewsReply($id: ID!, $body: String!) {
    replyToReview(id: $id, body: $body) { id reply { body } }
  }
`);

const ProductReviews = graphql(`
  query ReviewsOfProduct($id: ID!, $sort: ReviewSort, $first: Int, $after: String) {
    product(id: $id) {
      id
      name
      rating { productId average count distribution { rating count } }
      reviews(first: $first, after: $after, sort: $sort) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id rating title helpfulCount } }
      }
    }
  }
`);

const ModerationQueue = graphql(`
  query ReviewsModerationQueue($status: ReviewStatus) {
    reviewsToModerate(status: $status, first: 50) { edges { node { id status heldFor reportCount } } }
  }
`);

const ReadReview = graphql(`
  query ReviewsRead($id: ID!) {
    review(id: $id) { id status }
  }
`);

const WatchRating = graphql(`
  subscription ReviewsWatchRating($productId: ID!) {
    productRatingChanged(productId: $productId) { productId count average distribution { rating count } }
  }
`);

const ReviewAudit = graphql(`
  query ReviewsAudit($entityId: ID!) {
    auditLog(first: 20, filter: { entityId: $entityId }) { edges { node { action service actorId reason before after } } }
  }
`);

describe('reviews through the gateway', () => {
  let t: TestStack;
  const tools = orderTools(() => t);
  const agent = () => t.token('reviews-test-agent', 'CUSTOMER', 'AGENT');
  const reviews = () => t.stack.subgraphs.reviews.orm.em.fork();

  beforeAll(async () => {
    t = await startTestStack({ env: { REVIEWS_BLOCKED_WORDS: 'scam, knockoff' } });
  });
  afterAll(() => t.stop());

  /** A customer who received the product (the reviews subgraph saw the order delivered). */
  async function buyer(productId: string): Promise<{ id: string; token: string }> {
    const id = await tools.customer();
    await deliveredOrder(t, tools, id, [productId]);
    await waitFor(async () => (await reviews().count(VerifiedPurchaseEntity, { customerId: id, productId })) === 1);
    return { id, token: await t.token(id) };
  }

  const content = (rating: number, extra: { title?: string; body?: string; media?: string[] } = {}) => ({
    rating,
    title: extra.title ?? `Rated ${rating}`,
    body: extra.body ?? 'Does what it says.',
    media: extra.media,
  });

  async function write(productId: string, token: string, rating: number, extra: Parameters<typeof content>[1] = {}): Promise<ResultOf<typeof ReviewFields>> {
    const result = await execute(t.url, WriteReview, { input: { productId, ...content(rating, extra) } }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.writeReview;
  }

  const productPage = async (id: string, variables: { sort?: 'NEWEST' | 'HELPFUL' | 'RATING'; first?: number; after?: string } = {}) => {
    const result = await execute(t.url, ProductReviews, { id, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.product!;
  };

  const distribution = (...counts: [number, number, number, number, number]) => counts.map((count, i) => ({ rating: 5 - i, count }));

  /** One product and buyer for every refused input: a refusal leaves nothing that another case would see. */
  let refused: Promise<{ productId: string; alice: { id: string; token: string } }> | undefined;
  const refusedProduct = () => {
    refused ??= tools.product().then(async (productId) => ({ productId, alice: await buyer(productId) }));
    return refused;
  };

  describe('writing', () => {
    it('publishes a verified buyer’s review at once and counts it in the product’s rating, for anyone to read', async () => {
      const productId = await tools.product();
      expect((await productPage(productId)).rating).toEqual({ productId, average: null, count: 0, distribution: distribution(0, 0, 0, 0, 0) });
      const alice = await buyer(productId);
      const bob = await buyer(productId);

      const first = await write(productId, alice.token, 4, { media: ['https://media.shop.test/alice/1.jpg'] });
      expect(first).toMatchObject({ rating: 4, status: 'PUBLISHED', heldFor: null, verifiedPurchase: true, media: ['https://media.shop.test/alice/1.jpg'], product: { id: productId } });
      await write(productId, bob.token, 5);

      const page = await productPage(productId);
      expect(page.rating).toEqual({ productId, average: 4.5, count: 2, distribution: distribution(1, 1, 0, 0, 0) });
      expect(page.reviews!.totalCount).toBe(2);
      expect(page.reviews!.edges.map((e) => e.node.rating)).toEqual([5, 4]);
    });

    it('refuses a customer who did not receive the product, and writes nothing', async () => {
      const productId = await tools.product();
      const stranger = await tools.customer();
      const paidOnly = await tools.customer();
      await paidOrder(t, tools, paidOnly, [productId]);
      for (const customerId of [stranger, paidOnly]) {
        const refused = await execute(t.url, WriteReview, { input: { productId, ...content(5) } }, { token: await t.token(customerId) });
        expect(codesOf(refused)).toEqual(['FORBIDDEN']);
        expect(refused.errors![0].extensions).toMatchObject({ reason: 'NOT_A_VERIFIED_BUYER', field: 'productId' });
      }
      expect(codesOf(await execute(t.url, WriteReview, { input: { productId, ...content(5) } }))).toEqual(['UNAUTHENTICATED']);
      expect(await reviews().count(ReviewEntity, { productId })).toBe(0);
    });

    it('refuses a second review of the same product, naming the first, and lets the author edit it; the rating follows', async () => {
      const productId = await tools.product();
      const alice = await buyer(productId);
      const review = await write(productId, alice.token, 2);

      const second = await execute(t.url, WriteReview, { input: { productId, ...content(5) } }, { token: alice.token });
      expect(codesOf(second)).toEqual(['CONFLICT']);
      expect(second.errors![0].extensions).toMatchObject({ reason: 'REVIEW_EXISTS', reviewId: review.id });
      expect(await reviews().count(ReviewEntity, { productId })).toBe(1);

      const edited = await execute(t.url, EditReview, { id: review.id, input: content(5, { title: 'Grew on me' }) }, { token: alice.token });
      expect(edited.data?.editReview).toMatchObject({ id: review.id, rating: 5, title: 'Grew on me', status: 'PUBLISHED' });
      expect((await productPage(productId)).rating).toMatchObject({ average: 5, count: 1, distribution: distribution(1, 0, 0, 0, 0) });

      const other = await t.token(await tools.customer());
      expect(codesOf(await execute(t.url, EditReview, { id: review.id, input: content(1) }, { token: other }))).toEqual(['NOT_FOUND']);
      expect((await productPage(productId)).rating?.average).toBe(5);
    });

    it.each([
      ['a rating of 0', content(0), 'rating'],
      ['a rating of 6', content(6), 'rating'],
      ['a 100 KB body', content(4, { body: 'x'.repeat(100 * 1024) }), 'body'],
      ['an empty title', content(4, { title: '  ' }), 'title'],
      ['a photo that is not an https URL', content(4, { media: ['javascript:alert(1)'] }), 'media.0'],
    ])('refuses %s with the field named, and writes nothing', async (_case, input, field) => {
      const { productId, alice } = await refusedProduct();
      const refused = await execute(t.url, WriteReview, { input: { productId, ...input } }, { token: alice.token });
      expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].extensions?.field).toBe(field);
      expect(await reviews().count(ReviewEntity, { productId })).toBe(0);
      expect((await productPage(productId)).rating?.count).toBe(0);
    });

    it('keeps HTML and script exactly as written, as text', async () => {
      const productId = await tools.product();
      const alice = await buyer(productId);
      const body = '<script>alert("x")</script><b>bold</b> & <img src=x onerror=alert(1)>';
      const review = await write(productId, alice.token, 3, { body });
      expect(review.body).toBe(body);
      expect((await reviews().findOneOrFail(ReviewEntity, { id: review.id })).body).toBe(body);
    });
  });

  describe('helpful votes', () => {
    it('counts one vote per customer, never the author’s, and sorts by it', async () => {
      const productId = await tools.product();
      const alice = await buyer(productId);
      const bob = await buyer(productId);
      const older = await write(productId, alice.token, 3);
      const newer = await write(productId, bob.token, 4);
      const voter = await t.token(await tools.customer());

      expect((await execute(t.url, MarkHelpful, { id: older.id }, { token: voter })).data?.markReviewHelpful.helpfulCount).toBe(1);
      expect((await execute(t.url, MarkHelpful, { id: older.id }, { token: voter })).data?.markReviewHelpful.helpfulCount).toBe(1);
      expect(codesOf(await execute(t.url, MarkHelpful, { id: older.id }, { token: alice.token }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, MarkHelpful, { id: older.id }))).toEqual(['UNAUTHENTICATED']);
      expect(await reviews().count(HelpfulVoteEntity, { reviewId: older.id })).toBe(1);

      expect((await productPage(productId, { sort: 'NEWEST' })).reviews!.edges.map((e) => e.node.id)).toEqual([newer.id, older.id]);
      expect((await productPage(productId, { sort: 'HELPFUL' })).reviews!.edges.map((e) => e.node.id)).toEqual([older.id, newer.id]);
      expect((await productPage(productId, { sort: 'RATING' })).reviews!.edges.map((e) => e.node.id)).toEqual([newer.id, older.id]);
      const firstPage = await productPage(productId, { sort: 'HELPFUL', first: 1 });
      expect(firstPage.reviews!.pageInfo.hasNextPage).toBe(true);
      const secondPage = await productPage(productId, { sort: 'HELPFUL', first: 1, after: firstPage.reviews!.pageInfo.endCursor! });
      expect(secondPage.reviews!.edges.map((e) => e.node.id)).toEqual([newer.id]);
    });
  });

  describe('moderation', () => {
    it('holds a review with a link or a blocked word until staff approve it, uncounted and unseen meanwhile', async () => {
      const productId = await tools.product();
      const alice = await buyer(productId);
      const bob = await buyer(productId);
      const linked = await write(productId, alice.token, 1, { body: 'Better ones at www.cheap-mugs.example' });
      const worded = await write(productId, bob.token, 2, { title: 'A SCAM' });
      expect(linked).toMatchObject({ status: 'PENDING', heldFor: 'a link' });
      expect(worded).toMatchObject({ status: 'PENDING', heldFor: 'the blocked word "scam"' });
      expect((await productPage(productId)).rating?.count).toBe(0);
      expect((await productPage(productId)).reviews!.totalCount).toBe(0);
      // The author still sees their own held review; others do not.
      expect((await execute(t.url, ReadReview, { id: linked.id }, { token: alice.token })).data?.review).toEqual({ id: linked.id, status: 'PENDING' });
      expect((await execute(t.url, ReadReview, { id: linked.id }, { token: bob.token })).data?.review).toBeNull();

      const queue = (await execute(t.url, ModerationQueue, { status: 'PENDING' }, { token: await agent() })).data!.reviewsToModerate.edges.map((e) => e.node.id);
      expect(queue).toEqual(expect.arrayContaining([linked.id, worded.id]));
      expect(codesOf(await execute(t.url, ModerationQueue, { status: 'PENDING' }, { token: alice.token }))).toEqual(['FORBIDDEN']);
      expect(codesOf(await execute(t.url, ApproveReview, { id: linked.id }, { token: alice.token }))).toEqual(['FORBIDDEN']);

      expect((await execute(t.url, ApproveReview, { id: linked.id }, { token: await agent() })).data?.approveReview.status).toBe('PUBLISHED');
      expect((await productPage(productId)).rating).toMatchObject({ count: 1, average: 1 });
      const again = await execute(t.url, ApproveReview, { id: linked.id }, { token: await agent() });
      expect(codesOf(again)).toEqual(['CONFLICT']);
    });

    it('lets staff hide, restore and answer a review, the rating following, every step in the audit log', async () => {
      const productId = await tools.product();
      const alice = await buyer(productId);
      const bob = await buyer(productId);
      const review = await write(productId, alice.token, 1);
      await write(productId, bob.token, 5);
      expect((await productPage(productId)).rating).toMatchObject({ count: 2, average: 3 });

      const reporter = await t.token(await tools.customer());
      expect((await execute(t.url, ReportReview, { id: review.id, reason: 'Insults the staff' }, { token: reporter })).data?.reportReview).toBe(true);
      expect((await execute(t.url, ReportReview, { id: review.id, reason: 'Again' }, { token: reporter })).data?.reportReview).toBe(true);
      expect((await reviews().findOneOrFail(ReviewEntity, { id: review.id })).reportCount).toBe(1);

      const hidden = await execute(t.url, HideReview, { id: review.id, reason: 'Abusive language' }, { token: await agent() });
      expect(hidden.data?.hideReview.status).toBe('HIDDEN');
      const page = await productPage(productId);
      expect(page.rating).toEqual({ productId, average: 5, count: 1, distribution: distribution(1, 0, 0, 0, 0) });
      expect(page.reviews!.edges.map((e) => e.node.id)).not.toContain(review.id);
      // The author's edit does not bring a hidden review back.
      expect((await execute(t.url, EditReview, { id: review.id, input: content(2) }, { token: alice.token })).data?.editReview.status).toBe('HIDDEN');
      expect((await productPage(productId)).rating?.count).toBe(1);

      expect((await execute(t.url, RestoreReview, { id: review.id }, { token: await agent() })).data?.restoreReview.status).toBe('PUBLISHED');
      expect((await productPage(productId)).rating).toMatchObject({ count: 2, average: 3.5 });
      const replied = await execute(t.url, ReplyToReview, { id: review.id, body: 'Sorry to hear it: write to us.' }, { token: await agent() });
      expect(replied.data?.replyToReview.reply).toEqual({ body: 'Sorry to hear it: write to us.' });

      const admin = await t.token(`admin-${randomUUID()}`, 'ADMIN');
      const audit = async () => (await execute(t.url, ReviewAudit, { entityId: review.id }, { token: admin })).data?.auditLog.edges.map((e) => e.node) ?? [];
      await waitFor(async () => (await audit()).length === 4);
      const audited = await audit();
      expect(audited.map((e) => [e.action, e.service, e.actorId, e.reason])).toEqual([
        ['review.replied', 'reviews', 'reviews-test-agent', null],
        ['review.restored', 'reviews', 'reviews-test-agent', null],
        ['review.hidden', 'reviews', 'reviews-test-agent', 'Abusive language'],
        ['review.reported', 'reviews', expect.stringMatching(/^customer-/), 'Insults the staff'],
      ]);
      expect(audited[2]).toMatchObject({ before: { status: 'PUBLISHED' }, after: { status: 'HIDDEN' } });
    });
  });

  describe('live ratings', () => {
    const clients: LiveClient[] = [];
    const open = (params?: Record<string, unknown>) => {
      const client = connect(t.url, params);
      clients.push(client);
      return client;
    };
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
    });

    it('pushes the rating to every subscriber as reviews are published and hidden, one fetch shared by callers with the same roles', async () => {
      const productId = await tools.product();
      const alice = await buyer(productId);
      const bob = await buyer(productId);
      const customers = await Promise.all(['a', 'b', 'c'].map(async (n) => open({ authorization: `Bearer ${await t.token(`rating-watcher-${n}`)}` })));
      const watchers = [...customers, open()].map((c) => c.subscribe(WatchRating, { productId }));
      await Promise.all(watchers.map((w) => w.count(1)));

      // Held by the filter: the rating does not move, so nothing is pushed.
      await write(productId, bob.token, 1, { body: 'see https://elsewhere.example' });
      const before = t.stack.gateway.subscriptionStats.fetches;
      const review = await write(productId, alice.token, 4);
      await Promise.all(watchers.map((w) => w.count(2)));
      // One fetch for the three customers, one for the anonymous watcher.
      expect(t.stack.gateway.subscriptionStats.fetches - before).toBe(2);

      await execute(t.url, HideReview, { id: review.id, reason: 'Off topic' }, { token: await agent() });
      await Promise.all(watchers.map((w) => w.count(3)));
      for (const w of watchers) {
        expect(w.data.map((d) => [d.productRatingChanged.count, d.productRatingChanged.average])).toEqual([
          [0, null],
          [1, 4],
          [0, null],
        ]);
      }
      expect(watchers[0].data[1].productRatingChanged).toEqual({ productId, count: 1, average: 4, distribution: distribution(0, 1, 0, 0, 0) });
    });

    it('ends a subscription to an unknown product with NOT_FOUND', async () => {
      const watch = open().subscribe(WatchRating, { productId: 'no-such-product' });
      await watch.done();
      expect(watch.messages[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
