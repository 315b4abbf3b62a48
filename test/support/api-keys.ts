import { graphql } from '../__generated__/index';
import { execute } from './graphql';
import type { TestStack } from './stack';

export const CreateServiceAccount = graphql(`
  mutation KeysCreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) { id name }
  }
`);

export const CreateApiKey = graphql(`
  mutation KeysCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { secret apiKey { id name prefix scopes lastUsedAt revokedAt } }
  }
`);

export const RevokeApiKey = graphql(`
  mutation KeysRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`);

export const AuditOf = graphql(`
  query KeysAuditOf($filter: AuditFilter) {
    auditLog(filter: $filter, first: 50) { edges { node { actorId actorName actorRoles service action entityType entityId reason after } } }
  }
`);

export interface IssuedKey {
  readonly id: string;
  readonly secret: string;
  /** `<service account>/<key name>`, as the audit log names it. */
  readonly name: string;
}

/** A new service account with one key of `scopes`, created by an ADMIN through the gateway. */
export async function issueKey(t: TestStack, account: string, scopes: string[], keyName = 'main'): Promise<IssuedKey> {
  const admin = await t.token('admin-for-keys', 'ADMIN');
  const created = await execute(t.url, CreateServiceAccount, { input: { name: account } }, { token: admin });
  if (!created.data) throw new Error(`createServiceAccount failed: ${JSON.stringify(created.errors)}`);
  const key = await execute(t.url, CreateApiKey, { input: { serviceAccountId: created.data.createServiceAccount.id, name: keyName, scopes } }, { token: admin });
  if (!key.data) throw new Error(`createApiKey failed: ${JSON.stringify(key.errors)}`);
  return { id: key.data.createApiKey.apiKey.id, secret: key.data.createApiKey.secret, name: `${account}/${keyName}` };
}
