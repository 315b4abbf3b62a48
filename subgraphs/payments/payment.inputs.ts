import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import type { PaymentLineVariables } from '../../contracts/payments-api';

@InputType({ description: 'A line as the order priced it, for the receipt.' })
@Directive('@inaccessible')
export class PaymentLineInput implements PaymentLineVariables {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'Minor units, in the payment currency.' })
  unitPrice!: number;
}

/** The input of the internal createPayment (contracts/payments-api.ts). */
@InputType()
@Directive('@inaccessible')
export class CreatePaymentInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => Int, { description: 'Minor units.' })
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. "EUR".' })
  currency!: string;

  @Field(() => [PaymentLineInput], { nullable: true, description: 'When given, they must add up to amount.' })
  lines?: PaymentLineInput[] | null;
}
