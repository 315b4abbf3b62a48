import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { SessionEntity } from './session.entity';
import type { UsersServices } from './users.services';

@Resolver(() => SessionEntity)
export class SessionResolver {
  constructor(private readonly services: UsersServices) {}

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Ends one of the caller's sessions (its refresh token stops working); false when it had already ended.",
  })
  revokeSession(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return this.services.sessions.revoke(ctx, id);
  }

  @FieldResolver(() => Boolean, { description: 'The session this request runs in.' })
  current(@Ctx() ctx: RequestContext, @Root() session: SessionEntity): boolean {
    return this.services.sessions.isCurrent(ctx, session);
  }
}
