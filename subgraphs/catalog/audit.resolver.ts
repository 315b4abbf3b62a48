import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { ConnectionArgs, connectionType, type Connection } from '../../platform/graphql-types';
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
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
  ): Promise<Connection<AuditEntryEntity>> {
    return this.services.audit.list(ctx, page, filter);
  }
}
