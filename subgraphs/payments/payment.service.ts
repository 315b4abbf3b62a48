import { byKeys, type RequestContext } from '../kernel/context';
import { PaymentEntity } from './payment.entity';

export class PaymentService {
  load(ctx: RequestContext, id: string): Promise<PaymentEntity | null> {
    return ctx.loaders
      .get<string, PaymentEntity | null>('paymentById', async (ids) => {
        const rows = await ctx.em.find(PaymentEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** Batched: the payments of a page of orders cost one query. */
  forOrder(ctx: RequestContext, orderId: string): Promise<PaymentEntity | null> {
    return ctx.loaders
      .get<string, PaymentEntity | null>('paymentByOrderId', async (ids) => {
        const rows = await ctx.em.find(PaymentEntity, { orderId: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.orderId).map((row) => row ?? null);
      })
      .load(orderId);
  }

  /** The client secret goes to the order's owner only, never to staff or others. */
  clientSecretFor(ctx: RequestContext, payment: PaymentEntity): string | null {
    return ctx.caller?.userId === payment.customerId ? payment.clientSecret : null;
  }
}
