import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { OrgTree } from '@partybuild/org-tree';
import type { Figures } from '../figures/figures';

const COLUMNS: Array<[string, (f: Figures) => string | number]> = [
  ['members', (f) => f.members.total],
  ['new_members', (f) => f.members.newMembers],
  ['transfers_in', (f) => f.members.transfersIn],
  ['transfers_out', (f) => f.members.transfersOut],
  ['branches', (f) => f.branches.total],
  ['branches_under_3_full_members', (f) => f.branches.underThreeFullMembers],
  ['branches_over_50_members', (f) => f.branches.overFiftyMembers],
  ['elections_due', (f) => f.branches.electionsDue],
  ['elections_overdue', (f) => f.branches.electionsOverdue],
  ['activities_held', (f) => f.activities.held],
  ['three_meetings_one_lesson', (f) => f.activities.threeMeetingsOneLesson],
  ['attendance_rate', (f) => (f.activities.attendanceRate === null ? '' : f.activities.attendanceRate.toFixed(4))],
  ['compliance_rate', (f) => (f.activities.complianceRate === null ? '' : f.activities.complianceRate.toFixed(4))],
  ['dues_expected_fen', (f) => f.dues.expectedFen],
  ['dues_collected_fen', (f) => f.dues.collectedFen],
  ['members_in_arrears', (f) => f.dues.membersInArrears],
];

const quote = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** One row per organisation of the subtree (the root first), each with its rolled-up figures. */
export async function figuresCsv(manager: EntityManager, loader: DataLoader<string, Figures>, rootId: string): Promise<string> {
  const nodes = await new OrgTree(manager).activeWithin([rootId]);
  const figures = await loader.loadMany(nodes.map((n) => n.id));
  const header = ['period', 'organization_id', 'code', 'name', 'kind', ...COLUMNS.map(([name]) => name)].join(',');
  const rows = nodes.map((node, i) => {
    const f = figures[i] as Figures;
    return [f.period.label, node.id, node.code, node.name, node.kind, ...COLUMNS.map(([, value]) => value(f))].map(quote).join(',');
  });
  return `${[header, ...rows].join('\n')}\n`;
}
