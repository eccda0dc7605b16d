import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import type { Figures } from './figures';
import { activityFigures } from './activity-figures';
import { duesFigures } from './dues-figures';
import { memberFigures } from './member-figures';
import { treeFigures } from './tree-figures';
import { complianceFigures } from './compliance-figures';

/** All figures for several organisations at once: a fixed number of queries, whatever their number. */
export async function computeFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
): Promise<Map<string, Figures>> {
  const asOf = period.end < today ? period.end : today;
  const [members, tree, activities, dues, compliance] = await Promise.all([
    memberFigures(manager, targets, period, asOf),
    treeFigures(manager, targets, asOf),
    activityFigures(manager, targets, period),
    duesFigures(manager, targets, period, asOf),
    complianceFigures(manager, targets, period, asOf),
  ]);
  return new Map(
    targets.map((id) => [
      id,
      {
        organizationId: id,
        period,
        asOf,
        organizationsByKind: tree.byKind.get(id) ?? [],
        members: members.get(id)!,
        branches: tree.branches.get(id)!,
        activities: {
          ...activities.get(id)!,
          requiredMeetingsDue: compliance.get(id)!.due,
          requiredMeetingsHeld: compliance.get(id)!.met,
          complianceRate: compliance.get(id)!.due > 0 ? compliance.get(id)!.met / compliance.get(id)!.due : null,
        },
        dues: dues.get(id)!,
      },
    ]),
  );
}
