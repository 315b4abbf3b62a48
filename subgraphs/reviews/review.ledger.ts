import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord, type AuditChange } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import { announceChanges, channels } from '../../platform/messaging/pubsub';
import type { SubgraphDeps } from '../../platform/subgraph';
import { ProductRatingEntity } from './rating.entity';
import { countedRating, withRatingChange } from './rating.rules';
import { ReviewEntity } from './review.entity';

/** A review or a rating moved between reading and writing it: the unit of work runs again. */
export class ReviewChanged extends Error {}

const WRITE_ATTEMPTS = 5;

/** A product whose rating a unit of work moved, and the version it reached. */
interface RatingMove {
  readonly productId: string;
  readonly version: number;
}

/** The fields of a review a change may set. */
export type ReviewChanges = Partial<Pick<ReviewEntity, 'rating' | 'title' | 'body' | 'media' | 'status' | 'heldFor' | 'helpfulCount' | 'reportCount' | 'replyBody' | 'repliedAt'>>;

/**
 * The single writer of reviews and product ratings. A review change and the
 * rating it moves commit in one unit of work, each by compare-and-set on its
 * version, so concurrent changes never lose a count; a lost compare-and-set
 * runs the unit again. Once committed, the new rating version is announced
 * on the product's rating channel for live subscribers.
 */
export class ReviewLedger {
  constructor(private readonly deps: SubgraphDeps) {}

  /** Runs `work` as one unit of work (again, a few times, when a review or rating moved under it), then announces. */
  async write<T>(work: (unit: ReviewUnit) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const moves: RatingMove[] = [];
      try {
        const result = await this.deps.db.write((em) => work(new ReviewUnit(em, moves, this.deps)));
        await this.announce(moves);
        return result;
      } catch (error) {
        if (!(error instanceof ReviewChanged) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** After the unit of work committed: a change notice per rating moved, and the outbox relay nudged (audit entries). */
  private async announce(moves: readonly RatingMove[]): Promise<void> {
    void this.deps.outbox.kick();
    await Promise.all(
      moves.map(({ productId, version }) =>
        this.deps.pubsub.publish(channels.rating(productId), { id: productId, version }).catch((error: unknown) => {
          // Live updates are best effort: a subscriber that missed one reads the rating at the next.
          this.deps.log.warn('rating change notice not published', { productId, version, error: String(error) });
        }),
      ),
    );
    await announceChanges(this.deps, 'ProductRating', moves.map(({ productId, version }) => ({ id: productId, version })));
  }
}

/** One unit of work of the ledger: what a service may write in it. */
export class ReviewUnit {
  constructor(
    readonly em: EntityManager,
    private readonly moves: RatingMove[],
    private readonly deps: SubgraphDeps,
  ) {}

  /** Inserts a new review and counts it in its product's rating. */
  async add(review: ReviewEntity): Promise<ReviewEntity> {
    await this.em.insert(review);
    await this.moveRating(review.productId, null, countedRating(review));
    return review;
  }

  /** The review as stored now, outside the identity map (so only `change` writes it); null when there is none. */
  find(where: { id: string } | { customerId: string; productId: string }): Promise<ReviewEntity | null> {
    return this.em.findOne(ReviewEntity, where, { disableIdentityMap: true });
  }

  /** Changes a review read with `find` (compare-and-set on its version) and moves its product's rating accordingly. */
  async change(review: ReviewEntity, changes: ReviewChanges): Promise<ReviewEntity> {
    const counted = countedRating(review);
    const next = { ...changes, version: review.version + 1, updatedAt: this.deps.clock.now() };
    const updated = await this.em.nativeUpdate(ReviewEntity, { id: review.id, version: review.version }, next);
    if (updated === 0) throw new ReviewChanged(`review ${review.id} changed meanwhile`);
    Object.assign(review, next);
    await this.moveRating(review.productId, counted, countedRating(review));
    return review;
  }

  /** The audit entry of a moderation step, committed with the step. */
  audit(caller: Caller | null, change: AuditChange): void {
    this.deps.outbox.add(this.em, AUDIT_RECORDED, auditRecord('reviews', caller, this.deps.clock.now(), change));
  }

  private async moveRating(productId: string, from: number | null, to: number | null): Promise<void> {
    if (from === to) return;
    const current = await this.em.findOne(ProductRatingEntity, { productId });
    const next = withRatingChange(current ?? ProductRatingEntity.empty(productId), from, to);
    if (!current) {
      try {
        await this.em.insert(Object.assign(ProductRatingEntity.empty(productId), { ...next, stars: [...next.stars], version: 1 }));
      } catch (error) {
        // A concurrent first review of the product took the key: the unit runs again on its row.
        if (error instanceof UniqueConstraintViolationException) throw new ReviewChanged(`the rating of ${productId} was created meanwhile`);
        throw error;
      }
      this.moves.push({ productId, version: 1 });
      return;
    }
    const version = current.version + 1;
    const updated = await this.em.nativeUpdate(ProductRatingEntity, { productId, version: current.version }, { ...next, stars: [...next.stars], version });
    if (updated === 0) throw new ReviewChanged(`the rating of ${productId} changed meanwhile`);
    this.moves.push({ productId, version });
  }
}
