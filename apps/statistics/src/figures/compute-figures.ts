import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import type { Figures } from './figures';
import { activityFigures } from './activity-figures';
import { duesFigures } from './dues-figures';
import { memberFigures } from './member-figures';
import { treeFigures } from './tree-figures';
import { ComplianceFigures, complianceFigures } from './compliance-figures';
import { rateOf } from '@partybuild/compliance';
import { assessmentFigures } from './assessment-figures';
import { pairingFigures } from './pairing-figures';

const complianceFields = ({ threeMeetingsOneLesson: core, organizationalLife: life }: ComplianceFigures) => ({
  requiredMeetingsDue: core.required,
  requiredMeetingsHeld: core.held,
  complianceRate: rateOf(core),
  organizationalLifeDue: life.required,
  organizationalLifeHeld: life.held,
  organizationalLifeRate: rateOf(life),
});

/** All figures for several organisations at once: a fixed number of queries, whatever their number. */
export async function computeFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
): Promise<Map<string, Figures>> {
  const asOf = period.end < today ? period.end : today;
  const [members, tree, activities, dues, compliance, assessment, pairing] = await Promise.all([
    memberFigures(manager, targets, period, asOf),
    treeFigures(manager, targets, asOf),
    activityFigures(manager, targets, period),
    duesFigures(manager, targets, period, today),
    complianceFigures(manager, targets, period, today),
    assessmentFigures(manager, targets, period),
    pairingFigures(manager, targets, period, today),
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
          ...complianceFields(compliance.get(id)!),
        },
        dues: dues.get(id)!,
        assessment: assessment.get(id)!,
        pairing: pairing.get(id)!,
      },
    ]),
  );
}
