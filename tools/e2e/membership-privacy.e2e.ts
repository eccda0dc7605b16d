import { Role } from '@partybuild/auth';
import { ADMIN, TestStack, codeOf, createTree, idNumber as validIdNumber, startTestStack } from './fixtures';

const idNumber = (birth: string, seq: number) => validIdNumber(birth, seq, '110105');

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;
const READ = `query($id: ID!) { member(id: $id) { name idNumber phone organization { id name } } }`;

describe('personal data, scope and the member list through the gateway', () => {
  let stack: TestStack;
  let committee: string, branch: string, otherBranch: string, group: string;
  let zhang: string;
  const ZHANG_ID = idNumber('1985-06-12', 17);
  const admin = () => stack.as(ADMIN);
  const cadre = () => stack.as({ subject: 'cadre-1', name: '组织委员', roles: [Role.PARTY_CADRE], scope: [branch] });
  const outsider = () => stack.as({ subject: 'cadre-2', name: '别的支部', roles: [Role.PARTY_CADRE], scope: [otherBranch] });
  const analyst = () => stack.as({ subject: 'analyst-1', name: '统计', roles: [Role.ANALYST], scope: [committee] });
  const auditRows = async (memberId: string) =>
    stack.services.membership.dataSource.query(`SELECT actor, fields, purpose FROM personal_data_access WHERE member_id = $1 ORDER BY id`, [
      memberId,
    ]);
  const outboxCount = async () => Number((await stack.services.membership.dataSource.query(`SELECT count(*) AS n FROM outbox`))[0].n);

  beforeAll(async () => {
    stack = await startTestStack();
    ({ committee, branch, group, otherBranch } = await createTree(stack, {
      root: { code: 'W', name: '区直机关工委', kind: 'WORKING_COMMITTEE' },
      committee: { code: 'W-ZF', name: '政法委机关党委', kind: 'PARTY_COMMITTEE', parent: 'root' },
      branch: { code: 'W-ZF-01', name: '政法委机关党支部', kind: 'BRANCH', parent: 'committee' },
      group: { code: 'W-ZF-01-G1', name: '第一党小组', kind: 'PARTY_GROUP', parent: 'branch' },
      otherBranch: { code: 'W-ZF-02', name: '司法局机关党支部', kind: 'BRANCH', parent: 'committee' },
    }));
    const people: Array<[string, string, string, string, string | null]> = [
      ['张三', idNumber('1985-06-12', 17), 'FULL', 'IN_SERVICE', group],
      ['李四', idNumber('1990-01-20', 22), 'FULL', 'IN_SERVICE', null],
      ['王五', idNumber('1956-03-03', 33), 'FULL', 'RETIRED', null],
      ['赵六', idNumber('2001-09-09', 44), 'PROBATIONARY', 'STUDENT', null],
    ];
    for (const [name, id, stage, category, partyGroupId] of people) {
      const result = await admin()(REGISTER, {
        input: { organizationId: branch, partyGroupId, name, idNumber: id, stage, category, joinedOn: '2025-01-10', phone: '13812345678' },
      });
      expect(result.errors).toBeUndefined();
      if (name === '张三') zhang = result.data.registerMember.id;
    }
    await admin()(REGISTER, {
      input: {
        organizationId: otherBranch,
        name: '钱七',
        idNumber: idNumber('1979-11-11', 55),
        stage: 'FULL',
        category: 'IN_SERVICE',
        joinedOn: '2005-07-01',
      },
    });
  });
  afterAll(() => stack?.stop());

  it('shows the ID number and phone to a district admin and writes the read to the audit log', async () => {
    const { data, errors } = await admin()(READ, { id: zhang });
    expect(errors).toBeUndefined();
    expect(data.member).toMatchObject({ idNumber: ZHANG_ID, phone: '13812345678', organization: { id: branch, name: '政法委机关党支部' } });
    expect(await auditRows(zhang)).toEqual([{ actor: 'admin', fields: ['idNumber', 'phone'], purpose: 'read' }]);
  });

  it('shows them to the branch cadre (audited); an analyst reads no member record at all (nothing to audit)', async () => {
    const mine = await cadre()(READ, { id: zhang });
    expect(mine.data.member).toMatchObject({ idNumber: ZHANG_ID, phone: '13812345678' });
    const theirs = await analyst()(READ, { id: zhang });
    expect(codeOf(theirs)).toBe('FORBIDDEN');
    expect(theirs.data?.member ?? null).toBeNull();
    expect((await auditRows(zhang)).map((r: { actor: string }) => r.actor)).toEqual(['admin', 'cadre-1']);
    const log = await admin()(`query($id: ID!) { personalDataAccessLog(memberId: $id) { totalCount items { actor fields } } }`, {
      id: zhang,
    });
    expect(log.data.personalDataAccessLog.totalCount).toBe(2);
    expect(codeOf(await cadre()(`query($id: ID!) { personalDataAccessLog(memberId: $id) { totalCount } }`, { id: zhang }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a cadre outside the member’s subtree, for the record and for the list', async () => {
    const result = await outsider()(READ, { id: zhang });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.data?.member ?? null).toBeNull();
    // The organisation service resolves the parent; the member list of it is outside the cadre's scope.
    const list = await outsider()(`query($id: ID!) { organization(id: $id) { parent { members(includeSubtree: true) { totalCount } } } }`, {
      id: otherBranch,
    });
    expect(codeOf(list)).toBe('FORBIDDEN');
    expect(list.errors?.[0].message).toMatch(/outside the organisations you are responsible for/);
    expect((await auditRows(zhang)).length).toBe(2);
  });

  it('keeps ID numbers and phones out of a database dump', async () => {
    const dump = JSON.stringify(await stack.services.membership.dataSource.query(`SELECT * FROM member`));
    expect(dump).not.toContain(ZHANG_ID);
    expect(dump).not.toContain(ZHANG_ID.slice(6, 14));
    expect(dump).not.toContain('13812345678');
    const found = await admin()(`query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`, { n: ZHANG_ID.toLowerCase() });
    expect(found.data.memberByIdNumber.id).toBe(zhang);
    // Another branch's cadre learns nothing, not even that the person is registered.
    const probe = await outsider()(`query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`, { n: ZHANG_ID });
    expect(codeOf(probe)).toBe('MEMBER_NOT_FOUND');
  });

  it('refuses malformed and duplicate ID numbers with stable codes and writes nothing', async () => {
    const before = await outboxCount();
    const bad = ZHANG_ID.slice(0, 17) + (ZHANG_ID[17] === '1' ? '2' : '1');
    const cases: Array<[string, string, RegExp]> = [
      ['11010519850612', 'ID_NUMBER_INVALID', /14 characters instead of 18/],
      [bad, 'ID_NUMBER_INVALID', /check character/],
      [ZHANG_ID, 'ID_NUMBER_TAKEN', /already exists/],
    ];
    for (const [id, code, message] of cases) {
      const result = await admin()(REGISTER, { input: { organizationId: branch, name: '重复', idNumber: id, category: 'IN_SERVICE' } });
      expect({ id, code: codeOf(result) }).toEqual({ id, code });
      expect(result.errors?.[0].message).toMatch(message);
    }
    const notBranch = await admin()(REGISTER, {
      input: { organizationId: committee, name: '某人', idNumber: idNumber('1988-08-08', 66), category: 'IN_SERVICE' },
    });
    expect(codeOf(notBranch)).toBe('ORGANIZATION_NOT_BRANCH_LEVEL');
    expect(await outboxCount()).toBe(before);
  });

  it('lists a branch and a whole unit, filtered, with a query count that does not grow with the page', async () => {
    const list = (args: string) =>
      admin()(
        `query($id: ID!) { organization(id: $id) {
        members(${args}) { totalCount items { name age stage organization { id name } } pageInfo { hasNextPage } } } }`,
        { id: committee },
      );
    const unit = await list('includeSubtree: true');
    expect(unit.errors).toBeUndefined();
    expect(unit.data.organization.members.totalCount).toBe(5);
    expect(unit.data.organization.members.items[0].organization.name).toMatch(/党支部$/);
    const filtered = await list('includeSubtree: true, stages: [FULL], categories: [IN_SERVICE], ageFrom: 30, ageTo: 45');
    expect(filtered.data.organization.members.items.map((m: { name: string }) => m.name).sort()).toEqual(['张三', '李四'].sort());
    const women = await list('includeSubtree: true, genders: [FEMALE]');
    expect(women.data.organization.members.items.map((m: { name: string }) => m.name).sort()).toEqual(['李四', '赵六'].sort());
    const onlyBranch = await list('first: 50');
    expect(onlyBranch.data.organization.members.totalCount).toBe(0);
    const small = await admin()(`query($id: ID!) { organization(id: $id) { name members(first: 1) { items { name idNumber phone } } } }`, {
      id: branch,
    });
    const large = await admin()(`query($id: ID!) { organization(id: $id) { name members(first: 4) { items { name idNumber phone } } } }`, {
      id: branch,
    });
    expect(large.errors).toBeUndefined();
    expect(large.data.organization.members.items).toHaveLength(4);
    expect(large.sqlQueries).toBe(small.sqlQueries);
    const direct = await admin()(
      `query($id: ID!) { organizationMembers(organizationId: $id, first: 4) { items { name idNumber phone } } }`,
      { id: branch },
    );
    expect(direct.data.organizationMembers.items).toEqual(large.data.organization.members.items);
    expect(direct.sqlQueries).toBe(large.sqlQueries - 1);
    const group1 = await admin()(`query($id: ID!) { organization(id: $id) { members { items { name } } } }`, { id: group });
    expect(group1.data.organization.members.items).toEqual([{ name: '张三' }]);
  });

  it('corrects a record: the event names the changed fields, never their values', async () => {
    const result = await cadre()(`mutation($id: ID!) { updateMember(id: $id, input: { phone: "13999998888", post: "科长" }) { post } }`, {
      id: zhang,
    });
    expect(result.data.updateMember.post).toBe('科长');
    const [event] = await stack.services.membership.dataSource.query(
      `SELECT envelope FROM outbox WHERE message_key = $1 AND envelope->>'type' = 'membership.member.updated' ORDER BY position DESC LIMIT 1`,
      [zhang],
    );
    expect(event.envelope.data.changed).toEqual(['post', 'phone']);
    expect(JSON.stringify(event.envelope)).not.toContain('13999998888');
    expect((await admin()(READ, { id: zhang })).data.member.phone).toBe('13999998888');
    const wrong = await cadre()(`mutation($id: ID!) { updateMember(id: $id, input: { phone: "12" }) { id } }`, { id: zhang });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
  });

  it('exports masked by default; unmasked only for those allowed, and audited', async () => {
    const masked = await cadre()(`query($id: ID!) { exportMembers(organizationId: $id) }`, { id: branch });
    expect(masked.data.exportMembers).toContain(`**************${ZHANG_ID.slice(-4)}`);
    expect(masked.data.exportMembers).not.toContain(ZHANG_ID);
    expect(masked.data.exportMembers).not.toContain(ZHANG_ID.slice(0, 6));
    expect(masked.data.exportMembers).not.toContain('138');
    expect(masked.data.exportMembers.split('\r\n')[0]).toMatch(/^\uFEFFname,idNumber,gender/);
    expect(codeOf(await analyst()(`query($id: ID!) { exportMembers(organizationId: $id, unmasked: true) }`, { id: branch }))).toBe(
      'FORBIDDEN',
    );
    const full = await cadre()(`query($id: ID!) { exportMembers(organizationId: $id, unmasked: true) }`, { id: branch });
    expect(full.data.exportMembers).toContain(ZHANG_ID);
    expect((await auditRows(zhang)).filter((r: { purpose: string }) => r.purpose === 'export')).toEqual([
      { actor: 'cadre-1', fields: ['idNumber', 'phone'], purpose: 'export' },
    ]);
  });
});
