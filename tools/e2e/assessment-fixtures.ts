import { randomUUID } from 'node:crypto';
import { CALLER_HEADER, Caller, signCallerHeader } from '@partybuild/auth';
import { checkCharacter } from '@partybuild/app-membership';
import { createEnvelope } from '@partybuild/events';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack } from './fixtures';

/** A valid ID number (GB 11643) for a birth date and a sequence number. */
export const idNumber = (birth: string, seq: number): string => {
  const first17 = `500117${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;

/** Registers full (or probationary) in-service members of a branch through the membership service. */
export async function registerMembers(
  stack: TestStack,
  organizationId: string,
  count: number,
  options: { stage?: 'FULL' | 'PROBATIONARY'; seq?: number; category?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  const stage = options.stage ?? 'FULL';
  for (let i = 0; i < count; i += 1) {
    const seq = (options.seq ?? 0) + i;
    const result = await stack.as(ADMIN)(REGISTER, {
      input: {
        organizationId,
        name: `党员${seq}`,
        idNumber: idNumber(`1980-0${1 + (seq % 9)}-1${seq % 10}`, 100 + (seq % 900)),
        category: options.category ?? 'IN_SERVICE',
        stage,
        joinedOn: stage === 'FULL' ? '2005-07-01' : '2026-03-01',
        fullMemberSince: stage === 'FULL' ? '2006-07-01' : undefined,
      },
    });
    if (result.errors) throw new Error(`registerMember failed: ${JSON.stringify(result.errors)}`);
    ids.push(result.data.registerMember.id);
  }
  return ids;
}

/** Waits until the assessment service's read models hold every id given (organisations and members). */
export async function reachedAssessment(stack: TestStack, table: 'org_node' | 'member', ids: string[]): Promise<void> {
  await eventually(
    async () =>
      (await stack.services.assessment.dataSource.query(`SELECT 1 FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).length === ids.length
        ? true
        : undefined,
    30_000,
    `the ${table} rows to reach the assessment service`,
  );
}

const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;

/** Records a held activity with everyone of the branch present, through the activity service. */
export async function holdMeeting(
  stack: TestStack,
  organizationId: string,
  type: string,
  heldOn: string,
  present: string[],
): Promise<string> {
  const lecture = type === 'PARTY_LECTURE' ? { lecturer: { name: '讲师' } } : {};
  const result = await stack.as(ADMIN)(RECORD, {
    input: {
      organizationId,
      type,
      record: { heldOn, topic: `${type} ${heldOn}`, ...lecture },
      attendance: { entries: present.map((memberId) => ({ memberId, status: 'PRESENT' })), othersAbsent: true },
    },
  });
  if (result.errors) throw new Error(`recordActivity failed: ${JSON.stringify(result.errors)}`);
  return result.data.recordActivity.id;
}

/** A 100-point branch scheme with every scoring method and two veto conditions. */
export const branchScheme = (year: number) => ({
  year,
  organizationKind: 'BRANCH',
  name: `${year}年度党支部考核方案`,
  indicators: [
    {
      name: '组织建设',
      maxScore: 60,
      children: [
        { name: '三会一课落实', maxScore: 30, method: 'AUTOMATIC', fact: 'MEETING_COMPLIANCE' },
        { name: '平均参会率', maxScore: 10, method: 'AUTOMATIC', fact: 'AVERAGE_ATTENDANCE' },
        { name: '平时抽查', maxScore: 20, method: 'DEDUCTION' },
      ],
    },
    { name: '思想建设', maxScore: 30, method: 'MANUAL' },
    { name: '党建+业务融合（结对共建）', maxScore: 10, method: 'AUTOMATIC', fact: 'PAIRING_SERVICES' },
  ],
  vetoes: [
    { fact: 'QUARTERS_WITHOUT_MEETINGS', comparison: 'GT', threshold: 0, label: '有季度未开展三会一课' },
    { fact: 'ELECTION_ON_TIME', comparison: 'LT', threshold: 1, label: '未按期换届' },
  ],
});

/** Publishes member snapshots as the membership service would (fast for large branches). */
export async function publishMembers(
  stack: TestStack,
  branch: { id: string; path: string[] },
  count: number,
  category = 'IN_SERVICE',
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await stack.publish(
    ids.map((id) =>
      createEnvelope('membership', {
        type: 'membership.member.registered',
        aggregateId: id,
        organizationId: branch.id,
        organizationPath: branch.path,
        actor: 'test',
        data: {
          member: {
            id,
            organizationId: branch.id,
            partyGroupId: null,
            stage: 'FULL',
            status: 'ACTIVE',
            category,
            gender: 'FEMALE',
            birthDate: '1985-01-01',
            education: null,
            ethnicity: null,
            joinedOn: '2010-07-01',
            fullMemberSince: '2011-07-01',
            votingRights: true,
          },
        },
      }),
    ),
  );
  await reachedAssessment(stack, 'member', ids);
  return ids;
}

/** Queries the assessment subgraph directly, as the gateway would forward the caller (for callers the other subgraphs refuse first). */
export async function askAssessment(stack: TestStack, caller: Caller, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(stack.services.assessment.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerHeader(caller, stack.secrets.GATEWAY_SIGNING_SECRET) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}
