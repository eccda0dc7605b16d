import { registerEnumType } from 'type-graphql';
import { PairKind, PairStatus, VillageType } from '../domain/kinds';

registerEnumType(VillageType, {
  name: 'VillageType',
  description: '村（社区）类型 — why a village or community needs a partner',
  valuesConfig: {
    DISORDERLY: { description: '乱村 — disorderly' },
    POOR: { description: '穷村 — poor' },
    WEAK_ORGANIZATION: { description: '弱村 — weak Party organisation' },
    ORDINARY: { description: '一般 — ordinary, no partner needed' },
  },
});

registerEnumType(PairKind, {
  name: 'PairKind',
  description: '结对类型',
  valuesConfig: {
    AGENCY_VILLAGE: { description: '机关 ↔ 村（社区） — agency with a village or community' },
    STRONG_WEAK_BRANCH: { description: '强支部 ↔ 弱支部 — strong branch with a weak branch' },
  },
});

registerEnumType(PairStatus, {
  name: 'PairStatus',
  description: '结对状态 (拟结对 → 结对中 → 已结束)',
  valuesConfig: {
    PROPOSED: { description: '拟结对 — proposed' },
    ACTIVE: { description: '结对中 — active' },
    ENDED: { description: '已结束 — ended' },
  },
});
