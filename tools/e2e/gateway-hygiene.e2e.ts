import dns from 'node:dns';
import net from 'node:net';
import path from 'node:path';
import { loadGatewayConfig, startGateway } from '@partybuild/app-gateway';
import { graphql } from '../dev/graphql-client';
import { urlVariable } from '../dev/services';
import { ADMIN, TestStack, startTestStack } from './fixtures';

/** This machine: loopback, and the wildcard address a server listens on. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.|localhost$|0\.0\.0\.0$|::$)/;

/**
 * Records every TCP connection and DNS lookup the process attempts to anything but this
 * machine: the platform must not phone home (Apollo usage or schema reporting, cloud metadata).
 */
function watchOutbound() {
  const attempts: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: any[]) {
    const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
    const host = String(options.host ?? options.path ?? 'localhost');
    if (!options.path && !LOOPBACK.test(host)) attempts.push(`connect ${host}:${options.port}`);
    return (connect as any).apply(this, args);
  } as typeof connect;
  (dns as any).lookup = function (hostname: string, ...rest: any[]) {
    if (!LOOPBACK.test(hostname)) attempts.push(`lookup ${hostname}`);
    return (lookup as any).call(dns, hostname, ...rest);
  };
  return {
    attempts,
    restore: () => {
      net.Socket.prototype.connect = connect;
      (dns as any).lookup = lookup;
    },
  };
}

describe('gateway hygiene', () => {
  it('attempts no outbound connection during start, queries and stop, even with Apollo keys in the environment', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      APOLLO_KEY: 'service:partybuild:not-a-real-key',
      APOLLO_GRAPH_REF: 'partybuild@current',
      APOLLO_SCHEMA_REPORTING: 'true',
    });
    const watch = watchOutbound();
    try {
      const stack = await startTestStack();
      const result = await stack.as(ADMIN)(`{ searchOrganizations(name: "区") { totalCount } }`);
      expect(result.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await stack.stop();
    } finally {
      watch.restore();
      process.env = saved;
    }
    expect(watch.attempts).toEqual([]);
  });

  describe('HTTP surface', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack();
    });
    afterAll(() => stack?.stop());

    const ownGateway = (extra: Record<string, string>) =>
      startGateway(
        loadGatewayConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '0',
          USER_TOKEN_SECRET: stack.secrets.USER_TOKEN_SECRET,
          GATEWAY_SIGNING_SECRET: stack.secrets.GATEWAY_SIGNING_SECRET,
          SUPERGRAPH_PATH: path.resolve(__dirname, '../../apps/gateway/supergraph.graphql'),
          ...Object.fromEntries(Object.entries(stack.services).map(([name, service]) => [urlVariable(name), service.url])),
          ...extra,
        }),
      );

    it('serves metrics only on the metrics port (loopback), never on the public one', async () => {
      const gateway = await ownGateway({ METRICS_PORT: '0' });
      try {
        const base = gateway.url.replace(/\/graphql$/, '');
        expect((await fetch(`${base}/metrics`)).status).toBe(404);
        const metrics = await fetch(gateway.metricsUrl!);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toMatch(/process_cpu_seconds_total/);
        expect(new URL(gateway.metricsUrl!).hostname).toBe('127.0.0.1');
      } finally {
        await gateway.stop();
      }
    });

    it('sends no x-powered-by, and no x-sql-queries outside development and tests', async () => {
      const query = `{ searchOrganizations(name: "区") { totalCount } }`;
      const token = stack.tokenFor(ADMIN);
      const test = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      expect(test.headers.get('x-powered-by')).toBeNull();
      expect(test.headers.get('x-sql-queries')).not.toBeNull();
      const direct = await fetch(stack.services.organization.url.replace(/\/graphql$/, '/healthz'));
      expect(direct.headers.get('x-powered-by')).toBeNull();

      const production = await ownGateway({ NODE_ENV: 'production' });
      try {
        const answer = await graphql(production.url, token, query);
        expect(answer.errors).toBeUndefined();
        const raw = await fetch(production.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        expect(raw.headers.get('x-sql-queries')).toBeNull();
        expect(raw.headers.get('x-powered-by')).toBeNull();
      } finally {
        await production.stop();
      }
    });

    it('is ready only when its subgraphs are, and answers 503 while draining', async () => {
      const gateway = await ownGateway({ SHUTDOWN_GRACE_SECONDS: '2' });
      const readyz = gateway.url.replace(/\/graphql$/, '/readyz');
      const ready = await fetch(readyz);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as any).subgraphs).toMatchObject({
        organization: true,
        membership: true,
        activity: true,
        statistics: true,
      });
      const stopping = gateway.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const draining = await fetch(readyz);
      expect(draining.status).toBe(503);
      expect(((await draining.json()) as any).status).toBe('draining');
      await stopping;
    });

    it('reports not ready when a subgraph is down', async () => {
      await stack.services.statistics.stop();
      const readyz = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/readyz'));
      expect(readyz.status).toBe(503);
      expect(((await readyz.json()) as any).subgraphs).toMatchObject({ statistics: false, organization: true });
      // stack.stop() stops it again: a stopped service's stop is harmless only if idempotent, so mark it stopped.
      stack.services.statistics.stop = async () => undefined;
    });
  });
});
