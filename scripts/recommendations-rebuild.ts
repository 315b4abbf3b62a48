import 'reflect-metadata';
import { systemClock } from '../platform/clock';
import { ConfigError, loadConfig } from '../platform/config';
import { Db } from '../platform/db';
import { openOrm } from '../platform/orm';
import { subgraphEntities } from '../platform/subgraph';
import { ModelLedger } from '../subgraphs/recommendations/model.ledger';
import { recommendations } from '../subgraphs/recommendations/recommendations.module';

/**
 * Rebuilds the recommendation model whole from the purchase and view history
 * in the recommendations database (README "Recommendations"):
 *
 *   npm run recommendations:rebuild
 *
 * Run it with the services' configuration (DATA_DIR or MONGODB_URL). It
 * prints one JSON line: orders and views read, pairs and trend rows made, time.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await openOrm({ service: 'recommendations', entities: subgraphEntities(recommendations), config });
  try {
    const report = await new ModelLedger(new Db(orm), systemClock, config.recommendations.trendingHalfLifeHours).rebuild();
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? `Configuration error: ${error.message}` : String(error)}\n`);
  process.exitCode = 1;
});
