import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../platform/ids';

/**
 * One issued refresh token, stored as the SHA-256 of its value (the value
 * is 256 random bits, so a fast hash is enough and a leaked table yields no
 * usable token). Spent tokens are kept so that presenting one again is
 * recognised as reuse.
 */
@Entity({ tableName: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryKey({ type: 'string' })
  id: string = newId();

  @Property({ type: 'string', unique: true })
  tokenHash!: string;

  @Property({ type: 'string' })
  @Index()
  sessionId!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Set when the token was exchanged for the next one. */
  @Property({ type: 'datetime', nullable: true })
  @Index()
  rotatedAt: Date | null = null;
}
