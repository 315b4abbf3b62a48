import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { PriceRuleEntity } from './price-rule.entity';
import { PriceRuleInput } from './pricing.inputs';
import type { PricingServices } from './pricing.services';

@Resolver(() => PriceRuleEntity)
export class PriceRuleResolver {
  constructor(private readonly services: PricingServices) {}

  @Authorized('AGENT', 'ADMIN')
  @Query(() => [PriceRuleEntity], { description: 'Every price rule, oldest first.' })
  priceRules(@Ctx() ctx: RequestContext): Promise<PriceRuleEntity[]> {
    return this.services.rules.rules(ctx);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => PriceRuleEntity, { description: 'A sale, group or tier price (amount or percentOff). Audited.' })
  createPriceRule(@Ctx() ctx: RequestContext, @Arg('input', () => PriceRuleInput) input: PriceRuleInput): Promise<PriceRuleEntity> {
    return this.services.rules.create(ctx, input);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => Boolean, { description: 'Removes a rule; placed orders keep their prices. NOT_FOUND for an unknown rule. Audited.' })
  deletePriceRule(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return this.services.rules.delete(ctx, id);
  }

  @Authorized('AGENT', 'ADMIN')
  @Mutation(() => String, { nullable: true, description: "Puts a customer in a group (GROUP rules price for it; e.g. WHOLESALE), or out of any with null. Audited." })
  setCustomerGroup(@Ctx() ctx: RequestContext, @Arg('userId', () => ID) userId: string, @Arg('group', () => String, { nullable: true }) group: string | null): Promise<string | null> {
    return this.services.rules.setCustomerGroup(ctx, userId, group);
  }
}
