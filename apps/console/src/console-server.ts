import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { createLogger } from '@partybuild/logging';
import type { ConsoleConfig } from './config';

/** A demo identity offered on the sign-in page of a local installation (never in production). */
export interface DemoUser {
  label: string;
  description: string;
  token: string;
}

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

export const CONSOLE_DIST = path.resolve(__dirname, '..', 'dist');

/** Headers a console request may carry to the gateway; nothing else crosses. */
const FORWARDED = ['authorization', 'content-type', 'accept-language', 'idempotency-key', 'x-request-id'];

/**
 * Serves the built console and forwards its GraphQL requests to the gateway, so the browser
 * talks to one origin and the console has no access the caller's token does not give: every
 * request goes through the gateway's sign-in check, limits and scopes like any other client.
 */
export async function startConsole(
  config: ConsoleConfig,
  options: { demoUsers?: DemoUser[]; distDir?: string } = {},
): Promise<RunningConsole> {
  const logger = createLogger('console');
  const distDir = options.distDir ?? CONSOLE_DIST;
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`the console is not built (${distDir}/index.html is missing): run "npx nx build console"`);
  }
  const demoUsers = config.NODE_ENV === 'production' ? [] : (options.demoUsers ?? []);
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    // Everything the console needs comes from this origin; a stray external load is refused by the browser.
    res.setHeader(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  app.get('/session/options', (_req, res) => {
    res.json({ demoUsers, signInUrl: config.SIGN_IN_URL ?? null });
  });
  app.post('/graphql', express.raw({ type: () => true, limit: '25mb' }), (req, res) => {
    forward(config.GATEWAY_URL, req, res).catch((error: Error) => {
      logger.warn({ code: 'GATEWAY_UNREACHABLE', reason: error.message }, 'gateway unreachable');
      res.status(502).json({ errors: [{ message: '暂时无法连接到数据服务，请稍后重试。', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    });
  });
  if (config.NODE_ENV === 'production') {
    // The explorer is a developers' tool; in production the graph is not browsed by hand.
    app.get('/explorer.html', (_req, res) =>
      res.status(404).json({ errors: [{ message: '生产环境不提供查询工具。', extensions: { code: 'NOT_FOUND' } }] }),
    );
  }
  app.use(express.static(distDir, { index: 'index.html', maxAge: '1h' }));
  // The console routes with the URL hash; any other path is the application itself.
  app.use((_req, res) => res.sendFile(path.join(distDir, 'index.html')));

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}/`;
  logger.info({ url }, 'console listening');
  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function forward(gatewayUrl: string, req: Request, res: Response): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answer = await fetch(gatewayUrl, { method: 'POST', headers, body: req.body as Buffer });
  res.status(answer.status);
  const type = answer.headers.get('content-type');
  if (type) res.setHeader('content-type', type);
  res.send(Buffer.from(await answer.arrayBuffer()));
}
