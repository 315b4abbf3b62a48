import { badInput } from '../../platform/errors';

/** What makes category input valid. */

const MAX_NAME = 100;
/** Deeper trees are refused; also bounds every walk up or down the tree. */
export const MAX_DEPTH = 8;

/** A category's name: trimmed, 1 to MAX_NAME characters. */
export function checkName(raw: string): string {
  const name = raw.trim();
  if (!name) throw badInput('name must not be empty', 'name');
  if (name.length > MAX_NAME) throw badInput(`name must be at most ${MAX_NAME} characters`, 'name');
  return name;
}

/** The name an update leaves: the current one when omitted; null is refused. */
export function nameAfter(current: string, input: string | null | undefined): string {
  if (input === null) throw badInput('name cannot be null', 'name');
  return input === undefined ? current : checkName(input);
}

/** Refuses a category landing on `level` (1: the top) with `height` levels below it, past MAX_DEPTH. */
export function checkDepth(level: number, height = 0): void {
  if (level + height > MAX_DEPTH) throw badInput(`Categories nest at most ${MAX_DEPTH} levels deep`, 'parentId');
}
