/**
 * Generators for the activity benchmark: a district's organisations (through the gateway),
 * its members (as membership events, exactly what the membership service publishes) and two
 * years of activities with attendance (set-based inserts into the activity service's database:
 * history is not what is measured).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MEMBERSHIP_TOPIC, MembershipEventType, MemberSnapshot } from '@partybuild/contracts';
import { EventTransport, createEnvelope } from '@partybuild/events';
import { inParallel } from '../dev/concurrency';
import { mustQuery } from '../dev/graphql-client';

export interface DistrictShape {
  committees: number;
  branchesPerCommittee: number;
  membersPerBranch: number;
  /** Every n-th branch has two Party groups. */
  groupsEvery: number;
}

export interface GeneratedDistrict {
  rootId: string;
  committeeIds: string[];
  branches: Array<{ id: string; path: string[]; groupIds: string[]; memberIds: string[] }>;
  organizations: number;
}

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id ancestorIds } }`;

/** The organisation tree, created through the gateway as staff would. */
export async function generateOrganizations(
  url: string,
  token: string,
  shape: DistrictShape,
  tag = randomUUID().slice(0, 6),
): Promise<GeneratedDistrict> {
  const create = async (input: Record<string, unknown>) =>
    (
      await mustQuery<{ createOrganization: { id: string; ancestorIds: string[] } }>(url, token, CREATE, {
        input: { sector: 'AGENCY', ...input },
      })
    ).createOrganization;
  const root = await create({ code: `B${tag}`, name: `基准区直属机关工委${tag}`, kind: 'WORKING_COMMITTEE' });
  const committees = await inParallel(
    Array.from({ length: shape.committees }, (_, i) => i),
    8,
    (i) => create({ code: `B${tag}-${i}`, name: `第${i + 1}局机关党委`, kind: 'PARTY_COMMITTEE', parentId: root.id }),
  );
  const specs = committees.flatMap((c, ci) => Array.from({ length: shape.branchesPerCommittee }, (_, bi) => ({ c, ci, bi })));
  const branches = await inParallel(specs, 8, async ({ c, ci, bi }, index) => {
    const branch = await create({ code: `B${tag}-${ci}-${bi}`, name: `第${ci + 1}局第${bi + 1}党支部`, kind: 'BRANCH', parentId: c.id });
    const groupIds: string[] = [];
    if (index % shape.groupsEvery === 0) {
      for (const g of [1, 2]) {
        groupIds.push(
          (await create({ code: `B${tag}-${ci}-${bi}-G${g}`, name: `第${g}党小组`, kind: 'PARTY_GROUP', parentId: branch.id })).id,
        );
      }
    }
    return {
      id: branch.id,
      path: [...branch.ancestorIds, branch.id],
      groupIds,
      memberIds: Array.from({ length: shape.membersPerBranch }, () => randomUUID()),
    };
  });
  return {
    rootId: root.id,
    committeeIds: committees.map((c) => c.id),
    branches,
    organizations: 1 + committees.length + branches.length + branches.reduce((n, b) => n + b.groupIds.length, 0),
  };
}

/** The members, as `membership.member.registered` events on the transport the services consume. */
export async function publishMembers(transport: EventTransport, district: GeneratedDistrict): Promise<number> {
  const records = district.branches.flatMap((branch) =>
    branch.memberIds.map((id, i) => {
      const stage = i % 10 === 9 ? 'PROBATIONARY' : 'FULL';
      const member: MemberSnapshot = {
        id,
        organizationId: branch.id,
        partyGroupId: branch.groupIds.length ? branch.groupIds[i % branch.groupIds.length] : null,
        stage,
        status: 'ACTIVE',
        category: 'IN_SERVICE',
        gender: i % 2 ? 'MALE' : 'FEMALE',
        birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-15`,
        education: null,
        ethnicity: null,
        joinedOn: '2010-07-01',
        fullMemberSince: stage === 'FULL' ? '2011-07-01' : null,
        votingRights: stage === 'FULL',
      };
      const envelope = createEnvelope('membership', {
        type: MembershipEventType.REGISTERED,
        aggregateId: id,
        organizationId: branch.id,
        organizationPath: branch.path,
        actor: 'generator',
        data: { member },
      });
      return { topic: MEMBERSHIP_TOPIC, key: id, value: JSON.stringify(envelope) };
    }),
  );
  for (let i = 0; i < records.length; i += 2000) await transport.publish(records.slice(i, i + 2000));
  return records.length;
}

