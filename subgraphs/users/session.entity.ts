import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../platform/ids';

export enum SessionEndReason {
  LOGOUT = 'LOGOUT',
  /** Ended by the user from the session list. */
  REVOKED = 'REVOKED',
  /** The user changed their password in another session. */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  /** A spent refresh token was presented again: it was copied, so the whole family ends. */
  REUSE_DETECTED = 'REUSE_DETECTED',
  /** The user turned multi-factor authentication off in another session. */
  MFA_DISABLED = 'MFA_DISABLED',
  /** A recovery code was used (the authenticator may be lost or stolen) in another session. */
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
}

/**
 * One sign-in (a device or browser): the family of refresh tokens that
 * descend from one login or registration by rotation.
 */
@Entity({ tableName: 'sessions' })
@ObjectType('Session', { description: 'A signed-in device or browser; only the user sees their sessions.' })
export class SessionEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  userId!: string;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the user signed in.' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  @Field({ description: 'The sign-in or the latest token refresh.' })
  lastUsedAt!: Date;

  @Property({ type: 'datetime' })
  @Field({ description: 'The session ends unless a refresh comes before (SESSION_IDLE_DAYS after the last use).' })
  expiresAt!: Date;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'IP address of the sign-in or latest refresh, as the gateway saw it.' })
  clientAddress: string | null = null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the session last proved a second factor (sign-in code, enrolment or step-up); null when it never did.' })
  mfaVerifiedAt: Date | null = null;

  @Field({ description: 'Whether the session proved a second factor.' })
  get mfaVerified(): boolean {
    return this.mfaVerifiedAt !== null;
  }

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Enum({ items: () => SessionEndReason, type: 'string', nullable: true })
  endReason: SessionEndReason | null = null;
}
