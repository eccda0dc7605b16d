import { useMemo } from 'react';
import { count, yuan } from '../lib/format';
import { APPRAISAL_GRADES, SERVICE_TYPES, label } from '../lib/labels';
import { FigureChart } from './FigureChart';
import { Kpi } from './Kpi';

/** A count that may be withheld (too few people for this caller to see): null, shown as —. */
type Cell = { key: string; count: number | null };

export interface AssessmentFigures {
  year: number;
  rated: number;
  byScore: Cell[];
  byStars: Cell[];
  topTen: number;
  byAppraisal: Cell[];
  pioneerMembers: number;
  averagePioneerIndex: number | null;
  modelPostsConfirmed: number;
}

export interface PairingFigures {
  activePairs: number;
  services: number;
  servicesByType: Cell[];
  beneficiaries: number;
  fundsYuan: number;
  wishesPosted: number;
  wishesClaimed: number;
  wishesFulfilled: number;
  householdsVisited: number;
  problemsCollected: number;
  problemsResolved: number;
  problemsOverdue: number;
  averageDaysToResolve: number | null;
}

const one = (name: string, values: Array<number | null>) => [{ name, values }];

/** 考核评价 and 城乡结对共建 of the subtree: the stars and 十佳, appraisal, then the pairing work, each chart with its numbers. */
export function AssessmentPairingCharts({ a, p, file }: { a: AssessmentFigures; p: PairingFigures; file: (what: string) => string }) {
  const stars = useMemo(
    () =>
      one(
        '组织数',
        a.byStars.map((c) => c.count),
      ),
    [a],
  );
  const scores = useMemo(
    () =>
      one(
        '组织数',
        a.byScore.map((c) => c.count),
      ),
    [a],
  );
  const grades = useMemo(
    () =>
      one(
        '人数',
        a.byAppraisal.map((c) => c.count),
      ),
    [a],
  );
  const services = useMemo(
    () =>
      one(
        '次数',
        p.servicesByType.map((c) => c.count),
      ),
    [p],
  );
  const wishes = useMemo(() => one('个数', [p.wishesPosted, p.wishesClaimed, p.wishesFulfilled]), [p]);
  const problems = useMemo(() => one('件数', [p.problemsCollected, p.problemsResolved, p.problemsOverdue]), [p]);
  return (
    <>
      <h3 className="section-title">{a.year}年考核评价</h3>
      <dl className="kpis" aria-label="考核评价指标">
        <Kpi name="已评定组织" value={count(a.rated)} />
        <Kpi name="十佳基层党组织" value={count(a.topTen)} />
        <Kpi
          name="平均党员先锋指数"
          value={a.averagePioneerIndex === null ? '—' : a.averagePioneerIndex.toFixed(2)}
          hint={`${a.pioneerMembers} 名党员`}
        />
        <Kpi name="共产党员示范岗" value={count(a.modelPostsConfirmed)} />
      </dl>
      <div className="charts">
        <FigureChart
          title="评星定级（星级分布）"
          kind="bar"
          categories={a.byStars.map((c) => `${c.key}星`)}
          series={stars}
          fileName={file('评星定级')}
        />
        <FigureChart
          title="考核得分分布"
          kind="bar"
          categories={a.byScore.map((c) => `${c.key}分`)}
          series={scores}
          fileName={file('考核得分')}
        />
        <FigureChart
          title="民主评议党员"
          kind="bar"
          categories={a.byAppraisal.map((c) => label(APPRAISAL_GRADES, c.key))}
          series={grades}
          fileName={file('民主评议')}
        />
      </div>
      <h3 className="section-title">城乡结对共建</h3>
      <dl className="kpis" aria-label="结对共建指标">
        <Kpi name="结对数" value={count(p.activePairs)} />
        <Kpi name="服务次数" value={count(p.services)} hint={`受益 ${count(p.beneficiaries)} 人`} />
        <Kpi name="投入资金" value={yuan(Math.round(p.fundsYuan * 100))} />
        <Kpi name="走访户数" value={count(p.householdsVisited)} />
        <Kpi
          name="问题平均办结天数"
          value={p.averageDaysToResolve === null ? '—' : p.averageDaysToResolve.toFixed(1)}
          hint={`逾期 ${p.problemsOverdue} 件`}
        />
      </dl>
      <div className="charts">
        <FigureChart
          title="结对服务（按类型）"
          kind="bar"
          categories={p.servicesByType.map((c) => label(SERVICE_TYPES, c.key))}
          series={services}
          fileName={file('结对服务')}
        />
        <FigureChart title="微心愿" kind="bar" categories={['发布', '认领', '实现']} series={wishes} fileName={file('微心愿')} />
        <FigureChart
          title="有呼必应（问题）"
          kind="bar"
          categories={['收集', '解决', '逾期']}
          series={problems}
          fileName={file('有呼必应')}
        />
      </div>
    </>
  );
}
