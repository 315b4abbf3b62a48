import type { Caller } from '../../platform/caller';
import { checkId, requiredReason, requiredText } from '../../platform/checks';
import type { RequestContext } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import { ReviewEntity, ReviewStatus } from './review.entity';
import type { ReviewLedger } from './review.ledger';
import { MAX_BODY_LENGTH } from './review.rules';

type ModerationAction = 'review.approved' | 'review.hidden' | 'review.restored' | 'review.replied';

/** Which statuses each staff action moves a review from, and to. */
const MOVES: Readonly<Record<Exclude<ModerationAction, 'review.replied'>, { from: readonly ReviewStatus[]; to: ReviewStatus }>> = {
  'review.approved': { from: [ReviewStatus.PENDING], to: ReviewStatus.PUBLISHED },
  'review.hidden': { from: [ReviewStatus.PENDING, ReviewStatus.PUBLISHED], to: ReviewStatus.HIDDEN },
  'review.restored': { from: [ReviewStatus.HIDDEN], to: ReviewStatus.PUBLISHED },
};

/** What staff do with reviews: approve held ones, hide, restore, reply; every step audited with the change. */
export class ModerationService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly ledger: ReviewLedger,
  ) {}

  /** Reviews in one status, most reported first, then newest. */
  queue(ctx: RequestContext, status: ReviewStatus, page: PageArgs): Promise<Page<ReviewEntity>> {
    // Ids are time-ordered, so the tie-break by id puts the newest first.
    return paginate(ctx.em, ReviewEntity, { status }, page, { field: 'reportCount', direction: 'desc' });
  }

  approve(ctx: RequestContext, id: string): Promise<ReviewEntity> {
    return this.move(ctx.caller, id, 'review.approved', null);
  }

  hide(ctx: RequestContext, id: string, reason: string): Promise<ReviewEntity> {
    return this.move(ctx.caller, id, 'review.hidden', requiredReason(reason));
  }

  restore(ctx: RequestContext, id: string): Promise<ReviewEntity> {
    return this.move(ctx.caller, id, 'review.restored', null);
  }

  /** The shop's public answer, shown under the review; a second reply replaces the first. */
  reply(ctx: RequestContext, id: string, body: string): Promise<ReviewEntity> {
    const text = requiredText(body, 'body', MAX_BODY_LENGTH);
    return this.ledger.write(async (unit) => {
      const review = await unit.find({ id: checkId(id, 'id') });
      if (!review) throw notFound('Review', id);
      const before = { reply: review.replyBody };
      await unit.change(review, { replyBody: text, repliedAt: this.deps.clock.now() });
      unit.audit(ctx.caller, { action: 'review.replied', entityType: 'Review', entityId: review.id, before, after: { reply: text } });
      return review;
    });
  }

  private move(caller: Caller | null, id: string, action: keyof typeof MOVES, reason: string | null): Promise<ReviewEntity> {
    const { from, to } = MOVES[action];
    return this.ledger.write(async (unit) => {
      const review = await unit.find({ id: checkId(id, 'id') });
      if (!review) throw notFound('Review', id);
      if (!from.includes(review.status)) throw conflict(`A ${review.status} review cannot be ${action.slice('review.'.length)}`, { status: review.status });
      const before = { status: review.status };
      await unit.change(review, { status: to });
      unit.audit(caller, { action, entityType: 'Review', entityId: review.id, reason, before, after: { status: to } });
      return review;
    });
  }
}
