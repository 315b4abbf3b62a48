import type { GraphQLError } from 'graphql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../platform/graphql-types';
import type { ClientErrorCode } from '../../platform/errors';
import { StockLevelEntity } from './stock.entity';

export enum StockLevelStatus {
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  ERROR = 'ERROR',
}
registerEnumType(StockLevelStatus, {
  name: 'StockLevelStatus',
  valuesConfig: {
    UNCHANGED: { description: 'onHand already had this figure: nothing was written (a feed sent again answers this).' },
    ERROR: { description: 'This item was refused (see error); the other items were still applied.' },
  },
});

@ObjectType('StockLevelError')
export class StockLevelError {
  @Field(() => ErrorCode, { description: 'BAD_USER_INPUT, NOT_FOUND (unknown SKU) or CONFLICT, as for the single-product mutations.' })
  code!: ClientErrorCode;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true, description: 'The offending field of the item: "sku" or "onHand".' })
  field!: string | null;
}

@ObjectType('StockLevelResult', { description: 'The outcome for one item of setStockLevels, in input order.' })
export class StockLevelResult {
  @Field(() => Int, { description: 'Position of the item in the input list.' })
  index!: number;

  @Field()
  sku!: string;

  @Field(() => StockLevelStatus)
  status!: StockLevelStatus;

  @Field(() => StockLevelEntity, { nullable: true, description: 'The levels now; null for an ERROR.' })
  stock!: StockLevelEntity | null;

  @Field(() => StockLevelError, { nullable: true })
  error!: StockLevelError | null;

  static of(index: number, sku: string, status: Exclude<StockLevelStatus, StockLevelStatus.ERROR>, stock: StockLevelEntity): StockLevelResult {
    return Object.assign(new StockLevelResult(), { index, sku, status, stock, error: null });
  }

  /** `error` is a refusal: its code is one of the catalogue's (stock.service.ts `isRefusal`). */
  static failed(index: number, sku: string, error: GraphQLError): StockLevelResult {
    const field = error.extensions.field;
    return Object.assign(new StockLevelResult(), {
      index,
      sku,
      status: StockLevelStatus.ERROR,
      stock: null,
      error: Object.assign(new StockLevelError(), { code: error.extensions.code as ClientErrorCode, message: error.message, field: typeof field === 'string' ? field : null }),
    });
  }
}
