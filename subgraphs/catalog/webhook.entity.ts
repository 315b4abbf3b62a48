import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../platform/ids';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Out of tries (WEBHOOK_MAX_ATTEMPTS): later events of the same aggregate go ahead; redeliverWebhook sends it again. */
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'PENDING until the endpoint answers 2xx (DELIVERED) or the tries run out (FAILED).' });

/** What the signing secrets' encryption keys are derived for (platform/secret-box.ts). */
export const WEBHOOK_SECRET_LABEL = 'catalog/webhook-secret-encryption/v1';

/** A partner's URL and the event types it wants. */
@Entity({ tableName: 'webhook_endpoints' })
@ObjectType('WebhookEndpoint', { description: 'A partner URL receiving signed events (ADMIN only).' })
export class WebhookEndpointEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Field()
  url!: string;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'order.paid, order.shipped, stock.low, product.updated, ... (README "Webhooks out").' })
  eventTypes!: string[];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  /**
   * The signing secret, which every delivery is signed with, so it cannot be
   * hashed: sealed (AES-256-GCM, platform/secret-box.ts) under
   * WEBHOOK_SECRET_LABEL and bound to the endpoint id. The column keeps its name.
   */
  @Property({ type: 'string', fieldName: 'secret', hidden: true })
  sealedSecret!: string;

  @Property({ type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Property({ type: 'string' })
  @Field()
  createdBy!: string;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set when removed: no new deliveries; pending ones are dropped.' })
  removedAt: Date | null = null;
}

/** One event a partner may receive, recorded once per event id (in the same unit of work as the change, or from the bus). */
@Entity({ tableName: 'webhook_events' })
@Index({ properties: ['fannedOut', 'occurredAt'] })
export class WebhookEventEntity {
  /** The domain event's id (or catalog's own change's): what receivers deduplicate on. */
  @PrimaryKey({ type: 'string' })
  id!: string;

  @Property({ type: 'string' })
  type!: string;

  /** `order:<id>`, `product:<id>`, `stock:<productId>`: deliveries of one aggregate go out in order of occurrence. */
  @Property({ type: 'string' })
  aggregate!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  /** Deliveries were created for the endpoints subscribed at the time. */
  @Property({ type: 'boolean', default: false })
  fannedOut: boolean = false;
}

/** One event for one endpoint: the delivery log. */
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['endpointId', 'eventId'] })
@Index({ properties: ['status', 'endpointId', 'aggregate', 'occurredAt'] })
@ObjectType('WebhookDelivery', { description: 'One event sent (or to be sent) to one endpoint, with its tries.' })
export class WebhookDeliveryEntity {
  @PrimaryKey({ type: 'string' })
  @Field(() => ID)
  id: string = newId();

  @Property({ type: 'string' })
  @Index()
  @Field(() => ID)
  endpointId!: string;

  @Property({ type: 'string' })
  @Field(() => ID, { description: 'The event id, sent as Shop-Event-Id and in the body: the same on every retry and redelivery.' })
  eventId!: string;

  @Property({ type: 'string' })
  @Field()
  eventType!: string;

  @Property({ type: 'string' })
  @Field()
  aggregate!: string;

  @Property({ type: 'datetime' })
  @Field()
  occurredAt!: Date;

  @Property({ type: 'json' })
  @Field(() => GraphQLJSON, { description: 'The body sent.' })
  body!: Record<string, unknown>;

  @Enum({ items: () => WebhookDeliveryStatus })
  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'integer' })
  @Field(() => Int)
  attempts: number = 0;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the next try is due (PENDING only).' })
  nextAttemptAt!: Date;

  /** A dispatcher holds the delivery until then, so two catalog processes never send it at once. */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last try; null when it got no answer.' })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null = null;
}

@ObjectType('RegisteredWebhookEndpoint', { description: 'A new endpoint and its signing secret, shown this once.' })
export class RegisteredWebhookEndpoint {
  @Field(() => WebhookEndpointEntity)
  endpoint!: WebhookEndpointEntity;

  @Field({ description: 'whsec_...: verify Shop-Signature with it (HMAC-SHA256 of "<t>.<body>", as Stripe does).' })
  secret!: string;
}
