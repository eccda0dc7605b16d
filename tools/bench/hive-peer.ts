import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALIAS_HOOK } from '../dev/build-cache';
import { SupervisedService } from '../dev/supervisor';

const ROOT = path.resolve(__dirname, '..', '..');
/** Outside the project's dependencies (tmp/ is ignored by git): the peer is measured, never shipped. */
const PEERS = path.join(ROOT, 'tmp', 'bench-peers');
export const HIVE_VERSION = '2.15';
const HIVE_BIN = path.join(PEERS, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

/** Installs Hive Gateway 2.15.x into tmp/bench-peers unless it is there already; returns its exact version. */
export function installHive(): string {
  const manifest = path.join(PEERS, 'node_modules', '@graphql-hive', 'gateway', 'package.json');
  const installed = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : null;
  if (!installed?.startsWith(`${HIVE_VERSION}.`)) {
    mkdirSync(PEERS, { recursive: true });
    if (!existsSync(path.join(PEERS, 'package.json')))
      writeFileSync(path.join(PEERS, 'package.json'), '{ "name": "bench-peers", "private": true }\n');
    execFileSync('npm', ['install', '--prefix', PEERS, '--no-audit', '--no-fund', `@graphql-hive/gateway@~${HIVE_VERSION}.0`], {
      stdio: 'inherit',
    });
  }
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Hive's configuration for the same work as ours on every request: the user's token verified
 * with the same function (`verifyUserToken` of libs/auth, loaded from the compiled libraries),
 * the caller signed with the same function (`signCallerHeader`) once per request and sent in
 * the same header on every subgraph fetch of that request. Nothing is cached across requests.
 */
const HIVE_CONFIG = `// Written by tools/bench/hive-peer.ts for the gateway benchmark.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { CALLER_HEADER, signCallerHeader, verifyUserToken } = require('@partybuild/auth');

export const gatewayConfig = {
  logging: 'error',
  plugins: () => [
    {
      onContextBuilding({ context, extendContext }) {
        const token = context.request.headers.get('authorization')?.match(/^Bearer\\s+(.+)$/i)?.[1] ?? '';
        const caller = verifyUserToken(token, process.env.USER_TOKEN_SECRET, Number(process.env.MAX_TOKEN_HOURS ?? 12));
        extendContext({ callerHeader: signCallerHeader(caller, process.env.GATEWAY_SIGNING_SECRET) });
      },
      onFetch({ context, options }) {
        if (context?.callerHeader) options.headers = { ...options.headers, [CALLER_HEADER]: context.callerHeader };
      },
    },
  ],
};
`;

/**
 * Hive Gateway in its own process on the given supergraph, with the subgraph URLs rewritten to
 * where the benchmark's services answer (the same addresses our gateway is given).
 */
export function hiveGateway(options: {
  supergraphPath: string;
  subgraphUrls: Record<string, string>;
  port: number;
  secrets: { USER_TOKEN_SECRET: string; GATEWAY_SIGNING_SECRET: string };
  write(line: string): void;
}): SupervisedService {
  let sdl = readFileSync(options.supergraphPath, 'utf8');
  for (const [name, url] of Object.entries(options.subgraphUrls)) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  const supergraph = path.join(PEERS, 'supergraph.graphql');
  const config = path.join(PEERS, 'gateway.config.mjs');
  writeFileSync(supergraph, sdl);
  writeFileSync(config, HIVE_CONFIG);
  return new SupervisedService(
    {
      name: 'hive',
      args: [
        '-r',
        ALIAS_HOOK,
        HIVE_BIN,
        'supergraph',
        supergraph,
        '--config-path',
        config,
        '--host',
        '127.0.0.1',
        '--port',
        String(options.port),
        '--fork',
        '1',
      ],
      env: { ...process.env, ...options.secrets },
      readyUrl: `http://127.0.0.1:${options.port}/readiness`,
    },
    { write: options.write },
  );
}
