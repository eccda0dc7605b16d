import { randomUUID } from 'node:crypto';
import type { MemberSnapshot, OrganizationSnapshot } from '@partybuild/contracts';

/** An organisation as the organisation service announces it, for feeding projections in tests. */
export const organizationSnapshot = (
  id: string,
  parentId: string | null,
  kind: string,
  overrides: Partial<OrganizationSnapshot> = {},
): OrganizationSnapshot => ({
  id,
  code: id.slice(0, 8),
  name: `${kind}-${id.slice(0, 4)}`,
  kind,
  sector: 'AGENCY',
  departmentCategory: null,
  hostingUnit: null,
  staffCount: null,
  parentId,
  status: 'ACTIVE',
  endsOn: null,
  dissolvedOn: null,
  termStartedOn: null,
  termEndsOn: null,
  ...overrides,
});

/** A member as the membership service announces them (no personal data), for feeding projections in tests. */
export const memberSnapshot = (organizationId: string, overrides: Partial<MemberSnapshot> = {}): MemberSnapshot => ({
  id: randomUUID(),
  organizationId,
  partyGroupId: null,
  stage: 'FULL',
  status: 'ACTIVE',
  category: 'IN_SERVICE',
  gender: 'FEMALE',
  birthDate: '1985-06-01',
  education: 'BACHELOR',
  ethnicity: null,
  joinedOn: '2010-07-01',
  fullMemberSince: '2011-07-01',
  votingRights: true,
  monthlyDueFen: 1000,
  dues: { startMonth: '2025-01', monthlyDues: [{ from: '2025-01', fen: 1000 }] },
  ...overrides,
});
