import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

const gzipped = promisify(gzip);
/** Below this, compressing costs more than the bytes it saves (one TCP segment). */
const MIN_BYTES = 1400;

/**
 * Gzips GraphQL answers larger than a packet for clients that accept it (the console over an
 * office network: a roster page or a district overview shrinks several times). Small answers and
 * clients that do not ask for it get the answer as it is. Compression runs in libuv's thread
 * pool at zlib's fastest level.
 */
export function compressLargeAnswers(req: Request, res: Response, next: NextFunction): void {
  if (!/\bgzip\b/.test(req.header('accept-encoding') ?? '')) return next();
  const send = res.send.bind(res);
  res.send = ((body: unknown) => {
    if (typeof body !== 'string' || Buffer.byteLength(body) < MIN_BYTES || res.headersSent) return send(body);
    gzipped(body, { level: constants.Z_BEST_SPEED }).then(
      (compressed) => {
        res.setHeader('content-encoding', 'gzip');
        res.setHeader('vary', 'accept-encoding');
        res.setHeader('content-length', compressed.length);
        res.end(compressed);
      },
      () => send(body),
    );
    return res;
  }) as Response['send'];
  next();
}
