import { AUDIT_RECORDED, auditRecord } from '../../contracts/audit';
import type { RequestContext } from '../../platform/context';
import { checkId } from '../../platform/checks';
import { notFound } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import { PriceRuleEntity } from './price-rule.entity';
import type { PriceRuleInput } from './pricing.inputs';
import { checkGroup, checkPriceRule } from './promotion.rules';
import { CustomerGroupEntity } from './tax.entity';
import { rulesChanged } from './price-book.service';

/** Price rules (sales, group and tier prices) and customer groups: staff only, every change audited. */
export class PriceRuleService {
  constructor(private readonly deps: SubgraphDeps) {}

  rules(ctx: RequestContext): Promise<PriceRuleEntity[]> {
    return ctx.em.find(PriceRuleEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  async create(ctx: RequestContext, input: PriceRuleInput): Promise<PriceRuleEntity> {
    const checked = checkPriceRule(input);
    const now = this.deps.clock.now();
    const rule = Object.assign(new PriceRuleEntity(), { ...checked, createdAt: now });
    await this.deps.db.write(async (em) => {
      em.persist(rule);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'price_rule.created', entityType: 'PriceRule', entityId: rule.id, before: null, after: { ...checked } }));
      await rulesChanged(em, this.deps.outbox);
    });
    return rule;
  }

  /** Removes a rule; placed orders keep the prices they were placed at. */
  async delete(ctx: RequestContext, ruleId: string): Promise<boolean> {
    const id = checkId(ruleId, 'id');
    const now = this.deps.clock.now();
    return this.deps.db.write(async (em) => {
      const rule = await em.findOne(PriceRuleEntity, { id });
      if (!rule) throw notFound('Price rule', id);
      em.remove(rule);
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'price_rule.deleted', entityType: 'PriceRule', entityId: id, before: { kind: rule.kind, variantId: rule.variantId, categoryId: rule.categoryId }, after: null }));
      await rulesChanged(em, this.deps.outbox);
      return true;
    });
  }

  /** Puts a customer in a group (GROUP rules price for it), or out of any (null). */
  async setCustomerGroup(ctx: RequestContext, userId: string, group: string | null): Promise<string | null> {
    const id = checkId(userId, 'userId');
    const key = group === null ? null : checkGroup(group);
    const now = this.deps.clock.now();
    await this.deps.db.write(async (em) => {
      const row = await em.findOne(CustomerGroupEntity, { userId: id });
      const before = { group: row?.group ?? null };
      if (key === null && row) em.remove(row);
      else if (key !== null && row) row.group = key;
      else if (key !== null) em.persist(Object.assign(new CustomerGroupEntity(), { userId: id, group: key }));
      this.deps.outbox.add(em, AUDIT_RECORDED, auditRecord('pricing', ctx.caller, now, { action: 'customer_group.set', entityType: 'User', entityId: id, before, after: { group: key } }));
      await rulesChanged(em, this.deps.outbox);
    });
    return key;
  }
}
