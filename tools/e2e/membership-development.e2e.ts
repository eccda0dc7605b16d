import { ADMIN, TestStack, codeOf, createTree, idNumber, startTestStack } from './fixtures';

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id stage } }`;
const STEP = `mutation($id: ID!, $input: DevelopmentStepInput!) {
  recordDevelopmentStep(memberId: $id, input: $input) { stage lastStep joinedOn probationEndsOn fullMemberSince nextSteps { step } }
}`;

describe('member development through the gateway: application to full member', () => {
  let stack: TestStack;
  let branch: string;
  const admin = () => stack.as(ADMIN);
  const introducers: string[] = [];
  let person: string;

  const step = async (stepName: string, on: string, extra: Record<string, unknown> = {}) =>
    admin()(STEP, { id: person, input: { step: stepName, on, ...extra } });
  const ok = async (stepName: string, on: string, extra: Record<string, unknown> = {}) => {
    const result = await step(stepName, on, extra);
    expect({ step: stepName, errors: result.errors }).toEqual({ step: stepName, errors: undefined });
    return result.data.recordDevelopmentStep;
  };
  const refused = async (
    stepName: string,
    on: string,
    extra: Record<string, unknown>,
    code: string,
    message: RegExp,
    details: object = {},
  ) => {
    const result = await step(stepName, on, extra);
    expect({ step: stepName, code: codeOf(result) }).toEqual({ step: stepName, code });
    expect(result.errors?.[0].message).toMatch(message);
    expect(result.errors?.[0].extensions).toMatchObject(details);
  };

  beforeAll(async () => {
    stack = await startTestStack();
    ({ branch } = await createTree(stack, {
      root: { code: 'W', name: '合川区直属机关工作委员会', kind: 'WORKING_COMMITTEE' },
      committee: { code: 'W-JT', name: '合川区交通局机关党委', kind: 'PARTY_COMMITTEE', parent: 'root' },
      branch: { code: 'W-JT-01', name: '合川区交通局机关党支部', kind: 'BRANCH', parent: 'committee' },
    }));
    for (const [i, name] of ['张伟', '李娜', '王强'].entries()) {
      const result = await admin()(REGISTER, {
        input: {
          organizationId: branch,
          name,
          idNumber: idNumber('1970-03-0' + (i + 1), 11 + i),
          category: 'IN_SERVICE',
          stage: 'FULL',
          joinedOn: '1995-07-01',
        },
      });
      expect(result.errors).toBeUndefined();
      introducers.push(result.data.registerMember.id);
    }
    const applicant = await admin()(REGISTER, {
      input: { organizationId: branch, name: '陈晨', idNumber: idNumber('2000-04-15', 21), phone: '13812345678', category: 'IN_SERVICE' },
    });
    expect(applicant.errors).toBeUndefined();
    person = applicant.data.registerMember.id;
  });
  afterAll(() => stack?.stop());

  it('refuses an applicant under 18, naming the day they turn 18', async () => {
    const young = await admin()(REGISTER, {
      input: { organizationId: branch, name: '少年', idNumber: idNumber('2010-02-03', 31), category: 'STUDENT' },
    });
    const result = await admin()(STEP, { id: young.data.registerMember.id, input: { step: 'APPLICATION_SUBMITTED', on: '2026-11-01' } });
    expect(codeOf(result)).toBe('STEP_TOO_EARLY');
    expect(result.errors?.[0].message).toMatch(/at least 18 years old.*possible on 2028-02-03/);
    expect(result.errors?.[0].extensions).toMatchObject({ rule: 'minimum-age', possibleFrom: '2028-02-03' });
  });

  it('takes a person through all 25 steps, each refused step explaining itself', async () => {
    await refused('OATH_TAKEN', '2023-01-05', {}, 'STEP_OUT_OF_ORDER', /next step is 1\. 递交入党申请书/);
    expect(await ok('APPLICATION_SUBMITTED', '2023-01-05')).toMatchObject({ stage: 'APPLICANT', nextSteps: [{ step: 'APPLICANT_TALK' }] });
    await refused('APPLICANT_TALK', '2023-02-06', {}, 'STEP_RULE_VIOLATION', /within 1 month.*by 2023-02-05/, {
      rule: 'talk-within-one-month',
    });
    await ok('APPLICANT_TALK', '2023-01-20');
    expect((await ok('ACTIVIST_DESIGNATED', '2023-03-01')).stage).toBe('ACTIVIST');
    await ok('ACTIVIST_FILED', '2023-03-10');
    await refused('CONTACTS_ASSIGNED', '2023-03-15', { contactIds: [] }, 'STEP_RULE_VIOLATION', /1–2 full members/);
    await ok('CONTACTS_ASSIGNED', '2023-03-15', { contactIds: [introducers[0]] });
    await ok('ACTIVIST_REVIEWED', '2023-09-01');
    await refused('CANDIDATE_DESIGNATED', '2024-02-15', {}, 'STEP_TOO_EARLY', /activist for at least 1 year.*possible on 2024-03-01/, {
      rule: 'activist-one-year',
      possibleFrom: '2024-03-01',
    });
    await ok('ACTIVIST_REVIEWED', '2024-02-20');
    expect((await ok('CANDIDATE_DESIGNATED', '2024-03-05')).stage).toBe('CANDIDATE');
    await ok('CANDIDATE_FILED', '2024-03-10');
    await refused('INTRODUCERS_ASSIGNED', '2024-03-20', { introducerIds: [introducers[0]] }, 'STEP_RULE_VIOLATION', /needs 2 introducers/, {
      rule: 'two-introducers',
    });
    await refused(
      'INTRODUCERS_ASSIGNED',
      '2024-03-20',
      { introducerIds: [introducers[0], person] },
      'STEP_RULE_VIOLATION',
      /own introducer/,
    );
    await ok('INTRODUCERS_ASSIGNED', '2024-03-20', { introducerIds: [introducers[0], introducers[1]] });
    await ok('POLITICAL_REVIEW', '2024-04-01');
    await refused(
      'TRAINING_COMPLETED',
      '2024-04-10',
      { trainingDays: 2, trainingHours: 16 },
      'STEP_RULE_VIOLATION',
      /at least 3 days or 24 class hours/,
    );
    await ok('TRAINING_COMPLETED', '2024-04-10', { trainingDays: 3 });
    await ok('BRANCH_COMMITTEE_REVIEW', '2024-05-06', { noticeStartsOn: '2024-05-06' });
    await refused('SUPERIOR_PRE_REVIEW', '2024-05-08', {}, 'STEP_TOO_EARLY', /5 working days.*possible on 2024-05-11/, {
      rule: 'public-notice-5-working-days',
      possibleFrom: '2024-05-11',
    });
    await ok('SUPERIOR_PRE_REVIEW', '2024-05-13');
    await ok('APPLICATION_FORM_FILLED', '2024-05-20');
    // The branch has three full members (the introducers): they are the members with voting rights.
    const vote = (present: number, votesFor: number) => ({ vote: { eligibleVoters: 3, present, votesFor } });
    await refused(
      'ADMISSION_VOTE',
      '2024-06-01',
      { vote: { eligibleVoters: 9, present: 6, votesFor: 5 } },
      'VOTE_COUNT_MISMATCH',
      /9 eligible voters were given, but .* had 3 full members with voting rights/,
      { expected: 3, given: 9 },
    );
    await refused('ADMISSION_VOTE', '2024-06-01', vote(1, 1), 'VOTE_WITHOUT_QUORUM', /1 of 3 .* more than half must attend/);
    await refused('ADMISSION_VOTE', '2024-06-01', vote(3, 1), 'VOTE_NOT_PASSED', /more than half of all 3/);
    await ok('ADMISSION_VOTE', '2024-06-01', vote(3, 2));
    await ok('SUPERIOR_TALK', '2024-06-10');
    const admitted = await ok('ADMITTED_AS_PROBATIONARY', '2024-10-15');
    expect(admitted).toMatchObject({ stage: 'PROBATIONARY', joinedOn: '2024-06-01', probationEndsOn: '2025-06-01' });
    await ok('ADMISSION_FILED', '2024-10-20');
    await ok('ASSIGNED_TO_GROUP', '2024-10-21');
    await ok('OATH_TAKEN', '2024-10-22');
    await ok('PROBATION_EDUCATION', '2025-03-01');
    await ok('CONVERSION_APPLIED', '2025-05-10');
    await refused('CONVERSION_VOTE', '2025-05-20', vote(3, 3), 'STEP_TOO_EARLY', /lasts until 2025-06-01/, { possibleFrom: '2025-06-01' });
    await ok('CONVERSION_VOTE', '2025-06-05', vote(3, 3));
    expect(await ok('CONVERTED_TO_FULL', '2025-06-20')).toMatchObject({ stage: 'FULL', fullMemberSince: '2025-06-01' });
    expect(await ok('RECORDS_ARCHIVED', '2025-07-01')).toMatchObject({ lastStep: 25, nextSteps: [] });

    const { data } = await admin()(`query($id: ID!) { member(id: $id) { development { ordinal step on late actor } } }`, { id: person });
    expect(data.member.development.map((d: { ordinal: number }) => d.ordinal)).toEqual([
      1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    ]);
    // Approved four and a half months after the vote: recorded, and flagged as late.
    expect(data.member.development.find((d: { step: string }) => d.step === 'ADMITTED_AS_PROBATIONARY')).toMatchObject({
      late: true,
      actor: 'admin',
    });
  });

  it('extends a probation once by 6–12 months, and cancels a probationary qualification', async () => {
    const register = async (name: string, seq: number) =>
      (
        await admin()(REGISTER, {
          input: {
            organizationId: branch,
            name,
            idNumber: idNumber('1995-05-05', seq),
            category: 'IN_SERVICE',
            stage: 'PROBATIONARY',
            joinedOn: '2025-11-01',
          },
        })
      ).data.registerMember.id;
    const first = await register('预备甲', 61);
    const EXTEND = `mutation($id: ID!, $m: Int!) { extendProbation(memberId: $id, months: $m, on: "2026-11-05") { probationEndsOn development { step } } }`;
    expect(codeOf(await admin()(EXTEND, { id: first, m: 3 }))).toBe('STEP_RULE_VIOLATION');
    const extended = await admin()(EXTEND, { id: first, m: 6 });
    expect(extended.data.extendProbation).toEqual({ probationEndsOn: '2027-05-01', development: [{ step: 'PROBATION_EXTENDED' }] });
    const again = await admin()(EXTEND, { id: first, m: 6 });
    expect(again.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/only once/),
      extensions: { code: 'STEP_RULE_VIOLATION', rule: 'extension-once' },
    });
    const second = await register('预备乙', 62);
    const cancelled = await admin()(
      `mutation($id: ID!) { cancelProbation(memberId: $id, on: "2026-11-10", reason: "经教育仍无转变") { status stage } }`,
      { id: second },
    );
    expect(cancelled.data.cancelProbation).toEqual({ status: 'EXPELLED', stage: 'PROBATIONARY' });
    const [event] = await stack.services.membership.dataSource.query(
      `SELECT envelope FROM outbox WHERE message_key = $1 AND envelope->>'type' = 'membership.member.status-changed'`,
      [second],
    );
    expect(event.envelope.data).toMatchObject({ fromStatus: 'ACTIVE', toStatus: 'EXPELLED', cause: 'PROBATION_CANCELLED' });
    expect(JSON.stringify(event.envelope)).not.toContain('经教育');
  });

  it('wrote one stage-changed event per stage, with no personal data', async () => {
    const rows: Array<{ envelope: any }> = await stack.services.membership.dataSource.query(
      `SELECT envelope FROM outbox WHERE message_key = $1 ORDER BY position`,
      [person],
    );
    const stages = rows.filter((r) => r.envelope.type === 'membership.member.stage-changed').map((r) => r.envelope.data.toStage);
    expect(stages).toEqual(['ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL']);
    expect(rows[0].envelope.type).toBe('membership.member.registered');
    expect(rows[rows.length - 1].envelope.data.member).toMatchObject({ stage: 'FULL', joinedOn: '2024-06-01', votingRights: true });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(idNumber('2000-04-15', 21));
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('陈晨');
  });
});
