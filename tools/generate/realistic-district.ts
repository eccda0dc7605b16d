/**
 * A realistic district for the statistics benchmarks and the reconciliation test, driven
 * through the services' own APIs so that every event is real: the tree through the gateway
 * (working committee, Party committees, general branches, branches, Party groups), the
 * members through the membership CSV import, meetings with attendance through the
 * activity service's recordActivity (some held jointly with a neighbouring branch), and dues:
 * some members pay part of what they owe, some pay ahead, some declare a new base.
 */
import { randomUUID } from 'node:crypto';
import { inParallel } from '../dev/concurrency';
import { mustQuery } from '../dev/graphql-client';
import { districtMembersCsv, importDistrictMembers, random } from './district';
import { AssessmentWork, generateAssessmentWork } from './assessment-work';

export interface DistrictSize {
  committees: number;
  generalBranches: number;
  branches: number;
  partyGroups: number;
  members: number;
  /** Months of meetings, ending with the month before `today`. */
  months: number;
}

/** The district the statistics issue describes. */
export const FULL_DISTRICT: DistrictSize = {
  committees: 10,
  generalBranches: 30,
  branches: 600,
  partyGroups: 1500,
  members: 30_000,
  months: 24,
};
/** Small enough for CI. */
export const SMALL_DISTRICT: DistrictSize = { committees: 2, generalBranches: 2, branches: 8, partyGroups: 10, members: 160, months: 3 };

