import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { CsvColumn, CsvHeaders, writeCsv } from '@partybuild/csv';
import { OrgTree } from '@partybuild/org-tree';
import type { Figures } from '../figures/figures';
import { STAR_KEYS } from '../figures/assessment-figures';

interface Row {
  node: { id: string; code: string; name: string; kind: string };
  f: Figures;
}

const rate = (value: number | null) => (value === null ? '' : value.toFixed(4));

/** The export's columns: English key, Chinese label, value. Organisation names pass through the formula guard of the writer. */
const COLUMNS: Array<CsvColumn<Row>> = [
  { key: 'period', zh: '统计期间', value: (r) => r.f.period.label },
  { key: 'organization_id', zh: '组织ID', value: (r) => r.node.id },
  { key: 'code', zh: '组织编码', value: (r) => r.node.code },
  { key: 'name', zh: '组织名称', value: (r) => r.node.name },
  { key: 'kind', zh: '组织类别', value: (r) => r.node.kind },
  { key: 'members', zh: '党员人数', value: (r) => r.f.members.total },
  { key: 'new_members', zh: '新发展党员', value: (r) => r.f.members.newMembers },
  { key: 'transfers_in', zh: '转入', value: (r) => r.f.members.transfersIn },
  { key: 'transfers_out', zh: '转出', value: (r) => r.f.members.transfersOut },
  { key: 'branches', zh: '党支部数', value: (r) => r.f.branches.total },
  { key: 'branches_under_3_full_members', zh: '正式党员不足3人的支部', value: (r) => r.f.branches.underThreeFullMembers },
  { key: 'branches_over_50_members', zh: '党员超过50人的支部', value: (r) => r.f.branches.overFiftyMembers },
  { key: 'elections_due', zh: '应换届', value: (r) => r.f.branches.electionsDue },
  { key: 'elections_overdue', zh: '逾期未换届', value: (r) => r.f.branches.electionsOverdue },
  { key: 'activities_held', zh: '开展活动次数', value: (r) => r.f.activities.held },
  { key: 'three_meetings_one_lesson', zh: '三会一课次数', value: (r) => r.f.activities.threeMeetingsOneLesson },
  { key: 'attendance_rate', zh: '参会率', value: (r) => rate(r.f.activities.attendanceRate) },
  { key: 'compliance_rate', zh: '三会一课落实率', value: (r) => rate(r.f.activities.complianceRate) },
  { key: 'dues_expected_fen', zh: '应交党费（分）', value: (r) => r.f.dues.expectedFen },
  { key: 'dues_collected_fen', zh: '实交党费（分）', value: (r) => r.f.dues.collectedFen },
  { key: 'members_in_arrears', zh: '欠交党费人数', value: (r) => r.f.dues.membersInArrears },
  { key: 'assessment_year', zh: '考核年度', value: (r) => r.f.assessment.year },
  { key: 'organizations_rated', zh: '已评定组织数', value: (r) => r.f.assessment.rated },
  ...STAR_KEYS.map((stars) => ({
    key: `stars_${stars}`,
    zh: `${stars}星组织数`,
    value: (r: Row) => r.f.assessment.byStars.find((c) => c.key === stars)?.count ?? 0,
  })),
  { key: 'top_ten', zh: '十佳基层党组织数', value: (r) => r.f.assessment.topTen },
  { key: 'average_pioneer_index', zh: '平均党员先锋指数', value: (r) => r.f.assessment.averagePioneerIndex ?? '' },
  { key: 'model_posts_confirmed', zh: '共产党员示范岗', value: (r) => r.f.assessment.modelPostsConfirmed },
  { key: 'active_pairs', zh: '结对数', value: (r) => r.f.pairing.activePairs },
  { key: 'pairing_services', zh: '结对服务次数', value: (r) => r.f.pairing.services },
  { key: 'pairing_beneficiaries', zh: '受益人数', value: (r) => r.f.pairing.beneficiaries },
  { key: 'pairing_funds_yuan', zh: '投入资金（元）', value: (r) => r.f.pairing.fundsYuan.toFixed(2) },
  { key: 'wishes_posted', zh: '微心愿发布', value: (r) => r.f.pairing.wishesPosted },
  { key: 'wishes_claimed', zh: '微心愿认领', value: (r) => r.f.pairing.wishesClaimed },
  { key: 'wishes_fulfilled', zh: '微心愿实现', value: (r) => r.f.pairing.wishesFulfilled },
  { key: 'households_visited', zh: '走访户数', value: (r) => r.f.pairing.householdsVisited },
  { key: 'problems_collected', zh: '收集问题', value: (r) => r.f.pairing.problemsCollected },
  { key: 'problems_resolved', zh: '解决问题', value: (r) => r.f.pairing.problemsResolved },
  { key: 'problems_overdue', zh: '逾期问题', value: (r) => r.f.pairing.problemsOverdue },
  { key: 'average_days_to_resolve', zh: '平均办结天数', value: (r) => r.f.pairing.averageDaysToResolve ?? '' },
];

/** One row per organisation of the subtree (the root first), each with its rolled-up figures. */
export async function figuresCsv(
  manager: EntityManager,
  loader: DataLoader<string, Figures>,
  rootId: string,
  headers: CsvHeaders = CsvHeaders.ENGLISH,
): Promise<string> {
  const nodes = await new OrgTree(manager).activeWithin([rootId]);
  const figures = await loader.loadMany(nodes.map((n) => n.id));
  return writeCsv(
    COLUMNS,
    nodes.map((node, i) => ({ node, f: figures[i] as Figures })),
    headers,
  );
}
