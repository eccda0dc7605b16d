import type { EntityManager } from 'typeorm';
import { Caller, allowed } from '@partybuild/auth';
import { OrganizationRecord } from '../entities';
import { OrganizationErrors } from '../errors';
import { attachedPeople } from './branch-figures';
import { DepartmentCategory, OrganizationKind, OrganizationStatus, Sector } from '../domain/organization-kind';
import { assertNoCycle, assertParentAllowed, childPath } from '../domain/placement';
import { checkEndDate, checkStaffCount, normaliseCode, normaliseName, recordedDayRange } from '../domain/organization-fields';
import { checkDayWithin } from '@partybuild/errors';
import { OrganizationEvent, recordChange } from './organization-events';
import { assertCanManage, isDuplicateCode, lockForChange, lockForMove } from './organization-access';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';

export interface CreateOrganization {
  code: string;
  name: string;
  kind: OrganizationKind;
  sector: Sector;
  parentId?: string | null;
  departmentCategory?: DepartmentCategory | null;
  hostingUnit?: string | null;
  staffCount?: number | null;
  fullTimeCadres?: number | null;
  partTimeCadres?: number | null;
  endsOn?: string | null;
}

export type UpdateOrganization = Partial<Omit<CreateOrganization, 'code' | 'kind' | 'parentId'>>;

