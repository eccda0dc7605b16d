/**
 * Statistics benchmark on a generated district:
 *   node tools/run.js tools/bench/statistics-bench.ts [--size full|small] [--months N]
 * Starts its own PostgreSQL and stack (EVENT_TRANSPORT=kafka KAFKA_BROKERS=… to use Kafka),
 * generates the district through the services' APIs while probing the event-to-figure lag,
 * then measures the district overview and a branch's statistics through the gateway, the
 * rebuild rate, and reconciles the figures with the services' records.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { parsePeriod, todayIn } from '@partybuild/calendar';
import { computeFigures } from '@partybuild/app-statistics';
import { createTransport } from '@partybuild/events';
import { createLogger } from '@partybuild/logging';
import { mustQuery, graphql } from '../dev/graphql-client';
import { FULL_DISTRICT, SMALL_DISTRICT, generateRealisticDistrict } from '../generate/realistic-district';
import { countEvents } from '../statistics/count-events';
import { STATISTICS_TOPICS, rebuildStatistics } from '../statistics/rebuild';
import { reconcile } from '../statistics/reconcile';
import { settle } from '../statistics/settle';
import { fmt, percentiles, timeCalls } from './measure';
import { runBenchmark } from './bench-stack';
import { writePerformanceRows } from './performance-table';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'full' }, months: { type: 'string' } } });

const size = { ...(values.size === 'small' ? SMALL_DISTRICT : FULL_DISTRICT) };
if (values.months) size.months = Number(values.months);
const kafka = process.env.EVENT_TRANSPORT === 'kafka';

runBenchmark(
  { eventTransport: kafka ? 'kafka' : 'embedded', kafkaBrokers: process.env.KAFKA_BROKERS },
  async ({ postgres, stack, adminToken: token }) => {
    const url = stack.gatewayUrl;
    const today = todayIn('Asia/Shanghai');
    const year = today.slice(0, 4);
    const statistics = stack.services.statistics.dataSource;
    console.log(`district: ${JSON.stringify(size)} on ${kafka ? 'Kafka' : 'the embedded log'}`);

    // Lag probe: while the generator writes, rename an organisation every 250 ms through the gateway
    // and time until the statistics' copy of the tree shows the new name.
    const probeRoot = (
      await mustQuery(
        url,
        token,
        `mutation { createOrganization(input: { code: "LAG", name: "探针工委", kind: WORKING_COMMITTEE, sector: AGENCY }) { id } }`,
      )
    ).createOrganization.id;
    const lags: number[] = [];
    let generating = true;
    const probe = (async () => {
      for (let i = 0; generating; i++) {
        const name = `探针工委${i}`;
        await mustQuery(url, token, `mutation($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { id } }`, {
          id: probeRoot,
          name,
        });
        const written = performance.now();
        while ((await statistics.query(`SELECT 1 FROM org_node WHERE id = $1 AND name = $2`, [probeRoot, name])).length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        lags.push(performance.now() - written);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const started = performance.now();
    const district = await generateRealisticDistrict(url, token, size, {
      today,
      tag: 'D',
      onProgress: (m) => console.log(`  ${m} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
    });
    generating = false;
    await probe;
    const eventsUrl = postgres.urlFor('bench_events');
    const transportInfo = kafka
      ? { kind: 'kafka' as const, brokers: (process.env.KAFKA_BROKERS ?? '').split(',') }
      : { kind: 'embedded' as const, eventsUrl };
    const producers = ['organization', 'membership', 'activity'].map((name) => stack.services[name].dataSource);
    const total = await settle(producers, statistics, () => countEvents(STATISTICS_TOPICS, transportInfo), 600_000);
    const lag = percentiles(lags);
    console.log(
      `generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${district.organizations} organisations, ${district.members} members, ${district.activities} meetings, ${total} events`,
    );
    console.log(
      `event-to-figure lag while generating (gateway change → statistics): p50 ${fmt(lag.p50)}, p99 ${fmt(lag.p99)} (n=${lag.n})`,
    );

    const overviewQuery = `query($p: String!) { districtOverview(period: $p, sortBy: MEMBERS) { code statistics { members { total newMembers } branches { total underThreeFullMembers } activities { held attendanceRate complianceRate } dues { expectedFen collectedFen } } } }`;
    await mustQuery(url, token, overviewQuery, { p: year });
    const overview = percentiles(await timeCalls(200, () => mustQuery(url, token, overviewQuery, { p: year })));
    const sql = (await graphql(url, token, overviewQuery, { p: year })).sqlQueries;
    console.log(
      `district overview of ${size.committees} Party committees: p50 ${fmt(overview.p50)}, p95 ${fmt(overview.p95)}, ${sql} SQL statements`,
    );

    const branchQuery = `query($id: ID!, $p: String!) { organization(id: $id) { name statistics(period: $p) { members { total byGender { key count } byAgeBand { key count } } activities { held attendanceRate complianceRate } dues { membersInArrears } } } }`;
    const branchStatistics = (i: number) =>
      mustQuery(url, token, branchQuery, { id: district.branches[i % district.branches.length].id, p: year });
    // First views compute the figures; later views of unchanged figures come from the cache.
    const cold = percentiles(await timeCalls(200, branchStatistics));
    const warm = percentiles(await timeCalls(200, branchStatistics));
    console.log(
      `Organization.statistics of one branch: first view p50 ${fmt(cold.p50)}, p95 ${fmt(cold.p95)}; again p50 ${fmt(warm.p50)}, p95 ${fmt(warm.p95)}`,
    );

    const logger = createLogger('bench', 'error');
    const transport = createTransport(
      { EVENT_TRANSPORT: kafka ? 'kafka' : 'embedded', KAFKA_BROKERS: process.env.KAFKA_BROKERS, EVENTS_DATABASE_URL: eventsUrl },
      'bench-rebuild',
      logger,
    );
    const rebuilt = await rebuildStatistics({ databaseUrl: postgres.urlFor('bench_rebuilt'), transport, logger, target: total });
    console.log(
      `rebuild: ${rebuilt.events} events in ${rebuilt.seconds.toFixed(1)} s = ${Math.round(rebuilt.events / rebuilt.seconds)} events/s`,
    );

    const reconcileStarted = performance.now();
    const result = await reconcile(
      statistics.manager,
      {
        organization: postgres.urlFor('bench_organization'),
        membership: postgres.urlFor('bench_membership'),
        activity: postgres.urlFor('bench_activity'),
      },
      year,
      today,
    );
    console.log(
      `reconciliation over ${result.organizations} organisations (counts, dues, 三会一课, 组织生活) in ${fmt(performance.now() - reconcileStarted)}: ${result.differences.length ? `${result.differences.length} differences, e.g. ${JSON.stringify(result.differences.slice(0, 3))}` : 'no differences'}`,
    );
    const totals = (await computeFigures(statistics.manager, [district.rootId], parsePeriod(year), today)).get(district.rootId)!;
    const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
    const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
    const { dues, activities: a } = totals;
    console.log(
      `district ${year}: dues expected ${yuan(dues.expectedFen)}, collected ${yuan(dues.collectedFen)}, ${dues.membersInArrears} members in arrears; ` +
        `三会一课 ${a.requiredMeetingsHeld}/${a.requiredMeetingsDue} = ${percent(a.complianceRate)}; 组织生活 ${a.organizationalLifeHeld}/${a.organizationalLifeDue} = ${percent(a.organizationalLifeRate)}`,
    );
    const command = `${kafka ? 'EVENT_TRANSPORT=kafka KAFKA_BROKERS=… ' : ''}node tools/run.js tools/bench/statistics-bench.ts${values.size === 'small' ? ' --size small' : ''}${values.months ? ` --months ${values.months}` : ''}`;
    const of = `(${district.members} members, ${size.months} months)`;
    writePerformanceRows(kafka ? 'statistics-kafka' : 'statistics', [
      {
        figure: `event-to-figure lag while ${district.members} members and their meetings are written (${kafka ? 'Kafka' : 'embedded log'})`,
        value: `p50 ${fmt(lag.p50)}, p99 ${fmt(lag.p99)} (n=${lag.n})`,
        command,
        target: { text: 'p99 < 1 s', met: lag.p99 < 1000 },
      },
      {
        figure: `statistics rebuild (every topic replayed into a new database) ${of}`,
        value: `${Math.round(rebuilt.events / rebuilt.seconds)} events/s (${rebuilt.events} events)`,
        command,
        target: { text: '≥ 50 000 events/s', met: rebuilt.events / rebuilt.seconds >= 50_000 },
      },
      {
        figure: `a branch's \`Organization.statistics\` first view ${of}`,
        value: `p50 ${fmt(cold.p50)}, p95 ${fmt(cold.p95)}`,
        command,
        target: { text: 'p95 < 20 ms', met: cold.p95 < 20 },
      },
      {
        figure: `a branch's \`Organization.statistics\` again (cached) ${of}`,
        value: `p50 ${fmt(warm.p50)}, p95 ${fmt(warm.p95)}`,
        command,
      },
    ]);
    await rebuilt.dataSource.destroy();
    await transport.close();
  },
);
