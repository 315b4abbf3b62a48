import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from './config';
import { Db, SqliteGroupCommit, type Prepared } from './db';
import { newId } from './ids';
import { OUTBOX_INSERT_SQL, OutboxEntryEntity, outboxValues } from './messaging/outbox';
import { openOrm } from './orm';
import { currentRequestId, setRequestDeadline, withRequestId } from './request-scope';

describe('SqliteGroupCommit', () => {
  let dir: string;
  let orm: MikroORM;
  let db: Db;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'group-commit-'));
    orm = await openOrm({ service: 'inventory', entities: [OutboxEntryEntity], config: loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'error' }) });
    db = new Db(orm);
  });

  afterAll(async () => {
    await orm.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Work that writes one outbox row of `type` and answers its id; `fail` throws after the write. */
  const writeRow = (type: string, ran: string[], fail = false) => (prepared: Prepared) => {
    const id = newId();
    ran.push(type);
    prepared(OUTBOX_INSERT_SQL).run(...outboxValues({ id, type, payload: {}, occurredAt: new Date(), traceparent: null }));
    if (fail) throw new Error(`${type} refused`);
    return id;
  };
  const rowsOf = (type: string) => db.read((em) => em.count(OutboxEntryEntity, { type }));

  it('gives each request of a group its own outcome: a failing one is undone alone', async () => {
    const group = new SqliteGroupCommit(db, { what: 'write', queue: 10 });
    const ran: string[] = [];
    const type = `t-${newId()}`;
    const outcomes = await Promise.allSettled([group.run(writeRow(type, ran)), group.run(writeRow(`${type}-bad`, ran, true)), group.run(writeRow(type, ran))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: new Error(`${type}-bad refused`) });
    expect(await rowsOf(type)).toBe(2);
    expect(await rowsOf(`${type}-bad`)).toBe(0);
  });

  it("runs each request's work in its own caller's request scope, not the group's first", async () => {
    const group = new SqliteGroupCommit(db, { what: 'write', queue: 10 });
    const ids = await Promise.all(['a', 'b', 'c'].map((id) => withRequestId(id, () => group.run(() => currentRequestId()))));
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('refuses with TRY_AGAIN, at once and before its work runs, a request past the bounded queue; the queue frees as groups commit', async () => {
    const group = new SqliteGroupCommit(db, { what: 'write', queue: 3 });
    const ran: string[] = [];
    const type = `t-${newId()}`;
    const calls = Array.from({ length: 5 }, (_, i) => group.run(writeRow(`${type}-${i}`, ran)));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(outcomes[3]).toMatchObject({ reason: { extensions: { code: 'TRY_AGAIN', retryAfterSeconds: 1 } } });
    expect(ran).toEqual([0, 1, 2].map((i) => `${type}-${i}`));
    expect(await rowsOf(`${type}-3`)).toBe(0);
    // The group committed, so the queue is empty again.
    await expect(group.run(writeRow(`${type}-5`, ran))).resolves.toEqual(expect.any(String));
  });

  it('refuses with TRY_AGAIN, before its work runs, a request whose caller gave up while it waited', async () => {
    const group = new SqliteGroupCommit(db, { what: 'write', queue: 10 });
    const ran: string[] = [];
    const type = `t-${newId()}`;
    const late = withRequestId('late', () => {
      setRequestDeadline(Date.now() - 1);
      return group.run(writeRow(`${type}-late`, ran));
    });
    const onTime = group.run(writeRow(type, ran));
    await expect(late).rejects.toMatchObject({ extensions: { code: 'TRY_AGAIN' } });
    await expect(onTime).resolves.toEqual(expect.any(String));
    expect(ran).toEqual([type]);
    expect(await rowsOf(`${type}-late`)).toBe(0);
  });
});
