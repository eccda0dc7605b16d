import type { Caller } from '@partybuild/auth';
import type { FigureParts } from '../figures/compute-figures';
import type { OrganizationStatistics } from './figures.type';
import { maySeePeople, membersFor, suppressSmallCells } from './small-cells';

/** Counts of organisations or services, not of people: never withheld. */
const shown = (cells: ReadonlyArray<{ key: string; count: number }>) => cells.map((c) => ({ ...c, suppressed: false }));

/**
 * An organisation's figures as the caller may see them (small cells withheld from those who may
 * not see people). Only the groups computed are filled in: the request asked for no other field.
 */
export const toStatistics = (
  f: FigureParts,
  viewer: { caller: Caller; organizationPath: readonly string[]; minimumCellSize: number },
): OrganizationStatistics =>
  ({
    period: f.period.label,
    from: f.period.start,
    to: f.period.end,
    asOf: f.asOf,
    organizationsByKind: f.organizationsByKind?.map((c) => ({ ...c, suppressed: false })),
    members: f.members && membersFor(f.members, viewer.caller, viewer.organizationPath, viewer.minimumCellSize),
    branches: f.branches,
    activities: f.activities && {
      ...f.activities,
      byType: f.activities.byType.map((c) => ({ ...c, suppressed: false })),
      byMonth: f.activities.byMonth.map((c) => ({ ...c, suppressed: false })),
    },
    dues: f.dues,
    assessment: f.assessment && {
      ...f.assessment,
      byScore: shown(f.assessment.byScore),
      byStars: shown(f.assessment.byStars),
      // Appraisal grades are counts of people: withheld like the member breakdowns.
      byAppraisal: maySeePeople(viewer.caller, viewer.organizationPath)
        ? shown(f.assessment.byAppraisal)
        : suppressSmallCells(f.assessment.byAppraisal, viewer.minimumCellSize),
    },
    pairing: f.pairing && { ...f.pairing, servicesByType: shown(f.pairing.servicesByType) },
  }) as OrganizationStatistics;