/** The changes to the organisation tree; each runs in one transaction with its event. */
export class OrganizationCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
  ) {}

  async create(caller: Caller, input: CreateOrganization, once: IdempotencyScope | null = null): Promise<OrganizationRecord> {
    assertCanManage(caller);
    const fields = {
      code: normaliseCode(input.code),
      name: normaliseName(input.name),
      endsOn: checkEndDate(input.kind, input.endsOn, this.today()),
      ...this.checkedDetails(input),
    };
    return this.run(fields.code, (manager) =>
      createOnce(
        manager,
        once,
        input,
        async () => {
          const parent = input.parentId ? await lockForChange(manager, caller, input.parentId) : null;
          // A top-level organisation is below nobody's scope: only `anywhere` in the access table creates one.
          if (!parent && !allowed(caller, 'organization.manage', { path: [] })) {
            throw OrganizationErrors.ROOT_NEEDS_DISTRICT_ADMIN();
          }
          assertParentAllowed(input.kind, parent);
          if (await manager.exists(OrganizationRecord, { where: { code: fields.code } }))
            throw OrganizationErrors.ORGANIZATION_CODE_TAKEN({ orgCode: fields.code }, { field: 'code' });
          const organization = manager.create(OrganizationRecord, {
            ...fields,
            kind: input.kind,
            sector: input.sector,
            parentId: parent?.id ?? null,
            ancestorIds: childPath(parent),
            status: OrganizationStatus.ACTIVE,
          });
          await manager.save(organization);
          await recordChange(manager, organization, OrganizationEvent.CREATED, caller.subject);
          return organization;
        },
        (o) => o.id,
        (id) => manager.findOneByOrFail(OrganizationRecord, { id }),
      ),
    );
  }

  async update(caller: Caller, id: string, patch: UpdateOrganization): Promise<OrganizationRecord> {
    return this.run(null, async (manager) => {
      const organization = await lockForChange(manager, caller, id);
      const before = { ...organization };
      if (patch.name !== undefined) organization.name = normaliseName(patch.name ?? '');
      if (patch.sector) organization.sector = patch.sector;
      if (patch.endsOn !== undefined) organization.endsOn = checkEndDate(organization.kind, patch.endsOn, this.today());
      Object.assign(organization, this.checkedDetails(patch, organization));
      const changes = changedFields(before, organization);
      if (Object.keys(changes).length === 0) return organization;
      await manager.save(organization);
      await recordChange(manager, organization, OrganizationEvent.UPDATED, caller.subject, { changes });
      return organization;
    });
  }

  /** Moves an organisation and its whole subtree under another parent. */
  async move(caller: Caller, id: string, newParentId: string): Promise<OrganizationRecord> {
    return this.run(null, async (manager) => {
      const { organization, parent } = await lockForMove(manager, caller, id, newParentId);
      assertNoCycle(organization, parent);
      assertParentAllowed(organization.kind, parent);
      if (organization.parentId === parent.id) {
        throw OrganizationErrors.ALREADY_UNDER_PARENT({ name: organization.name, parentName: parent.name });
      }
      const fromParentId = organization.parentId;
      const fromPath = organization.ancestorIds;
      const toPath = childPath(parent);
      // Descendants keep the part of their path below the moved organisation.
      const moved = await manager.query(
        `UPDATE organization SET ancestor_ids = $2::uuid[] || ancestor_ids[cardinality($3::uuid[]) + 1 :], updated_at = now()
         WHERE ancestor_ids @> ARRAY[$1]::uuid[]`,
        [organization.id, toPath, fromPath],
      );
      organization.parentId = parent.id;
      organization.ancestorIds = toPath;
      await manager.save(organization);
      await recordChange(manager, organization, OrganizationEvent.MOVED, caller.subject, {
        fromParentId,
        toParentId: parent.id,
        fromPath,
        toPath,
        descendantsMoved: moved[1] ?? 0,
      });
      return organization;
    });
  }

  /** 撤销 — the organisation stays with its history; only an empty one may be dissolved. */
  async dissolve(caller: Caller, id: string, dissolvedOn?: string | null): Promise<OrganizationRecord> {
    return this.run(null, async (manager) => {
      const organization = await lockForChange(manager, caller, id);
      const children = await manager.count(OrganizationRecord, { where: { parentId: id, status: OrganizationStatus.ACTIVE } });
      if (children > 0) throw OrganizationErrors.ORGANIZATION_HAS_CHILDREN({ name: organization.name, children });
      const people = await attachedPeople(manager, id);
      if (people > 0) throw OrganizationErrors.ORGANIZATION_HAS_MEMBERS({ name: organization.name, people });
      const day = dissolvedOn ?? this.today();
      if (day > this.today()) {
        throw OrganizationErrors.DATE_IN_FUTURE(
          { what: '撤销日期', whatEn: 'dissolution date', date: day, today: this.today() },
          { field: 'dissolvedOn' },
        );
      }
      checkDayWithin('dissolvedOn', '撤销日期', day, recordedDayRange(this.today()));
      organization.status = OrganizationStatus.DISSOLVED;
      organization.dissolvedOn = day;
      await manager.save(organization);
      await recordChange(manager, organization, OrganizationEvent.DISSOLVED, caller.subject, { dissolvedOn: day });
      return organization;
    });
  }

  private checkedDetails(input: UpdateOrganization, current?: OrganizationRecord) {
    const pick = <K extends keyof UpdateOrganization>(key: K) =>
      input[key] === undefined ? current?.[key as keyof OrganizationRecord] : input[key];
    const departmentCategory = (pick('departmentCategory') ?? null) as DepartmentCategory | null;
    const sector = (input.sector ?? current?.sector) as Sector;
    if (departmentCategory && sector !== Sector.AGENCY) {
      throw OrganizationErrors.DEPARTMENT_CATEGORY_AGENCY_ONLY();
    }
    const hostingUnit = ((pick('hostingUnit') as string | null | undefined) ?? null)?.trim() || null;
    return {
      departmentCategory,
      hostingUnit,
      staffCount: checkStaffCount(pick('staffCount') as number | null, 'staffCount'),
      fullTimeCadres: checkStaffCount(pick('fullTimeCadres') as number | null, 'fullTimeCadres'),
      partTimeCadres: checkStaffCount(pick('partTimeCadres') as number | null, 'partTimeCadres'),
    };
  }

  /** `code`: the code being claimed, so that losing a race for it reads like the pre-check. */
  private async run<T>(code: string | null, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.unitOfWork.run(work);
    } catch (error) {
      if (code && isDuplicateCode(error)) throw OrganizationErrors.ORGANIZATION_CODE_TAKEN({ orgCode: code }, { field: 'code' });
      throw error;
    }
  }
}

function changedFields(before: OrganizationRecord, after: OrganizationRecord): Record<string, { from: unknown; to: unknown }> {
  const fields = [
    'name',
    'sector',
    'departmentCategory',
    'hostingUnit',
    'staffCount',
    'fullTimeCadres',
    'partTimeCadres',
    'endsOn',
  ] as const;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  return changes;
}
