import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { changedFields, type AuditState } from '../../contracts/audit';
import { isStaff } from '../../platform/caller';
import { byKeys, type RequestContext } from '../../platform/context';
import { appError, badInput, notFound } from '../../platform/errors';
import { announceChanges } from '../../platform/messaging/pubsub';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { AuditService } from './audit.service';
import { ProductEntity, ProductStatus } from './product.entity';
import { checkFields, checkSku, normalizeSku, skuKeyOf, type FieldError, type ProductFields } from './product.rules';
import type { AddProductVariantInput, UpdateProductVariantInput } from './variant.inputs';
import { ProductVariantEntity } from './variant.entity';
import {
  checkNewCombination,
  checkOptions,
  defaultValues,
  matchOptionValues,
  refit,
  skuTaken,
  variantTitle,
  type OptionInput,
  type OptionValueInput,
} from './variant.rules';

/** Products the start-up migration reads per round. */
const MIGRATION_PAGE = 500;

/**
 * Options and variants (README "Variants"). The default variant (id = the
 * product's id) shares the product's price, attributes and media, and, while
 * the product has no options, its status: a change to either is written to
 * both in one unit of work, so a product sold as one variant reads the same
 * through Product and ProductVariant.
 */
export class VariantService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly audit: AuditService,
  ) {}

  /** Batched by id for `_entities` and lookups, whatever the status (a past order's variant stays resolvable). */
  load(ctx: RequestContext, id: string): Promise<ProductVariantEntity | null> {
    return ctx.loaders
      .get<string, ProductVariantEntity | null>('variantById', async (ids) => {
        const rows = await ctx.em.find(ProductVariantEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** A product's variants, default first then oldest first; customers see ACTIVE ones only. A page of products costs one query. */
  async ofProduct(ctx: RequestContext, product: ProductEntity): Promise<ProductVariantEntity[]> {
    const all = await ctx.loaders
      .get<string, ProductVariantEntity[]>('variantsByProduct', async (ids) => {
        const rows = await ctx.em.find(ProductVariantEntity, { productId: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
        return ids.map((id) => rows.filter((row) => row.productId === id).sort((a, b) => Number(b.isDefault) - Number(a.isDefault)));
      })
      .load(product.id);
    return isStaff(ctx.caller) ? all : all.filter((variant) => variant.status === ProductStatus.ACTIVE);
  }

  /**
   * By id or by SKU (ignoring case), exactly one; null when absent or hidden:
   * customers see ACTIVE variants of ACTIVE products, and a default variant
   * asked by id (the product's id) whenever its product is visible.
   */
  async find(ctx: RequestContext, id: string | null, sku: string | null): Promise<ProductVariantEntity | null> {
    if ((id === null) === (sku === null)) throw badInput('Give exactly one of id and sku', id === null ? 'id' : 'sku');
    const variant = id !== null ? await this.load(ctx, id) : await ctx.em.findOne(ProductVariantEntity, { skuKey: skuKeyOf(sku as string) });
    if (!variant || isStaff(ctx.caller)) return variant;
    const product = await ctx.em.findOne(ProductEntity, { id: variant.productId });
    const shown = variant.status === ProductStatus.ACTIVE || (id !== null && variant.isDefault);
    return shown && product?.status === ProductStatus.ACTIVE ? variant : null;
  }

  /** The product of a variant SKU (ignoring case), for `product(sku:)`. */
  async productIdBySku(ctx: RequestContext, sku: string): Promise<string | null> {
    return (await ctx.em.findOne(ProductVariantEntity, { skuKey: skuKeyOf(sku) }))?.productId ?? null;
  }

  /**
   * Defines (or redefines) the product's options. While the product has only
   * its default variant, that variant takes `defaultVariantValues` (or the
   * first value of each option); otherwise every live variant's values must
   * still fit the new options (values may be added and reordered, not taken
   * from a variant that uses them). Audited.
   */
  async setOptions(ctx: RequestContext, productId: string, input: readonly OptionInput[], defaultInput: readonly OptionValueInput[] | null): Promise<ProductEntity> {
    const options = checkOptions(input);
    const product = await this.deps.db.write(async (em) => {
      const found = await em.findOne(ProductEntity, { id: productId });
      if (!found) throw notFound('Product', productId);
      const variants = await em.find(ProductVariantEntity, { productId });
      const live = variants.filter((v) => v.status !== ProductStatus.ARCHIVED);
      const onlyDefault = live.every((v) => v.isDefault);
      const before = { options: found.options };
      const now = this.deps.clock.now();
      for (const variant of live) {
        const values = variant.isDefault && onlyDefault ? (options.length > 0 ? defaultValues(options, defaultInput) : []) : refit(options, variant.optionValues);
        if (values === null) throw matchOptionValuesError(variant, options.length === 0);
        variant.optionValueList = values;
        variant.title = variantTitle(values);
        variant.updatedAt = now;
      }
      found.optionList = options.length > 0 ? options : null;
      found.updatedAt = now;
      this.audit.record(em, ctx.caller, { action: 'product.options_set', entityType: 'Product', entityId: productId, before, after: { options: found.options } });
      return found;
    });
    await this.announce(product.id);
    return product;
  }

  /** A new variant of a product with options: its own SKU (CONFLICT SKU_TAKEN), values fitting the options, a combination no live variant has. Audited. */
  async add(ctx: RequestContext, productId: string, input: AddProductVariantInput): Promise<ProductVariantEntity> {
    const sku = normalizeSku(input.sku);
    const skuError = checkSku(sku);
    if (skuError) throw badInput(skuError.message, skuError.field);
    const fields = checkedFields(input);
    try {
      const variant = await this.deps.db.write(async (em) => {
        const product = await em.findOne(ProductEntity, { id: productId });
        if (!product) throw notFound('Product', productId);
        const values = matchOptionValues(product.options, input.optionValues);
        const live = await em.find(ProductVariantEntity, { productId, status: { $ne: ProductStatus.ARCHIVED } });
        checkNewCombination(values, live);
        await this.checkSkuFree(em, sku);
        const now = this.deps.clock.now();
        const created = Object.assign(new ProductVariantEntity(), {
          productId,
          sku,
          skuKey: skuKeyOf(sku),
          title: variantTitle(values, input.title),
          optionValueList: values,
          priceAmount: fields.priceAmount ?? product.priceAmount,
          currency: product.currency,
          attributeList: fields.attributes ?? [],
          mediaList: fields.media ?? [],
          status: fields.status ?? ProductStatus.ACTIVE,
          createdAt: now,
          updatedAt: now,
        });
        em.persist(created);
        this.audit.record(em, ctx.caller, { action: 'variant.created', entityType: 'ProductVariant', entityId: created.id, before: null, after: variantState(created) });
        return created;
      });
      await this.announce(productId);
      return variant;
    } catch (error) {
      // Another request took the SKU after the check above.
      throw error instanceof UniqueConstraintViolationException ? skuTaken(sku) : error;
    }
  }

  /** Changes the given fields; on the default variant, price, attributes and media are written to the product too. Audited when something differs. */
  async update(ctx: RequestContext, id: string, input: UpdateProductVariantInput): Promise<ProductVariantEntity> {
    const fields = checkedFields(input);
    const { variant, changed } = await this.deps.db.write(async (em) => {
      const found = await em.findOne(ProductVariantEntity, { id });
      if (!found) throw notFound('Product variant', id);
      const product = await em.findOneOrFail(ProductEntity, { id: found.productId });
      const before = variantState(found);
      if (input.optionValues !== undefined && input.optionValues !== null) {
        const values = matchOptionValues(product.options, input.optionValues);
        const others = await em.find(ProductVariantEntity, { productId: found.productId, id: { $ne: id }, status: { $ne: ProductStatus.ARCHIVED } });
        checkNewCombination(values, others);
        found.optionValueList = values;
        if (input.title === undefined) found.title = variantTitle(values);
      }
      if (input.title !== undefined) found.title = variantTitle(found.optionValues, input.title);
      if (fields.priceAmount !== undefined) found.priceAmount = fields.priceAmount;
      if (fields.attributes) found.attributeList = fields.attributes;
      if (fields.media) found.mediaList = fields.media;
      if (fields.status) {
        if (fields.status !== ProductStatus.ARCHIVED && found.status === ProductStatus.ARCHIVED) {
          const others = await em.find(ProductVariantEntity, { productId: found.productId, id: { $ne: id }, status: { $ne: ProductStatus.ARCHIVED } });
          checkNewCombination(found.optionValues, others);
        }
        found.status = fields.status;
      }
      const diff = changedFields(before, variantState(found));
      if (!diff) return { variant: found, changed: false };
      const now = this.deps.clock.now();
      found.updatedAt = now;
      if (found.isDefault) {
        Object.assign(product, { priceAmount: found.priceAmount, attributeList: found.attributeList, mediaList: found.mediaList, updatedAt: now });
        if (product.options.length === 0) product.status = found.status;
      }
      this.audit.record(em, ctx.caller, { action: fields.status === ProductStatus.ARCHIVED ? 'variant.archived' : 'variant.updated', entityType: 'ProductVariant', entityId: id, ...diff });
      return { variant: found, changed: true };
    });
    if (changed) await this.announce(variant.productId);
    return variant;
  }

  /** Hides the variant from customers and frees its option values for another; it stays resolvable for past orders. Idempotent. */
  archive(ctx: RequestContext, id: string): Promise<ProductVariantEntity> {
    return this.update(ctx, id, { status: ProductStatus.ARCHIVED });
  }

  /**
   * Joins a product change's unit of work: the default variant follows the
   * product's price, attributes, media (and status, without options), and
   * every variant its currency. One query whatever the number of products.
   */
  async follow(em: EntityManager, products: readonly ProductEntity[]): Promise<void> {
    if (products.length === 0) return;
    const byId = new Map(products.map((p) => [p.id, p]));
    const variants = await em.find(ProductVariantEntity, { productId: { $in: [...byId.keys()] } });
    const missing = new Set(byId.keys());
    for (const variant of variants) {
      const product = byId.get(variant.productId) as ProductEntity;
      variant.currency = product.currency;
      if (variant.isDefault) {
        missing.delete(variant.id);
        Object.assign(variant, {
          priceAmount: product.priceAmount,
          attributeList: product.attributes,
          mediaList: product.media,
          // With options the default variant is one size among others, archived or not on its own.
          status: product.options.length === 0 ? product.status : variant.status,
          updatedAt: product.updatedAt,
        });
      }
    }
    for (const id of missing) em.persist(defaultVariantOf(byId.get(id) as ProductEntity));
  }

  /**
   * The start-up migration: every product without its default variant gets
   * one (id = the product's id, same SKU, price, attributes, media, status).
   * Idempotent; a page of products per unit of work.
   */
  async ensureDefaultVariants(): Promise<number> {
    let created = 0;
    let after = '';
    for (;;) {
      const page = await this.deps.db.write(async (em) => {
        const products = await em.find(ProductEntity, { id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: MIGRATION_PAGE });
        const existing = new Set((await em.find(ProductVariantEntity, { id: { $in: products.map((p) => p.id) } }, { fields: ['id'] })).map((v) => v.id));
        const missing = products.filter((p) => !existing.has(p.id));
        for (const product of missing) em.persist(defaultVariantOf(product));
        return { last: products.at(-1)?.id ?? null, added: missing.length, full: products.length === MIGRATION_PAGE };
      });
      created += page.added;
      if (!page.full || page.last === null) return created;
      after = page.last;
    }
  }

  /** CONFLICT SKU_TAKEN when a product or variant has the SKU (ignoring case). */
  async checkSkuFree(em: EntityManager, sku: string): Promise<void> {
    const key = skuKeyOf(sku);
    const [products, variants] = await Promise.all([em.count(ProductEntity, { skuKey: key }), em.count(ProductVariantEntity, { skuKey: key })]);
    if (products + variants > 0) throw skuTaken(sku);
  }

  /** After the commit: cached reads of the product (its variants) are evicted at the gateway. */
  private announce(productId: string): Promise<void> {
    return announceChanges(this.deps, 'Product', [{ id: productId, version: this.deps.clock.now().getTime() }]);
  }
}

/** The default variant of `product`: its id, SKU, price, attributes, media and status, no option values. */
export function defaultVariantOf(product: ProductEntity): ProductVariantEntity {
  return Object.assign(new ProductVariantEntity(), {
    id: product.id,
    productId: product.id,
    sku: product.sku,
    skuKey: product.skuKey ?? skuKeyOf(product.sku),
    title: variantTitle([]),
    optionValueList: [],
    priceAmount: product.priceAmount,
    currency: product.currency,
    attributeList: product.attributes,
    mediaList: product.media,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  });
}

/** What the audit log records of a variant. */
export function variantState(variant: ProductVariantEntity): AuditState {
  return {
    productId: variant.productId,
    sku: variant.sku,
    title: variant.title,
    optionValues: variant.optionValues,
    priceAmount: variant.priceAmount,
    currency: variant.currency,
    attributes: variant.attributes,
    media: variant.media,
    status: variant.status,
  };
}

/** Price, attributes, media and status checked by the product rules (BAD_USER_INPUT naming the first fault, e.g. a negative price). */
function checkedFields(input: AddProductVariantInput | UpdateProductVariantInput): ProductFields {
  const checked = checkFields({ priceAmount: input.priceAmount ?? undefined, attributes: input.attributes ?? undefined, media: input.media ?? undefined, status: input.status ?? undefined });
  if ('error' in checked) throw asBadInput(checked.error);
  return checked.fields;
}

const asBadInput = (error: FieldError): GraphQLError => badInput(error.message, error.field);

/** BAD_USER_INPUT OPTION_VALUES_MISMATCH: new options would leave a live variant without fitting values. */
function matchOptionValuesError(variant: ProductVariantEntity, removingAll: boolean): GraphQLError {
  const message = removingAll
    ? `variant ${variant.sku} has option values: archive the product's other variants before removing its options`
    : `variant ${variant.sku} (${variant.title}) would no longer fit these options: keep its values, or archive it first`;
  return appError('BAD_USER_INPUT', message, { field: 'options', reason: 'OPTION_VALUES_MISMATCH' });
}
