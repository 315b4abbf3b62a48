import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
import type { CatalogServices } from './catalog.services';
import { RegisteredWebhookEndpoint, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';
import { RegisterWebhookEndpointInput, WebhookDeliveryFilter } from './webhook.inputs';
import { WEBHOOK_EVENT_TYPES } from './webhook.rules';

export const WebhookDeliveryConnection = connectionType('WebhookDelivery', WebhookDeliveryEntity);

@Resolver(() => WebhookEndpointEntity)
export class WebhookResolver {
  constructor(private readonly services: CatalogServices) {}

  @Authorized('ADMIN')
  @Query(() => [String], { description: 'ADMIN only: the event types an endpoint can subscribe to.' })
  webhookEventTypes(): string[] {
    return Object.keys(WEBHOOK_EVENT_TYPES);
  }

  @Authorized('ADMIN')
  @Query(() => [WebhookEndpointEntity], { description: 'ADMIN only: registered webhook endpoints, oldest first (removed ones left out).' })
  webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpointEntity[]> {
    return this.services.webhooks.listEndpoints(ctx);
  }

  @Authorized('ADMIN')
  @Query(() => WebhookDeliveryConnection, { description: 'ADMIN only: the delivery log, newest first, with each delivery’s tries and last answer.' })
  webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
  ): Promise<Connection<WebhookDeliveryEntity>> {
    return this.services.webhooks.listDeliveries(ctx, page, filter);
  }

  @Authorized('ADMIN')
  @Mutation(() => RegisteredWebhookEndpoint, { description: 'ADMIN only: a partner URL for the given event types; the signing secret is in this answer only.' })
  registerWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterWebhookEndpointInput) input: RegisterWebhookEndpointInput): Promise<RegisteredWebhookEndpoint> {
    return this.services.webhooks.register(ctx, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookEndpointEntity, { description: 'ADMIN only: stops deliveries to the endpoint (pending ones are marked FAILED). Idempotent.' })
  removeWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<WebhookEndpointEntity> {
    return this.services.webhooks.remove(ctx, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => WebhookDeliveryEntity, { description: 'ADMIN only: sends a delivery again, with the same event id, as soon as the events before it in its aggregate are through.' })
  redeliverWebhook(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<WebhookDeliveryEntity> {
    return this.services.webhooks.redeliver(ctx, id);
  }
}
