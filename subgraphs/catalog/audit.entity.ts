import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { AuditState } from '../../contracts/audit';
import { newId } from '../../platform/ids';

/** One change to the catalog or to stock: who (and in which role), what, when, before and after. */
@Entity({ tableName: 'audit_entries' })
@Index({ properties: ['entityType', 'entityId'] })
@ObjectType('AuditEntry', { description: 'One change to the catalog or to stock, with who made it and the state before and after.' })
export class AuditEntryEntity {
  /** Time-ordered; for entries from other subgraphs, the id of the event that carried them. */
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'datetime' })
  @Index()
  @Field()
  at!: Date;

  @Property({ type: 'string' })
  @Index()
  @Field({ description: 'A user id, "apikey:<id>" for an API key, "service:<name>" for a subgraph, or "system:<name>" for a service acting on its own (expiry).' })
  actorId!: string;

  @Property({ type: 'json' })
  @Field(() => [String])
  actorRoles!: string[];

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'The API key that acted, as "<service account>/<key name>" (actorId is then "apikey:<key id>"); null for people and services.' })
  actorName: string | null = null;

  @Property({ type: 'string' })
  @Field({ description: 'The subgraph that made the change: catalog or inventory.' })
  service!: string;

  @Property({ type: 'string' })
  @Index()
  @Field({ description: 'What happened, e.g. product.created, product.updated, stock.set, stock.adjusted, stock.reserved.' })
  action!: string;

  @Property({ type: 'string' })
  @Field({ description: 'Product, Category, StockLevel or Reservation.' })
  entityType!: string;

  @Property({ type: 'string' })
  @Field(() => ID)
  entityId!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null = null;

  @Property({ type: 'json', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields before the change; null for a creation.' })
  before: AuditState | null = null;

  @Property({ type: 'json', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed fields after the change.' })
  after: AuditState | null = null;
}
