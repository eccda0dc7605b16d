import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { inScope } from '@partybuild/auth';
import { appendToOutbox } from '@partybuild/events';
import { inCallersLanguage } from '@partybuild/federation';
import { OrgNode, isBranchLevel } from '@partybuild/org-tree';
import { MemberRecord } from '../entities';
import { DomainError, MembershipErrors } from '../errors';
import { DevelopmentStage, Gender, MemberCategory } from '../domain/member-kinds';
import { NewMember, ValidMember, validateNewMember } from '../domain/new-member';
import { parseCsv } from '../domain/csv';
import { PersonalDataCipher } from '../domain/personal-data-cipher';
import { RECORD_RULES } from '../reference/membership-rules';
import { MemberEvent, memberEnvelope } from './member-events';
import { assertCanManage, isDuplicateIdNumber } from './member-access';
import { recordFrom } from './member-commands';
import { UnitOfWork } from '@partybuild/persistence';

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
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['name', 'idNumber', 'category', 'branchCode'];

const CHINESE_HEADERS: Record<string, Column> = {
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

export interface ImportProblem {
  /** Line of the file: the header is row 1. */
  row: number;
  /** The column as written in the header, or null for the whole row/file. */
  column: string | null;
  code: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  rowsRead: number;
  rejectedRows: number;
  errors: ImportProblem[];
  /** More errors than the ones listed (the list is capped). */
  totalErrors: number;
}

const MAX_LISTED_ERRORS = 500;

/** Yuan with at most two decimals → fen, exactly (no floating point). */
function yuanToFen(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw MembershipErrors.DUES_BASE_NOT_AMOUNT({ value: text });
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * 批量导入: every row checked, every error reported with its row and column; by default
 * all-or-nothing. The valid rows go in with one multi-row insert and their events with one
 * outbox insert, in one transaction.
 */
export class MemberImport {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cipher: PersonalDataCipher,
    private readonly today: () => string,
  ) {}

  async run(caller: Caller, csv: string, allOrNothing: boolean): Promise<ImportResult> {
    assertCanManage(caller);
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
    const headers = rows[0].map((h) => h.trim());
    const columns = headers.map((h) => ((IMPORT_COLUMNS as readonly string[]).includes(h) ? (h as Column) : CHINESE_HEADERS[h]));
    const unknown = headers.filter((_h, i) => !columns[i]);
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (unknown.length || missing.length) {
      throw MembershipErrors.CSV_COLUMNS({ unknown: unknown.join(', '), missing: missing.join(', '), columns: IMPORT_COLUMNS.join(', ') });
    }
    const headerOf = new Map(columns.map((c, i) => [c, headers[i]]));
    const index = new Map(columns.map((c, i) => [c, i]));
    const cell = (row: string[], column: Column) => (index.has(column) ? (row[index.get(column)!] ?? '').trim() : '');

    return this.unitOfWork.run(async (manager) => {
      const codes = [
        ...new Set(
          rows
            .slice(1)
            .flatMap((r) => [cell(r, 'branchCode'), cell(r, 'partyGroupCode')])
            .filter(Boolean),
        ),
      ];
      const nodes = await this.nodesByCode(manager, codes);
      const problems: ImportProblem[] = [];
      const problem = (row: number, column: Column | null, error: DomainError) =>
        problems.push({
          row,
          column: column ? (headerOf.get(column) ?? column) : null,
          code: error.code,
          message: inCallersLanguage(error),
        });
      const valid: Array<{ row: number; value: ValidMember; branch: OrgNode; group: OrgNode | null; hash: string }> = [];
      const seen = new Map<string, number>();
      const today = this.today();

      rows.slice(1).forEach((row, i) => {
        const line = i + 2;
        const before = problems.length;
        if (row.length !== headers.length) {
          problem(line, null, MembershipErrors.CSV_ROW_WIDTH({ fields: row.length, expected: headers.length }));
          return;
        }
        const mapped = <T>(column: 'gender' | 'category' | 'stage'): T | null => {
          const text = cell(row, column);
          if (!text) return null;
          const value =
            (VALUES[column] as Record<string, unknown>)[text] ?? (VALUES[column] as Record<string, unknown>)[text.toUpperCase()];
          if (value === undefined) {
            problem(
              line,
              column,
              MembershipErrors.UNKNOWN_VALUE(
                { field: column, value: text, allowed: Object.keys(VALUES[column]).join(', ') },
                { field: column },
              ),
            );
            return null;
          }
          return value as T;
        };
        let duesBaseFen: number | null = null;
        const base = cell(row, 'duesBase');
        if (base) {
          try {
            duesBaseFen = yuanToFen(base);
          } catch (error) {
            problem(line, 'duesBase', error as DomainError);
          }
        }
        const input: NewMember = {
          name: cell(row, 'name'),
          idNumber: cell(row, 'idNumber'),
          gender: mapped<Gender>('gender'),
          ethnicity: cell(row, 'ethnicity'),
          education: cell(row, 'education'),
          phone: cell(row, 'phone'),
          workUnit: cell(row, 'workUnit'),
          post: cell(row, 'post'),
          category: mapped<MemberCategory>('category') ?? (cell(row, 'category') as MemberCategory),
          stage: mapped<DevelopmentStage>('stage') ?? DevelopmentStage.FULL,
          activistSince: cell(row, 'activistSince'),
          candidateSince: cell(row, 'candidateSince'),
          joinedOn: cell(row, 'joinedOn'),
          fullMemberSince: cell(row, 'fullMemberSince'),
          duesBaseFen,
          duesPaidThrough: cell(row, 'duesPaidThrough'),
        };
        const { value, problems: fieldProblems } = validateNewMember(input, today);
        for (const p of fieldProblems) {
          if (!(p.field === 'category' && problems.some((q) => q.row === line && q.column === headerOf.get('category')))) {
            problem(line, p.field as Column, p.error);
          }
        }
        const branch = nodes.get(cell(row, 'branchCode'));
        if (!branch) problem(line, 'branchCode', MembershipErrors.IMPORT_BRANCH_UNKNOWN({ branchCode: cell(row, 'branchCode') }));
        else if (!isBranchLevel(branch) || branch.status !== 'ACTIVE') {
          problem(line, 'branchCode', MembershipErrors.IMPORT_NOT_ACTIVE_BRANCH({ name: branch.name }));
        } else if (!inScope(caller, branch.path)) {
          problem(line, 'branchCode', MembershipErrors.IMPORT_BRANCH_OUT_OF_SCOPE({ name: branch.name }));
        }
        const groupCode = cell(row, 'partyGroupCode');
        const group = groupCode ? (nodes.get(groupCode) ?? null) : null;
        if (groupCode && (!group || group.kind !== 'PARTY_GROUP' || group.parentId !== branch?.id)) {
          problem(line, 'partyGroupCode', MembershipErrors.IMPORT_GROUP_NOT_OF_BRANCH({ groupCode, branchCode: cell(row, 'branchCode') }));
        }
        if (!value) return;
        const hash = this.cipher.lookupHash(value.idNumber);
        const first = seen.get(hash);
        if (first) problem(line, 'idNumber', MembershipErrors.ID_NUMBER_TWICE_IN_FILE({ firstRow: first }, { field: 'idNumber' }));
        else seen.set(hash, line);
        if (problems.length === before && branch) valid.push({ row: line, value, branch, group, hash });
      });

      if (valid.length) {
        const taken: Array<{ id_number_hash: string }> = await manager.query(
          `SELECT id_number_hash FROM member WHERE id_number_hash = ANY($1::text[])`,
          [valid.map((v) => v.hash)],
        );
        const takenSet = new Set(taken.map((t) => t.id_number_hash));
        for (const v of valid.filter((x) => takenSet.has(x.hash)))
          problem(v.row, 'idNumber', MembershipErrors.ID_NUMBER_TAKEN(undefined, { field: 'idNumber' }));
      }
      const position = (column: string | null) => (column === null ? -1 : headers.indexOf(column));
      problems.sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
      const badRows = new Set(problems.map((p) => p.row));
      const accepted = valid.filter((v) => !badRows.has(v.row));
      const result = (imported: number): ImportResult => ({
        imported,
        rowsRead: rows.length - 1,
        rejectedRows: badRows.size,
        errors: problems.slice(0, MAX_LISTED_ERRORS),
        totalErrors: problems.length,
      });
      if ((problems.length && allOrNothing) || !accepted.length) return result(0);
      try {
        await this.insert(manager, caller, accepted);
      } catch (error) {
        if (isDuplicateIdNumber(error)) throw MembershipErrors.ID_NUMBER_TAKEN(undefined, { field: 'idNumber' });
        throw error;
      }
      return result(accepted.length);
    });
  }

  private async nodesByCode(manager: EntityManager, codes: string[]): Promise<Map<string, OrgNode>> {
    const rows: OrgNode[] = await manager.query(
      `SELECT id, parent_id AS "parentId", code, name, kind, sector, status, term_ends_on::text AS "termEndsOn", path
       FROM org_node WHERE code = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r]));
  }

  /** One multi-row insert (unnest) for the records and one for their events. */
  private async insert(
    manager: EntityManager,
    caller: Caller,
    accepted: Array<{ value: ValidMember; branch: OrgNode; group: OrgNode | null }>,
  ): Promise<void> {
    const records = accepted.map((a) =>
      Object.assign(
        new MemberRecord(),
        recordFrom(a.value, this.cipher, { id: randomUUID(), organizationId: a.branch.id, partyGroupId: a.group?.id ?? null }),
      ),
    );
    const columns: Array<[string, string, (r: MemberRecord) => unknown]> = [
      ['id', 'uuid', (r) => r.id],
      ['organization_id', 'uuid', (r) => r.organizationId],
      ['party_group_id', 'uuid', (r) => r.partyGroupId],
      ['name', 'text', (r) => r.name],
      ['gender', 'text', (r) => r.gender],
      ['ethnicity', 'text', (r) => r.ethnicity],
      ['birth_date', 'date', (r) => r.birthDate],
      ['education', 'text', (r) => r.education],
      ['phone_sealed', 'text', (r) => r.phoneSealed],
      ['id_number_sealed', 'text', (r) => r.idNumberSealed],
      ['id_number_hash', 'text', (r) => r.idNumberHash],
      ['work_unit', 'text', (r) => r.workUnit],
      ['post', 'text', (r) => r.post],
      ['category', 'text', (r) => r.category],
      ['status', 'text', (r) => r.status],
      ['stage', 'text', (r) => r.stage],
      ['last_step', 'int', (r) => r.lastStep],
      ['activist_since', 'date', (r) => r.activistSince],
      ['candidate_since', 'date', (r) => r.candidateSince],
      ['joined_on', 'date', (r) => r.joinedOn],
      ['probation_ends_on', 'date', (r) => r.probationEndsOn],
      ['full_member_since', 'date', (r) => r.fullMemberSince],
      ['dues_base_fen', 'int', (r) => r.duesBaseFen],
      ['dues_start_month', 'text', (r) => r.duesStartMonth],
    ];
    await manager.query(
      `INSERT INTO member (${columns.map(([c]) => c).join(', ')})
       SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
      columns.map(([, , get]) => records.map(get)),
    );
    await appendToOutbox(
      manager,
      records.map((r, i) => memberEnvelope(r, accepted[i].branch.path, MemberEvent.REGISTERED, caller.subject, { imported: true })),
    );
  }
}
