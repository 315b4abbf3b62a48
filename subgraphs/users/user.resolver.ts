import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import type { UsersServices } from './users.module';
import { UserEntity } from './user.entity';

@Resolver(() => UserEntity)
export class UserResolver {
  constructor(private readonly services: UsersServices) {}

  @Query(() => UserEntity, { nullable: true, description: 'The logged-in user; null when not logged in.' })
  me(@Ctx() ctx: RequestContext): Promise<UserEntity | null> {
    return this.services.users.me(ctx);
  }
}
