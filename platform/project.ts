import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project root (where package.json is), found the same way from
 * TypeScript sources under test and from compiled files under dist/.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const schemaDir = (): string => path.join(projectRoot(), 'schema');

/** The web apps as Vite builds them (web/dist): the gateway serves them. */
export const webDistDir = (): string => path.join(projectRoot(), 'web', 'dist');
