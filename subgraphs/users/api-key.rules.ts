import { requiredText } from '../../platform/checks';
import { badInput } from '../../platform/errors';
import { API_SCOPES, isApiScope, type ApiScope } from '../../platform/scopes';

export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 500;

/** A service account's or key's name: trimmed, 1 to MAX_NAME_LENGTH characters. */
export const checkName = (name: string, field = 'name'): string => requiredText(name, field, MAX_NAME_LENGTH);

export function checkDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim() || null;
  if (trimmed && trimmed.length > MAX_DESCRIPTION_LENGTH) throw badInput(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`, 'description');
  return trimmed;
}

/** At least one known scope; repeats count once. */
export function checkScopes(scopes: readonly string[]): ApiScope[] {
  if (scopes.length === 0) throw badInput('scopes must name at least one scope', 'scopes');
  const unknown = scopes.find((scope) => !isApiScope(scope));
  if (unknown !== undefined) throw badInput(`scopes has "${unknown}"; known scopes are ${Object.keys(API_SCOPES).join(', ')}`, 'scopes');
  return [...new Set(scopes as ApiScope[])];
}

/** How often last-used time is written: a busy key would otherwise write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function lastUsedIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}
