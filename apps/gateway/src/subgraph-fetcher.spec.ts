import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignedDataSource } from './signed-data-source';
import { SubgraphTimeoutError, subgraphFetcher } from './subgraph-fetcher';

/** A subgraph that accepts the connection and never answers (a stalled process). */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const held: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => void held.push(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => {
      held.forEach((res) => res.destroy());
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('subgraph fetches are bounded in time', () => {
  it('gives up on a subgraph that does not answer within the timeout', async () => {
    const silent = await silentServer();
    try {
      const started = Date.now();
      const fetching = subgraphFetcher({ timeoutMs: 300 })(silent.url, { method: 'POST', body: '{"query":"{ __typename }"}', headers: {} });
      await expect(fetching).rejects.toBeInstanceOf(SubgraphTimeoutError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it('fails the fields of a silent or unreachable subgraph with SERVICE_UNAVAILABLE, never with its address', async () => {
    const silent = await silentServer();
    try {
      for (const url of [silent.url, 'http://127.0.0.1:1/graphql']) {
        const source = new SignedDataSource(url, 's'.repeat(32), subgraphFetcher({ timeoutMs: 300 }));
        const failure = await source.process({ kind: 'loading schema', request: { query: '{ __typename }' }, context: {} } as never).then(
          () => null,
          (error: unknown) => error as { message: string; extensions?: { code?: string } },
        );
        expect(failure?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(failure?.message).not.toMatch(/127\.0\.0\.1/);
      }
    } finally {
      await silent.close();
    }
  });
});
