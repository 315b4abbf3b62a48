import type { PriceBookService } from './price-book.service';
import type { PriceRuleService } from './price-rule.service';
import type { PricingService } from './pricing.service';
import type { PromotionService } from './promotion.service';
import type { TaxService } from './tax.service';
import type { UsageConsumer } from './usage.consumer';

/** What the pricing resolvers and background tasks are given (pricing.module.ts builds it). */
export interface PricingServices {
  readonly pricing: PricingService;
  readonly promotions: PromotionService;
  readonly rules: PriceRuleService;
  readonly tax: TaxService;
  readonly consumer: UsageConsumer;
  readonly book: PriceBookService;
}
