import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { connectionType, type Connection } from '../../platform/graphql-types';
import { AuditEntryEntity } from './audit.entity';
import { AuditFilter } from './audit.inputs';
import type { CatalogServices } from './catalog.services';

export const AuditEntryConnection = connectionType('AuditEntry', AuditEntryEntity);

@Resolver(() => AuditEntryEntity)
export class AuditResolver {
  constructor(private readonly services: CatalogServices) {}

  @Authorized('ADMIN')
  @Query(() => AuditEntryConnection, { description: 'Who changed what in the catalog and in stock, newest first. ADMIN only.' })
  auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20, nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
  ): Promise<Connection<AuditEntryEntity>> {
    return this.services.audit.list(ctx, { first: first ?? 20, after }, filter);
  }
}
