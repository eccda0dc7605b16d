import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS, gatewayConfig, subgraphUrls } from './config';

describe('the gateway configuration', () => {
  it('has a URL variable for exactly the subgraphs of the checked-in supergraph', () => {
    const supergraph = readFileSync(path.join(__dirname, '..', 'supergraph.graphql'), 'utf8');
    const composed = [...supergraph.matchAll(/@join__graph\(name: "([a-z-]+)"/g)].map((m) => m[1]).sort();
    expect([...SUBGRAPHS].sort()).toEqual(composed);
    expect(
      Object.keys(gatewayConfig.variables)
        .filter((name) => name.endsWith('_URL') && name !== 'SIGN_IN_URL')
        .sort(),
    ).toEqual(composed.map((name) => `${name.toUpperCase()}_URL`).sort());
  });

  it('routes a subgraph to its variable, and leaves the others to the supergraph', () => {
    const config = gatewayConfig.load({
      USER_TOKEN_SECRET: 'u'.repeat(32),
      GATEWAY_SIGNING_SECRET: 'g'.repeat(32),
      PAIRING_URL: 'http://pairing:4105/graphql',
    });
    expect(subgraphUrls(config)).toMatchObject({ pairing: 'http://pairing:4105/graphql', organization: undefined });
  });
});
