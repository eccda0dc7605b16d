import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase, organizationSnapshot } from '@partybuild/testing';
import { OrgTree, isBranchLevel, memberPathLoader, nodeLoader, orgTreeHandlers, orgTreeMigrations } from './index';

const snapshot = (id: string, parentId: string | null, kind: string, name = kind) => organizationSnapshot(id, parentId, kind, { name });

describe('organisation tree projection', () => {
  let dataSource: DataSource;
  const [root, a, b, branch, group] = Array.from({ length: 5 }, () => randomUUID());

  const apply = (type: string, path: string[], data: Record<string, unknown>) =>
    dataSource.transaction((m) =>
      orgTreeHandlers[type].handle(
        createEnvelope('organization', {
          type,
          aggregateId: path[path.length - 1],
          organizationId: path[path.length - 1],
          organizationPath: path,
          actor: 't',
          data,
        }) as never,
        m,
      ),
    );

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: [], migrations: orgTreeMigrations });
  });
  afterAll(() => dataSource?.destroy());

  it('builds paths from creations and follows a subtree that moves', async () => {
    await apply('organization.created', [root], { organization: snapshot(root, null, 'WORKING_COMMITTEE') });
    await apply('organization.created', [root, a], { organization: snapshot(a, root, 'PARTY_COMMITTEE') });
    await apply('organization.created', [root, b], { organization: snapshot(b, root, 'PARTY_COMMITTEE') });
    await apply('organization.created', [root, a, branch], { organization: snapshot(branch, a, 'BRANCH') });
    await apply('organization.created', [root, a, branch, group], { organization: snapshot(group, branch, 'PARTY_GROUP') });
    await apply('organization.moved', [root, b, branch], {
      organization: snapshot(branch, b, 'BRANCH'),
      fromParentId: a,
      toParentId: b,
      fromPath: [root, a],
      toPath: [root, b],
      descendantsMoved: 1,
    });
    const tree = new OrgTree(dataSource.manager);
    expect((await tree.node(group))!.path).toEqual([root, b, branch, group]);
    expect((await tree.subtreeIds(b)).sort()).toEqual([b, branch, group].sort());
    expect(await tree.subtreeIds(a)).toEqual([a]);
    expect(isBranchLevel((await tree.node(branch))!)).toBe(true);
  });

  it("places a late-arriving child under its parent's current path, not the stale one it was sent with", async () => {
    const late = randomUUID();
    // Created when the branch was still under `a`, but applied after the move.
    await apply('organization.created', [root, a, branch, late], { organization: snapshot(late, branch, 'PARTY_GROUP') });
    expect((await new OrgTree(dataSource.manager).node(late))!.path).toEqual([root, b, branch, late]);
  });

  it('records dissolution and renames without losing the path', async () => {
    await apply('organization.updated', [root, b], { organization: { ...snapshot(b, root, 'PARTY_COMMITTEE'), name: '新名称' } });
    await apply('organization.dissolved', [root, b, branch, group], {
      organization: { ...snapshot(group, branch, 'PARTY_GROUP'), status: 'DISSOLVED' },
    });
    const nodes = await new OrgTree(dataSource.manager).nodes([b, group]);
    expect(nodes.get(b)).toMatchObject({ name: '新名称', path: [root, b] });
    expect(nodes.get(group)).toMatchObject({ status: 'DISSOLVED', path: [root, b, branch, group] });
  });

  it('finds nodes by code, and the active ones of a kind below a node and within a scope, in code order', async () => {
    const tree = new OrgTree(dataSource.manager);
    const byCode = await tree.byCodes([branch.slice(0, 8), 'NO-SUCH-CODE']);
    expect([...byCode.keys()]).toEqual([branch.slice(0, 8)]);
    expect(byCode.get(branch.slice(0, 8))).toMatchObject({ id: branch, kind: 'BRANCH', parentId: b });

    const committees = (await tree.activeOfKind('PARTY_COMMITTEE')).map((n) => n.id);
    expect(committees).toEqual([a, b].sort((x, y) => x.slice(0, 8).localeCompare(y.slice(0, 8))));
    expect((await tree.activeOfKind('PARTY_COMMITTEE', { within: [a] })).map((n) => n.id)).toEqual([a]);
    expect((await tree.activeOfKind('BRANCH', { under: a })).map((n) => n.id)).toEqual([]);
    expect((await tree.activeOfKind('BRANCH', { under: b, within: [root] })).map((n) => n.id)).toEqual([branch]);
    // The group was dissolved above: not active.
    const groups = (await tree.activeOfKind('PARTY_GROUP', { under: b })).map((n) => n.id);
    expect(groups).toHaveLength(1);
    expect(groups).not.toContain(group);
  });

  it('lists the active nodes within some roots, each parent before its children', async () => {
    const tree = new OrgTree(dataSource.manager);
    const below = await tree.activeWithin([b]);
    expect(below.map((n) => n.id).slice(0, 2)).toEqual([b, branch]);
    expect(below.map((n) => n.id)).not.toContain(group); // dissolved
    expect(below.every((n) => n.path.includes(b))).toBe(true);
    const all = await tree.activeWithin([a, b]);
    expect(all.map((n) => n.path.length)).toEqual([...all.map((n) => n.path.length)].sort());
    expect(all.map((n) => n.id)).toContain(a);
  });
  it("batches the nodes and the members' paths a response asks for into one query each", async () => {
    // The member read model each service keeps beside its tree copy (only what the loader reads).
    await dataSource.query(`CREATE TABLE IF NOT EXISTS member (id uuid PRIMARY KEY, organization_id uuid)`);
    const [placed, waiting, unknown] = [randomUUID(), randomUUID(), randomUUID()];
    await dataSource.query(`INSERT INTO member (id, organization_id) VALUES ($1, $2), ($3, $4)`, [placed, group, waiting, randomUUID()]);
    const queries: string[] = [];
    const manager = dataSource.manager;
    const counting = Object.assign(Object.create(manager), {
      query: (sql: string, params?: unknown[]) => (queries.push(sql), manager.query(sql, params)),
    });

    const nodes = nodeLoader(counting);
    const [first, missing] = await Promise.all([nodes.load(group), nodes.load(randomUUID())]);
    expect(first?.path).toEqual([root, b, branch, group]);
    expect(missing).toBeNull();
    expect(queries).toHaveLength(1);

    const paths = memberPathLoader(counting);
    const before = queries.length;
    expect(await Promise.all([paths.load(placed), paths.load(waiting), paths.load(unknown)])).toEqual([[root, b, branch, group], [], null]);
    expect(queries.length - before).toBe(1);
  });
});
