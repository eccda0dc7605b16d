import { useEffect, useState } from 'react';
import { GraphRefusal, request } from './graphql';

export interface QueryState<T> {
  data: T | null;
  error: GraphRefusal | null;
  loading: boolean;
  reload(): void;
}

/** Runs a query when its variables change; the page shows what it has while the next answer comes. */
export function useQuery<T>(query: string | null, variables: Record<string, unknown>): QueryState<T> {
  const [state, setState] = useState<{ data: T | null; error: GraphRefusal | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !!query,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!query) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    request<T>(query, variables)
      .then((data) => current && setState({ data, error: null, loading: false }))
      .catch((error: GraphRefusal) => current && setState({ data: null, error, loading: false }));
    return () => {
      current = false;
    };
  }, [query, key, generation]);
  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
