import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/** What the TOTP secrets' encryption keys are derived for (platform/secret-box.ts). */
export const MFA_SECRET_LABEL = 'users/mfa-secret-encryption/v1';

/**
 * A user's TOTP authenticator (RFC 6238): at most one per user, pending
 * until a first code confirms it. The shared secret is stored encrypted
 * (platform/secret-box.ts, under MFA_SECRET_LABEL), never in the clear.
 */
@Entity({ tableName: 'mfa_factors' })
export class MfaFactorEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string', unique: true })
  userId!: string;

  /** AES-256-GCM sealed base32 secret, bound to the user id. */
  @Property({ type: 'string', hidden: true })
  sealedSecret!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Set by the first code; until then the factor is an enrolment in progress and is not asked for at sign-in. */
  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;

  /** The TOTP time step of the last accepted code: that code and earlier ones are refused (single use). */
  @Property({ type: 'integer', nullable: true })
  lastUsedStep: number | null = null;
}

/** One single-use recovery code, stored as the SHA-256 of its 80 random bits (too many to guess offline). */
@Entity({ tableName: 'mfa_recovery_codes' })
export class RecoveryCodeEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  userId!: string;

  @Property({ type: 'string', unique: true })
  codeHash!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}

/**
 * The second step of a sign-in: handed out (as a random token, stored as
 * its SHA-256) when the password was right, redeemed once with a code.
 */
@Entity({ tableName: 'mfa_challenges' })
export class MfaChallengeEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string', unique: true })
  tokenHash!: string;

  @Property({ type: 'string' })
  @Index()
  userId!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  @Index()
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'integer' })
  failedAttempts = 0;
}
