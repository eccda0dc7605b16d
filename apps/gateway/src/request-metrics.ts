import type { ApolloServerPlugin } from '@apollo/server';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { Counter, Histogram, Registry } from 'prom-client';
import { RequestScope, currentRequestScope } from '@partybuild/logging';

/** What the request did, filled in by the hooks below while it runs. */
interface Outcome {
  operationType: string;
  errors: number;
}

/** A code as a label value: the catalogues' codes are few; anything else is grouped. */
const codeLabel = (code: unknown): string => (typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'OTHER');

/**
 * The gateway's traffic in Prometheus's terms, hooked beside the request pipeline rather than
 * inside it:
 * - `graphql_requests_total{operation_type,status}` and `graphql_request_duration_seconds{operation_type}`
 *   for every request that reached GraphQL (`status` is `error` when the answer carries an error);
 * - `graphql_errors_total{code}`, each error sent to a client, refusals before execution included
 *   (a missing sign-in token is counted by the error formatter every error passes through);
 * - `graphql_subgraph_fetch_duration_seconds{subgraph,status}` for every fetch of a query plan.
 */
export function gatewayMetrics(registry: Registry) {
  const outcomes = new WeakMap<RequestScope, Outcome>();
  const outcome = (): Outcome | undefined => {
    const scope = currentRequestScope();
    if (!scope) return undefined;
    let known = outcomes.get(scope);
    if (!known) outcomes.set(scope, (known = { operationType: 'unknown', errors: 0 }));
    return known;
  };
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests answered by the gateway',
    labelNames: ['operation_type', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from the parsed request body to the last byte of the answer',
    labelNames: ['operation_type'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors sent to clients, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const fetches = new Histogram({
    name: 'graphql_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch from a subgraph while executing a query plan',
    labelNames: ['subgraph', 'status'],
    registers: [registry],
  });

  return {
    /** Express middleware, after `requestScope`: times the request and counts it when the answer is sent. */
    measureRequests(_req: unknown, res: { once(event: 'finish', listener: () => void): unknown }, next: () => void): void {
      const known = outcome();
      const stop = duration.startTimer();
      res.once('finish', () => {
        const operationType = known?.operationType ?? 'unknown';
        stop({ operation_type: operationType });
        requests.inc({ operation_type: operationType, status: known && known.errors > 0 ? 'error' : 'ok' });
      });
      next();
    },

    /** Apollo plugin: learns the operation's type once it is parsed. */
    operationTypes: {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation }) {
            const known = outcome();
            if (known && operation) known.operationType = operation.operation;
          },
        };
      },
    } satisfies ApolloServerPlugin<object> as ApolloServerPlugin<object>,

    /** Wraps the error formatter: every error a client receives passes through it once. */
    countErrors<E>(format: (formatted: GraphQLFormattedError, error: E) => GraphQLFormattedError) {
      return (formatted: GraphQLFormattedError, error: E): GraphQLFormattedError => {
        const answer = format(formatted, error);
        errors.inc({ code: codeLabel(answer.extensions?.code) });
        const known = outcome();
        if (known) known.errors += 1;
        return answer;
      };
    },

    /** Times every fetch the data source makes (the planner calls `process` once per fetch). */
    measureFetches<D extends RemoteGraphQLDataSource<any>>(subgraph: string, dataSource: D): D {
      const process = dataSource.process.bind(dataSource);
      dataSource.process = async (options) => {
        const stop = fetches.startTimer({ subgraph });
        try {
          const response = await process(options);
          stop({ status: response.errors?.length ? 'error' : 'ok' });
          return response;
        } catch (error) {
          stop({ status: 'failed' });
          throw error;
        }
      };
      return dataSource;
    },
  };
}
