import type { SubgraphModule } from '../../platform/subgraph';
import { PaymentEntity } from './payment.entity';
import { PaymentLedger } from './payment.ledger';
import type { PaymentProvider } from './payment.provider';
import { SimulatedPaymentProvider } from './payment.provider.simulated';
import { StripePaymentProvider } from './payment.provider.stripe';
import { OrderRef } from './order.stub';
import { OrdersClient } from './orders.client';
import { paymentReferences } from './payment.reference';
import { OrderPaymentResolver, PaymentInternalResolver, PaymentResolver } from './payment.resolver';
import { PaymentService } from './payment.service';
import { ReceiptEntity, ReceiptSequenceEntity } from './receipt.entity';
import { RefundRequestEntity } from './refund-request.entity';
import { ReceiptResolver } from './receipt.resolver';
import { ReceiptService } from './receipt.service';
import { SimulatedIntentEntity, SimulatedRefundEntity } from './simulated-intent.entity';
import { stripeWebhookRoute } from './stripe-webhook.route';
import { StripeWebhookService } from './stripe-webhook.service';
import type { PaymentsServices } from './payments.services';

const PROVIDER_REQUIRED =
  'payments need a real provider when NODE_ENV=production: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or PAYMENT_PROVIDER=simulated to take test payments on purpose';
const SIMULATED_IN_PRODUCTION =
  'PAYMENT_PROVIDER=simulated in production: test payment methods such as pm_card_visa mark orders PAID and no money moves; set STRIPE_SECRET_KEY to take real payments';

export const payments: SubgraphModule<PaymentsServices> = {
  name: 'payments',
  entities: [PaymentEntity, ReceiptEntity, ReceiptSequenceEntity, RefundRequestEntity, SimulatedIntentEntity, SimulatedRefundEntity],
  resolvers: [PaymentResolver, PaymentInternalResolver, OrderPaymentResolver, ReceiptResolver],
  // Reachable only through entity references, so type-graphql must be told to emit them.
  orphanedTypes: [OrderRef, PaymentEntity],
  createServices: (deps) => {
    const receipts = new ReceiptService();
    const ledger = new PaymentLedger(deps, receipts);
    const { provider: chosen, stripe: settings } = deps.config.payments;
    // Production without a real provider would let test card names pay for real goods.
    if (chosen === null) throw new Error(PROVIDER_REQUIRED);
    const stripe = settings ? new StripePaymentProvider(settings, deps.config.gateway.subgraphTimeoutMs) : null;
    const provider: PaymentProvider = stripe ?? new SimulatedPaymentProvider(deps.db, deps.clock);
    // Logged as an error, so no LOG_LEVEL hides it: every start-up says it again.
    if (!stripe && deps.config.env === 'production') deps.log.error(SIMULATED_IN_PRODUCTION);
    return { payments: new PaymentService(deps, provider, ledger, new OrdersClient(deps.internal)), receipts, webhooks: stripe ? new StripeWebhookService(deps, stripe, ledger) : null };
  },
  referenceResolvers: (services) => paymentReferences(services.payments),
  routes: (services) => (services.webhooks ? [stripeWebhookRoute(services.webhooks)] : []),
  background: async (services) => [services.payments.startChecking()],
};
