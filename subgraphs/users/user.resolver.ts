import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import { AddressEntity } from './address.entity';
import { SessionEntity } from './session.entity';
import { SelfOnly, SelfOrStaff } from './user.access';
import { Role, UserEntity } from './user.entity';
import { UpdateProfileInput } from './user.inputs';
import type { UsersServices } from './users.services';

export const UserConnection = connectionType('User', UserEntity);

@Resolver(() => UserEntity)
export class UserResolver {
  constructor(private readonly services: UsersServices) {}

  @Authorized('ADMIN')
  @Query(() => UserConnection, { description: 'ADMIN only: every account, by email; search matches email or name (ignoring case), e.g. to find whom to grantRole.' })
  users(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ): Promise<Connection<UserEntity>> {
    return this.services.users.list(ctx, page, search ?? null);
  }

  @Authorized('ADMIN')
  @Query(() => UserEntity, { nullable: true, description: 'ADMIN only: one account by id; null when there is none.' })
  user(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<UserEntity | null> {
    return this.services.users.load(ctx, id);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Query(() => [ID], { description: 'Internal: ids of the users whose email or name contains the text (at most `limit`), for staff searches elsewhere.' })
  userIdsMatching(@Ctx() ctx: RequestContext, @Arg('search', () => String) search: string, @Arg('limit', () => Int) limit: number): Promise<string[]> {
    return this.services.users.idsMatching(ctx, search, limit);
  }

  @Query(() => UserEntity, { nullable: true, description: 'The logged-in user; null when not logged in.' })
  me(@Ctx() ctx: RequestContext): Promise<UserEntity | null> {
    return this.services.users.me(ctx);
  }

  @Authorized()
  @Mutation(() => UserEntity, { description: "Changes the caller's own name, phone or preferences." })
  updateProfile(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput): Promise<UserEntity> {
    return this.services.users.updateProfile(ctx, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserEntity, {
    description:
      'ADMIN only, with a step-up (stepUpMfa within MFA_STEP_UP_SECONDS; FORBIDDEN with extensions.reason STEP_UP_REQUIRED otherwise). Idempotent; the user gets the role with their next access token.',
  })
  grantRole(@Ctx() ctx: RequestContext, @Arg('userId', () => ID) userId: string, @Arg('role', () => Role) role: Role): Promise<UserEntity> {
    return this.services.users.grantRole(ctx, userId, role);
  }

  @FieldResolver(() => [AddressEntity], { description: 'The address book, oldest first. The user and staff see it.' })
  @UseMiddleware(SelfOrStaff)
  addresses(@Ctx() ctx: RequestContext, @Root() user: UserEntity): Promise<AddressEntity[]> {
    return this.services.addresses.forUser(ctx, user.id);
  }

  @FieldResolver(() => AddressEntity, { nullable: true, description: 'The user and staff see it.' })
  @UseMiddleware(SelfOrStaff)
  defaultShippingAddress(@Ctx() ctx: RequestContext, @Root() user: UserEntity): Promise<AddressEntity | null> {
    return this.services.addresses.defaultFor(ctx, user);
  }

  @FieldResolver(() => [SessionEntity], { description: 'Signed-in devices, most recently used first. Only the user sees them.' })
  @UseMiddleware(SelfOnly)
  sessions(@Ctx() ctx: RequestContext, @Root() user: UserEntity): Promise<SessionEntity[]> {
    return this.services.sessions.listActive(ctx, user.id);
  }
}