/**
 * Two years of 三会一课 for every branch (themed Party day and committee meeting monthly,
 * general meeting and lecture quarterly, group meetings monthly) with attendance of every
 * member at the branch-wide ones, and the counts on each activity.
 */
export async function generateActivityHistory(
  dataSource: DataSource,
  from: string,
  to: string,
): Promise<{ activities: number; attendance: number }> {
  const [{ count: activities }] = await dataSource.query(
    `WITH inserted AS (
       INSERT INTO activity (type, status, host_id, host_path, topic, held_on, lecturer_name, lecturer_is_secretary, recorded_by)
       SELECT t.type, 'HELD', n.id, n.path, t.type || ' ' || to_char(d, 'YYYY-MM'),
              (d + (abs(hashtext(n.id::text || t.type || d::text)) % 25) * interval '1 day')::date,
              CASE WHEN t.type = 'PARTY_LECTURE' THEN '书记' END,
              t.type = 'PARTY_LECTURE' AND extract(month FROM d) = 10,
              'generator'
       FROM org_node n
       JOIN (VALUES ('BRANCH', 'THEMED_PARTY_DAY', 1), ('BRANCH', 'COMMITTEE_MEETING', 1), ('BRANCH', 'GENERAL_MEETING', 3),
                    ('BRANCH', 'PARTY_LECTURE', 3), ('PARTY_GROUP', 'PARTY_GROUP_MEETING', 1)) AS t(kind, type, every) ON t.kind = n.kind
       CROSS JOIN generate_series($1::date, $2::date, interval '1 month') AS d
       WHERE (extract(month FROM d)::int - 1) % t.every = 0
         AND abs(hashtext(n.id::text || t.type || d::text)) % 20 <> 0
       RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
    [from, to],
  );
  const [{ count: attendance }] = await dataSource.query(
    `WITH inserted AS (
       INSERT INTO attendance (activity_id, member_id, status, day, recorded_by)
       SELECT a.id, m.id,
              CASE abs(hashtext(a.id::text || m.id::text)) % 20 WHEN 0 THEN 'ABSENT' WHEN 1 THEN 'EXCUSED' WHEN 2 THEN 'LATE' ELSE 'PRESENT' END,
              a.held_on, 'generator'
       FROM activity a JOIN member m ON m.organization_id = a.host_id
       WHERE a.recorded_by = 'generator' AND a.type IN ('THEMED_PARTY_DAY', 'GENERAL_MEETING', 'PARTY_LECTURE')
       RETURNING 1)
     SELECT count(*)::int AS count FROM inserted`,
  );
  await dataSource.query(
    `UPDATE activity a SET expected = c.total, present = c.present, late = c.late, excused = c.excused, absent = c.absent
     FROM (SELECT activity_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'PRESENT')::int AS present,
                  count(*) FILTER (WHERE status = 'LATE')::int AS late, count(*) FILTER (WHERE status = 'EXCUSED')::int AS excused,
                  count(*) FILTER (WHERE status = 'ABSENT')::int AS absent
           FROM attendance GROUP BY activity_id) c
     WHERE c.activity_id = a.id`,
  );
  await dataSource.query('ANALYZE activity; ANALYZE attendance; ANALYZE member; ANALYZE org_node');
  return { activities, attendance };
}
