import { ConfigError, loadConfig } from '../../platform/config';

/**
 * The message `loadConfig` refuses `env` with (in a project at /srv/shop).
 * Fails the test when `env` is accepted, or refused by anything but a
 * ConfigError, whose message is the one line an operator sees.
 */
export function configErrorFor(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv/shop');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}
