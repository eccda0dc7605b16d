import { useMemo, useState } from 'react';
import { Field } from '../components/Field';
import { AssessmentPairingCharts, type AssessmentFigures, type PairingFigures } from '../components/AssessmentPairingCharts';
import { FigureChart } from '../components/FigureChart';
import { Kpi } from '../components/Kpi';
import { ErrorNotice, Loading } from '../components/Notice';
import type { OrgRef } from '../components/OrgTree';
import { count, percent, today, yuan } from '../lib/format';
import { ACTIVITY_TYPES, STAGES, label } from '../lib/labels';
import { STATISTICS, quarterlyCompliance } from '../lib/queries';
import { useQuery } from '../lib/use-query';

interface Figures {
  /** A withheld cell (too few people for this caller to see) has count null: shown as —, never as 0. */
  members: { total: number; newMembers: number; byStage: Array<{ key: string; count: number | null }> };
  branches: { total: number; underThreeFullMembers: number; overFiftyMembers: number; electionsDue: number; electionsOverdue: number };
  activities: {
    held: number;
    attendanceRate: number | null;
    complianceRate: number | null;
    requiredMeetingsDue: number;
    requiredMeetingsHeld: number;
    byType: Array<{ key: string; count: number }>;
    byMonth: Array<{ key: string; count: number }>;
  };
  dues: { expectedFen: number; collectedFen: number; membersInArrears: number };
  assessment: AssessmentFigures;
  pairing: PairingFigures;
}

type Quarterly = Record<string, { activities: { complianceRate: number | null } }>;

const STAGE_ORDER = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];

/** 驾驶舱: the figures of one organisation and its whole subtree, from the statistics service. */
export function Dashboard({ org }: { org: OrgRef }) {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const figures = useQuery<{ organization: { statistics: Figures } }>(STATISTICS, { id: org.id, period: String(year) });
  const months = useMemo(() => {
    const last = year < thisYear ? 12 : Number(today().slice(5, 7));
    return Array.from({ length: last }, (_, i) => String(i + 1).padStart(2, '0'));
  }, [year, thisYear]);
  const quarters = Math.ceil(months.length / 3);
  const quarterly = useQuery<{ organization: Quarterly }>(quarterlyCompliance(year, quarters), { id: org.id });
  const s = figures.data?.organization.statistics;

  const complianceSeries = useMemo(
    () => [
      {
        name: '三会一课落实率（%）',
        values: Array.from({ length: quarters }, (_, i) => rateValue(quarterly.data?.organization[`q${i + 1}`]?.activities.complianceRate)),
      },
    ],
    [quarterly.data, quarters],
  );
  const monthSeries = useMemo(
    () => [{ name: '开展次数', values: months.map((m) => s?.activities.byMonth.find((b) => b.key === `${year}-${m}`)?.count ?? 0) }],
    [s, months, year],
  );
  const stageSeries = useMemo(
    () => [
      {
        name: '人数',
        values: STAGE_ORDER.map((k) => {
          const cell = s?.members.byStage.find((b) => b.key === k);
          return cell === undefined ? 0 : cell.count;
        }),
      },
    ],
    [s],
  );
  const typeKeys = useMemo(() => s?.activities.byType.map((b) => b.key) ?? [], [s]);
  const typeSeries = useMemo(() => [{ name: '次数', values: s?.activities.byType.map((b) => b.count) ?? [] }], [s]);
  const duesSeries = useMemo(
    () => [
      { name: '应收（元）', values: [s ? s.dues.expectedFen / 100 : 0] },
      { name: '实收（元）', values: [s ? s.dues.collectedFen / 100 : 0] },
    ],
    [s],
  );

  return (
    <div className="page">
      <header className="page-head">
        <h2>{org.name} · 驾驶舱</h2>
        <Field label="年度">
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </Field>
      </header>
      <ErrorNotice error={figures.error ?? quarterly.error} />
      {figures.loading && !s ? <Loading what="统计数据" /> : null}
      {s ? (
        <>
          <dl className="kpis" aria-label="主要指标">
            <Kpi name="党员和发展对象总数" value={count(s.members.total)} />
            <Kpi name={`${year}年新发展党员`} value={count(s.members.newMembers)} />
            <Kpi
              name="三会一课落实率"
              value={percent(s.activities.complianceRate)}
              hint={`应开 ${s.activities.requiredMeetingsDue} 次，已开 ${s.activities.requiredMeetingsHeld} 次`}
            />
            <Kpi name="组织生活开展次数" value={count(s.activities.held)} hint={`平均出勤率 ${percent(s.activities.attendanceRate)}`} />
            <Kpi
              name="党费实收 / 应收"
              value={`${yuan(s.dues.collectedFen)} / ${yuan(s.dues.expectedFen)}`}
              hint={`欠缴 ${s.dues.membersInArrears} 人`}
            />
            <Kpi
              name="党员不足3人的支部"
              value={count(s.branches.underThreeFullMembers)}
              hint={`超过50人 ${s.branches.overFiftyMembers} 个`}
            />
            <Kpi name="换届到期 / 逾期" value={`${s.branches.electionsDue} / ${s.branches.electionsOverdue}`} />
          </dl>
          <div className="charts">
            <FigureChart
              title="三会一课落实率（按季度）"
              kind="bar"
              categories={['第一季度', '第二季度', '第三季度', '第四季度'].slice(0, quarters)}
              series={complianceSeries}
              format={(v) => `${v.toFixed(1)}%`}
              fileName={`三会一课落实率-${org.code ?? org.id}-${year}`}
            />
            <FigureChart
              title="组织生活开展次数（按月）"
              kind="line"
              categories={months.map((m) => `${Number(m)}月`)}
              series={monthSeries}
              fileName={`组织生活按月-${org.code ?? org.id}-${year}`}
            />
            <FigureChart
              title="党员发展阶段"
              kind="bar"
              categories={STAGE_ORDER.map((k) => label(STAGES, k))}
              series={stageSeries}
              fileName={`党员发展阶段-${org.code ?? org.id}-${year}`}
            />
            <FigureChart
              title="组织生活开展情况（按类型）"
              kind="bar"
              categories={typeKeys.map((k) => label(ACTIVITY_TYPES, k))}
              series={typeSeries}
              fileName={`组织生活-${org.code ?? org.id}-${year}`}
            />
            <FigureChart
              title="党费应收与实收"
              kind="bar"
              categories={[`${year}年`]}
              series={duesSeries}
              fileName={`党费-${org.code ?? org.id}-${year}`}
            />
          </div>
          <AssessmentPairingCharts a={s.assessment} p={s.pairing} file={(what) => `${what}-${org.code ?? org.id}-${year}`} />
        </>
      ) : null}
    </div>
  );
}

const rateValue = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
