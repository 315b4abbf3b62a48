import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import type { DomainEvent } from '../platform/messaging/event-bus';
import { RedisEventBus } from '../platform/messaging/event-bus.redis';
import { projectRoot } from '../platform/project';
import { waitFor } from './support/wait-for';

/** The operator's script, as run in a deployment: `node dist/scripts/dead-letters.js` against the services' Redis. */
const root = projectRoot();
const script = path.join(root, 'dist', 'scripts', 'dead-letters.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('dead-letters script', () => {
  const prefix = `test:dead-letters:${randomBytes(6).toString('hex')}`;
  const env = { NODE_ENV: 'test', REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'error' };
  let bus: RedisEventBus;

  beforeAll(async () => {
    if (!existsSync(script)) await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
    bus = await RedisEventBus.create({ url: REDIS_URL, prefix, maxAttempts: 1 });
  }, 120_000);
  afterAll(async () => {
    await bus.close();
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('lists a group\'s dead letters and delivers them again on redrive', async () => {
    let fixed = false;
    const handled: string[] = [];
    await bus.consume({ group: 'orders' }, async (event) => {
      if (!fixed) throw new Error('orders could not reach payments');
      handled.push(event.id);
    });
    const stuck: DomainEvent = { id: randomUUID(), type: 'payment.succeeded', occurredAt: new Date().toISOString(), payload: { orderId: 'o-1' } };
    await bus.publish(stuck);
    await waitFor(async () => (await bus.deadLetters('orders')).length === 1);

    const listed = await run(['list', 'orders'], env);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([{ event: stuck, group: 'orders', attempts: 1, error: 'orders could not reach payments', at: expect.any(String) }]);

    fixed = true;
    const redriven = await run(['redrive', 'orders'], env);
    expect(redriven).toMatchObject({ code: 0, stdout: 'delivered 1 dead letter(s) of orders again\n' });
    await waitFor(() => handled.includes(stuck.id));
    expect((await run(['list', 'orders'], env)).stdout).toBe('');
  });

  it('explains itself when used wrongly or without Redis', async () => {
    expect(await run([], env)).toMatchObject({ code: 2, stderr: 'usage: dead-letters list <group> | dead-letters redrive <group>\n' });
    const withoutRedis = await run(['list', 'orders'], { NODE_ENV: 'test' });
    expect(withoutRedis.code).toBe(2);
    expect(withoutRedis.stderr).toMatch(/^REDIS_URL is not set/);
  });
});
