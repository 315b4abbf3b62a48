import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../platform/graphql-types';
import type { ClientErrorCode } from '../../platform/errors';
import { ProductEntity } from './product.entity';
import type { FieldError } from './product.rules';

export enum UpsertStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  ERROR = 'ERROR',
}
registerEnumType(UpsertStatus, {
  name: 'UpsertStatus',
  valuesConfig: {
    UNCHANGED: { description: 'The stored product already matched: nothing was written (a retried call answers this).' },
    ERROR: { description: 'This item was refused (see errors); the other items were still applied.' },
    CREATED: { description: 'Created; with dryRun, would be created.' },
    UPDATED: { description: 'Changed; with dryRun, would change.' },
  },
});

@ObjectType('UpsertProductError')
export class UpsertProductError {
  @Field(() => ErrorCode, { description: 'BAD_USER_INPUT, as for the single-product mutations.' })
  code!: ClientErrorCode;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true, description: 'Path of the offending field within the item, e.g. "priceAmount" or "media.0.url".' })
  field!: string | null;
}

@ObjectType('UpsertProductResult', { description: 'The outcome for one item of upsertProducts, in input order.' })
export class UpsertProductResult {
  @Field(() => Int, { description: 'Position of the item in the input list.' })
  index!: number;

  @Field()
  sku!: string;

  @Field(() => UpsertStatus)
  status!: UpsertStatus;

  @Field(() => ProductEntity, { nullable: true, description: 'The product as stored; null for an ERROR.' })
  product!: ProductEntity | null;

  @Field(() => UpsertProductError, { nullable: true, description: 'The first of errors.' })
  error!: UpsertProductError | null;

  @Field(() => [UpsertProductError], { description: 'Every violation of this item, not only the first; empty unless ERROR.' })
  errors!: UpsertProductError[];

  /** `product` is null for a dry run: nothing was stored. */
  static of(index: number, sku: string, status: Exclude<UpsertStatus, UpsertStatus.ERROR>, product: ProductEntity | null): UpsertProductResult {
    return Object.assign(new UpsertProductResult(), { index, sku, status, product, error: null, errors: [] });
  }

  static failed(index: number, sku: string, errors: readonly FieldError[]): UpsertProductResult {
    const all = errors.map((error) => Object.assign(new UpsertProductError(), { code: error.code, message: error.message, field: error.field }));
    return Object.assign(new UpsertProductResult(), { index, sku, status: UpsertStatus.ERROR, product: null, error: all[0] ?? null, errors: all });
  }
}
