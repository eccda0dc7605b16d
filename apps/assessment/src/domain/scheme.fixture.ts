import { IndicatorInput, ScoringMethod } from './scheme';

/** A small scheme of every method, for the specs. */
export const sampleScheme = (): IndicatorInput[] => [
  {
    name: '组织建设',
    maxScore: 60,
    children: [
      { name: '三会一课', maxScore: 30, method: ScoringMethod.AUTOMATIC, fact: 'MEETING_COMPLIANCE' },
      { name: '党费收缴', maxScore: 10, method: ScoringMethod.AUTOMATIC, fact: 'MEMBERS_IN_ARREARS', deductionPerOccurrence: 2 },
      { name: '平时抽查', maxScore: 20, method: ScoringMethod.DEDUCTION },
    ],
  },
  { name: '思想建设', maxScore: 30, method: ScoringMethod.MANUAL },
  { name: '党建+业务融合', maxScore: 10, method: ScoringMethod.AUTOMATIC, fact: 'PAIRING_SERVICES' },
];