export interface RealisticDistrict {
  rootId: string;
  committeeIds: string[];
  branches: Array<{ id: string; code: string; groupIds: string[] }>;
  organizations: number;
  members: number;
  activities: number;
  /** This year's assessment work, when generated (at full size unless told otherwise). */
  assessment: AssessmentWork | null;
}

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { members(first: 200) { items { id } } } }`;
const RECORD = `mutation($input: RecordActivityInput!, $key: String) { recordActivity(input: $input, idempotencyKey: $key) { id } }`;
const DUES = `query($id: ID!) { organization(id: $id) { members(first: 200) { items { id dues { unpaidMonths } } } } }`;
const PAY = `mutation($input: DuesPaymentInput!) { recordDuesPayment(input: $input) { months } }`;
const NEW_BASE = `mutation($id: ID!, $fen: Int!) { updateMember(id: $id, input: { duesBaseFen: $fen }) { id } }`;

/** A few members of a branch pay: half of what they owe, or this month and the next ahead; one declares a new base. */
async function payDues(url: string, token: string, branchId: string, today: string): Promise<number> {
  const members: Array<{ id: string; dues: { unpaidMonths: string[] } | null }> = (await mustQuery(url, token, DUES, { id: branchId }))
    .organization.members.items;
  const current = today.slice(0, 7);
  const [year, month] = current.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  let calls = 0;
  for (const [i, member] of members.slice(0, 12).entries()) {
    const unpaid = member.dues?.unpaidMonths ?? [];
    if (i % 3 === 0 && unpaid.length) {
      await mustQuery(url, token, PAY, { input: { memberId: member.id, months: unpaid.slice(0, Math.ceil(unpaid.length / 2)) } });
    } else if (i % 3 === 1 && member.dues && !unpaid.length) {
      await mustQuery(url, token, PAY, { input: { memberId: member.id, months: [current, next] } });
    } else if (i % 3 === 2 && member.dues) {
      // 0.60 yuan is a valid declaration in every category (a farmer's range included): the due changes from this month.
      await mustQuery(url, token, NEW_BASE, { id: member.id, fen: 60 });
      // Then one payment across the change: the last month owed at the old due, this month at the new one.
      if (unpaid.length) await mustQuery(url, token, PAY, { input: { memberId: member.id, months: [unpaid[unpaid.length - 1], current] } });
    } else continue;
    calls += 1;
  }
  return calls;
}

/** Services learn of new organisations and members from events, a moment after the change. */
export async function patiently<T>(work: () => Promise<T>, attempts = 1200): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The tree: committees under the root, general branches spread over them, branches over both, groups over branches. */
async function createTree(url: string, token: string, size: DistrictSize, tag: string) {
  const create = async (input: Record<string, unknown>) =>
    (await mustQuery(url, token, CREATE, { input: { sector: 'AGENCY', ...input } })).createOrganization.id as string;
  const rootId = await create({ code: `${tag}`, name: `${tag}区直属机关工作委员会`, kind: 'WORKING_COMMITTEE' });
  const committeeIds: string[] = [];
  for (let c = 0; c < size.committees; c++)
    committeeIds.push(
      await create({ code: `${tag}-C${c}`, name: `${tag}区第${c + 1}机关党委`, kind: 'PARTY_COMMITTEE', parentId: rootId }),
    );
  const generalIds: string[] = [];
  await inParallel([...Array(size.generalBranches).keys()], 8, async (g) => {
    generalIds[g] = await create({
      code: `${tag}-G${g}`,
      name: `${tag}区第${g + 1}党总支`,
      kind: 'GENERAL_BRANCH',
      sector: 'PUBLIC_INSTITUTION',
      parentId: committeeIds[g % committeeIds.length],
    });
  });
  const branches: RealisticDistrict['branches'] = [];
  await inParallel([...Array(size.branches).keys()], 8, async (b) => {
    // One branch in five belongs to a general branch, the others directly to a Party committee.
    const parentId = b % 5 === 4 && generalIds.length ? generalIds[b % generalIds.length] : committeeIds[b % committeeIds.length];
    const code = `${tag}-B${String(b).padStart(4, '0')}`;
    branches[b] = { id: await create({ code, name: `${tag}区第${b + 1}党支部`, kind: 'BRANCH', parentId }), code, groupIds: [] };
  });
  await inParallel([...Array(size.partyGroups).keys()], 8, async (g) => {
    const branch = branches[g % branches.length];
    branch.groupIds.push(
      await create({
        code: `${tag}-P${String(g).padStart(4, '0')}`,
        name: `${tag}区第${g + 1}党小组`,
        kind: 'PARTY_GROUP',
        parentId: branch.id,
      }),
    );
  });
  return { rootId, committeeIds, branches, organizations: 1 + size.committees + size.generalBranches + size.branches + size.partyGroups };
}

/** The months before `today`'s month, oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const months: string[] = [];
  let [year, month] = today.split('-').map(Number);
  for (let i = 0; i < count; i++) {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** A month's meetings of one branch as docs/domain.md §3 asks for them, one in ten forgotten. */
function meetingsOf(branch: RealisticDistrict['branches'][number], month: string, next: () => number) {
  const quarterEnd = Number(month.slice(5)) % 3 === 0;
  const wanted: Array<{ host: string; type: string }> = [
    { host: branch.id, type: 'THEMED_PARTY_DAY' },
    { host: branch.id, type: 'COMMITTEE_MEETING' },
    ...branch.groupIds.map((host) => ({ host, type: 'PARTY_GROUP_MEETING' })),
    ...(quarterEnd
      ? [
          { host: branch.id, type: 'GENERAL_MEETING' },
          { host: branch.id, type: 'PARTY_LECTURE' },
        ]
      : []),
  ];
  return wanted.filter(() => next() >= 0.1).map((m, i) => ({ ...m, heldOn: `${month}-${String(5 + ((i * 3) % 20)).padStart(2, '0')}` }));
}

/**
 * The meetings of every branch over the months, with attendance (most members present, the
 * rest recorded absent in the same call), through recordActivity; returns how many were held.
 */
export async function recordMeetings(
  url: string,
  token: string,
  branches: RealisticDistrict['branches'],
  months: string[],
  next: () => number,
  onRecorded: (count: number) => void = () => undefined,
): Promise<number> {
  let activities = 0;
  await inParallel(branches, 6, async (branch) => {
    const members: string[] = (await patiently(() => mustQuery(url, token, MEMBERS, { id: branch.id }))).organization.members.items.map(
      (m: { id: string }) => m.id,
    );
    for (const month of months) {
      for (const meeting of meetingsOf(branch, month, next)) {
        const present = meeting.host === branch.id ? members.filter(() => next() < 0.85) : [];
        // One key per meeting: a retry after a lost answer returns the meeting instead of a repeat refusal.
        const key = randomUUID();
        await patiently(() =>
          mustQuery(url, token, RECORD, {
            key,
            input: {
              organizationId: meeting.host,
              type: meeting.type,
              record: {
                heldOn: meeting.heldOn,
                topic: `${month} ${meeting.type}`,
                ...(meeting.type === 'PARTY_LECTURE' ? { lecturer: { name: '支部书记' } } : {}),
              },
              attendance:
                meeting.host === branch.id
                  ? { entries: present.map((memberId) => ({ memberId, status: 'PRESENT' })), othersAbsent: true }
                  : null,
            },
          }),
        );
        activities += 1;
        onRecorded(activities);
      }
    }
  });
  return activities;
}

export async function generateRealisticDistrict(
  url: string,
  token: string,
  size: DistrictSize,
  options: { today: string; tag?: string; onProgress?: (message: string) => void; assessment?: boolean },
): Promise<RealisticDistrict> {
  const tag = options.tag ?? 'R';
  const say = options.onProgress ?? (() => undefined);
  const tree = await createTree(url, token, size, tag);
  say(`created ${tree.organizations} organisations`);
  // The membership service learns the new branches from their events; a refused part changed nothing and is sent again.
  const csv = districtMembersCsv(
    tree.branches.map((b) => b.code),
    size.members,
  );
  const { imported } = await patiently(() => importDistrictMembers(url, token, csv));
  say(`imported ${imported} members`);
  const months = lastMonths(options.today, size.months);
  let activities = await recordMeetings(url, token, tree.branches, months, random(7));
  say(`recorded ${activities} meetings over ${months.length} months`);
  // In the last month, every other branch holds a Party lecture jointly with the next one: it counts for both.
  const last = months[months.length - 1];
  await inParallel(tree.branches, 6, async (branch, i) => {
    const coHost = tree.branches[i + 1];
    if (i % 2 === 1 || !coHost) return;
    await mustQuery(url, token, RECORD, {
      input: {
        organizationId: branch.id,
        type: 'PARTY_LECTURE',
        coHostIds: [coHost.id],
        record: { heldOn: `${last}-27`, topic: `${last} 联合党课`, lecturer: { name: '支部书记' } },
      },
    });
    activities += 1;
  });
  const payments = (await inParallel(tree.branches, 6, (branch) => payDues(url, token, branch.id, options.today))).reduce(
    (a, b) => a + b,
    0,
  );
  say(`recorded ${payments} dues payments and changes`);
  // The district assesses its branches: schemes, rounds, appraisals and model posts at full size.
  const assessment =
    (options.assessment ?? size.branches >= FULL_DISTRICT.branches)
      ? await generateAssessmentWork(url, token, tree.branches, Number(options.today.slice(0, 4)), { tag, retry: patiently })
      : null;
  if (assessment) {
    say(
      `opened ${assessment.rounds} assessment rounds, appraised ${assessment.appraisals} members, nominated ${assessment.nominations} model posts`,
    );
  }
  return {
    rootId: tree.rootId,
    committeeIds: tree.committeeIds,
    branches: tree.branches,
    organizations: tree.organizations,
    members: imported,
    activities,
    assessment,
  };
}
