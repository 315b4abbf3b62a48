import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import type { PaymentLineVariables } from '../../contracts/payments-api';

@InputType({ description: "One of the variant's option values as the order placed it." })
@Directive('@inaccessible')
export class PaymentLineOptionValueInput {
  @Field()
  option!: string;

  @Field()
  value!: string;
}

@InputType({ description: 'A line as the order priced it, for the receipt.' })
@Directive('@inaccessible')
export class PaymentLineInput implements PaymentLineVariables {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'The variant sold; absent for a line that is no product (the shipping charge).' })
  variantId?: string | null;

  @Field(() => String, { nullable: true, description: "The variant's SKU as placed." })
  sku?: string | null;

  @Field(() => [PaymentLineOptionValueInput], { nullable: true, description: "The variant's option values as placed." })
  optionValues?: PaymentLineOptionValueInput[] | null;

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
