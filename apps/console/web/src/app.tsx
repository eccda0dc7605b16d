import { useEffect, useState } from 'react';
import { OrgTree, type OrgRef } from './components/OrgTree';
import { ErrorNotice } from './components/Notice';
import { GraphRefusal, onSignedOut, request } from './lib/graphql';
import { ORGANIZATION_BRIEF } from './lib/queries';
import { ROLES, label } from './lib/labels';
import { clearSession, readSession, saveSession, sessionFromToken, type Session } from './lib/session';
import { BranchDay } from './pages/BranchDay';
import { Dashboard } from './pages/Dashboard';
import { Roster } from './pages/Roster';
import { SignIn } from './pages/SignIn';

type View = 'dashboard' | 'branch' | 'roster';
const VIEWS: Array<[View, string]> = [
  ['dashboard', '驾驶舱'],
  ['branch', '支部工作'],
  ['roster', '花名册'],
];

/** `#/<view>/<organisationId>`: a page can be bookmarked and sent to a colleague (who still needs the scope). */
function readRoute(): { view: View; orgId: string | null } {
  const [, view, orgId] = window.location.hash.split('/');
  return { view: (VIEWS.some(([v]) => v === view) ? view : 'dashboard') as View, orgId: orgId || null };
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => acceptRedirectToken() ?? readSession());
  const [expired, setExpired] = useState(false);
  const [route, setRoute] = useState(readRoute);
  const [org, setOrg] = useState<OrgRef | null>(null);
  useEffect(
    () =>
      onSignedOut(() => {
        setExpired(true);
        setSession(null);
      }),
    [],
  );
  useEffect(() => {
    const onHash = () => setRoute(readRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const [orgError, setOrgError] = useState<GraphRefusal | null>(null);
  useEffect(() => {
    if (!session || !route.orgId || org?.id === route.orgId) return;
    setOrgError(null);
    request<{ organization: OrgRef }>(ORGANIZATION_BRIEF, { id: route.orgId })
      .then((d) => setOrg(d.organization))
      .catch((e: GraphRefusal) => {
        setOrg(null);
        setOrgError(e);
      });
  }, [session, route.orgId, org?.id]);

  if (!session)
    return (
      <SignIn
        expired={expired}
        onSignedIn={(s) => {
          setExpired(false);
          setSession(s);
        }}
      />
    );
  const go = (view: View, target: OrgRef | null = org) => {
    if (target) setOrg(target);
    window.location.hash = `/${view}/${target?.id ?? ''}`;
  };
  return (
    <div className="shell">
      <a className="skip" href="#main">
        跳到正文
      </a>
      <header className="top">
        <h1>党建工作平台</h1>
        <nav aria-label="功能">
          {VIEWS.map(([v, name]) => (
            <a key={v} href={`#/${v}/${org?.id ?? ''}`} aria-current={route.view === v ? 'page' : undefined}>
              {name}
            </a>
          ))}
        </nav>
        <div className="who">
          {session.name}（{session.roles.map((r) => label(ROLES, r)).join('、')}）
          <button
            type="button"
            onClick={() => {
              clearSession();
              setSession(null);
            }}
          >
            退出
          </button>
        </div>
      </header>
      <aside>
        <OrgTree selectedId={org?.id ?? null} onSelect={(o) => go(route.view, o)} />
      </aside>
      <main id="main" tabIndex={-1}>
        <ErrorNotice error={orgError} />
        {!org && !orgError ? <p className="card muted">请在左侧组织树中选择一个组织。</p> : null}
        {org && route.view === 'dashboard' ? <Dashboard key={org.id} org={org} /> : null}
        {org && route.view === 'branch' ? <BranchDay key={org.id} org={org} /> : null}
        {org && route.view === 'roster' ? <Roster key={org.id} org={org} /> : null}
      </main>
    </div>
  );
}

/** An identity provider may send people back with `#token=…`; the token leaves the address bar at once. */
function acceptRedirectToken(): Session | null {
  const match = window.location.hash.match(/^#token=([^&]+)/);
  if (!match) return null;
  history.replaceState(null, '', window.location.pathname);
  try {
    const session = sessionFromToken(decodeURIComponent(match[1]));
    saveSession(session);
    return session;
  } catch {
    return null;
  }
}
