import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { SchemeSnapshot } from '@partybuild/contracts';
import { runOnce } from '@partybuild/persistence';
import { Indicator, IndicatorInput, VetoCondition, VetoInput, checkScheme } from '../domain/scheme';
import { AssessmentErrors } from '../errors';
import { assertSchemeManager, checkYear, text } from './access';
import { AssessmentEventType, emit } from './events';
import type { AssessmentServices } from './services';

export interface SchemeRecord {
  id: string;
  year: number;
  organizationKind: string;
  name: string;
  indicators: Indicator[];
  vetoes: VetoCondition[];
  copiedFrom: string | null;
  inUse: boolean;
}

export interface SchemeInput {
  year: number;
  organizationKind: string;
  name: string;
  indicators: IndicatorInput[];
  vetoes?: VetoInput[] | null;
}

const COLUMNS = `id, year, organization_kind AS "organizationKind", name, indicators, vetoes, copied_from AS "copiedFrom", in_use AS "inUse"`;
const ORGANIZATION_KINDS = ['WORKING_COMMITTEE', 'PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'JOINT_BRANCH', 'TEMPORARY_ORGANIZATION'];

export async function schemeById(manager: EntityManager, id: string, lock = false): Promise<SchemeRecord> {
  const [row] = await manager.query(`SELECT ${COLUMNS} FROM scheme WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  if (!row) throw AssessmentErrors.SCHEME_NOT_FOUND({ id });
  return row;
}

export const schemeSnapshot = (s: SchemeRecord): SchemeSnapshot => ({
  id: s.id,
  year: s.year,
  organizationKind: s.organizationKind,
  name: s.name,
  indicatorCount: s.indicators.length,
  copiedFrom: s.copiedFrom,
});

const schemeEvent = (type: string, s: SchemeRecord) => ({
  type,
  aggregateId: s.id,
  organizationId: null,
  organizationPath: [],
  data: { scheme: schemeSnapshot(s) },
});

/** 考核方案: written whole, checked whole; a scheme a round has used is never edited, only copied. */
export class SchemeCommands {
  constructor(private readonly services: AssessmentServices) {}

  private checked(input: SchemeInput) {
    const year = checkYear(input.year);
    if (!ORGANIZATION_KINDS.includes(input.organizationKind)) {
      throw AssessmentErrors.INDICATOR_INVALID({
        indicator: input.name,
        rule: `适用的党组织类型须为 ${ORGANIZATION_KINDS.join('、')} 之一。`,
      });
    }
    const name = text(input.name, '方案名称', 80);
    return { year, name, ...checkScheme(input.indicators, input.vetoes ?? [], this.services.rules(year)) };
  }

  create(caller: Caller, input: SchemeInput, idempotencyKey?: string | null): Promise<SchemeRecord> {
    assertSchemeManager(caller);
    const checked = this.checked(input);
    return this.services.unitOfWork.run(async (manager) => {
      const key = idempotencyKey ? { caller: caller.subject, operation: 'createAssessmentScheme', key: idempotencyKey } : null;
      const { id } = await runOnce(manager, key, input, async () => {
        const [row] = await manager.query(
          `INSERT INTO scheme (year, organization_kind, name, indicators, vetoes, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            checked.year,
            input.organizationKind,
            checked.name,
            JSON.stringify(checked.indicators),
            JSON.stringify(checked.vetoes),
            caller.subject,
          ],
        );
        await emit(manager, caller.subject, [schemeEvent(AssessmentEventType.SCHEME_CREATED, await schemeById(manager, row.id))]);
        return row.id as string;
      });
      return schemeById(manager, id);
    });
  }

  update(caller: Caller, id: string, input: SchemeInput): Promise<SchemeRecord> {
    assertSchemeManager(caller);
    const checked = this.checked(input);
    return this.services.unitOfWork.run(async (manager) => {
      const current = await schemeById(manager, id, true);
      if (current.inUse) throw AssessmentErrors.SCHEME_IN_USE({ name: current.name });
      await manager.query(
        `UPDATE scheme SET year = $2, organization_kind = $3, name = $4, indicators = $5, vetoes = $6, updated_at = now() WHERE id = $1`,
        [id, checked.year, input.organizationKind, checked.name, JSON.stringify(checked.indicators), JSON.stringify(checked.vetoes)],
      );
      const scheme = await schemeById(manager, id);
      await emit(manager, caller.subject, [schemeEvent(AssessmentEventType.SCHEME_UPDATED, scheme)]);
      return scheme;
    });
  }

  /** The next year's scheme: a copy that can change (the used one stays as it was). */
  copy(caller: Caller, id: string, year: number, idempotencyKey?: string | null): Promise<SchemeRecord> {
    assertSchemeManager(caller);
    checkYear(year);
    return this.services.unitOfWork.run(async (manager) => {
      const source = await schemeById(manager, id);
      const key = idempotencyKey ? { caller: caller.subject, operation: 'copyAssessmentScheme', key: idempotencyKey } : null;
      const { id: copyId } = await runOnce(manager, key, { id, year }, async () => {
        const [row] = await manager.query(
          `INSERT INTO scheme (year, organization_kind, name, indicators, vetoes, copied_from, created_by)
           SELECT $2, organization_kind, regexp_replace(name, '^\\d{4}', $4), indicators, vetoes, id, $3 FROM scheme WHERE id = $1 RETURNING id`,
          [source.id, year, caller.subject, String(year)],
        );
        await emit(manager, caller.subject, [schemeEvent(AssessmentEventType.SCHEME_CREATED, await schemeById(manager, row.id))]);
        return row.id as string;
      });
      return schemeById(manager, copyId);
    });
  }

  list(year: number, organizationKind?: string | null): Promise<SchemeRecord[]> {
    return this.services.dataSource.query(
      `SELECT ${COLUMNS} FROM scheme WHERE year = $1 AND ($2::text IS NULL OR organization_kind = $2) ORDER BY organization_kind, created_at`,
      [year, organizationKind ?? null],
    );
  }
}
