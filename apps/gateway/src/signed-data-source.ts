import { RemoteGraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, Caller, signCallerHeader } from '@partybuild/auth';

export interface GatewayContext {
  caller?: Caller;
  /** SQL statements the subgraphs ran for this request (benchmarks, N+1 checks). */
  sqlQueries: number;
}

/** The client's idempotency key of a create request (`Idempotency-Key`). */
const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The gateway itself, when it loads subgraph schemas in development. */
const GATEWAY_CALLER: Caller = { subject: 'gateway', name: 'gateway', roles: [], scope: [] };

/** Forwards the verified caller to a subgraph in a header signed with the shared secret. */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    const caller = (context as Partial<GatewayContext>).caller ?? GATEWAY_CALLER;
    request.http?.headers.set(CALLER_HEADER, signCallerHeader(caller, this.secret));
    // A client's retry key reaches the subgraph that creates, so a repeated request returns the first result.
    const key = 'incomingRequestContext' in options ? options.incomingRequestContext.request.http?.headers.get(IDEMPOTENCY_HEADER) : null;
    if (key) request.http?.headers.set(IDEMPOTENCY_HEADER, key);
  }

  override didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource['didReceiveResponse']>>[0] & { context: GatewayContext }) {
    const sql = Number(response.http?.headers.get('x-sql-queries') ?? 0);
    if (context && Number.isFinite(sql)) context.sqlQueries = (context.sqlQueries ?? 0) + sql;
    return response;
  }

  /**
   * A subgraph answers 400 when a variable fails its scalar (a date that does not exist):
   * pass its message on as the user's mistake instead of a bare "400: Bad Request" that
   * would also reveal the subgraph's address.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null;
    const message = body?.errors?.[0]?.message;
    if (response.status === 400 && message) return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    return new GraphQLError('A service behind the gateway could not answer; please try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
}
