import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './config';
import { openOrm } from './orm';
import { OutboxEntryEntity } from './messaging/outbox';

describe('embedded SQLite', () => {
  it('runs with write-ahead logging and commits that do not wait for the disk', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-orm-'));
    const orm = await openOrm({ service: 'catalog', entities: [OutboxEntryEntity], config: loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }) });
    try {
      const connection = orm.em.getConnection();
      expect(await connection.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      // 1 is NORMAL (2 would be FULL: an fsync on every commit).
      expect(await connection.execute('pragma synchronous')).toEqual([{ synchronous: 1 }]);
    } finally {
      await orm.close(true);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
