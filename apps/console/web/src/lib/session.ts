/**
 * The signed-in caller: the token the gateway checks on every request, kept for this browser
 * tab only (sessionStorage), so closing the tab signs out and nothing lingers on a shared PC.
 */
export interface Session {
  token: string;
  name: string;
  roles: string[];
  scope: string[];
  /** Seconds since the epoch; the session ends when the token does. */
  expiresAt: number | null;
}

const KEY = 'partybuild.session';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt !== null && session.expiresAt * 1000 <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

/** Reads what the console shows of a token (name, roles, scope); the gateway is what checks it. */
export function sessionFromToken(token: string): Session {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('这不是有效的登录令牌：令牌由三段以“.”分隔的字符组成。');
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(decodeBase64Url(parts[1]));
  } catch {
    throw new Error('这不是有效的登录令牌：无法读取令牌内容。');
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : null;
  if (exp !== null && exp * 1000 <= Date.now()) throw new Error('该登录令牌已过期，请重新获取。');
  return {
    token: token.trim(),
    name: String(claims.name ?? claims.sub ?? ''),
    roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    scope: Array.isArray(claims.scope) ? claims.scope.map(String) : [],
    expiresAt: exp,
  };
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

function decodeBase64Url(text: string): string {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
