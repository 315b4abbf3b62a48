import { isStaff } from '../kernel/caller';
import { byKeys, type RequestContext } from '../kernel/context';
import { forbidden, unauthenticated } from '../kernel/errors';
import { paginate, type Page, type PageArgs } from '../kernel/pagination';
import { OrderEntity } from './order.entity';

export class OrderService {
  /**
   * Owner, AGENT or ADMIN. Anyone else gets null, so order ids cannot be
   * probed for existence.
   */
  async get(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    if (!ctx.caller) throw unauthenticated();
    const order = await this.load(ctx, id);
    if (!order) return null;
    return isStaff(ctx.caller) || order.customerId === ctx.caller.userId ? order : null;
  }

  load(ctx: RequestContext, id: string): Promise<OrderEntity | null> {
    return ctx.loaders
      .get<string, OrderEntity | null>('orderById', async (ids) => {
        const rows = await ctx.em.find(OrderEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** A customer's orders, newest first: the customer themself or staff. */
  forCustomer(ctx: RequestContext, customerId: string, page: PageArgs): Promise<Page<OrderEntity>> {
    if (!ctx.caller) throw unauthenticated();
    if (ctx.caller.userId !== customerId && !isStaff(ctx.caller)) throw forbidden("You may only list your own orders");
    return paginate(ctx.em, OrderEntity, { customerId }, page, { field: 'id', direction: 'desc' });
  }
}
