import { hash } from '@node-rs/argon2';
import { byKeys, type RequestContext } from '../kernel/context';
import { DEMO_ACCOUNTS } from '../kernel/demo';
import type { SubgraphDeps } from '../kernel/subgraph';
import { UserEntity } from './user.entity';

export class UserService {
  constructor(private readonly deps: SubgraphDeps) {}

  me(ctx: RequestContext): Promise<UserEntity | null> {
    return ctx.caller ? this.load(ctx, ctx.caller.userId) : Promise.resolve(null);
  }

  load(ctx: RequestContext, id: string): Promise<UserEntity | null> {
    return ctx.loaders
      .get<string, UserEntity | null>('userById', async (ids) => {
        const rows = await ctx.em.find(UserEntity, { id: { $in: [...ids] } });
        return byKeys(ids, rows, (row) => row.id).map((row) => row ?? null);
      })
      .load(id);
  }

  /**
   * The first ADMIN from ADMIN_EMAIL/ADMIN_PASSWORD, and the demo accounts
   * when SEED_DEMO is on. Creates only what is absent (by email).
   */
  async seed(): Promise<void> {
    const { config } = this.deps;
    const wanted: Array<Pick<UserEntity, 'email' | 'name' | 'roles'> & { id?: string; password: string }> = [];
    if (config.admin) wanted.push({ email: config.admin.email, name: 'Administrator', password: config.admin.password, roles: ['CUSTOMER', 'AGENT', 'ADMIN'] });
    if (config.seedDemo) wanted.push(...DEMO_ACCOUNTS.map((account) => ({ ...account, roles: [...account.roles] })));
    if (wanted.length === 0) return;
    const em = this.deps.orm.em.fork();
    const existing = new Set((await em.find(UserEntity, { email: { $in: wanted.map((u) => u.email.toLowerCase()) } })).map((u) => u.email));
    for (const user of wanted) {
      if (existing.has(user.email.toLowerCase())) continue;
      em.persist(
        Object.assign(new UserEntity(), {
          ...(user.id ? { id: user.id } : {}),
          email: user.email.toLowerCase(),
          name: user.name,
          roles: user.roles,
          passwordHash: await hash(user.password),
        }),
      );
    }
    await em.flush();
  }
}
