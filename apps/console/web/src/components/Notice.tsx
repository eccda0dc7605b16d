import type { GraphRefusal } from '../lib/graphql';

/** A refusal or a problem, in the words the service wrote, announced to screen readers. */
export function ErrorNotice({ error }: { error: GraphRefusal | Error | null }) {
  if (!error) return null;
  const code = 'code' in error ? (error as GraphRefusal).code : null;
  return (
    <div className="notice notice-error" role="alert">
      {error.message}
      {code && code !== 'ERROR' ? <span className="code">（{code}）</span> : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      正在读取{what}…
    </p>
  );
}
