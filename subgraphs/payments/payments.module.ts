import type { SubgraphModule } from '../kernel/subgraph';
import { PaymentEntity } from './payment.entity';
import { OrderRef, paymentReferences } from './payment.reference';
import { OrderPaymentResolver, PaymentResolver } from './payment.resolver';
import { PaymentService } from './payment.service';

export interface PaymentsServices {
  readonly payments: PaymentService;
}

export const payments: SubgraphModule<PaymentsServices> = {
  name: 'payments',
  entities: [PaymentEntity],
  resolvers: [PaymentResolver, OrderPaymentResolver],
  // Reachable only through entity references, so type-graphql must be told to emit them.
  orphanedTypes: [OrderRef, PaymentEntity],
  createServices: () => ({ payments: new PaymentService() }),
  referenceResolvers: (services) => paymentReferences(services.payments),
};
