import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OrganizationEventType } from '@partybuild/contracts';
import { EventEnvelope, createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase, organizationSnapshot } from '@partybuild/testing';
import { orgTreeHandlers, orgTreeMigrations } from './index';

const snapshot = (id: string, parentId: string | null, kind: string, name: string) =>
  organizationSnapshot(id, parentId, kind, { name, termEndsOn: '2028-06-30' });

/** A seeded generator, so a failing history can be run again. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/**
 * A history of creations (some delivered before their parent), renames and moves of subtrees,
 * with the path each event was sent with as the organisation service knew it then.
 */
function history(seed: number): EventEnvelope[] {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const truth = new Map<string, { parentId: string | null; kind: string; name: string }>();
  const pathOf = (id: string): string[] => {
    const node = truth.get(id)!;
    return node.parentId ? [...pathOf(node.parentId), id] : [id];
  };
  const envelope = (type: string, id: string, data: Record<string, unknown>) =>
    createEnvelope('organization', { type, aggregateId: id, organizationId: id, organizationPath: pathOf(id), actor: 't', data });
  const events: EventEnvelope[] = [];
  const root = randomUUID();
  truth.set(root, { parentId: null, kind: 'WORKING_COMMITTEE', name: '工委' });
  events.push(envelope(OrganizationEventType.CREATED, root, { organization: snapshot(root, null, 'WORKING_COMMITTEE', '工委') }));
  for (let i = 0; i < 60; i++) {
    const ids = [...truth.keys()];
    const roll = next();
    if (roll < 0.6 || ids.length < 4) {
      const id = randomUUID();
      const parentId = pick(ids);
      truth.set(id, { parentId, kind: 'BRANCH', name: `支部${i}` });
      const created = envelope(OrganizationEventType.CREATED, id, { organization: snapshot(id, parentId, 'BRANCH', `支部${i}`) });
      // Now and then a child is delivered before the event just before it.
      if (next() < 0.2 && events.length > 1) events.splice(events.length - 1, 0, created);
      else events.push(created);
    } else if (roll < 0.8) {
      const id = pick(ids);
      const node = truth.get(id)!;
      node.name = `${node.name}′`;
      events.push(envelope(OrganizationEventType.UPDATED, id, { organization: snapshot(id, node.parentId, node.kind, node.name) }));
    } else {
      const id = pick(ids.filter((x) => x !== root));
      const to = pick(ids.filter((x) => !pathOf(x).includes(id)));
      const node = truth.get(id)!;
      const fromPath = pathOf(id).slice(0, -1);
      node.parentId = to;
      events.push(
        envelope(OrganizationEventType.MOVED, id, {
          organization: snapshot(id, to, node.kind, node.name),
          fromParentId: fromPath[fromPath.length - 1],
          toParentId: to,
          fromPath,
          toPath: pathOf(to),
          descendantsMoved: 0,
        }),
      );
    }
  }
  return events;
}

/** A replay applies the tree's events in runs: the tree must be the one of applying them one by one. */
describe('organisation tree applied in runs', () => {
  let oneByOne: DataSource;
  let inRuns: DataSource;

  beforeAll(async () => {
    [oneByOne, inRuns] = await Promise.all(
      [0, 1].map(async () => openDataSource({ url: await freshDatabase(), entities: [], migrations: orgTreeMigrations })),
    );
  });
  afterAll(() => Promise.all([oneByOne?.destroy(), inRuns?.destroy()]));

  const tree = (ds: DataSource) =>
    ds.query(`SELECT id, parent_id, code, name, kind, sector, status, term_ends_on::text, path FROM org_node ORDER BY id`);

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives the same tree for history %i, cut into runs anywhere', async (seed) => {
    const events = history(seed);
    await oneByOne.transaction(async (manager) => {
      for (const event of events) await orgTreeHandlers[event.type].handle(event, manager);
    });
    const cut = random(seed * 7919);
    for (let i = 0; i < events.length;) {
      const end = Math.min(events.length, i + 1 + Math.floor(cut() * 25));
      const run = events.slice(i, end);
      await inRuns.transaction((manager) => orgTreeHandlers[run[0].type].handleMany!(run, manager));
      i = end;
    }
    const expected = await tree(oneByOne);
    expect(expected.length).toBeGreaterThan(30);
    expect(await tree(inRuns)).toEqual(expected);
  });
});
