import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord, parseAuditRecord, type AuditChange, type AuditRecord } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { consumeEventBatches, type Decided, type EventOf } from '../../contracts/events';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { newId } from '../../platform/ids';
import { handleBatchOnce } from '../../platform/messaging/inbox';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import { AuditEntryEntity } from './audit.entity';
import type { AuditFilter } from './audit.inputs';
import { checkWindow } from './audit.rules';
import { productFact, recordWebhookEvent } from './webhook.events';

const CONSUMER = 'catalog.audit';

/**
 * The audit store: catalog's own changes are recorded in the same flush as
 * the change; other subgraphs' arrive as `audit.recorded` events (from their
 * outboxes), stored once however often they are delivered.
 */
export class AuditService {
  constructor(private readonly deps: SubgraphDeps) {}

  /** Adds the entry to `em`'s unit of work: the caller's flush writes it together with the change. */
  record(em: EntityManager, caller: Caller | null, change: AuditChange): void {
    const at = this.deps.clock.now();
    em.persist(entryOf(newId(), auditRecord('catalog', caller, at, change)));
    // A product change is also a webhook event, recorded in the same unit of work so none is lost.
    const fact = productFact(change);
    if (fact) recordWebhookEvent(em, newId(), at, fact);
  }

  /** Every other subgraph's audit events, a batch stored in one unit of work (one event at a time, audit was a third of checkout CPU). */
  startConsuming(): Promise<EventConsumer> {
    return consumeEventBatches(this.deps.events, { group: CONSUMER }, { [AUDIT_RECORDED]: async (event) => this.checked(event) }, (decided) => this.store(decided));
  }

  /** Idempotent: a redelivered event (same id) adds nothing. */
  private async store(decided: readonly Decided<AuditRecord | null>[]): Promise<void> {
    await handleBatchOnce(this.deps.db, CONSUMER, decided, async (em, { event, result }) => {
      if (result) em.persist(entryOf(event.id, result));
    });
  }

  /** Typed by the event map, but the bus carries JSON from every service's version: checked before it is stored. */
  private checked(event: EventOf<typeof AUDIT_RECORDED>): AuditRecord | null {
    const record = parseAuditRecord(event.payload);
    // Retrying cannot fix a malformed payload; keep it visible in the logs instead.
    if (!record) this.deps.log.warn('dropped a malformed audit.recorded event', { eventId: event.id });
    return record;
  }

  /** Newest first. */
  list(ctx: RequestContext, page: PageArgs, filter: AuditFilter | null | undefined): Promise<Page<AuditEntryEntity>> {
    checkWindow(filter?.from, filter?.to);
    const where: FilterQuery<AuditEntryEntity> = {};
    if (filter?.entityType) where.entityType = filter.entityType;
    if (filter?.entityId) where.entityId = filter.entityId;
    if (filter?.actorId) where.actorId = filter.actorId;
    if (filter?.action) where.action = filter.action;
    if (filter?.service) where.service = filter.service;
    if (filter?.from || filter?.to) {
      where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    return paginate(ctx.em, AuditEntryEntity, where, page, { field: 'id', direction: 'desc' });
  }
}

function entryOf(id: string, record: AuditRecord): AuditEntryEntity {
  return Object.assign(new AuditEntryEntity(), {
    id,
    at: new Date(record.at),
    actorId: record.actorId,
    actorRoles: [...record.actorRoles],
    actorName: record.actorName ?? null,
    service: record.service,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    reason: record.reason,
    before: record.before,
    after: record.after,
  });
}
