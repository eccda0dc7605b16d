import type { Caller } from '@partybuild/auth';
import { allowed } from '@partybuild/auth';
import { unneutralise } from '@partybuild/csv';
import type { OrgNode } from '@partybuild/org-tree';
import { groupRefusal, placementRefusal } from '../domain/placement';
import { DomainError, MembershipErrors } from '../errors';
import { DevelopmentStage, Gender, MemberCategory } from '../domain/member-kinds';
import { NewMember, ValidMember, validateNewMember } from '../domain/new-member';
import { parseCsv } from '../domain/csv';
import { DATE_LIMITS, MembershipDateLimits, RECORD_RULES } from '../reference/membership-rules';

/*
 * The checks of a member import (批量导入), one step each, in the order the import runs them:
 * read the file, map its headers, check each row, check its branch and its Party group, then
 * reject ID numbers already in the file or already on record. Each step is a pure function:
 * it returns what it found wrong, and the import turns that into row-and-column problems.
 */

/** The columns of an import file; headers may be these names or the Chinese ones. */
export const IMPORT_COLUMNS = [
  'name',
  'idNumber',
  'gender',
  'ethnicity',
  'education',
  'phone',
  'workUnit',
  'post',
  'category',
  'branchCode',
  'partyGroupCode',
  'stage',
  'activistSince',
  'candidateSince',
  'joinedOn',
  'fullMemberSince',
  'duesBase',
  'duesPaidThrough',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: ImportColumn[] = ['name', 'idNumber', 'category', 'branchCode'];

const CHINESE_HEADERS: Record<string, ImportColumn> = {
  姓名: 'name',
  身份证号: 'idNumber',
  性别: 'gender',
  民族: 'ethnicity',
  学历: 'education',
  联系电话: 'phone',
  手机号: 'phone',
  工作单位: 'workUnit',
  职务: 'post',
  人员类别: 'category',
  所在支部编码: 'branchCode',
  党小组编码: 'partyGroupCode',
  发展阶段: 'stage',
  确定积极分子日期: 'activistSince',
  确定发展对象日期: 'candidateSince',
  入党日期: 'joinedOn',
  转正日期: 'fullMemberSince',
  党费基数: 'duesBase',
  党费交至: 'duesPaidThrough',
};

/** The Chinese header of each column when an export asks for one (the first name the importer accepts). */
export const CHINESE_LABELS = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c, Object.entries(CHINESE_HEADERS).find(([, column]) => column === c)![0]]),
) as Record<ImportColumn, string>;

const VALUES = {
  gender: { 男: Gender.MALE, 女: Gender.FEMALE, MALE: Gender.MALE, FEMALE: Gender.FEMALE } as Record<string, Gender>,
  category: {
    在职: MemberCategory.IN_SERVICE,
    离退休: MemberCategory.RETIRED,
    退休: MemberCategory.RETIRED,
    农民: MemberCategory.FARMER,
    学生: MemberCategory.STUDENT,
    下岗失业: MemberCategory.UNEMPLOYED,
    失业: MemberCategory.UNEMPLOYED,
    其他: MemberCategory.OTHER,
    ...Object.fromEntries(Object.values(MemberCategory).map((c) => [c, c])),
  } as Record<string, MemberCategory>,
  stage: {
    申请人: DevelopmentStage.APPLICANT,
    入党申请人: DevelopmentStage.APPLICANT,
    入党积极分子: DevelopmentStage.ACTIVIST,
    积极分子: DevelopmentStage.ACTIVIST,
    发展对象: DevelopmentStage.CANDIDATE,
    预备党员: DevelopmentStage.PROBATIONARY,
    正式党员: DevelopmentStage.FULL,
    ...Object.fromEntries(Object.values(DevelopmentStage).map((s) => [s, s])),
  } as Record<string, DevelopmentStage>,
};

/** Something wrong with one cell (`column`) or with the whole row (null). */
export interface CellProblem {
  column: ImportColumn | null;
  error: DomainError;
}

