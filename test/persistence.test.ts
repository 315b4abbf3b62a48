import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PRODUCTS } from '../contracts/demo';
import { validateMongoMetadata } from '../platform/orm';
import { subgraphEntities } from '../platform/subgraph';
import { SUBGRAPHS } from '../subgraphs/modules';
import { UserEntity } from '../subgraphs/users/user.entity';
import { graphql } from './__generated__/index';
import { execute } from './support/graphql';
import { startTestStack } from './support/stack';

const Count = graphql(`
  query ProductCount {
    products { totalCount }
  }
`);

describe('persistence', () => {
  it('keeps data across a restart and seeds the demo shop only once', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-restart-'));
    try {
      const env = { ADMIN_EMAIL: 'Root@Shop.test', ADMIN_PASSWORD: 'root-password-1234' };
      for (let start = 0; start < 2; start++) {
        const t = await startTestStack({ dataDir, env });
        try {
          expect((await execute(t.url, Count)).data).toEqual({ products: { totalCount: DEMO_PRODUCTS.length } });
          const users = await t.stack.subgraphs.users.orm.em.fork().find(UserEntity, {}, { orderBy: { email: 'asc' } });
          expect(users.map((u) => [u.email, u.roles])).toEqual([
            ['admin@shop.test', ['CUSTOMER', 'AGENT', 'ADMIN']],
            ['agent@shop.test', ['CUSTOMER', 'AGENT']],
            ['customer@shop.test', ['CUSTOMER']],
            ['root@shop.test', ['CUSTOMER', 'AGENT', 'ADMIN']],
          ]);
          expect(users.every((u) => u.passwordHash.startsWith('$argon2id$'))).toBe(true);
        } finally {
          await t.stop();
        }
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Two starts of the whole stack, seven subgraphs each.
  }, 60_000);

  it.each(Object.keys(SUBGRAPHS))('maps the %s entities for MongoDB (string ids stored as _id)', async (name) => {
    const orm = await validateMongoMetadata(subgraphEntities(SUBGRAPHS[name as keyof typeof SUBGRAPHS]));
    try {
      const roots = [...orm.getMetadata().getAll().values()].filter((meta) => !meta.embeddable);
      expect(roots.length).toBeGreaterThan(0);
      for (const meta of roots) {
        const pk = meta.properties[meta.primaryKeys[0]];
        expect([meta.className, pk.fieldNames, pk.type]).toEqual([meta.className, ['_id'], 'string']);
      }
    } finally {
      await orm.close();
    }
  });
});
