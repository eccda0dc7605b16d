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

/**
 * The figures come in groups, each computed by its own queries: a view that shows members and
 * meetings does not wait for the assessment and pairing counts it does not show.
 */
export const FIGURE_GROUPS = ['tree', 'members', 'activities', 'dues', 'assessment', 'pairing'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

/** What one or more groups fill in of an organisation's figures. */
export type FigureParts = Pick<Figures, 'organizationId' | 'period' | 'asOf'> & Partial<Figures>;
type GroupPart = Partial<Omit<Figures, 'organizationId' | 'period' | 'asOf'>>;

const complianceFields = ({ threeMeetingsOneLesson: core, organizationalLife: life }: ComplianceFigures) => ({
  requiredMeetingsDue: core.required,
  requiredMeetingsHeld: core.held,
  complianceRate: rateOf(core),
  organizationalLifeDue: life.required,
  organizationalLifeHeld: life.held,
  organizationalLifeRate: rateOf(life),
});

/** The day counts such as ages and terms are taken on: the period's end, or today if earlier. */
export const asOfDay = (period: Period, today: string): string => (period.end < today ? period.end : today);

async function computeGroup(
  manager: EntityManager,
  group: FigureGroup,
  targets: string[],
  period: Period,
  today: string,
): Promise<(target: string) => GroupPart> {
  const asOf = asOfDay(period, today);
  switch (group) {
    case 'tree': {
      const tree = await treeFigures(manager, targets, asOf);
      return (id) => ({ organizationsByKind: tree.byKind.get(id) ?? [], branches: tree.branches.get(id)! });
    }
    case 'members': {
      const members = await memberFigures(manager, targets, period, asOf);
      return (id) => ({ members: members.get(id)! });
    }
    case 'activities': {
      const [activities, compliance] = await Promise.all([
        activityFigures(manager, targets, period),
        complianceFigures(manager, targets, period, today),
      ]);
      return (id) => ({ activities: { ...activities.get(id)!, ...complianceFields(compliance.get(id)!) } });
    }
    case 'dues': {
      const dues = await duesFigures(manager, targets, period, today);
      return (id) => ({ dues: dues.get(id)! });
    }
    case 'assessment': {
      const assessment = await assessmentFigures(manager, targets, period);
      return (id) => ({ assessment: assessment.get(id)! });
    }
    case 'pairing': {
      const pairing = await pairingFigures(manager, targets, period, today);
      return (id) => ({ pairing: pairing.get(id)! });
    }
  }
}

/** Some groups of figures for several organisations at once: a fixed number of queries, whatever their number. */
export async function computeFigureGroups(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
  groups: readonly FigureGroup[],
): Promise<Map<string, FigureParts>> {
  const parts = await Promise.all(groups.map((group) => computeGroup(manager, group, targets, period, today)));
  const asOf = asOfDay(period, today);
  return new Map(targets.map((id) => [id, Object.assign({ organizationId: id, period, asOf }, ...parts.map((part) => part(id)))]));
}

/** All figures for several organisations at once. */
export async function computeFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
): Promise<Map<string, Figures>> {
  return (await computeFigureGroups(manager, targets, period, today, FIGURE_GROUPS)) as Map<string, Figures>;
}
