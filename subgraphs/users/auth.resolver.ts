import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ChangePasswordInput, LoginInput, RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.payload';
import type { UsersServices } from './users.services';

@Resolver(() => AuthPayload)
export class AuthResolver {
  constructor(private readonly services: UsersServices) {}

  @Mutation(() => AuthPayload, { description: 'Creates a CUSTOMER account and signs it in. CONFLICT when the email is taken.' })
  register(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterInput) input: RegisterInput): Promise<AuthPayload> {
    return this.services.auth.register(ctx, input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Starts a session. UNAUTHENTICATED for a wrong email or password (alike); TOO_MANY_REQUESTS after repeated failures.',
  })
  login(@Ctx() ctx: RequestContext, @Arg('input', () => LoginInput) input: LoginInput): Promise<AuthPayload> {
    return this.services.auth.login(ctx, input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for a new pair; each refresh token works once. Presenting a used one ends the whole session.',
  })
  refreshToken(@Ctx() ctx: RequestContext, @Arg('refreshToken', () => String) refreshToken: string): Promise<AuthPayload> {
    return this.services.auth.refresh(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: "Ends the refresh token's session; false when it was unknown or already ended." })
  logout(@Arg('refreshToken', () => String) refreshToken: string): Promise<boolean> {
    return this.services.auth.logout(refreshToken);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Needs the current password; ends the user's other sessions." })
  changePassword(@Ctx() ctx: RequestContext, @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput): Promise<boolean> {
    return this.services.auth.changePassword(ctx, input);
  }
}
