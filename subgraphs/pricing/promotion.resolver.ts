import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { PromotionInput } from './pricing.inputs';
import type { PricingServices } from './pricing.services';
import { PromotionEntity } from './promotion.entity';

@Resolver(() => PromotionEntity)
export class PromotionResolver {
  constructor(private readonly services: PricingServices) {}

  @Authorized('AGENT', 'ADMIN')
  @Query(() => [PromotionEntity], { description: 'Every promotion and discount code, oldest first, with its uses.' })
  promotions(@Ctx() ctx: RequestContext): Promise<PromotionEntity[]> {
    return this.services.promotions.promotions(ctx);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => PromotionEntity, {
    description: 'An automatic promotion, or a discount code (with code). A percentage over 100, a negative or zero amount, or limits below one are BAD_USER_INPUT; a code that exists (any case) is CONFLICT. Audited.',
  })
  createPromotion(@Ctx() ctx: RequestContext, @Arg('input', () => PromotionInput) input: PromotionInput): Promise<PromotionEntity> {
    return this.services.promotions.create(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => PromotionEntity, { description: 'Offers a promotion or code again, or withdraws it. Audited.' })
  setPromotionActive(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('active') active: boolean): Promise<PromotionEntity> {
    return this.services.promotions.setActive(ctx, id, active);
  }
}
