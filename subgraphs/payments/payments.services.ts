import type { PaymentService } from './payment.service';
import type { ReceiptService } from './receipt.service';
import type { StripeWebhookService } from './stripe-webhook.service';

/** What the payments resolvers are given; apart from payments.module.ts, which imports the resolvers. */
export interface PaymentsServices {
  readonly payments: PaymentService;
  readonly receipts: ReceiptService;
  /** Present when Stripe is the provider. */
  readonly webhooks: StripeWebhookService | null;
}
