import { clearSession, readSession } from './session';

/** A refusal from the graph: its stable code and the Chinese message the service wrote. */
export class GraphRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Listeners told when the gateway no longer accepts the token (expired, revoked). */
const signedOut = new Set<() => void>();
export const onSignedOut = (listener: () => void): (() => void) => {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
};

/**
 * One GraphQL request through the gateway with the caller's token. The answer's first error
 * becomes a GraphRefusal; an unauthenticated answer ends the session (the page returns to
 * sign-in and keeps what was typed, see useDraft).
 */
export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { idempotencyKey?: string } = {},
): Promise<T> {
  const session = readSession();
  if (!session) {
    signedOut.forEach((l) => l());
    throw new GraphRefusal('UNAUTHENTICATED', '请先登录。');
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${session.token}`,
    'accept-language': 'zh-CN',
  };
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch('graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new GraphRefusal('NETWORK', '无法连接到服务器，请检查网络后重试；已填写的内容不会丢失。');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) {
    const code = String(first.extensions?.code ?? 'ERROR');
    if (code === 'UNAUTHENTICATED') {
      clearSession();
      signedOut.forEach((l) => l());
    }
    throw new GraphRefusal(code, first.message, first.extensions ?? {});
  }
  if (!body?.data) throw new GraphRefusal('ERROR', `服务器返回了无法识别的应答（HTTP ${response.status}）。`);
  return body.data;
}

/** A fresh key for one submission of a form: repeats of the same submission send the same key. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