/** The file's records: the header first. Refuses a file that is not CSV, empty or too long. */
export function readImportFile(csv: string): string[][] {
  let rows: string[][];
  try {
    rows = parseCsv(csv);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw MembershipErrors.CSV_INVALID();
  }
  if (rows.length < 2) throw MembershipErrors.CSV_EMPTY();
  if (rows.length - 1 > RECORD_RULES.importMaxRows) {
    throw MembershipErrors.CSV_TOO_MANY_ROWS({ max: RECORD_RULES.importMaxRows, rows: rows.length - 1 });
  }
  return rows;
}

/** Which column of the file holds which field, and the header the user wrote for it. */
export interface ImportLayout {
  /** The headers as written (trimmed), in file order. */
  headers: string[];
  /** The header the user wrote for a column (its own name when the file has no such column). */
  headerOf(column: ImportColumn): string;
  /** A row's trimmed value for a column; empty when the file has no such column. */
  cell(row: readonly string[], column: ImportColumn): string;
}

/** Step 1: map the header row to columns (English or Chinese names); refuses unknown and missing ones. */
export function mapHeaders(headerRow: readonly string[]): ImportLayout {
  const headers = headerRow.map((h) => h.trim());
  const columns = headers.map((h) => ((IMPORT_COLUMNS as readonly string[]).includes(h) ? (h as ImportColumn) : CHINESE_HEADERS[h]));
  const unknown = headers.filter((_h, i) => !columns[i]);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) {
    throw MembershipErrors.CSV_COLUMNS({ unknown: unknown.join(', '), missing: missing.join(', '), columns: IMPORT_COLUMNS.join(', ') });
  }
  const index = new Map(columns.map((c, i) => [c, i]));
  return {
    headers,
    headerOf: (column) => headers[index.get(column) ?? -1] ?? column,
    // An export of ours neutralised formula-leading cells with an apostrophe: read them back as written.
    cell: (row, column) => (index.has(column) ? unneutralise((row[index.get(column)!] ?? '').trim()) : ''),
  };
}

