import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { MfaEnrollment, MfaPayload } from './mfa.payload';
import { SelfOnly, SelfOrStaff } from './user.access';
import { UserEntity } from './user.entity';
import type { UsersServices } from './users.services';

@Resolver(() => UserEntity)
export class MfaResolver {
  constructor(private readonly services: UsersServices) {}

  @Authorized()
  @Mutation(() => MfaEnrollment, {
    description:
      'Starts multi-factor authentication (TOTP): needs the current password; returns the secret, its otpauth:// URI and a QR code. Nothing is asked at sign-in until confirmMfaEnrollment. Starting again replaces an unconfirmed secret. CONFLICT (MFA_ALREADY_ENABLED) when it is on.',
  })
  startMfaEnrollment(@Ctx() ctx: RequestContext, @Arg('password', () => String) password: string): Promise<MfaEnrollment> {
    return this.services.mfa.start(ctx, password);
  }

  @Authorized()
  @Mutation(() => MfaPayload, {
    description:
      "Turns multi-factor authentication on with the authenticator's first code: returns ten single-use recovery codes (shown only now) and an access token for this session, which counts as verified.",
  })
  confirmMfaEnrollment(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<MfaPayload> {
    return this.services.mfa.confirm(ctx, code);
  }

  @Authorized()
  @Mutation(() => MfaPayload, {
    description:
      'Proves a fresh code in this session (step-up): the access token it returns carries the staff roles MFA_REQUIRED_ROLES withheld, and allows grantRole, refundOrder and changeEmail for MFA_STEP_UP_SECONDS. A recovery code works too, and signs out the other sessions.',
  })
  stepUpMfa(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<MfaPayload> {
    return this.services.mfa.stepUp(ctx, code);
  }

  @Authorized()
  @Mutation(() => MfaPayload, { description: 'Replaces every recovery code with ten new ones (shown only now); needs a code.' })
  regenerateRecoveryCodes(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<MfaPayload> {
    return this.services.mfa.regenerateRecoveryCodes(ctx, code);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Turns multi-factor authentication off: needs the current password and a code (or a recovery code). Signs out the user's other sessions and mails them." })
  disableMfa(@Ctx() ctx: RequestContext, @Arg('password', () => String) password: string, @Arg('code', () => String) code: string): Promise<boolean> {
    return this.services.mfa.disable(ctx, password, code);
  }

  @FieldResolver(() => Boolean, { description: 'Whether sign-in needs a code from an authenticator app. The user and staff see it.' })
  @UseMiddleware(SelfOrStaff)
  mfaEnabled(@Ctx() ctx: RequestContext, @Root() user: UserEntity): Promise<boolean> {
    return this.services.mfa.isEnabled(ctx, user.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Unused recovery codes; null while multi-factor authentication is off. Only the user sees it.' })
  @UseMiddleware(SelfOnly)
  recoveryCodesLeft(@Ctx() ctx: RequestContext, @Root() user: UserEntity): Promise<number | null> {
    return this.services.mfa.recoveryCodesLeft(ctx, user.id);
  }
}
