import { Caller, signCallerHeader, verifyUserToken } from '@partybuild/auth';
import { BoundedCache } from './bounded-cache';

/** A signed caller header lives 60 s (libs/auth); it is reused for this long, then signed again. */
const HEADER_REUSE_MS = 20_000;

interface Verified {
  caller: Caller;
  /** When the token expires (ms since the epoch): until then it needs no second verification. */
  expiresAt: number;
  header?: { value: string; signedAt: number };
}

/**
 * Verifying a token (HMAC and claims) and signing the caller header for the subgraphs are the
 * same work for every request of one user: both are done once per token and kept until the
 * token expires (the header until it is 20 s old). A token that fails is not remembered, so
 * its refusal is worded afresh each time.
 */
export class VerifiedCallers {
  private readonly byToken = new BoundedCache<Verified>(10_000);

  constructor(
    private readonly tokenSecret: string,
    private readonly signingSecret: string,
    private readonly maxTokenHours: number,
  ) {}

  /** The caller of a bearer token; throws the sign-in refusal of libs/auth. */
  callerOf(token: string): Caller {
    const known = this.byToken.get(token);
    if (known && Date.now() < known.expiresAt) return known.caller;
    if (known) this.byToken.delete(token);
    const caller = Object.freeze(verifyUserToken(token, this.tokenSecret, this.maxTokenHours)) as Caller;
    // verifyUserToken refuses a token without a numeric `exp`, so it is there.
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
    this.byToken.set(token, { caller, expiresAt: exp * 1000 });
    return caller;
  }

  /** The signed header that carries the caller of `token` to the subgraphs. */
  headerFor(token: string | undefined, caller: Caller): string {
    const known = token ? this.byToken.get(token) : undefined;
    if (!known || known.caller !== caller) return signCallerHeader(caller, this.signingSecret);
    const now = Date.now();
    if (!known.header || now - known.header.signedAt > HEADER_REUSE_MS) {
      known.header = { value: signCallerHeader(caller, this.signingSecret), signedAt: now };
    }
    return known.header.value;
  }
}
