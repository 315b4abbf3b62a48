import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context';
import { optionalReason } from '../../platform/checks';
import { ApiKeyEntity, ApiKeyVerdict, CreatedApiKey, ServiceAccountEntity } from './api-key.entity';
import { ApiKeyUseInput, CreateApiKeyInput, CreateServiceAccountInput } from './api-key.inputs';
import type { UsersServices } from './users.services';

@Resolver(() => ServiceAccountEntity)
export class ApiKeyResolver {
  constructor(private readonly services: UsersServices) {}

  @Authorized('ADMIN')
  @Query(() => [ServiceAccountEntity], { description: 'ADMIN only: service accounts (scripts, AI agents) with their API keys, oldest first.' })
  serviceAccounts(@Ctx() ctx: RequestContext): Promise<ServiceAccountEntity[]> {
    return this.services.apiKeys.listAccounts(ctx);
  }

  @FieldResolver(() => [ApiKeyEntity], { description: 'Its keys, revoked ones included, oldest first.' })
  keys(@Ctx() ctx: RequestContext, @Root() account: ServiceAccountEntity): Promise<ApiKeyEntity[]> {
    return ctx.loaders
      .get<string, ApiKeyEntity[]>('apiKeysByAccount', async (ids) => {
        const keys = await this.services.apiKeys.keysOf(ctx, ids);
        return ids.map((id) => keys.filter((key) => key.serviceAccountId === id));
      })
      .load(account.id);
  }

  @Authorized('ADMIN')
  @Mutation(() => ServiceAccountEntity, { description: 'ADMIN only, with a step-up (as grantRole): a new service account, with no key yet.' })
  createServiceAccount(@Ctx() ctx: RequestContext, @Arg('input', () => CreateServiceAccountInput) input: CreateServiceAccountInput): Promise<ServiceAccountEntity> {
    return this.services.apiKeys.createAccount(ctx, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'ADMIN only, with a step-up: a new scoped key. Its secret is in this answer only; the shop keeps a hash.' })
  createApiKey(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.services.apiKeys.createKey(ctx, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyEntity, { description: 'ADMIN only, with a step-up: the key is refused from its next request on. Idempotent.' })
  revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<ApiKeyEntity> {
    return this.services.apiKeys.revokeKey(ctx, id, optionalReason(reason));
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => ApiKeyVerdict, { description: 'Internal: the gateway checking a presented key (writes last-used time, audits refusals).' })
  authenticateApiKey(@Arg('secret') secret: string): Promise<ApiKeyVerdict> {
    return this.services.apiKeys.authenticate(secret);
  }

  @Authorized('SERVICE')
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: 'Internal: the gateway auditing what a key did or was refused.' })
  recordApiKeyUse(@Arg('input', () => ApiKeyUseInput) input: ApiKeyUseInput): Promise<boolean> {
    return this.services.apiKeys.recordUse(input);
  }
}
