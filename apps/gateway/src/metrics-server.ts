import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/**
 * Prometheus metrics on their own port (loopback by default), so the public port never
 * shows process and traffic figures to whoever can reach the gateway.
 */
export async function startMetricsServer(metrics: Registry, port: number, host: string) {
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.metrics());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://${host}:${actual}/metrics`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
