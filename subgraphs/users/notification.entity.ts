import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum NotificationStatus {
  /** A worker holds the lease (`claimedUntil`) and is handing the mail over. */
  SENDING = 'SENDING',
  /** The last attempt failed transiently; the event's redelivery tries again. */
  RETRYING = 'RETRYING',
  SENT = 'SENT',
  /** Refused for good (e.g. the server does not know the mailbox); never retried. */
  FAILED = 'FAILED',
}

/**
 * One mail of one event to one user: the key makes the send at-most-once per
 * successful delivery however often the event is redelivered. Only metadata:
 * the mail's content is not kept.
 */
@Entity({ tableName: 'notifications' })
export class NotificationEntity {
  /** `${eventId}:${userId}`. */
  @PrimaryKey({ type: 'string' })
  key!: string;

  @Property({ type: 'string' })
  eventId!: string;

  @Property({ type: 'string' })
  eventType!: string;

  @Property({ type: 'string' })
  userId!: string;

  /** Template name, e.g. `order-confirmation`. */
  @Property({ type: 'string' })
  kind!: string;

  @Enum({ items: () => NotificationStatus, type: 'string' })
  status!: NotificationStatus;

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** While SENDING: until when the claiming worker may still be sending. */
  @Property({ type: 'datetime', nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}
