import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ChangeEmailInput, ChangePasswordInput, LoginInput, RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.payload';
import { UserEntity } from './user.entity';
import type { UsersServices } from './users.services';

@Resolver(() => AuthPayload)
export class AuthResolver {
  constructor(private readonly services: UsersServices) {}

  @Mutation(() => AuthPayload, { description: 'Creates a CUSTOMER account and signs it in. CONFLICT when the email is taken.' })
  register(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterInput) input: RegisterInput): Promise<AuthPayload> {
    return this.services.auth.register(ctx, input);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Starts a session. UNAUTHENTICATED for a wrong email or password (alike); TOO_MANY_REQUESTS after repeated failures. With multi-factor authentication on, a right password answers MFA_REQUIRED with extensions.challenge and extensions.expiresAt: finish with verifyMfaChallenge.',
  })
  login(@Ctx() ctx: RequestContext, @Arg('input', () => LoginInput) input: LoginInput): Promise<AuthPayload> {
    return this.services.auth.login(ctx, input);
  }

  @Mutation(() => AuthPayload, {
    description:
      "Finishes a login that answered MFA_REQUIRED: its challenge (good once, for MFA_CHALLENGE_TTL_SECONDS) and a code from the authenticator app, or an unused recovery code (which signs out the account's other sessions). UNAUTHENTICATED for a wrong code; extensions.reason MFA_CHALLENGE_INVALID when the challenge is spent: log in again.",
  })
  verifyMfaChallenge(
    @Ctx() ctx: RequestContext,
    @Arg('challenge', () => String) challenge: string,
    @Arg('code', () => String) code: string,
  ): Promise<AuthPayload> {
    return this.services.auth.verifyMfaChallenge(ctx, challenge, code);
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

  @Authorized()
  @Mutation(() => UserEntity, {
    description:
      'Needs the current password and, with multi-factor authentication on, a step-up (FORBIDDEN with extensions.reason STEP_UP_REQUIRED otherwise). CONFLICT when the email belongs to another account.',
  })
  changeEmail(@Ctx() ctx: RequestContext, @Arg('input', () => ChangeEmailInput) input: ChangeEmailInput): Promise<UserEntity> {
    return this.services.auth.changeEmail(ctx, input);
  }
}
