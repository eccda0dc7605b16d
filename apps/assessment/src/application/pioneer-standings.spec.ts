import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { yearPeriod } from '@partybuild/calendar';
import { OrganizationEventType } from '@partybuild/contracts';
import type { EventEnvelope } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { assessmentMigrations } from '../migrations';
import { PioneerStanding, pioneerStandings } from './pioneer';

const PERIOD = yearPeriod(2026);
type Kind = 'DISTRICT' | 'PARTY_COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH';

/**
 * Ranks are read from copies the database keeps (each member's committee, each total's branch,
 * committee and whether its member counts): whatever order the organisation, member and point
 * events arrive in, and whatever moves, the ranks equal the ones counted from scratch.
 */
describe('pioneer standings', () => {
  let dataSource: DataSource;
  const manager = () => dataSource.manager;

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: [], migrations: assessmentMigrations });
  });
  afterAll(() => dataSource?.destroy());

  /** An organisation event through the same handlers the projection uses. */
  async function organization(
    id: string,
    parent: { id: string; path: string[] } | null,
    kind: Kind,
    type: string = OrganizationEventType.UPDATED,
  ) {
    const path = [...(parent?.path ?? []), id];
    const data = {
      organization: {
        id,
        parentId: parent?.id ?? null,
        code: id.slice(0, 8),
        name: kind,
        kind,
        sector: 'OTHER',
        status: 'ACTIVE',
        termEndsOn: null,
      },
      ...(type === OrganizationEventType.MOVED ? { toPath: parent?.path ?? [] } : {}),
    };
    const event = { type, organizationpath: path, data } as unknown as EventEnvelope;
    await orgTreeHandlers[type].handle(event, manager() as EntityManager);
    return { id, path };
  }
  const member = (id: string, branch: string, status = 'ACTIVE', stage = 'FULL') =>
    manager().query(
      `INSERT INTO member (id, organization_id, stage, status, category, as_of) VALUES ($1, $2, $3, $4, 'IN_SERVICE', now())
       ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, stage = EXCLUDED.stage, status = EXCLUDED.status`,
      [id, branch, stage, status],
    );
  const points = (id: string, value: number) =>
    manager().query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail) VALUES ($1, 'MEETING_ATTENDED', $2, '2026-05', $3, 'm')`,
      [id, randomUUID(), value],
    );

  /** The ranks counted from scratch: every current member of the branch and of the nearest 党委, a peer without points at 0. */
  async function counted(ids: string[]): Promise<Map<string, PioneerStanding>> {
    const rows: Array<{ id: string; branch: string; committee: string | null; current: boolean; total: number }> = await manager().query(
      `SELECT m.id, m.organization_id AS branch,
              (SELECT c.id FROM org_node n JOIN org_node c ON c.id = ANY(n.path) AND c.kind = 'PARTY_COMMITTEE'
               WHERE n.id = m.organization_id ORDER BY cardinality(c.path) DESC LIMIT 1) AS committee,
              m.stage IN ('PROBATIONARY', 'FULL') AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED', 'EXPELLED') AS current,
              coalesce((SELECT sum(p.points) FROM pioneer_point p WHERE p.member_id = m.id AND p.month LIKE '2026-%'), 0)::float AS total
       FROM member m`,
    );
    const peers = (pick: (r: (typeof rows)[number]) => string | null, value: string) => rows.filter((r) => r.current && pick(r) === value);
    return new Map(
      rows
        .filter((r) => ids.includes(r.id))
        .map((r) => {
          const branch = peers((p) => p.branch, r.branch);
          const committee = r.committee ? peers((p) => p.committee, r.committee) : null;
          return [
            r.id,
            {
              memberId: r.id,
              total: r.total,
              rankInBranch: branch.filter((p) => p.total > r.total).length + 1,
              branchSize: Math.max(branch.length, 1),
              rankInCommittee: committee ? committee.filter((p) => p.total > r.total).length + 1 : null,
              committeeSize: committee ? Math.max(committee.length, 1) : null,
            },
          ];
        }),
    );
  }

  it('ranks within branch and committee as counted from scratch, through arrivals out of order, moves and departures', async () => {
    const district = await organization(randomUUID(), null, 'DISTRICT');
    const [east, west] = [randomUUID(), randomUUID()];
    const [b1, b2, b3] = [randomUUID(), randomUUID(), randomUUID()];
    const people = Array.from({ length: 12 }, () => randomUUID());

    // Points first, then members, then the branch, then its committee: the copies catch up at each step.
    await points(people[0], 7);
    for (const id of people.slice(0, 4)) await member(id, b1);
    await organization(b1, { id: east, path: [...district.path, east] }, 'BRANCH');
    const eastNode = await organization(east, district, 'PARTY_COMMITTEE');
    const westNode = await organization(west, district, 'PARTY_COMMITTEE');
    const general = await organization(randomUUID(), eastNode, 'GENERAL_BRANCH');
    await organization(b2, general, 'BRANCH');
    await organization(b3, westNode, 'BRANCH');
    for (const id of people.slice(4, 8)) await member(id, b2);
    for (const id of people.slice(8)) await member(id, b3);
    for (const [i, id] of people.entries()) if (i % 3) await points(id, (i * 5) % 11);
    await points(people[5], -20); // a negative total ranks below the peers without points
    expect(await pioneerStandings(manager(), people, PERIOD)).toEqual(await counted(people));

    // A member moves committee, one dies, one is expelled; a general branch moves to the other committee.
    await member(people[1], b3);
    await member(people[2], b1, 'DECEASED');
    await member(people[9], b3, 'EXPELLED');
    await organization(general.id, westNode, 'GENERAL_BRANCH', OrganizationEventType.MOVED);
    const after = await pioneerStandings(manager(), people, PERIOD);
    expect(after).toEqual(await counted(people));
    expect(after.get(people[4])?.committeeSize).toBe(4 + 3 + 1); // b2 (now under west), b3 without the expelled, the mover

    // The general branch becomes a 党委 itself: members below it rank there.
    await organization(general.id, westNode, 'PARTY_COMMITTEE');
    const raised = await pioneerStandings(manager(), people, PERIOD);
    expect(raised).toEqual(await counted(people));
    expect(raised.get(people[4])?.committeeSize).toBe(4);
  });
});
