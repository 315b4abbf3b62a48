import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AUDIT_RECORDED, auditRecord, parseAuditRecord, type AuditChange, type AuditRecord } from '../../contracts/audit';
import type { Caller } from '../../platform/caller';
import type { RequestContext } from '../../platform/context';
import { consumeEvents, type EventOf } from '../../contracts/events';
import type { EventConsumer } from '../../platform/messaging/event-bus';
import { newId } from '../../platform/ids';
import { handleOnce } from '../../platform/messaging/inbox';
import { paginate, type Page, type PageArgs } from '../../platform/pagination';
import type { SubgraphDeps } from '../../platform/subgraph';
import { AuditEntryEntity } from './audit.entity';
import type { AuditFilter } from './audit.inputs';
import { checkWindow } from './audit.rules';

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
    em.persist(entryOf(newId(), auditRecord('catalog', caller, this.deps.clock.now(), change)));
  }

  startConsuming(): Promise<EventConsumer> {
    return consumeEvents(this.deps.events, { group: CONSUMER }, { [AUDIT_RECORDED]: (event) => this.consume(event) });
  }

  /** Idempotent: a redelivered event (same id) adds nothing. */
  private async consume(event: EventOf<typeof AUDIT_RECORDED>): Promise<void> {
    // Typed by the event map, but the bus carries JSON from every service's version: checked before it is stored.
    const record = parseAuditRecord(event.payload);
    if (!record) {
      // Retrying cannot fix a malformed payload; keep it visible in the logs instead.
      this.deps.log.warn('dropped a malformed audit.recorded event', { eventId: event.id });
      return;
    }
    await handleOnce(this.deps.db, CONSUMER, event, async (em) => {
      em.persist(entryOf(event.id, record));
    });
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
