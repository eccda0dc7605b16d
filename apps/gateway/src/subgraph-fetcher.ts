import http from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { CALLER_HEADER } from '@partybuild/auth';

/** A subgraph operation that reads: the same one asked twice at once may share one answer. */
const READS = /^\{"query":"(query\b|\{)/;

interface Answer {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

/**
 * The gateway's HTTP client for subgraph fetches, in place of @apollo/gateway's default
 * (make-fetch-happen: an HTTP cache and stream machinery the gateway never uses, and a new
 * request object per fetch). Sockets are kept alive, and identical reads in flight at the same
 * moment (same subgraph, same signed caller, same language, same body) are sent once: their
 * callers each get the one answer. Writes are always sent as they come. A fetch that has not
 * answered within `timeoutMs` is abandoned, so a hung subgraph cannot hold a request forever.
 */
/** A subgraph that has not answered in time: the gateway answers the rest and names this part unavailable. */
export class SubgraphTimeoutError extends Error {
  readonly code = 'SUBGRAPH_TIMEOUT';
}

export function subgraphFetcher(options: { timeoutMs: number }): Fetcher {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256, scheduling: 'lifo' }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256, scheduling: 'lifo' }),
  };
  const inFlight = new Map<string, Promise<Answer>>();

  const send = (url: URL, init: FetcherRequestInit, retried = false): Promise<Answer> =>
    new Promise<Answer>((resolve, reject) => {
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: init.method ?? 'POST',
          agent: agents[url.protocol as 'http:' | 'https:'],
          headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 502,
              statusText: response.statusMessage ?? '',
              headers: Object.entries(response.headers).flatMap(([name, value]) =>
                value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [name, v] as [string, string]),
              ),
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      request.setTimeout(options.timeoutMs, () =>
        request.destroy(new SubgraphTimeoutError(`no answer from ${url.host} within ${options.timeoutMs} ms`)),
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the subgraph closed just as it was reused: a read is sent again once.
        if (request.reusedSocket && error.code === 'ECONNRESET' && !retried && READS.test(String(init.body))) {
          send(url, init, true).then(resolve, reject);
        } else reject(error);
      });
      request.end(body);
    });

  return async (url, init = {}) => {
    const target = new URL(url);
    const text = typeof init.body === 'string' ? init.body : undefined;
    if (!text || !READS.test(text)) return toResponse(url, await send(target, init));
    const key = `${url}\n${init.headers?.[CALLER_HEADER] ?? ''}\n${init.headers?.['accept-language'] ?? ''}\n${text}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = send(target, init).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return toResponse(url, await pending);
  };
}

/** Each caller gets its own response object over the shared bytes. */
function toResponse(url: string, answer: Answer): FetcherResponse {
  const response = new Response(answer.status === 204 || answer.status === 304 ? null : answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
  Object.defineProperty(response, 'url', { value: url });
  return response as unknown as FetcherResponse;
}
