import { UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { GraphQLError } from 'graphql';
import { changedFields } from '../../contracts/audit';
import { isStaff, type Caller } from '../../platform/caller';
import { byKeys, type RequestContext } from '../../platform/context';
import { DEMO_PRODUCT_CATEGORIES, DEMO_PRODUCTS } from '../../contracts/demo';
import { badInput, notFound } from '../../platform/errors';
import { announceChanges } from '../../platform/messaging/pubsub';
import { containsText } from '../../platform/orm';
import { paginate, type Page, type PageArgs, type SortSpec } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { AuditService } from './audit.service';
import { CategoryEntity } from './category.entity';
import type { CategoryService } from './category.service';
import { ProductEntity, ProductStatus } from './product.entity';
import { ProductSort, type CreateProductInput, type ProductFilter, type UpdateProductInput, type UpsertProductInput } from './product.inputs';
import { UpsertProductResult, UpsertStatus } from './product.results';
import { ProductVariantEntity } from './variant.entity';
import { defaultVariantOf, type VariantService } from './variant.service';
import { skuTaken, variantTitle } from './variant.rules';
import {
  checkAllFields,
  checkCreatable,
  checkFields,
  checkFilter,
  checkRepeatedSkus,
  checkSku,
  checkUpsertSize,
  normalizeCurrency,
  normalizeSku,
  productState,
  skuKeyOf,
  type FieldError,
  type ProductFields,
} from './product.rules';

/** A concurrent call creating one of the same SKUs makes a flush fail; looking again resolves it. */
const UPSERT_ATTEMPTS = 3;

const SORTS: Readonly<Record<ProductSort, SortSpec<ProductEntity>>> = {
  // Ids are time-ordered (platform/ids.ts), so the id alone orders by creation.
  [ProductSort.NEWEST]: { field: 'id', direction: 'desc' },
  [ProductSort.NAME_ASC]: { field: 'name', direction: 'asc' },
  [ProductSort.NAME_DESC]: { field: 'name', direction: 'desc' },
  [ProductSort.PRICE_ASC]: { field: 'priceAmount', direction: 'asc' },
  [ProductSort.PRICE_DESC]: { field: 'priceAmount', direction: 'desc' },
};

export class ProductService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly categories: CategoryService,
    private readonly audit: AuditService,
    private readonly variants: VariantService,
  ) {}

  /** Customers and anonymous callers see ACTIVE products only; staff see all. */
  private visibility(ctx: RequestContext): FilterQuery<ProductEntity> {
    return isStaff(ctx.caller) ? {} : { status: ProductStatus.ACTIVE };
  }

  async get(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    const product = await this.load(ctx, id);
    if (!product) return null;
    return isStaff(ctx.caller) || product.status === ProductStatus.ACTIVE ? product : null;
  }

  /** By id or by SKU (ignoring case and surrounding spaces; the product's own or any of its variants'): exactly one of them. */
  async find(ctx: RequestContext, id: string | null, sku: string | null): Promise<ProductEntity | null> {
    if ((id === null) === (sku === null)) throw badInput('Give exactly one of id and sku', id === null ? 'id' : 'sku');
    if (id !== null) return this.get(ctx, id);
    const product = await ctx.em.findOne(ProductEntity, { skuKey: skuKeyOf(sku as string) });
    if (product) return isStaff(ctx.caller) || product.status === ProductStatus.ACTIVE ? product : null;
    const productId = await this.variants.productIdBySku(ctx, sku as string);
    return productId ? this.get(ctx, productId) : null;
  }

  /**
   * SKU (as asked) to the variant it names and its product, for inventory's
   * stock feeds; a product's own SKU names its default variant (the product's
   * id). Unknown SKUs are left out. One query.
   */
  async idsBySku(skus: readonly string[]): Promise<Array<{ sku: string; productId: string; variantId: string }>> {
    const keys = [...new Set(skus.map(skuKeyOf))];
    const rows = keys.length > 0 ? await this.deps.db.read((em) => em.find(ProductVariantEntity, { skuKey: { $in: keys } })) : [];
    const byKey = new Map(rows.map((row) => [row.skuKey, row]));
    return skus.flatMap((sku) => {
      const variant = byKey.get(skuKeyOf(sku));
      return variant ? [{ sku, productId: variant.productId, variantId: variant.id }] : [];
    });
  }

  /** Fills in the SKU key of rows written before it existed, so lookups by SKU find them. */
  async backfillSkuKeys(): Promise<void> {
    await this.deps.db.write(async (em) => {
      for (const product of await em.find(ProductEntity, { skuKey: null })) product.skuKey = skuKeyOf(product.sku);
    });
  }

  /**
   * Batched by id for `_entities` and lookups: one query per request however
   * many products are referenced. References (an order's lines) resolve
   * whatever the status, since an archived product stays part of past orders.
   */
  load(ctx: RequestContext, id: string): Promise<ProductEntity | null> {
    return ctx.loaders
      .get<string, ProductEntity | null>('productById', async (ids) => {
        const rows = await ctx.em.find(ProductEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** Batched: the categories of a whole page of products cost one round of queries. By name. */
  categoriesOf(ctx: RequestContext, product: ProductEntity): Promise<CategoryEntity[]> {
    return ctx.loaders
      .get<string, CategoryEntity[]>('categoriesByProduct', async (ids) => {
        const rows = await ctx.em.find(ProductEntity, { id: { $in: [...ids] } }, { populate: ['categories'] });
        return byKeys(ids, rows, (row) => row.id).map((row) =>
          (row?.categories.getItems() ?? []).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
        );
      })
      .load(product.id);
  }

  async list(ctx: RequestContext, page: PageArgs, filter: ProductFilter | null | undefined, sort: ProductSort): Promise<Page<ProductEntity>> {
    checkFilter(filter ?? {});
    const conditions: FilterQuery<ProductEntity>[] = [this.visibility(ctx)];
    if (filter?.status) conditions.push({ status: filter.status });
    const search = filter?.search?.trim();
    if (search) {
      const match = containsText(ctx.em, search);
      conditions.push({ $or: [{ name: match }, { sku: match }, { description: match }] } as FilterQuery<ProductEntity>);
    }
    if (filter?.categoryId) {
      conditions.push({ categories: { $in: await this.categories.withDescendants(ctx.em, filter.categoryId) } });
    }
    const { minPrice, maxPrice, currency } = filter ?? {};
    if (typeof minPrice === 'number') conditions.push({ priceAmount: { $gte: minPrice } });
    if (typeof maxPrice === 'number') conditions.push({ priceAmount: { $lte: maxPrice } });
    if (currency) conditions.push({ currency: normalizeCurrency(currency) ?? currency });
    return paginate(ctx.em, ProductEntity, { $and: conditions }, page, SORTS[sort]);
  }

  async create(ctx: RequestContext, input: CreateProductInput): Promise<ProductEntity> {
    const sku = normalizeSku(input.sku);
    const skuError = checkSku(sku);
    if (skuError) throw asGraphQLError(skuError);
    const checked = checkFields({ ...input, status: input.status ?? ProductStatus.ACTIVE });
    if ('error' in checked) throw asGraphQLError(checked.error);
    try {
      const created = await this.deps.db.write(async (em) => {
        await this.variants.checkSkuFree(em, sku);
        const categories = await this.categories.require(em, checked.fields.categoryIds ?? [], 'categoryIds');
        const product = this.newProduct(sku, checked.fields, categories);
        em.persist([product, defaultVariantOf(product)]);
        this.audit.record(em, ctx.caller, { action: 'product.created', entityType: 'Product', entityId: product.id, before: null, after: productState(product) });
        return product;
      });
      await this.announce([created]);
      return created;
    } catch (error) {
      // Another request created the SKU after the check above.
      throw error instanceof UniqueConstraintViolationException ? skuTaken(sku) : error;
    }
  }

  update(ctx: RequestContext, id: string, input: UpdateProductInput): Promise<ProductEntity> {
    const checked = checkFields(input);
    if ('error' in checked) throw asGraphQLError(checked.error);
    return this.change(ctx, id, checked.fields, 'product.updated');
  }

  /** Hides the product from customers; it stays resolvable for past orders. Idempotent. */
  archive(ctx: RequestContext, id: string): Promise<ProductEntity> {
    return this.change(ctx, id, { status: ProductStatus.ARCHIVED }, 'product.archived');
  }

  /**
   * Creates or updates products by SKU in one unit of work, with a result per
   * item: a bad item is reported with every violation and skipped, the others
   * are applied. Only the fields given change. A retried identical call finds
   * nothing to change (UNCHANGED, nothing written); a dry run answers the
   * same results and writes nothing. The lookups cost a fixed number of
   * queries whatever the batch size.
   */
  async upsert(ctx: RequestContext, items: readonly UpsertProductInput[], dryRun = false): Promise<UpsertProductResult[]> {
    checkUpsertSize(items.length);
    if (dryRun) return this.deps.db.read((em) => this.upsertIn(em, ctx, items, true));
    for (let attempt = 1; ; attempt += 1) {
      try {
        const results = await this.deps.db.write((em) => this.upsertIn(em, ctx, items, false));
        await this.announce(results.filter((r) => r.status === UpsertStatus.CREATED || r.status === UpsertStatus.UPDATED).flatMap((r) => (r.product ? [r.product] : [])));
        return results;
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= UPSERT_ATTEMPTS) throw error;
      }
    }
  }

  /** Demo catalogue: inserts what is missing, by SKU, so restarts add nothing twice. */
  async seedDemo(): Promise<void> {
    await this.deps.db.write(async (em) => {
      const existing = new Set((await em.find(ProductEntity, { sku: { $in: DEMO_PRODUCTS.map((p) => p.sku) } })).map((p) => p.sku));
      for (const demo of DEMO_PRODUCTS) {
        if (existing.has(demo.sku)) continue;
        const product = Object.assign(new ProductEntity(), {
          id: demo.id,
          sku: demo.sku,
          skuKey: skuKeyOf(demo.sku),
          name: demo.name,
          description: demo.description,
          priceAmount: demo.priceAmount,
          currency: demo.currency,
          weightGrams: demo.weightGrams,
          status: ProductStatus.ACTIVE,
        });
        const categoryId = DEMO_PRODUCT_CATEGORIES[demo.id];
        if (categoryId) product.categories.set([em.getReference(CategoryEntity, categoryId)]);
        em.persist(product);
        if (demo.options && demo.variants) {
          product.optionList = demo.options.map((option) => ({ name: option.name, values: [...option.values] }));
          for (const variant of demo.variants) {
            const optionValueList = variant.optionValues.map((value) => ({ ...value }));
            em.persist(
              Object.assign(defaultVariantOf(product), {
                id: variant.id,
                sku: variant.sku,
                skuKey: skuKeyOf(variant.sku),
                title: variantTitle(optionValueList),
                optionValueList,
                priceAmount: variant.priceAmount,
              }),
            );
          }
        }
      }
    });
  }

  /** One unit of work per attempt, so a retry sees what the other call wrote; a dry run persists and records nothing. */
  private async upsertIn(em: EntityManager, ctx: RequestContext, items: readonly UpsertProductInput[], dryRun: boolean): Promise<UpsertProductResult[]> {
    const results: UpsertProductResult[] = [];
    const skus = items.map((item) => normalizeSku(item.sku));
    const repeats = checkRepeatedSkus(skus);
    const checkedItems = items.map((item, index) => {
      // Upsert has no status default to fall back on: null, like omitted, keeps (or on creation, defaults) it.
      const checked = checkAllFields({ ...item, status: item.status ?? undefined });
      const skuErrors = [checkSku(skus[index]), repeats[index]].filter((error): error is FieldError => error !== null);
      return { index, sku: skus[index], fields: checked.fields, errors: [...skuErrors, ...checked.errors] };
    });
    const keys = checkedItems.filter((item) => !item.errors.some((error) => error.field === 'sku')).map((item) => skuKeyOf(item.sku));
    const existing = new Map(
      (keys.length > 0 ? await em.find(ProductEntity, { skuKey: { $in: keys } }, { populate: ['categories'] }) : []).map((p) => [p.skuKey, p]),
    );
    // A new product's SKU must not be one of another product's variants'.
    const variantSkus = new Set(
      (keys.length > 0 ? await em.find(ProductVariantEntity, { skuKey: { $in: keys }, productId: { $nin: [...existing.values()].map((p) => p.id) } }) : []).map((v) => v.skuKey),
    );
    const categoryIds = [...new Set(checkedItems.flatMap((item) => item.fields.categoryIds ?? []))];
    const categories = new Map((categoryIds.length > 0 ? await em.find(CategoryEntity, { id: { $in: categoryIds } }) : []).map((c) => [c.id, c]));

    const updated: ProductEntity[] = [];
    for (const { index, sku, fields, errors } of checkedItems) {
      const product = existing.get(skuKeyOf(sku));
      const unknown = (fields.categoryIds ?? []).filter((id) => !categories.has(id));
      const all = [
        ...errors,
        ...(!product && variantSkus.has(skuKeyOf(sku)) ? [{ code: 'BAD_USER_INPUT' as const, field: 'sku', message: `sku ${sku} is a variant's SKU; products and variants share one set of SKUs` }] : []),
        ...(product || errors.some((error) => error.field === 'sku') ? [] : checkCreatable(fields, errors)),
        ...(unknown.length > 0 ? [{ code: 'BAD_USER_INPUT' as const, field: 'categoryIds', message: `Unknown category ${unknown.join(', ')}` }] : []),
      ];
      if (all.length > 0) {
        results[index] = UpsertProductResult.failed(index, sku, all);
        continue;
      }
      const chosen = (fields.categoryIds ?? []).map((id) => categories.get(id) as CategoryEntity);
      if (!product) {
        if (dryRun) {
          results[index] = UpsertProductResult.of(index, sku, UpsertStatus.CREATED, null);
          continue;
        }
        const created = this.newProduct(sku, { status: ProductStatus.ACTIVE, ...fields }, chosen);
        em.persist([created, defaultVariantOf(created)]);
        this.audit.record(em, ctx.caller, { action: 'product.created', entityType: 'Product', entityId: created.id, before: null, after: productState(created) });
        results[index] = UpsertProductResult.of(index, sku, UpsertStatus.CREATED, created);
      } else if (dryRun) {
        const before = productState(product);
        const changed = changedFields(before, { ...before, ...fields }) !== null;
        results[index] = UpsertProductResult.of(index, sku, changed ? UpsertStatus.UPDATED : UpsertStatus.UNCHANGED, null);
      } else {
        const changed = this.applyChange(em, ctx.caller, product, fields, chosen, 'product.updated');
        if (changed) updated.push(product);
        results[index] = UpsertProductResult.of(index, sku, changed ? UpsertStatus.UPDATED : UpsertStatus.UNCHANGED, product);
      }
    }
    await this.variants.follow(em, updated);
    return results;
  }

  private async change(ctx: RequestContext, id: string, fields: ProductFields, action: string): Promise<ProductEntity> {
    const { product, changed } = await this.deps.db.write(async (em) => {
      const found = await em.findOne(ProductEntity, { id }, { populate: ['categories'] });
      if (!found) throw notFound('Product', id);
      const categories = fields.categoryIds ? await this.categories.require(em, fields.categoryIds, 'categoryIds') : [];
      const applied = this.applyChange(em, ctx.caller, found, fields, categories, action);
      if (applied) await this.variants.follow(em, [found]);
      return { product: found, changed: applied };
    });
    if (changed) await this.announce([product]);
    return product;
  }

  /** After the commit: cached public reads that contain these products are evicted at the gateway. */
  private announce(products: readonly ProductEntity[]): Promise<void> {
    return announceChanges(this.deps, 'Product', products.map((p) => ({ id: p.id, version: p.updatedAt.getTime() })));
  }

  /** Applies what differs and records it for the audit log; false (nothing touched) when nothing differs. */
  private applyChange(em: EntityManager, caller: Caller | null, product: ProductEntity, fields: ProductFields, categories: CategoryEntity[], action: string): boolean {
    const before = productState(product);
    const diff = changedFields(before, { ...before, ...fields });
    if (!diff) return false;
    assignFields(product, fields, categories);
    product.updatedAt = this.deps.clock.now();
    this.audit.record(em, caller, { action, entityType: 'Product', entityId: product.id, ...diff });
    return true;
  }

  private newProduct(sku: string, fields: ProductFields, categories: CategoryEntity[]): ProductEntity {
    const now = this.deps.clock.now();
    const product = Object.assign(new ProductEntity(), { sku, skuKey: skuKeyOf(sku), createdAt: now, updatedAt: now });
    assignFields(product, fields, categories);
    return product;
  }
}

/** `categories` holds the entities for `fields.categoryIds`, in any order. */
function assignFields(product: ProductEntity, fields: ProductFields, categories: CategoryEntity[]): void {
  const { categoryIds, attributes, media, ...scalars } = fields;
  Object.assign(product, scalars);
  if (attributes) product.attributeList = attributes;
  if (media) product.mediaList = media;
  if (categoryIds) product.categories.set(categories);
}

function asGraphQLError(error: FieldError): GraphQLError {
  return badInput(error.message, error.field);
}


