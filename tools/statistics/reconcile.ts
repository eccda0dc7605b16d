import type { EntityManager } from 'typeorm';
import { parsePeriod } from '@partybuild/calendar';
import { Figures, computeFigures } from '@partybuild/app-statistics';
import { ComparableFigures, SourceUrls, sourceFigures } from './source-figures';
import { ServiceFigures, serviceFigures } from './service-figures';
import { assessmentPairingDifferences } from './assessment-pairing-sources';

export interface Difference {
  organizationId: string;
  figure: string;
  source: number;
  statistics: number;
}

const fromLabels = (list: Array<{ key: string; count: number }>) => Object.fromEntries(list.map((l) => [l.key, l.count]));

/** The statistics' figures in the shape the sources are counted in. */
function comparable(f: Figures): ComparableFigures {
  return {
    organizationsByKind: fromLabels(f.organizationsByKind),
    members: f.members.total,
    membersByStage: fromLabels(f.members.byStage),
    membersByGender: fromLabels(f.members.byGender),
    activitiesHeld: f.activities.held,
    activitiesByType: fromLabels(f.activities.byType),
    attendanceExpected: NaN,
    attendancePresent: NaN,
  };
}

/** Which sources were counted: figures of a source not given are not compared. */
interface Counted {
  members: boolean;
  activities: boolean;
}

function compare(id: string, source: ComparableFigures, statistics: ComparableFigures, f: Figures, counted: Counted): Difference[] {
  const differences: Difference[] = [];
  const check = (figure: string, a: number, b: number) => {
    if (a !== b) differences.push({ organizationId: id, figure, source: a, statistics: b });
  };
  const checkRecord = (figure: string, a: Record<string, number>, b: Record<string, number>) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) check(`${figure}.${key}`, a[key] ?? 0, b[key] ?? 0);
  };
  checkRecord('organizationsByKind', source.organizationsByKind, statistics.organizationsByKind);
  if (counted.members) {
    check('members', source.members, statistics.members);
    checkRecord('membersByStage', source.membersByStage, statistics.membersByStage);
    checkRecord('membersByGender', source.membersByGender, statistics.membersByGender);
  }
  if (counted.activities) {
    check('activitiesHeld', source.activitiesHeld, statistics.activitiesHeld);
    checkRecord('activitiesByType', source.activitiesByType, statistics.activitiesByType);
    const rate = source.attendanceExpected > 0 ? source.attendancePresent / source.attendanceExpected : null;
    if (rate !== f.activities.attendanceRate && Math.abs((rate ?? -1) - (f.activities.attendanceRate ?? -1)) > 1e-9) {
      differences.push({
        organizationId: id,
        figure: 'attendanceRate',
        source: rate ?? NaN,
        statistics: f.activities.attendanceRate ?? NaN,
      });
    }
  }
  return differences;
}

/**
 * The figures whose rules are not a count: dues (the membership service's duesSummary) and
 * 三会一课 / 组织生活 (the activity service's complianceReport), each by its shared definition.
 */
function compareWithServices(id: string, service: ServiceFigures, f: Figures): Difference[] {
  const pairs: Array<[string, number | undefined, number]> = [
    ['dues.expectedFen', service.dues?.expectedFen, f.dues.expectedFen],
    ['dues.collectedFen', service.dues?.collectedFen, f.dues.collectedFen],
    ['dues.membersInArrears', service.dues?.membersInArrears, f.dues.membersInArrears],
    ['threeMeetingsOneLesson.required', service.threeMeetingsOneLesson?.required, f.activities.requiredMeetingsDue],
    ['threeMeetingsOneLesson.held', service.threeMeetingsOneLesson?.held, f.activities.requiredMeetingsHeld],
    ['organizationalLife.required', service.organizationalLife?.required, f.activities.organizationalLifeDue],
    ['organizationalLife.held', service.organizationalLife?.held, f.activities.organizationalLifeHeld],
  ];
  return pairs
    .filter(([, source, statistics]) => source !== undefined && source !== statistics)
    .map(([figure, source, statistics]) => ({ organizationId: id, figure, source: source!, statistics }));
}

/**
 * Compares every active organisation's figures in the statistics with the same figures counted
 * from the sources, its dues and compliance with what the membership and activity services
 * answer for it, and its assessment and pairing figures with those services' records and answers. Returns every difference (none when the statistics are exact).
 */
export async function reconcile(
  statistics: EntityManager,
  sources: SourceUrls,
  periodText: string,
  today: string,
): Promise<{ organizations: number; differences: Difference[] }> {
  const period = parsePeriod(periodText);
  const expected = await sourceFigures(sources, period);
  const ids = [...expected.keys()];
  const [actual, services] = await Promise.all([
    computeFigures(statistics, ids, period, today),
    serviceFigures(sources, ids, period, today),
  ]);
  const counted = ids.flatMap((id) => {
    const f = actual.get(id)!;
    return [
      ...compare(id, expected.get(id)!, comparable(f), f, {
        members: Boolean(sources.membership),
        activities: Boolean(sources.activity),
      }),
      ...compareWithServices(id, services.get(id)!, f),
    ];
  });
  const differences = [...counted, ...(await assessmentPairingDifferences(sources, ids, period, today, actual))];
  return { organizations: ids.length, differences };
}
