/** A minimal GraphQL-over-HTTP client for the launcher, the seed, tests and benchmarks. */
export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
  status: number;
  sqlQueries: number;
}

export async function graphql<T = any>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status' | 'sqlQueries'>;
  return { ...body, status: response.status, sqlQueries: Number(response.headers.get('x-sql-queries') ?? 0) };
}

/** Like graphql(), but throws on errors: for scripts that expect success. */
/** The data of an answer without errors; an answer with errors throws them, code and message. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL failed: ${result.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? result.status}`);
  }
  return result.data;
}

export async function mustQuery<T = any>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return dataOf(await graphql<T>(url, token, query, variables));
}
