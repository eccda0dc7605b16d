import { Role } from '@partybuild/auth';
import type { OrgNode } from '@partybuild/org-tree';
import { checkCharacter } from '../domain/id-number';
import { RECORD_RULES } from '../reference/membership-rules';
import { checkBranch, checkGroup, checkRow, mapHeaders, readImportFile, rejectTakenIds, yuanToFen } from './member-import-steps';

const TODAY = '2026-07-01';
const idNumber = (birth: string, seq: number) => {
  const first17 = `500117${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};
const node = (id: string, code: string, kind: string, path: string[], extra: Partial<OrgNode> = {}): OrgNode => ({
  id,
  parentId: path.length > 1 ? path[path.length - 2] : null,
  code,
  name: `${code}的名称`,
  kind,
  sector: 'AGENCY',
  status: 'ACTIVE',
  termEndsOn: null,
  path,
  ...extra,
});
const nodes = new Map<string, OrgNode>(
  [
    node('c', 'C', 'PARTY_COMMITTEE', ['r', 'c']),
    node('b', 'B', 'BRANCH', ['r', 'c', 'b']),
    node('g', 'B-G1', 'PARTY_GROUP', ['r', 'c', 'b', 'g']),
    node('x', 'X', 'BRANCH', ['r', 'x']),
    node('xg', 'X-G1', 'PARTY_GROUP', ['r', 'x', 'xg']),
    node('d', 'D', 'BRANCH', ['r', 'c', 'd'], { status: 'DISSOLVED' }),
  ].map((n) => [n.code, n]),
);
const cadre = (scope: string[]) => ({ subject: 'u', name: '王', roles: [Role.PARTY_CADRE], scope });

describe('member import, step by step', () => {
  describe('reading the file', () => {
    it('refuses a file with no member rows, and one over the row limit', () => {
      expect(() => readImportFile('name,idNumber\n')).toThrow(/表头下没有人员行/);
      const tooLong = ['name', ...Array.from({ length: RECORD_RULES.importMaxRows + 1 }, () => 'x')].join('\n');
      expect(() => readImportFile(tooLong)).toThrow(`每个文件最多 ${RECORD_RULES.importMaxRows} 行`);
      expect(readImportFile('a,b\n1,2')).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
    });
  });

  describe('mapping the headers', () => {
    it('takes English and Chinese names, and cells by column whatever the order', () => {
      const layout = mapHeaders([' 所在支部编码', 'name', '身份证号', '人员类别 ']);
      expect(layout.headerOf('branchCode')).toBe('所在支部编码');
      expect(layout.headerOf('idNumber')).toBe('身份证号');
      expect(layout.headerOf('phone')).toBe('phone'); // not in the file: its own name
      const row = ['B ', '张三', '110', '在职'];
      expect([layout.cell(row, 'branchCode'), layout.cell(row, 'name'), layout.cell(row, 'phone')]).toEqual(['B', '张三', '']);
    });

    it('names every unknown and every missing column at once', () => {
      expect(() => mapHeaders(['name', 'shoeSize', 'hat'])).toThrow(
        /无法识别的列：shoeSize, hat；缺少的列：idNumber, category, branchCode。可用的列为：name, idNumber/,
      );
    });
  });

  describe('checking a row', () => {
    const layout = mapHeaders(['name', 'idNumber', 'gender', 'category', 'branchCode', 'stage', 'joinedOn', 'duesBase']);

    it('turns Chinese values into the record, dues base in fen', () => {
      const { value, problems } = checkRow(
        ['张三', idNumber('1980-01-01', 11), '男', '在职', 'B', '正式党员', '2005-07-01', '5230.5'],
        layout,
        TODAY,
      );
      expect(problems).toEqual([]);
      expect(value).toMatchObject({
        name: '张三',
        gender: 'MALE',
        category: 'IN_SERVICE',
        stage: 'FULL',
        duesBaseFen: 523050,
        birthDate: '1980-01-01',
      });
    });

    it('reports each bad cell by its column, an unknown category once', () => {
      const { value, problems } = checkRow(
        ['', idNumber('1980-01-01', 11), '男', '公务员', 'B', '党员', '2005/07/01', '五千'],
        layout,
        TODAY,
      );
      expect(value).toBeUndefined();
      expect(problems.map((p) => p.column).sort()).toEqual(['category', 'duesBase', 'joinedOn', 'name', 'stage']);
      expect(problems.find((p) => p.column === 'category')!.error.messages?.en).toMatch(/"公务员" is not a known category/);
    });

    it('refuses a row whose width differs from the header, as a whole', () => {
      const { value, problems } = checkRow(['张三', 'x'], layout, TODAY);
      expect(value).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        column: null,
        error: { messages: expect.objectContaining({ en: 'The row has 2 fields; the header has 8.' }) },
      });
    });

    it('reads yuan exactly, without floating point', () => {
      expect(yuanToFen('0.1')).toBe(10);
      expect(yuanToFen('19.99')).toBe(1999);
      expect(() => yuanToFen('1.999')).toThrow(/不是以元为单位的金额/);
    });
  });

  describe('checking the branch', () => {
    it('accepts an active branch within the scope', () => {
      expect(checkBranch('B', nodes, cadre(['c']))).toEqual({ branch: nodes.get('B') });
    });

    it.each([
      ['', cadre(['r']), 'BAD_USER_INPUT', /No organisation has the code \(empty\)/],
      ['NOPE', cadre(['r']), 'BAD_USER_INPUT', /No organisation has the code NOPE/],
      ['C', cadre(['r']), 'ORGANIZATION_NOT_BRANCH_LEVEL', /C的名称 is not a branch/],
      ['D', cadre(['r']), 'BRANCH_DISSOLVED', /D的名称已撤销/],
      ['X', cadre(['c']), 'BAD_USER_INPUT', /X的名称 is outside the organisations you are responsible for/],
    ])('refuses %s', (code, caller, errorCode, message) => {
      const { problem } = checkBranch(code, nodes, caller);
      expect(problem?.column).toBe('branchCode');
      expect(problem?.error.code).toBe(errorCode);
      // The catalogue's two wordings: Chinese by default, English on request.
      expect(`${problem?.error.messages?.zh} ${problem?.error.messages?.en}`).toMatch(message);
    });
  });

  describe('checking the Party group', () => {
    it('takes no group, or an active group of the row’s own branch', () => {
      expect(checkGroup('', nodes, nodes.get('B'))).toEqual({ group: null });
      expect(checkGroup('B-G1', nodes, nodes.get('B'))).toEqual({ group: nodes.get('B-G1') });
    });

    it('refuses an unknown code, a group of another branch and a node that is not a group', () => {
      expect(checkGroup('NOPE', nodes, nodes.get('B')).problem).toMatchObject({
        column: 'partyGroupCode',
        error: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          messages: expect.objectContaining({ en: 'No organisation has the code NOPE.' }),
        }),
      });
      for (const code of ['X-G1', 'C']) {
        const { problem } = checkGroup(code, nodes, nodes.get('B'));
        expect(problem?.column).toBe('partyGroupCode');
        expect(problem?.error.code).toBe('PARTY_GROUP_NOT_OF_BRANCH');
      }
    });
  });

  describe('rejecting taken ID numbers', () => {
    it('refuses a repeat within the file by naming the first row, and one already on record', () => {
      const rejected = rejectTakenIds(
        [
          { row: 2, hash: 'h1' },
          { row: 3, hash: 'h2' },
          { row: 4, hash: 'h1' },
          { row: 5, hash: 'h3' },
        ],
        new Set(['h3']),
      );
      expect(rejected.map((r) => [r.row, r.problem.column, r.problem.error.code])).toEqual([
        [4, 'idNumber', 'ID_NUMBER_TAKEN'],
        [5, 'idNumber', 'ID_NUMBER_TAKEN'],
      ]);
      expect(rejected[0].problem.error.messages?.en).toMatch(/already on row 2 of this file/);
      expect(rejected[1].problem.error.messages?.en).toMatch(/already exists/);
    });
  });
});
