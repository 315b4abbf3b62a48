import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../platform/graphql-types';
import { newId } from '../../platform/ids';
import type { PaymentLineVariables } from '../../contracts/payments-api';

/** The catalog's Product, by key only: the gateway fetches its fields. */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductRef {
    return Object.assign(new ProductRef(), { id });
  }
}

/** The catalog's ProductVariant, by key only. */
@ObjectType('ProductVariant')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductVariantRef {
  @Field(() => ID)
  id!: string;

  static of(id: string): ProductVariantRef {
    return Object.assign(new ProductVariantRef(), { id });
  }
}

@ObjectType('ReceiptOptionValue', { description: "One of the variant's option values as it was when the order was placed." })
export class ReceiptOptionValue {
  @Field()
  option!: string;

  @Field()
  value!: string;
}

@ObjectType('ReceiptLine')
export class ReceiptLine {
  @Field(() => ProductRef)
  product!: ProductRef;

  @Field(() => ProductVariantRef, { nullable: true, description: 'The variant sold; null for the shipping charge and on receipts issued before variants.' })
  variant!: ProductVariantRef | null;

  @Field(() => String, { nullable: true, description: "The variant's SKU when the order was placed; null where variant is." })
  sku!: string | null;

  @Field(() => [ReceiptOptionValue], { description: "The variant's option values as placed; empty for a product without options." })
  optionValues!: ReceiptOptionValue[];

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => Money)
  lineTotal!: Money;
}

/**
 * Issued once per payment, in the same unit of work as the payment's move to
 * SUCCEEDED, and never changed afterwards (refunds show on the payment).
 */
@Entity({ tableName: 'receipts' })
@ObjectType('Receipt', { description: 'Proof of a successful payment: what was bought, for how much, when.' })
export class ReceiptEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string', unique: true })
  @Field({ description: 'Human-readable and unique, increasing with time: R-<year>-<sequence>.' })
  number!: string;

  @Property({ type: 'string', unique: true })
  @Field(() => ID)
  paymentId!: string;

  @Property({ type: 'string', unique: true })
  @Field(() => ID)
  orderId!: string;

  @Property({ type: 'string' })
  customerId!: string;

  /** As the order priced them; empty when the order sent none. */
  @Property({ type: 'json' })
  items: PaymentLineVariables[] = [];

  @Property({ type: 'integer' })
  totalMinor!: number;

  @Property({ type: 'string' })
  currency!: string;

  @Property({ type: 'string' })
  @Field({ description: '"simulated" or "stripe".' })
  provider!: string;

  @Property({ type: 'datetime' })
  @Field()
  issuedAt!: Date;

  @Field(() => [ReceiptLine])
  get lines(): ReceiptLine[] {
    return this.items.map((item) =>
      Object.assign(new ReceiptLine(), {
        product: ProductRef.of(item.productId),
        variant: item.variantId ? ProductVariantRef.of(item.variantId) : null,
        sku: item.sku ?? null,
        optionValues: (item.optionValues ?? []).map((value) => Object.assign(new ReceiptOptionValue(), value)),
        quantity: item.quantity,
        unitPrice: Money.of(item.unitPrice, this.currency),
        lineTotal: Money.of(item.unitPrice * item.quantity, this.currency),
      }),
    );
  }

  @Field(() => Money, { description: 'What was paid (the sum of the lines, when the order listed them).' })
  get total(): Money {
    return Money.of(this.totalMinor, this.currency);
  }
}

/** The last receipt number handed out; advanced by compare-and-set in the unit of work that issues a receipt. */
@Entity({ tableName: 'receipt_sequences' })
export class ReceiptSequenceEntity {
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'integer' })
  last!: number;
}
