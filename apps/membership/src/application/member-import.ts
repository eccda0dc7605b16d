import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { appendToOutbox } from '@partybuild/events';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';
import { MemberRecord } from '../entities';
import { MembershipErrors } from '../errors';
import { inCallersLanguage } from '@partybuild/federation';
import { ValidMember } from '../domain/new-member';
import { PersonalDataCipher } from '../domain/personal-data-cipher';
import { DATE_LIMITS, MembershipDateLimits } from '../reference/membership-rules';
import { MemberEvent, duesHistoryOf, memberEnvelope } from './member-events';
import { assertCanManage, isDuplicateIdNumber } from './member-access';
import { recordFrom } from './member-commands';
import {
  CellProblem,
  ImportLayout,
  checkBranch,
  checkGroup,
  checkRow,
  mapHeaders,
  readImportFile,
  rejectTakenIds,
} from './member-import-steps';

export { IMPORT_COLUMNS, CHINESE_LABELS } from './member-import-steps';

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

/** A row that passed its own checks, with where it goes. */
interface CheckedRow {
  row: number;
  value: ValidMember;
  branch: OrgNode;
  group: OrgNode | null;
  hash: string;
}

/**
 * 批量导入: every row checked, every error reported with its row and column; by default
 * all-or-nothing. The valid rows go in with one multi-row insert and their events with one
 * outbox insert, in one transaction. The checks themselves are in `member-import-steps`.
 */
export class MemberImport {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cipher: PersonalDataCipher,
    private readonly today: () => string,
    private readonly limits: MembershipDateLimits = DATE_LIMITS,
  ) {}

  /** Runs an import; with `once`, a repeat of the same file and key returns the first result. */
  async run(caller: Caller, csv: string, allOrNothing: boolean, once: IdempotencyScope | null = null): Promise<ImportResult> {
    assertCanManage(caller);
    const [headerRow, ...rows] = readImportFile(csv);
    const layout = mapHeaders(headerRow);
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        { csv: this.cipher.lookupHash(csv), allOrNothing },
        () => this.importRows(manager, caller, rows, layout, allOrNothing),
        (result) => JSON.stringify(result),
        async (recorded) => JSON.parse(recorded) as ImportResult,
      ),
    );
  }

  private async importRows(
    manager: EntityManager,
    caller: Caller,
    rows: string[][],
    layout: ImportLayout,
    allOrNothing: boolean,
  ): Promise<ImportResult> {
    const problems: ImportProblem[] = [];
    const report = (row: number, { column, error }: CellProblem) =>
      problems.push({ row, column: column ? layout.headerOf(column) : null, code: error.code, message: inCallersLanguage(error) });

    const checked = await this.checkRows(manager, caller, rows, layout, report);
    const onRecord = await this.hashesOnRecord(
      manager,
      checked.map((c) => c.hash),
    );
    for (const { row, problem } of rejectTakenIds(checked, onRecord)) report(row, problem);

    const position = (column: string | null) => (column === null ? -1 : layout.headers.indexOf(column));
    problems.sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
    const badRows = new Set(problems.map((p) => p.row));
    const accepted = checked.filter((c) => !badRows.has(c.row));
    const result = (imported: number): ImportResult => ({
      imported,
      rowsRead: rows.length,
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
  }

  /** Each row's own fields, branch and group; the rows with a valid person and a branch, in file order. */
  private async checkRows(
    manager: EntityManager,
    caller: Caller,
    rows: string[][],
    layout: ImportLayout,
    report: (row: number, problem: CellProblem) => void,
  ): Promise<CheckedRow[]> {
    const codes = new Set(rows.flatMap((r) => [layout.cell(r, 'branchCode'), layout.cell(r, 'partyGroupCode')]).filter(Boolean));
    const nodes = await new OrgTree(manager).byCodes([...codes]);
    const today = this.today();
    const checked: CheckedRow[] = [];
    rows.forEach((row, i) => {
      const line = i + 2;
      const own = checkRow(row, layout, today, this.limits);
      own.problems.forEach((p) => report(line, p));
      if (own.problems.some((p) => p.column === null)) return; // the row could not be read at all
      const branchCode = layout.cell(row, 'branchCode');
      const { branch, problem: branchProblem } = checkBranch(branchCode, nodes, caller);
      if (branchProblem) report(line, branchProblem);
      const { group, problem: groupProblem } = checkGroup(layout.cell(row, 'partyGroupCode'), nodes, branch);
      if (groupProblem) report(line, groupProblem);
      if (own.value && branch)
        checked.push({ row: line, value: own.value, branch, group, hash: this.cipher.lookupHash(own.value.idNumber) });
    });
    return checked;
  }

  private async hashesOnRecord(manager: EntityManager, hashes: string[]): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const rows: Array<{ id_number_hash: string }> = await manager.query(
      `SELECT id_number_hash FROM member WHERE id_number_hash = ANY($1::text[])`,
      [hashes],
    );
    return new Set(rows.map((r) => r.id_number_hash));
  }

  /**
   * One multi-row insert (unnest) for the records and one for their events. The columns and
   * their types come from the entity's mapping, so the member columns are declared once.
   */
  private async insert(manager: EntityManager, caller: Caller, accepted: CheckedRow[]): Promise<void> {
    const records = accepted.map((a) =>
      Object.assign(
        new MemberRecord(),
        recordFrom(a.value, this.cipher, { id: randomUUID(), organizationId: a.branch.id, partyGroupId: a.group?.id ?? null }),
      ),
    );
    for (const r of records) r.monthlyDues = duesHistoryOf(r);
    const columns = manager.connection
      .getMetadata(MemberRecord)
      .columns.filter((c) => !c.isCreateDate && !c.isUpdateDate && !c.isVersion)
      .map((c) => {
        const type = manager.connection.driver.normalizeType(c);
        // unnest takes one array per column: a JSON value goes in as its text, cast back by the column type.
        const json = type === 'json' || type === 'jsonb';
        return { name: c.databaseName, type, get: (r: MemberRecord) => (json ? JSON.stringify(c.getEntityValue(r)) : c.getEntityValue(r)) };
      });
    await manager.query(
      `INSERT INTO member (${columns.map((c) => c.name).join(', ')})
       SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
      columns.map((c) => records.map((r) => c.get(r) ?? null)),
    );
    await appendToOutbox(
      manager,
      records.map((r, i) => memberEnvelope(r, accepted[i].branch.path, MemberEvent.REGISTERED, caller.subject, { imported: true })),
    );
  }
}
