/**
 * Compares the statistics with counts from the services' own records and prints every difference.
 *   node tools/run.js tools/statistics/reconcile-cli.ts [--period 2026] [--postgres URL] [--prefix partybuild_]
 * Exits 1 when there is a difference.
 */
import 'reflect-metadata';
import { todayIn } from '@partybuild/calendar';
import { openDataSource } from '@partybuild/persistence';
import { statisticsMigrations } from '@partybuild/app-statistics';
import { databaseArgs } from './local-databases';
import { reconcile } from './reconcile';

async function main() {
  const { urlFor, period } = databaseArgs();
  const statistics = await openDataSource({ url: urlFor('statistics'), entities: [], migrations: statisticsMigrations });
  try {
    const started = Date.now();
    const result = await reconcile(
      statistics.manager,
      {
        organization: urlFor('organization'),
        membership: urlFor('membership'),
        activity: urlFor('activity'),
        assessment: urlFor('assessment'),
        pairing: urlFor('pairing'),
        topTenMinScore: process.env.ASSESSMENT_TOP_TEN_MIN_SCORE ? Number(process.env.ASSESSMENT_TOP_TEN_MIN_SCORE) : undefined,
      },
      period,
      todayIn(process.env.TIME_ZONE ?? 'Asia/Shanghai'),
    );
    console.log(`reconciled ${result.organizations} organisations for ${period} in ${Date.now() - started} ms`);
    if (result.differences.length === 0) {
      console.log('no differences');
      return 0;
    }
    console.log(`${result.differences.length} difference(s):`);
    for (const d of result.differences) console.log(`  ${d.organizationId}  ${d.figure}: source ${d.source}, statistics ${d.statistics}`);
    return 1;
  } finally {
    await statistics.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
