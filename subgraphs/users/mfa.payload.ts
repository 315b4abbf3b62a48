import { Field, ObjectType } from 'type-graphql';

@ObjectType('MfaEnrollment', { description: 'A started enrolment: add the secret to an authenticator app, then confirm with its first code.' })
export class MfaEnrollment {
  @Field({ description: 'The base32 TOTP secret, for typing in by hand. Shown only now.' })
  secret!: string;

  @Field({ description: 'otpauth://totp/... URI carrying the secret, issuer and account.' })
  otpauthUri!: string;

  @Field({ description: 'The URI as a QR code: an SVG image as a data URI, for an <img src>.' })
  qrCodeDataUri!: string;
}

@ObjectType('MfaPayload', { description: 'A code was proved in this session: a new access token that says so (the refresh token stays as it is).' })
export class MfaPayload {
  @Field({ description: 'Carries the roles MFA_REQUIRED_ROLES withheld until now, and the time of this proof for step-up checks.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'When this session proved the code; step-up operations accept it for MFA_STEP_UP_SECONDS.' })
  mfaVerifiedAt!: Date;

  @Field(() => [String], { nullable: true, description: 'New single-use recovery codes, shown only now (after confirming an enrolment or regenerating them); null otherwise.' })
  recoveryCodes!: string[] | null;
}
