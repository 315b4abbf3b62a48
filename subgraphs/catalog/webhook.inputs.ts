import { Field, ID, InputType } from 'type-graphql';
import { WebhookDeliveryStatus } from './webhook.entity';

@InputType()
export class RegisterWebhookEndpointInput {
  @Field({ description: 'https URL receiving POSTs (plain http and private addresses only where WEBHOOK_ALLOW_PRIVATE_URLS is on).' })
  url!: string;

  @Field(() => [String], { description: 'At least one event type (README "Webhooks out").' })
  eventTypes!: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true })
  endpointId?: string | null;

  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus | null;

  @Field(() => ID, { nullable: true })
  eventId?: string | null;
}
