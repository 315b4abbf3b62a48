import type { EntityManager } from '@mikro-orm/core';
import { byKeys, type RequestContext } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import { AddressEntity } from './address.entity';
import type { AddressInput } from './address.inputs';
import { checkAddress, MAX_ADDRESSES } from './address.rules';
import type { UserEntity } from './user.entity';
import type { UserService } from './user.service';

/** A user's address book. Only the user changes it; staff read it (to ship orders). */
export class AddressService {
  constructor(
    private readonly deps: SubgraphDeps,
    private readonly users: UserService,
  ) {}

  /** Oldest first. Batched: the addresses of a page of users cost one query. */
  forUser(ctx: RequestContext, userId: string): Promise<AddressEntity[]> {
    return ctx.loaders
      .get<string, AddressEntity[]>('addressesByUser', async (userIds) => {
        const rows = await ctx.em.find(AddressEntity, { userId: { $in: [...userIds] } }, { orderBy: { id: 'asc' } });
        return userIds.map((userId) => rows.filter((row) => row.userId === userId));
      })
      .load(userId);
  }

  defaultFor(ctx: RequestContext, user: UserEntity): Promise<AddressEntity | null> {
    const id = user.defaultShippingAddressId;
    if (id === null) return Promise.resolve(null);
    return ctx.loaders
      .get<string, AddressEntity | null>('addressById', async (ids) => {
        const rows = await ctx.em.find(AddressEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /** The first address becomes the default shipping address. */
  async add(ctx: RequestContext, input: AddressInput): Promise<AddressEntity> {
    const fields = checkAddress(input);
    return this.deps.db.write(async (em) => {
      const user = await this.users.self(ctx, em);
      if ((await em.count(AddressEntity, { userId: user.id })) >= MAX_ADDRESSES) {
        throw conflict(`An address book holds at most ${MAX_ADDRESSES} addresses; remove one first`);
      }
      const now = this.deps.clock.now();
      const address = Object.assign(new AddressEntity(), { userId: user.id, createdAt: now, updatedAt: now }, fields);
      em.persist(address);
      if (user.defaultShippingAddressId === null) user.defaultShippingAddressId = address.id;
      return address;
    });
  }

  /** Replaces every field of one of the caller's addresses. */
  async update(ctx: RequestContext, id: string, input: AddressInput): Promise<AddressEntity> {
    const fields = checkAddress(input);
    return this.deps.db.write(async (em) => {
      const address = await this.own(ctx, em, id);
      return Object.assign(address, fields, { updatedAt: this.deps.clock.now() });
    });
  }

  /** Removing the default shipping address leaves none set. */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    return this.deps.db.write(async (em) => {
      const address = await this.own(ctx, em, id);
      const user = await this.users.self(ctx, em);
      if (user.defaultShippingAddressId === address.id) user.defaultShippingAddressId = null;
      em.remove(address);
      return true;
    });
  }

  async setDefault(ctx: RequestContext, id: string): Promise<UserEntity> {
    return this.deps.db.write(async (em) => {
      const address = await this.own(ctx, em, id);
      const user = await this.users.self(ctx, em);
      user.defaultShippingAddressId = address.id;
      return user;
    });
  }

  private async own(ctx: RequestContext, em: EntityManager, id: string): Promise<AddressEntity> {
    const address = await em.findOne(AddressEntity, { id });
    // Someone else's address answers as a missing one does, so address ids cannot be probed.
    if (!address || address.userId !== ctx.caller?.userId) throw notFound('Address', id);
    return address;
  }
}