/** Yuan with at most two decimals → fen, exactly (no floating point). */
export function yuanToFen(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw MembershipErrors.DUES_BASE_NOT_AMOUNT({ value: text });
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A coded value (gender, category, stage) in Chinese or as the enum name; undefined when unknown. */
function codedValue(column: keyof typeof VALUES, text: string): string | undefined {
  const values = VALUES[column] as Record<string, string>;
  return values[text] ?? values[text.toUpperCase()];
}

/** Step 2: a row's own fields — its width, coded values, the dues base and the person's record rules. */
export function checkRow(
  row: readonly string[],
  layout: ImportLayout,
  today: string,
  limits: MembershipDateLimits = DATE_LIMITS,
): { value?: ValidMember; problems: CellProblem[] } {
  if (row.length !== layout.headers.length) {
    const error = MembershipErrors.CSV_ROW_WIDTH({ fields: row.length, expected: layout.headers.length });
    return { problems: [{ column: null, error }] };
  }
  const problems: CellProblem[] = [];
  const coded = <T>(column: keyof typeof VALUES): T | null => {
    const text = layout.cell(row, column);
    if (!text) return null;
    const value = codedValue(column, text);
    if (value === undefined) {
      const known = Object.keys(VALUES[column]).join(', ');
      problems.push({ column, error: MembershipErrors.UNKNOWN_VALUE({ field: column, value: text, allowed: known }, { field: column }) });
      return null;
    }
    return value as T;
  };
  let duesBaseFen: number | null = null;
  const base = layout.cell(row, 'duesBase');
  if (base) {
    try {
      duesBaseFen = yuanToFen(base);
    } catch (error) {
      problems.push({ column: 'duesBase', error: error as DomainError });
    }
  }
  const input: NewMember = {
    name: layout.cell(row, 'name'),
    idNumber: layout.cell(row, 'idNumber'),
    gender: coded<Gender>('gender'),
    ethnicity: layout.cell(row, 'ethnicity'),
    education: layout.cell(row, 'education'),
    phone: layout.cell(row, 'phone'),
    workUnit: layout.cell(row, 'workUnit'),
    post: layout.cell(row, 'post'),
    category: coded<MemberCategory>('category') ?? (layout.cell(row, 'category') as MemberCategory),
    stage: coded<DevelopmentStage>('stage') ?? DevelopmentStage.FULL,
    activistSince: layout.cell(row, 'activistSince'),
    candidateSince: layout.cell(row, 'candidateSince'),
    joinedOn: layout.cell(row, 'joinedOn'),
    fullMemberSince: layout.cell(row, 'fullMemberSince'),
    duesBaseFen,
    duesPaidThrough: layout.cell(row, 'duesPaidThrough'),
  };
  const categoryReported = problems.some((p) => p.column === 'category');
  const { value, problems: fieldProblems } = validateNewMember(input, today, limits);
  for (const p of fieldProblems) {
    // An unknown category was reported above; the record rules would only say it again.
    if (!(p.field === 'category' && categoryReported)) problems.push({ column: p.field as ImportColumn, error: p.error });
  }
  return { value, problems };
}

/** Step 3: the branch a row names must be a known, active branch (the placement rule) within the caller's scope. */
export function checkBranch(
  code: string,
  nodes: ReadonlyMap<string, OrgNode>,
  caller: Caller,
): { branch?: OrgNode; problem?: CellProblem } {
  const branch = nodes.get(code);
  const refuse = (error: DomainError) => ({ branch, problem: { column: 'branchCode' as const, error } });
  if (!branch) return refuse(MembershipErrors.IMPORT_BRANCH_UNKNOWN({ branchCode: code }));
  const refusal = placementRefusal(branch);
  if (refusal) return refuse(refusal);
  if (!allowed(caller, 'member.manage', { path: branch.path })) {
    return refuse(MembershipErrors.IMPORT_BRANCH_OUT_OF_SCOPE({ name: branch.name }));
  }
  return { branch };
}

/** Step 4: a Party group, when named, must be known and an active Party group of the row's branch. */
export function checkGroup(
  groupCode: string,
  nodes: ReadonlyMap<string, OrgNode>,
  branch: OrgNode | undefined,
): { group: OrgNode | null; problem?: CellProblem } {
  if (!groupCode) return { group: null };
  const group = nodes.get(groupCode) ?? null;
  if (!group) {
    return {
      group,
      problem: {
        column: 'partyGroupCode',
        error: MembershipErrors.IMPORT_BRANCH_UNKNOWN({ branchCode: groupCode }, { field: 'partyGroupCode' }),
      },
    };
  }
  const refusal = branch ? groupRefusal(group, branch.id) : null;
  return refusal ? { group, problem: { column: 'partyGroupCode', error: refusal } } : { group };
}

/**
 * Step 5: one person once. Rows (by line, in file order) whose ID number hash already stood on
 * an earlier row of the file, or is already on record (`onRecord`), each with its problem.
 */
export function rejectTakenIds(
  rows: ReadonlyArray<{ row: number; hash: string }>,
  onRecord: ReadonlySet<string>,
): Array<{ row: number; problem: CellProblem }> {
  const firstRow = new Map<string, number>();
  const rejected: Array<{ row: number; problem: CellProblem }> = [];
  for (const { row, hash } of rows) {
    const first = firstRow.get(hash);
    if (first !== undefined) {
      const error = MembershipErrors.ID_NUMBER_TWICE_IN_FILE({ firstRow: first }, { field: 'idNumber' });
      rejected.push({ row, problem: { column: 'idNumber', error } });
    } else {
      firstRow.set(hash, row);
      if (onRecord.has(hash))
        rejected.push({ row, problem: { column: 'idNumber', error: MembershipErrors.ID_NUMBER_TAKEN(undefined, { field: 'idNumber' }) } });
    }
  }
  return rejected;
}
