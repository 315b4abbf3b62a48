import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { AddressEntity } from './address.entity';
import { AddressInput } from './address.inputs';
import { UserEntity } from './user.entity';
import type { UsersServices } from './users.services';

@Resolver(() => AddressEntity)
export class AddressResolver {
  constructor(private readonly services: UsersServices) {}

  @Authorized()
  @Mutation(() => AddressEntity, { description: 'Adds to the caller\'s address book; the first address becomes the default shipping address.' })
  addAddress(@Ctx() ctx: RequestContext, @Arg('input', () => AddressInput) input: AddressInput): Promise<AddressEntity> {
    return this.services.addresses.add(ctx, input);
  }

  @Authorized()
  @Mutation(() => AddressEntity, { description: "Replaces every field of one of the caller's addresses." })
  updateAddress(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => AddressInput) input: AddressInput): Promise<AddressEntity> {
    return this.services.addresses.update(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Removing the default shipping address leaves none set.' })
  removeAddress(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return this.services.addresses.remove(ctx, id);
  }

  @Authorized()
  @Mutation(() => UserEntity)
  setDefaultShippingAddress(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<UserEntity> {
    return this.services.addresses.setDefault(ctx, id);
  }
}
