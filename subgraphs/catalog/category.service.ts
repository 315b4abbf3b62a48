import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { changedFields, type AuditState } from '../../contracts/audit';
import { byKeys, type RequestContext } from '../../platform/context';
import { DEMO_CATEGORIES } from '../../contracts/demo';
import { badInput, conflict, notFound } from '../../platform/errors';
import { announceChanges } from '../../platform/messaging/pubsub';
import type { SubgraphDeps } from '../../platform/subgraph';
import type { AuditService } from './audit.service';
import { CategoryEntity, siblingKey } from './category.entity';
import type { CreateCategoryInput, UpdateCategoryInput } from './category.inputs';
import { checkDepth, checkName, MAX_DEPTH, nameAfter } from './category.rules';

/** The category tree. Anyone reads it; agents and admins change it. */
export class CategoryService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly audit: AuditService,
  ) {}

  /** Children of `parentId`, or the top level; by name. */
  list(ctx: RequestContext, parentId: string | null): Promise<CategoryEntity[]> {
    return this.children(ctx, parentId);
  }

  /** Batched by id: the parents of a whole list cost one query. */
  load(ctx: RequestContext, id: string): Promise<CategoryEntity | null> {
    return ctx.loaders
      .get<string, CategoryEntity | null>('categoryById', async (ids) => {
        const rows = await ctx.em.find(CategoryEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** Batched by parent: the children of a whole list cost one query. Null: the top level. */
  children(ctx: RequestContext, parentId: string | null): Promise<CategoryEntity[]> {
    const TOP = '';
    return ctx.loaders
      .get<string, CategoryEntity[]>('categoriesByParent', async (keys) => {
        const ids = keys.filter((key) => key !== TOP);
        const rows = await ctx.em.find(
          CategoryEntity,
          { $or: [{ parentId: { $in: ids } }, ...(keys.includes(TOP) ? [{ parentId: null }] : [])] },
          { orderBy: { name: 'asc', id: 'asc' } },
        );
        return keys.map((key) => rows.filter((row) => (row.parentId ?? TOP) === key));
      })
      .load(parentId ?? TOP);
  }

  /** `rootId` and every category below it, one query per level. */
  async withDescendants(em: EntityManager, rootId: string): Promise<string[]> {
    const found = new Set([rootId]);
    let level = [rootId];
    for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth += 1) {
      const rows = await em.find(CategoryEntity, { parentId: { $in: level } }, { fields: ['id'] });
      level = rows.map((row) => row.id).filter((id) => !found.has(id));
      for (const id of level) found.add(id);
    }
    return [...found];
  }

  /** The categories with these ids; refuses the whole input when one is unknown. */
  async require(em: EntityManager, ids: readonly string[], field: string): Promise<CategoryEntity[]> {
    if (ids.length === 0) return [];
    const rows = await em.find(CategoryEntity, { id: { $in: [...ids] } });
    const missing = ids.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0) throw badInput(`Unknown category ${missing.join(', ')}`, field);
    return rows;
  }

  async create(ctx: RequestContext, input: CreateCategoryInput): Promise<CategoryEntity> {
    const name = checkName(input.name);
    const parentId = input.parentId ?? null;
    const created = await this.deps.db.write(async (em) => {
      if (parentId !== null) await this.checkParent(em, parentId, null);
      const now = this.deps.clock.now();
      const category = Object.assign(new CategoryEntity(), { name, parentId, siblingKey: siblingKey(parentId, name), createdAt: now, updatedAt: now });
      em.persist(category);
      this.audit.record(em, ctx.caller, { action: 'category.created', entityType: 'Category', entityId: category.id, before: null, after: stateOf(category) });
      await this.flush(em, name);
      return category;
    });
    await this.announce(created);
    return created;
  }

  async update(ctx: RequestContext, id: string, input: UpdateCategoryInput): Promise<CategoryEntity> {
    const updated = await this.deps.db.write(async (em) => {
      const category = await em.findOne(CategoryEntity, { id });
      if (!category) throw notFound('Category', id);
      const name = nameAfter(category.name, input.name);
      const parentId = input.parentId === undefined ? category.parentId : input.parentId;
      if (parentId !== null && parentId !== category.parentId) await this.checkParent(em, parentId, category.id);
      const before = stateOf(category);
      const diff = changedFields(before, { name, parentId });
      if (!diff) return category;
      Object.assign(category, { name, parentId, siblingKey: siblingKey(parentId, name), updatedAt: this.deps.clock.now() });
      this.audit.record(em, ctx.caller, { action: 'category.updated', entityType: 'Category', entityId: category.id, ...diff });
      await this.flush(em, name);
      return category;
    });
    await this.announce(updated);
    return updated;
  }

  /** After the commit: cached public reads that contain the category, or list products by it, are evicted at the gateway. */
  private announce(category: CategoryEntity): Promise<void> {
    return announceChanges(this.deps, 'Category', [{ id: category.id, version: category.updatedAt.getTime() }]);
  }

  /** Demo tree: inserts what is missing, so restarts add nothing twice. */
  async seedDemo(): Promise<void> {
    await this.deps.db.write(async (em) => {
      const existing = new Set((await em.find(CategoryEntity, { id: { $in: DEMO_CATEGORIES.map((c) => c.id) } })).map((c) => c.id));
      for (const demo of DEMO_CATEGORIES) {
        if (existing.has(demo.id)) continue;
        em.persist(Object.assign(new CategoryEntity(), { id: demo.id, name: demo.name, parentId: demo.parentId, siblingKey: siblingKey(demo.parentId, demo.name) }));
      }
    });
  }

  /**
   * The parent must exist, must not be the category itself or below it (a
   * cycle), and must leave the tree at most MAX_DEPTH deep.
   */
  private async checkParent(em: EntityManager, parentId: string, movingId: string | null): Promise<void> {
    // The level the category lands on (1: top level); bounding it also bounds the walk.
    let level = 1;
    for (let current: string | null = parentId; current !== null; ) {
      if (current === movingId) throw badInput('A category cannot be moved below itself', 'parentId');
      level += 1;
      checkDepth(level);
      const row: CategoryEntity | null = await em.findOne(CategoryEntity, { id: current });
      if (!row) throw badInput(`Unknown category ${current}`, 'parentId');
      current = row.parentId;
    }
    if (movingId !== null) checkDepth(level, await this.heightBelow(em, movingId));
  }

  /** Levels below a category (0 for a leaf). */
  private async heightBelow(em: EntityManager, id: string): Promise<number> {
    let height = 0;
    let level = [id];
    while (height < MAX_DEPTH) {
      const rows = await em.find(CategoryEntity, { parentId: { $in: level } }, { fields: ['id'] });
      if (rows.length === 0) break;
      level = rows.map((row) => row.id);
      height += 1;
    }
    return height;
  }

  /** Inside the unit of work, so that a name taken meanwhile (the unique index decides) is refused naming it. */
  private async flush(em: EntityManager, name: string): Promise<void> {
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict(`A category named "${name}" already exists at this place in the tree`, { field: 'name' });
      }
      throw error;
    }
  }
}

function stateOf(category: CategoryEntity): AuditState {
  return { name: category.name, parentId: category.parentId };
}
