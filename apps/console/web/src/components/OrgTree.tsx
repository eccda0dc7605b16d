import { useState } from 'react';
import { request, type GraphRefusal } from '../lib/graphql';
import { KINDS, label } from '../lib/labels';
import { MY_ORGANIZATIONS, ORGANIZATION } from '../lib/queries';
import { useQuery } from '../lib/use-query';
import { ErrorNotice, Loading } from './Notice';

export interface OrgRef {
  id: string;
  name: string;
  kind: string;
  code?: string;
}

const SEARCH = `query($name: String!) { searchOrganizations(name: $name, first: 20) { items { id name kind code } } }`;

/** The organisation tree of the caller's scope, opened level by level; choosing one sets the page's organisation. */
export function OrgTree({ selectedId, onSelect }: { selectedId: string | null; onSelect(org: OrgRef): void }) {
  const roots = useQuery<{ myOrganizations: OrgRef[] }>(MY_ORGANIZATIONS, {});
  const [found, setFound] = useState<OrgRef[] | null>(null);
  const [search, setSearch] = useState('');
  const [searchError, setSearchError] = useState<GraphRefusal | null>(null);
  const runSearch = async (event: React.FormEvent) => {
    event.preventDefault();
    setSearchError(null);
    try {
      const data = await request<{ searchOrganizations: { items: OrgRef[] } }>(SEARCH, { name: search.trim() });
      setFound(data.searchOrganizations.items);
    } catch (error) {
      setSearchError(error as GraphRefusal);
    }
  };
  return (
    <nav className="org-tree" aria-label="组织树">
      <form onSubmit={runSearch} className="tree-search" role="search">
        <label htmlFor="org-search">查找组织</label>
        <input id="org-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="名称中的文字" />
        <button type="submit">查找</button>
      </form>
      <ErrorNotice error={searchError} />
      {found ? (
        <ul className="tree-level" aria-label="查找结果">
          {found.length === 0 ? (
            <li className="muted">没有找到</li>
          ) : (
            found.map((o) => <TreeNode key={o.id} org={o} selectedId={selectedId} onSelect={onSelect} />)
          )}
        </ul>
      ) : null}
      {roots.loading ? <Loading what="组织" /> : null}
      <ErrorNotice error={roots.error} />
      <ul className="tree-level" role="tree" aria-label="我负责的组织">
        {roots.data?.myOrganizations.map((o) => (
          <TreeNode key={o.id} org={o} selectedId={selectedId} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
}

function TreeNode({ org, selectedId, onSelect }: { org: OrgRef; selectedId: string | null; onSelect(org: OrgRef): void }) {
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<OrgRef[] | null>(null);
  const [error, setError] = useState<GraphRefusal | null>(null);
  const toggle = async () => {
    if (!open && children === null) {
      try {
        const data = await request<{ organization: { children: { items: OrgRef[] } } }>(ORGANIZATION, { id: org.id });
        setChildren(data.organization.children.items);
      } catch (e) {
        setError(e as GraphRefusal);
      }
    }
    setOpen(!open);
  };
  const leaf = org.kind === 'PARTY_GROUP';
  return (
    <li role="treeitem" aria-expanded={leaf ? undefined : open} aria-selected={selectedId === org.id}>
      {leaf ? (
        <span className="twisty" />
      ) : (
        <button type="button" className="twisty" aria-label={`${open ? '收起' : '展开'}${org.name}`} onClick={toggle}>
          {open ? '▾' : '▸'}
        </button>
      )}
      <button type="button" className={selectedId === org.id ? 'org selected' : 'org'} onClick={() => onSelect(org)}>
        {org.name}
        <span className="kind">{label(KINDS, org.kind)}</span>
      </button>
      <ErrorNotice error={error} />
      {open && children ? (
        <ul role="group" className="tree-level">
          {children.map((c) => (
            <TreeNode key={c.id} org={c} selectedId={selectedId} onSelect={onSelect} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
