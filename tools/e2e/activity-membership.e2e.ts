import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createTree, idNumber, startTestStack } from './fixtures';

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;
const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id attendanceCounts { expected present absent } } }`;

describe('attendance of members registered through the membership service', () => {
  let stack: TestStack;
  let branch: string;
  let other: string;
  const admin = () => stack.as(ADMIN);

  beforeAll(async () => {
    stack = await startTestStack();
    ({ branch, other } = await createTree(stack, {
      root: { code: 'M', name: '区直机关工委', kind: 'WORKING_COMMITTEE' },
      branch: { code: 'M-1', name: '交通局机关党支部', kind: 'BRANCH', parent: 'root' },
      other: { code: 'M-2', name: '财政局机关党支部', kind: 'BRANCH', parent: 'root' },
    }));
  }, 60_000);
  afterAll(() => stack?.stop());

  it('records a meeting for members the membership service registered, and shows their rate beside their name', async () => {
    const register = async (organizationId: string, name: string, seq: number, stage = 'FULL') => {
      const result = await admin()(REGISTER, {
        input: {
          organizationId,
          name,
          idNumber: idNumber('1980-05-0' + seq, 30 + seq),
          category: 'IN_SERVICE',
          stage,
          joinedOn: '2005-07-01',
          fullMemberSince: stage === 'FULL' ? '2006-07-01' : undefined,
        },
      });
      expect(result.errors).toBeUndefined();
      return result.data.registerMember.id as string;
    };
    const zhang = await register(branch, '张伟', 1);
    const li = await register(branch, '李娜', 2);
    const stranger = await register(other, '王强', 3);
    await eventually(
      async () =>
        (await stack.services.activity.dataSource.query(`SELECT 1 FROM member WHERE id = ANY($1::uuid[])`, [[zhang, li, stranger]]))
          .length === 3
          ? true
          : undefined,
      20_000,
      'the members to reach the activity service',
    );

    const refused = await admin()(RECORD, {
      input: {
        organizationId: branch,
        type: 'THEMED_PARTY_DAY',
        record: { heldOn: '2026-11-05', topic: '主题党日' },
        attendance: { entries: [{ memberId: stranger, status: 'PRESENT' }] },
      },
    });
    expect(codeOf(refused)).toBe('MEMBER_NOT_IN_HOST');

    const held = await admin()(RECORD, {
      input: {
        organizationId: branch,
        type: 'THEMED_PARTY_DAY',
        record: { heldOn: '2026-11-05', topic: '主题党日' },
        attendance: { entries: [{ memberId: zhang, status: 'PRESENT' }], othersAbsent: true },
      },
    });
    expect(held.data.recordActivity.attendanceCounts).toEqual({ expected: 2, present: 1, absent: 1 });

    const { data, errors } = await admin()(
      `query($a: ID!, $b: ID!) {
      a: member(id: $a) { name attendanceRate(period: "2026-11") }
      b: member(id: $b) { name attendanceRate(period: "2026-11") attendance { items { status } } }
    }`,
      { a: zhang, b: li },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      a: { name: '张伟', attendanceRate: 1 },
      b: { name: '李娜', attendanceRate: 0, attendance: { items: [{ status: 'ABSENT' }] } },
    });
  });
});
