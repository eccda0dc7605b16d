import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { KafkaBroker, eventually, startKafkaBroker, testPostgresUrl, uniquePrefix } from '@partybuild/testing';
import { freePort } from '../dev/concurrency';
import { Launched, launch } from '../dev/launch';
import { SERVICES } from '../dev/services';
import { newSecrets } from '../dev/stack';
import { ReceivedSpan, startOtlpReceiver } from './otlp-receiver';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/** The sum of the samples of `name` whose labels include `labels` (a Prometheus text page); undefined when none. */
function sample(page: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let sum: number | undefined;
  for (const line of page.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => has[key] === value)) sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

const page = async (url: string) => (await fetch(url)).text();

/**
 * The system as operators run it (one process per service, as `npm start` and the image do:
 * tracing patches http and pg as a process loads them), on the test PostgreSQL and a broker
 * of this file's own, so it can be stopped. Every process but membership is told where to
 * send traces by the standard variables; membership is given none and must send nothing.
 */
describe('observability: traces, metrics, outbox backlog and consumer lag', () => {
  jest.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partybuild-obs-'));
  const lines: string[] = [];
  let broker: KafkaBroker;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  /** Listening where an exporter would send by default (localhost:4318), when that port is free. */
  const defaultEndpoints: Array<Awaited<ReturnType<typeof startOtlpReceiver>>> = [];
  let system: Launched;
  let ports: Record<string, number>;
  let gatewayMetrics: string;
  let token: string;

  const ask = async (query: string, variables: Record<string, unknown>, requestId: string) => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en', 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  };
  const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
  const create = (code: string, name: string, requestId = `obs-${randomUUID()}`) =>
    ask(CREATE, { input: { code, name, kind: 'PARTY_COMMITTEE', sector: 'AGENCY' } }, requestId);
  const metricsOf = (service: string) => page(`http://127.0.0.1:${ports[service]}/metrics`);

  beforeAll(async () => {
    broker = await startKafkaBroker();
    receiver = await startOtlpReceiver();
    for (const host of ['127.0.0.1', '::1']) {
      const quiet = await startOtlpReceiver(4318, host).catch(() => null);
      if (quiet) defaultEndpoints.push(quiet);
    }
    ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()])));
    const metricsPort = await freePort();
    gatewayMetrics = `http://127.0.0.1:${metricsPort}/metrics`;
    system = await launch({
      dataDir,
      postgresUrl: testPostgresUrl(),
      pgPort: 0,
      gatewayPort: await freePort(),
      servicePorts: ports,
      host: '127.0.0.1',
      eventTransport: 'kafka',
      kafkaBrokers: broker.brokers.join(','),
      databasePrefix: uniquePrefix(),
      secrets: newSecrets(),
      logLevel: 'info',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' },
      serviceEnv: {
        membership: { OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_BSP_SCHEDULE_DELAY: undefined },
        gateway: { METRICS_PORT: String(metricsPort) },
      },
      write: (line) => lines.push(line),
    });
    token = system.tokenFor({ subject: 'admin', name: '管理员', roles: [Role.DISTRICT_ADMIN], scope: [] });
  });
  afterAll(async () => {
    await system?.stop().catch(() => undefined);
    await broker?.stop();
    await receiver?.stop();
    for (const quiet of defaultEndpoints) await quiet.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let publish: ReceivedSpan;
  let organizationId: string;

  it('follows one request in one trace: gateway, subgraph, its SQL (no values), the outbox publish, the consumers', async () => {
    const requestId = `obs-${randomUUID()}`;
    const name = `追踪测试党委${randomUUID().slice(0, 6)}`;
    const created = await create(`OBS-${randomUUID().slice(0, 6)}`, name, requestId);
    expect(created.errors).toBeUndefined();
    organizationId = created.data.createOrganization.id;

    const entry = await eventually(
      async () => receiver.spans.find((s) => s.service === 'gateway' && s.kind === SERVER && s.attributes['partybuild.request_id'] === requestId),
      30_000,
      'the gateway span with the request id',
    );
    publish = await eventually(
      async () => receiver.spans.find((s) => s.traceId === entry.traceId && s.kind === PRODUCER),
      30_000,
      'the outbox publish span in the same trace',
    );
    const trace = receiver.spans.filter((s) => s.traceId === entry.traceId);
    const subgraph = trace.find((s) => s.service === 'organization' && s.kind === SERVER)!;
    expect(subgraph.attributes['partybuild.request_id']).toBe(requestId);
    // The subgraph's span is the child of one of the gateway's: the fetch carried `traceparent`.
    expect(trace.find((s) => s.spanId === subgraph.parentSpanId)?.service).toBe('gateway');
    const statements = trace.filter((s) => s.service === 'organization' && s.attributes['db.system'] === 'postgresql');
    expect(statements.some((s) => /INSERT INTO outbox/.test(String(s.attributes['db.statement'])))).toBe(true);
    expect(publish).toMatchObject({
      service: 'organization',
      name: 'publish partybuild.organization',
      attributes: expect.objectContaining({ 'messaging.system': 'kafka', 'messaging.destination.name': 'partybuild.organization' }),
    });
    // The name travelled as a variable and as a statement parameter: no span may carry it.
    expect(JSON.stringify(trace)).not.toContain(name);

    // The consumers' apply spans are linked to the publish (a batch has many producers).
    const applied = await eventually(
      async () => receiver.spans.find((s) => s.kind === CONSUMER && s.links.some((l) => l.spanId === publish.spanId)),
      30_000,
      'a consumer span linked to the publish',
    );
    expect(applied.name).toBe('process partybuild.organization');
  });

  it('writes the trace id beside the request id in the log lines, and counts requests and errors in Prometheus terms', async () => {
    const requestId = `obs-${randomUUID()}`;
    const refused = await create('X'.repeat(300), '超长代码的党委', requestId);
    const code = String(refused.errors?.[0].extensions.code);
    expect(refused.errors?.[0].extensions.requestId).toBe(requestId);
    expect(code).not.toBe('INTERNAL_SERVER_ERROR');

    const line = await eventually(
      async () => lines.find((l) => l.includes(requestId) && l.includes('request refused')),
      15_000,
      'the refusal logged',
    );
    const logged = JSON.parse(line.slice(line.indexOf('{')));
    expect(logged.traceId).toMatch(/^[0-9a-f]{32}$/);
    await eventually(
      async () => receiver.spans.find((s) => s.traceId === logged.traceId && s.attributes['partybuild.request_id'] === requestId),
      30_000,
      'the logged trace at the collector',
    );

    const metrics = await page(gatewayMetrics);
    expect(sample(metrics, 'graphql_requests_total', { operation_type: 'mutation', status: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'graphql_requests_total', { operation_type: 'mutation', status: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'graphql_errors_total', { code })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'graphql_request_duration_seconds_count', { operation_type: 'mutation' })).toBeGreaterThanOrEqual(2);
    expect(sample(metrics, 'graphql_subgraph_fetch_duration_seconds_count', { subgraph: 'organization', status: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('exports nothing from a process given no OTEL_* variable, although traced requests reach it', async () => {
    const requestId = `obs-${randomUUID()}`;
    const members = await ask(`query($id: ID!) { organization(id: $id) { members(first: 5) { totalCount } } }`, { id: organizationId }, requestId);
    expect(members.errors).toBeUndefined();
    const entry = await eventually(
      async () => receiver.spans.find((s) => s.service === 'gateway' && s.attributes['partybuild.request_id'] === requestId),
      30_000,
      'the gateway span of the members query',
    );
    // The gateway traced its fetch from membership; wait for a later batch of spans before counting membership's.
    const another = `obs-${randomUUID()}`;
    await ask(`{ organization(id: "${organizationId}") { name } }`, {}, another);
    await eventually(async () => receiver.spans.find((s) => s.attributes['partybuild.request_id'] === another), 30_000, 'a later span');
    expect(receiver.spans.filter((s) => s.traceId === entry.traceId).length).toBeGreaterThan(1);
    expect(receiver.spans.filter((s) => s.service === 'membership')).toEqual([]);
    expect(lines.some((l) => l.startsWith('[membership]') && l.includes('tracing off: no OTEL_TRACES_EXPORTER or OTEL_EXPORTER_OTLP_ENDPOINT set'))).toBe(
      true,
    );
    // Not to the specification's default endpoint either (checked where this machine let us listen on it).
    for (const quiet of defaultEndpoints) expect(quiet.requests()).toBe(0);
  });

  it('exposes each consumer group lag, and an outbox backlog that grows while the broker is away and drains on its return', async () => {
    const lagOf = async () => sample(await metricsOf('statistics'), 'kafka_consumer_lag', { topic: 'partybuild.organization', group: 'statistics' });
    await eventually(async () => ((await lagOf()) === 0 ? true : undefined), 30_000, 'the statistics lag on partybuild.organization at 0');
    const backlog = async () => {
      const metrics = await metricsOf('organization');
      return { events: sample(metrics, 'outbox_backlog_events')!, age: sample(metrics, 'outbox_oldest_event_age_seconds')! };
    };
    await eventually(async () => ((await backlog()).events === 0 ? true : undefined), 30_000, 'an empty outbox');
    expect((await backlog()).age).toBe(0);

    await broker.stop();
    expect((await create(`OBS-A-${randomUUID().slice(0, 6)}`, '停机期间成立的第一个党委')).errors).toBeUndefined();
    expect((await create(`OBS-B-${randomUUID().slice(0, 6)}`, '停机期间成立的第二个党委')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const waiting = await backlog();
    expect(waiting.events).toBe(2);
    expect(waiting.age).toBeGreaterThan(1);
    expect((await create(`OBS-C-${randomUUID().slice(0, 6)}`, '停机期间成立的第三个党委')).errors).toBeUndefined();
    expect((await backlog()).events).toBe(3);
    // The broker cannot be asked: no lag figure rather than a stale one, and the page still answers.
    expect(await lagOf()).toBeUndefined();

    await broker.start();
    await eventually(async () => ((await backlog()).events === 0 ? true : undefined), 60_000, 'the outbox drained after the return');
    await eventually(async () => ((await lagOf()) === 0 ? true : undefined), 60_000, 'the statistics caught up');
  });
});
