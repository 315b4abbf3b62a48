import 'reflect-metadata';
import { ConfigError, loadConfig } from '../platform/config';
import { openMessaging } from '../platform/messaging/messaging';

/**
 * The operator's view of parked events (see README "Architecture"):
 *
 *   node dist/scripts/dead-letters.js list <group>      one JSON line per dead letter
 *   node dist/scripts/dead-letters.js redrive <group>   deliver them again, once the cause is fixed
 *
 * Groups: `orders`, `catalog.audit`, `notifications`, `reviews`,
 * `recommendations`, `pricing` (each consumer's `group`). Run with the services'
 * REDIS_URL and REDIS_PREFIX: without Redis, dead letters live in the process
 * that parked them and end with it.
 */

const USAGE = 'usage: dead-letters list <group> | dead-letters redrive <group>';

async function main(): Promise<number> {
  const [command, group] = process.argv.slice(2);
  if ((command !== 'list' && command !== 'redrive') || !group) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (!config.redis) {
    process.stderr.write('REDIS_URL is not set: without Redis, dead letters live in the process that parked them (its log names each one).\n');
    return 2;
  }
  const messaging = await openMessaging(config);
  try {
    if (command === 'list') {
      for (const letter of await messaging.events.deadLetters(group)) process.stdout.write(`${JSON.stringify(letter)}\n`);
    } else {
      process.stdout.write(`delivered ${await messaging.events.redrive(group)} dead letter(s) of ${group} again\n`);
    }
    return 0;
  } finally {
    await messaging.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? `Configuration error: ${error.message}` : String(error)}\n`);
    process.exitCode = 1;
  },
);
