import { useEffect, useState } from 'react';
import { ErrorNotice } from '../components/Notice';
import { saveSession, sessionFromToken, type Session } from '../lib/session';

interface DemoUser {
  label: string;
  description: string;
  token: string;
}

interface SessionOptions {
  demoUsers: DemoUser[];
  signInUrl: string | null;
}

/**
 * 登录. A local installation offers its demo users; a district signs in through its identity
 * provider, which sends people back with `#token=…`, or a token is pasted here.
 */
export function SignIn({ onSignedIn, expired }: { onSignedIn(session: Session): void; expired: boolean }) {
  const [options, setOptions] = useState<SessionOptions | null>(null);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    fetch('session/options')
      .then((r) => r.json())
      .then(setOptions)
      .catch(() => setOptions({ demoUsers: [], signInUrl: null }));
  }, []);
  const signIn = (token: string) => {
    try {
      const session = sessionFromToken(token);
      saveSession(session);
      onSignedIn(session);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">党建工作平台 · 登录</h1>
      {expired ? (
        <p className="notice notice-error" role="alert">
          登录已过期，请重新登录；刚才填写的内容已保留。
        </p>
      ) : null}
      {options?.demoUsers.length ? (
        <section aria-labelledby="demo-title">
          <h2 id="demo-title">演示账号</h2>
          <ul className="demo-users">
            {options.demoUsers.map((u) => (
              <li key={u.label}>
                <button type="button" onClick={() => signIn(u.token)}>
                  <strong>{u.label}</strong>
                  <span>{u.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {options?.signInUrl ? (
        <p>
          <a className="button primary" href={options.signInUrl}>
            通过统一身份认证登录
          </a>
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          signIn(pasted);
        }}
      >
        <label htmlFor="token">登录令牌</label>
        <textarea id="token" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="粘贴身份认证系统签发的令牌" />
        <button type="submit" className="primary">
          登录
        </button>
      </form>
      <ErrorNotice error={error} />
    </main>
  );
}
