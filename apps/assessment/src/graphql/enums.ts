import { registerEnumType } from 'type-graphql';
import { Comparison, Phase, ScoringMethod } from '../domain/scheme';
import { FactKey } from '../domain/facts';
import { EntryKind } from '../domain/scoring';
import { AppraisalGrade, RoundGrade } from '../reference/assessment-rules';

registerEnumType(ScoringMethod, {
  name: 'ScoringMethod',
  description: '评分方式 — how a leaf indicator is scored',
  valuesConfig: {
    MANUAL: { description: '人工评分 — scored by a reviewer with evidence (self-assessment, year-end)' },
    DEDUCTION: { description: '抽查扣分 — the maximum less the spot-check deductions' },
    AUTOMATIC: { description: '自动计分 — from a fact the other services publish' },
  },
});

registerEnumType(Phase, {
  name: 'AssessmentPhase',
  description: '考核阶段',
  valuesConfig: {
    SELF_ASSESSMENT: { description: '单位自查 — self-assessment' },
    SPOT_CHECK: { description: '平时抽查 — spot checks during the year' },
    YEAR_END: { description: '年终考评 — year-end evaluation' },
    CLOSED: { description: '已结束 — closed, result frozen' },
  },
});

registerEnumType(FactKey, {
  name: 'AssessmentFact',
  description: '考核数据项 — a fact automatic indicators and veto conditions are judged on',
  valuesConfig: {
    MEETING_COMPLIANCE: { description: '三会一课落实率 (0–1)' },
    QUARTERS_WITHOUT_MEETINGS: { description: '未开展三会一课的季度数' },
    AVERAGE_ATTENDANCE: { description: '平均参会率 (0–1)' },
    DUES_ON_TIME: { description: '按时交纳党费比例 (0–1)' },
    MEMBERS_IN_ARREARS: { description: '欠缴党费党员数' },
    DEVELOPMENT_ON_TIME: { description: '预备党员按期转正比例 (0–1)' },
    ELECTION_ON_TIME: { description: '按期换届 (1 or 0)' },
    PAIRING_SERVICES: {
      description: '结对共建服务月度覆盖率 (0–1): months of the year with a pairing service delivered or received; no data without pairing facts',
    },
    MICRO_WISHES_FULFILLED: { description: '微心愿完成率 (0–1): wishes posted in the year and fulfilled; no data until one is posted' },
    PROBLEMS_RESOLVED: { description: '问题解决率 (0–1): problems collected in the year and resolved; no data until one is collected' },
    AVERAGE_DAYS_TO_RESOLVE: { description: '问题平均解决天数: of the problems resolved in the year; no data until one is resolved' },
  },
});

registerEnumType(Comparison, { name: 'Comparison', description: '比较方式 — greater/less than (or equal to) the threshold' });

registerEnumType(EntryKind, {
  name: 'ScoreEntryKind',
  valuesConfig: { SCORE: { description: '评分' }, DEDUCTION: { description: '扣分' } },
});

registerEnumType(RoundGrade, {
  name: 'AssessmentGrade',
  description: '考核等次',
  valuesConfig: {
    EXCELLENT: { description: '优秀' },
    GOOD: { description: '良好' },
    FAIR: { description: '一般' },
    POOR: { description: '较差' },
  },
});

registerEnumType(AppraisalGrade, {
  name: 'AppraisalGrade',
  description: '民主评议等次 — grade of a member’s appraisal',
  valuesConfig: {
    EXCELLENT: { description: '优秀 — excellent (capped share per branch)' },
    QUALIFIED: { description: '合格 — qualified' },
    BASICALLY_QUALIFIED: { description: '基本合格 — basically qualified' },
    UNQUALIFIED: { description: '不合格 — unqualified (starts a follow-up with a deadline)' },
  },
});
