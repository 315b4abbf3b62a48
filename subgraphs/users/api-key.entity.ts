import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../platform/ids';

/** A script or agent the shop lets in: it holds API keys, and the audit log names it. */
@Entity({ tableName: 'service_accounts' })
@ObjectType('ServiceAccount', { description: 'A script or AI agent acting for the shop through API keys (ADMIN only).' })
export class ServiceAccountEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  /** Lower-cased for uniqueness; shown as given in `name`. */
  @Property({ type: 'string', unique: true })
  nameKey!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Unique, case-insensitively: "erp-sync", "catalog-agent".' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Property({ type: 'string' })
  @Field({ description: 'The admin who created it.' })
  createdBy!: string;
}

/**
 * One key of a service account. Only a SHA-256 of the key is stored: keys
 * are 256 random bits, so a fast hash is as good as a slow one here and
 * lets the gateway look a key up by its hash on every request.
 */
@Entity({ tableName: 'api_keys' })
@ObjectType('ApiKey', { description: 'A scoped credential of a service account. Its secret is shown once, when it is created.' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  @Field(() => ID)
  serviceAccountId!: string;

  @Property({ type: 'string' })
  @Field({ description: 'What the key is for: "nightly stock feed".' })
  name!: string;

  @Property({ type: 'string', unique: true })
  hash!: string;

  @Property({ type: 'string' })
  @Field({ description: 'The first characters of the secret ("shk_AbCd1234"), to tell keys apart in lists and logs.' })
  prefix!: string;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'What the key may do: catalog:write, stock:write, orders:read, ... (README "API keys").' })
  scopes!: string[];

  @Property({ type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Property({ type: 'string' })
  @Field({ description: 'The admin who created it.' })
  createdBy!: string;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the key was last accepted (updated at most once a minute).' })
  lastUsedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the key was revoked; a revoked key is refused with UNAUTHENTICATED.' })
  revokedAt: Date | null = null;
}

@ObjectType('CreatedApiKey', { description: 'A new key and its secret. The secret is not stored and cannot be shown again.' })
export class CreatedApiKey {
  @Field(() => ApiKeyEntity)
  apiKey!: ApiKeyEntity;

  @Field({ description: 'Send as "Authorization: Bearer <secret>" to /graphql or /mcp.' })
  secret!: string;
}

/** Internal: what the gateway learns about a presented key. */
@ObjectType('ApiKeyVerdict', { description: 'Internal: the gateway checking a presented API key (SERVICE callers only).' })
@Directive('@inaccessible')
export class ApiKeyVerdict {
  @Field({ description: 'VALID, REVOKED or UNKNOWN (a string: an enum cannot be @inaccessible).' })
  status!: string;

  @Field(() => String, { nullable: true })
  keyId!: string | null;

  @Field(() => String, { nullable: true, description: '<service account>/<key name>.' })
  name!: string | null;

  @Field(() => [String])
  scopes!: string[];
}
