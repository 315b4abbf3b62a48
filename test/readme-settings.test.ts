import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/project';
import { settingNames } from './support/settings';

/**
 * Every setting platform/config.ts reads has a row, with its default, in the
 * README's settings tables ("Configuration" and "Production"), so an operator
 * never meets an undocumented variable.
 */
describe('README settings tables', () => {
  const readme = readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
  const section = (title: string) => {
    const start = readme.indexOf(`\n## ${title}\n`);
    if (start < 0) throw new Error(`README has no "## ${title}" section`);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end < 0 ? undefined : end);
  };
  /** Names in backticks in the first cell of each table row. */
  const documented = new Set(
    [section('Configuration'), section('Production')]
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1])),
  );

  it('lists every setting platform/config.ts reads', () => {
    const names = [...settingNames()];
    expect(names.length).toBeGreaterThan(60);
    expect(names.filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('lists no setting platform/config.ts does not read', () => {
    const known = settingNames();
    expect([...documented].filter((name) => !known.has(name)).sort()).toEqual([]);
  });
});
