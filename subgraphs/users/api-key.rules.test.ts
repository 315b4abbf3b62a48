import { badInputOf } from '../../test/support/refusals';
import { checkDescription, checkName, checkScopes, lastUsedIsStale } from './api-key.rules';

describe('API key rules', () => {
  it('trims names and refuses blank or long ones', () => {
    expect(checkName('  erp-sync ')).toBe('erp-sync');
    expect(badInputOf(() => checkName('   '))).toEqual({ field: 'name', message: 'name must be 1 to 100 characters' });
    expect(badInputOf(() => checkName('x'.repeat(101)))).toMatchObject({ field: 'name' });
  });

  it('keeps a description optional and bounded', () => {
    expect(checkDescription('  ')).toBeNull();
    expect(badInputOf(() => checkDescription('x'.repeat(501)))).toMatchObject({ field: 'description' });
  });

  it('accepts known scopes once each and names an unknown one', () => {
    expect(checkScopes(['stock:write', 'catalog:write', 'stock:write'])).toEqual(['stock:write', 'catalog:write']);
    expect(badInputOf(() => checkScopes([]))).toMatchObject({ field: 'scopes' });
    expect(badInputOf(() => checkScopes(['stock:write', 'root']))).toMatchObject({ field: 'scopes', message: expect.stringContaining('"root"') });
  });

  it('writes last-used time at most once a minute', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(lastUsedIsStale(null, now)).toBe(true);
    expect(lastUsedIsStale(new Date(now.getTime() - 59_000), now)).toBe(false);
    expect(lastUsedIsStale(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
