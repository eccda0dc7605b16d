import { RemoteGraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, Caller, signCallerHeader } from '@partybuild/auth';
import { toGraphQLError } from '@partybuild/federation';
import { GatewayErrors } from './errors';

export interface GatewayContext {
  caller?: Caller;
  /** The caller signed for the subgraphs, once per request at most (`VerifiedCallers`). */
  callerHeader?: string;
  /** SQL statements the subgraphs ran for this request (benchmarks, N+1 checks). */
  sqlQueries: number;
  /** Forwarded to every subgraph, so one id follows the request through every log. */
  requestId?: string;
  /** Forwarded, so subgraphs word their refusals in the caller's language. */
  acceptLanguage?: string;
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
    fetcher?: Fetcher,
  ) {
    super(fetcher ? { url, fetcher } : { url });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    const { caller, callerHeader, requestId, acceptLanguage } = context as Partial<GatewayContext>;
    request.http?.headers.set(CALLER_HEADER, callerHeader ?? signCallerHeader(caller ?? GATEWAY_CALLER, this.secret));
    if (requestId) request.http?.headers.set('x-request-id', requestId);
    if (acceptLanguage) request.http?.headers.set('accept-language', acceptLanguage);
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
   * A subgraph that cannot be reached or did not answer in time is the platform's fault, not
   * the caller's: its fields fail with SERVICE_UNAVAILABLE (the rest of the answer stands),
   * never with the socket's message, which would name the subgraph's address.
   */
  override didEncounterError(error: Error): never {
    throw error instanceof GraphQLError ? error : toGraphQLError(GatewayErrors.SERVICE_UNAVAILABLE());
  }

  /**
   * A subgraph answers 400 when a variable fails its scalar (a date that does not exist):
   * pass its message and code on as the user's mistake instead of a bare "400: Bad Request"
   * that would also reveal the subgraph's address.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await response.json().catch(() => null)) as {
      errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
    } | null;
    const first = body?.errors?.[0];
    if (response.status === 400 && first?.message) {
      return new GraphQLError(first.message, { extensions: { ...first.extensions, code: first.extensions?.code ?? 'BAD_USER_INPUT' } });
    }
    return toGraphQLError(GatewayErrors.SERVICE_UNAVAILABLE());
  }
}
