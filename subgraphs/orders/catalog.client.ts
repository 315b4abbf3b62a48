import { appError } from '../../platform/errors';
import type { InternalClient } from '../../platform/internal-client';

/** A product as orders needs it: whether it is on sale, and at what price. */
export interface CatalogProduct {
  readonly id: string;
  readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  readonly price: { readonly amount: number; readonly currency: string };
  /** Grams; null when the catalog does not know it. */
  readonly weightGrams: number | null;
}

const PRODUCTS = `query OrderProducts($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id status price { amount currency } weightGrams } }
}`;

/** A variant's own facts, as orders captures them on a line. */
export interface CatalogVariantFacts {
  readonly id: string;
  readonly sku: string;
  readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  readonly price: { readonly amount: number; readonly currency: string };
  readonly optionValues: ReadonlyArray<{ readonly option: string; readonly value: string }>;
}

/** A variant with its product, and the product's variants a customer may buy (to pick one for a line naming the product). */
export interface CatalogVariant extends CatalogVariantFacts {
  readonly product: {
    readonly id: string;
    readonly status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
    readonly weightGrams: number | null;
    /** Where it is filed: category price rules, promotions and tax classes apply by it. */
    readonly categories: ReadonlyArray<{ readonly id: string }>;
    readonly variants: readonly CatalogVariantFacts[];
  };
}

const VARIANT_FACTS = 'id sku status price { amount currency } optionValues { option value }';
const VARIANTS = `query OrderVariants($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ProductVariant { ${VARIANT_FACTS} product { id status weightGrams categories { id } variants { ${VARIANT_FACTS} } } } }
}`;

/** The line a customer asked for, resolved to one variant on sale, with its product. */
export interface ChosenVariant {
  readonly productId: string;
  readonly weightGrams: number | null;
  readonly categoryIds: readonly string[];
  readonly variant: CatalogVariantFacts;
}

/**
 * Prices come from the catalog at the time of asking, never from the client.
 * One `_entities` call for any number of products; as a SERVICE caller orders
 * sees every status (an ARCHIVED product is still part of past orders).
 */
export class CatalogClient {
  constructor(private readonly internal: InternalClient) {}

  /** The products found, by id (the wishlist's); unknown ids are absent. */
  async products(ids: readonly string[]): Promise<Map<string, CatalogProduct>> {
    if (ids.length === 0) return new Map();
    const data = await this.internal.request<{ _entities: Array<CatalogProduct | null> }>('catalog', PRODUCTS, {
      representations: ids.map((id) => ({ __typename: 'Product', id })),
    });
    return new Map(data._entities.flatMap((product) => (product ? [[product.id, product] as const] : [])));
  }

  /**
   * The variants found, by id; a product's id names its default variant.
   * One `_entities` call for any number of ids; as a SERVICE caller orders
   * sees every status, and each product's ACTIVE variants.
   */
  async variants(ids: readonly string[]): Promise<Map<string, CatalogVariant>> {
    if (ids.length === 0) return new Map();
    const data = await this.internal.request<{ _entities: Array<CatalogVariant | null> }>('catalog', VARIANTS, {
      representations: [...new Set(ids)].map((id) => ({ __typename: 'ProductVariant', id })),
    });
    return new Map(data._entities.flatMap((variant) => (variant ? [[variant.id, variant] as const] : [])));
  }
}

/**
 * The product, when it can be ordered; otherwise the refusal naming it. A
 * DRAFT product is answered like an unknown one, as the catalog hides it from customers.
 */
export function onSale(product: CatalogProduct | undefined, productId: string, field: string): CatalogProduct {
  if (!product || product.status === 'DRAFT') throw appError('NOT_FOUND', `Product ${productId} was not found`, { id: productId, field });
  if (product.status !== 'ACTIVE') {
    throw appError('BAD_USER_INPUT', `Product ${productId} is no longer sold`, { field, reason: 'PRODUCT_UNAVAILABLE', productId });
  }
  return product;
}

/**
 * The variant a line names, when it can be ordered; otherwise the refusal
 * naming the line's field. `variantId` names the variant (and `productId`,
 * when given with it, must be its product); without it `productId` may name
 * a variant, or a product sold as one variant: a product with several is
 * refused with reason VARIANT_REQUIRED. A DRAFT product (or variant) is
 * answered like an unknown one, as the catalog hides it from customers.
 * Refusals name `field`.
 */
export function sellableVariant(
  found: ReadonlyMap<string, CatalogVariant>,
  line: { readonly productId: string | null; readonly variantId: string | null },
  field: string,
): ChosenVariant {
  const id = line.variantId ?? line.productId ?? '';
  const asked = found.get(id);
  if (!asked || asked.product.status === 'DRAFT') throw appError('NOT_FOUND', `${line.variantId ? 'Variant' : 'Product'} ${id} was not found`, { id, field: field });
  const { product } = asked;
  if (line.variantId && line.productId && product.id !== line.productId) {
    throw appError('BAD_USER_INPUT', `Variant ${line.variantId} is not a variant of product ${line.productId}`, { field: field });
  }
  if (product.status !== 'ACTIVE') {
    throw appError('BAD_USER_INPUT', `Product ${product.id} is no longer sold`, { field: field, reason: 'PRODUCT_UNAVAILABLE', productId: product.id });
  }
  let variant: CatalogVariantFacts = asked;
  // A product's id without a variant: the product's one variant on sale, if it has exactly one.
  if (!line.variantId && asked.id === product.id) {
    if (product.variants.length > 1) {
      throw appError('BAD_USER_INPUT', `Product ${product.id} is sold in ${product.variants.length} variants: give the variantId of the one meant`, {
        field: field,
        reason: 'VARIANT_REQUIRED',
        productId: product.id,
        variantIds: product.variants.map((v) => v.id),
      });
    }
    variant = product.variants[0] ?? asked;
  }
  if (variant.status === 'DRAFT') throw appError('NOT_FOUND', `Variant ${variant.id} was not found`, { id: variant.id, field: field });
  if (variant.status !== 'ACTIVE') {
    throw appError('BAD_USER_INPUT', `Variant ${variant.id} of product ${product.id} is no longer sold`, { field: field, reason: 'PRODUCT_UNAVAILABLE', productId: product.id });
  }
  return { productId: product.id, weightGrams: product.weightGrams, categoryIds: product.categories.map((c) => c.id), variant };
}
