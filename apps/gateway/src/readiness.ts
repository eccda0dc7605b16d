import { parse, Kind } from 'graphql';

/** The subgraph URLs written in a supergraph (`@join__graph(name:, url:)`). */
export function supergraphUrls(sdl: string | null): Record<string, string> {
  if (!sdl) return {};
  const out: Record<string, string> = {};
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const join = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = join?.arguments?.find((a) => a.name.value === 'name')?.value;
      const url = join?.arguments?.find((a) => a.name.value === 'url')?.value;
      if (name?.kind === Kind.STRING && url?.kind === Kind.STRING) out[name.value] = url.value;
    }
  }
  return out;
}

/**
 * Ready means every subgraph the gateway routes to answers its own `/readyz` (next to its
 * `/graphql`) within a second: a gateway whose subgraphs are down must not receive traffic.
 */
export function subgraphReadiness(sdl: string | null, configured: Record<string, string | undefined>) {
  const written = supergraphUrls(sdl);
  const names = sdl ? Object.keys(written) : Object.keys(configured).filter((n) => configured[n]);
  const urls = Object.fromEntries(names.map((n) => [n, configured[n] ?? written[n]]));
  return async (): Promise<Record<string, boolean>> => {
    const entries = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1000) });
          return [name, response.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    return Object.fromEntries(entries);
  };
}
