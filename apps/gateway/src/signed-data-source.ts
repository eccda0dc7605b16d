import { RemoteGraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, Caller, signCallerHeader } from '@partybuild/auth';

export interface GatewayContext {
  caller?: Caller;
  /** SQL statements the subgraphs ran for this request (benchmarks, N+1 checks). */
  sqlQueries: number;
}

/** The gateway itself, when it loads subgraph schemas in development. */
const GATEWAY_CALLER: Caller = { subject: 'gateway', name: 'gateway', roles: [], scope: [] };

/** Forwards the verified caller to a subgraph in a header signed with the shared secret. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly secret: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const caller = (context as Partial<GatewayContext>).caller ?? GATEWAY_CALLER;
    request.http?.headers.set(CALLER_HEADER, signCallerHeader(caller, this.secret));
  }

  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource['didReceiveResponse']>>[0] & { context: GatewayContext }) {
    const sql = Number(response.http?.headers.get('x-sql-queries') ?? 0);
    if (context && Number.isFinite(sql)) context.sqlQueries = (context.sqlQueries ?? 0) + sql;
    return response;
  }
}
