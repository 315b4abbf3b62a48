import { byKeys, type RequestContext } from '../../platform/context';
import { conflict, forbidden, notFound } from '../../platform/errors';
import type { SubgraphDeps } from '../../platform/subgraph';
import { AddressEntity } from './address.entity';
import type { AddressInput } from './address.inputs';
import type { UserEntity } from './user.entity';
import type { UserService } from './user.service';

/** Enough for home, work and family; keeps a page of addresses one small query. */
const MAX_ADDRESSES = 20;

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
    const user = await this.users.self(ctx);
    if ((await ctx.em.count(AddressEntity, { userId: user.id })) >= MAX_ADDRESSES) {
      throw conflict(`An address book holds at most ${MAX_ADDRESSES} addresses; remove one first`);
    }
    const now = this.deps.clock.now();
    const address = Object.assign(new AddressEntity(), { userId: user.id, createdAt: now }, fieldsOf(input, now));
    ctx.em.persist(address);
    if (user.defaultShippingAddressId === null) user.defaultShippingAddressId = address.id;
    await ctx.em.flush();
    return address;
  }

  /** Replaces every field of one of the caller's addresses. */
  async update(ctx: RequestContext, id: string, input: AddressInput): Promise<AddressEntity> {
    const address = await this.own(ctx, id);
    Object.assign(address, fieldsOf(input, this.deps.clock.now()));
    await ctx.em.flush();
    return address;
  }

  /** Removing the default shipping address leaves none set. */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const address = await this.own(ctx, id);
    const user = await this.users.self(ctx);
    if (user.defaultShippingAddressId === address.id) user.defaultShippingAddressId = null;
    ctx.em.remove(address);
    await ctx.em.flush();
    return true;
  }

  async setDefault(ctx: RequestContext, id: string): Promise<UserEntity> {
    const address = await this.own(ctx, id);
    const user = await this.users.self(ctx);
    user.defaultShippingAddressId = address.id;
    await ctx.em.flush();
    return user;
  }

  private async own(ctx: RequestContext, id: string): Promise<AddressEntity> {
    const address = await ctx.em.findOne(AddressEntity, { id });
    if (!address) throw notFound('Address', id);
    if (address.userId !== ctx.caller?.userId) throw forbidden('You may only change your own addresses');
    return address;
  }
}

function fieldsOf(input: AddressInput, now: Date): Partial<AddressEntity> {
  const optional = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    label: optional(input.label),
    recipient: input.recipient.trim(),
    line1: input.line1.trim(),
    line2: optional(input.line2),
    postalCode: input.postalCode.trim(),
    city: input.city.trim(),
    region: optional(input.region),
    country: input.country.toUpperCase(),
    phone: input.phone ?? null,
    updatedAt: now,
  };
}
