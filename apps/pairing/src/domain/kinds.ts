/** 村（社区）类型 — why a village or community needs a partner. */
export enum VillageType {
  /** 乱村 — disorderly: public order and disputes */
  DISORDERLY = 'DISORDERLY',
  /** 穷村 — poor: collective income and livelihoods */
  POOR = 'POOR',
  /** 弱村 — weak Party organisation */
  WEAK_ORGANIZATION = 'WEAK_ORGANIZATION',
  /** 一般 — ordinary: no partner needed */
  ORDINARY = 'ORDINARY',
}

/** Department category of an agency organisation (on the organisation, from its events). */
export enum DepartmentCategory {
  /** 综治部门 */
  POLITICAL_LEGAL = 'POLITICAL_LEGAL',
  /** 经济部门 */
  ECONOMIC = 'ECONOMIC',
  /** 党群部门 */
  PARTY_AND_MASS = 'PARTY_AND_MASS',
  OTHER = 'OTHER',
}

/** 结对类型 */
export enum PairKind {
  /** 机关 ↔ 村（社区） — agency with a village or community */
  AGENCY_VILLAGE = 'AGENCY_VILLAGE',
  /** 强支部 ↔ 弱支部 — a strong branch with a weak one */
  STRONG_WEAK_BRANCH = 'STRONG_WEAK_BRANCH',
}

export enum PairStatus {
  /** 拟结对 — proposed, not yet in force */
  PROPOSED = 'PROPOSED',
  /** 结对中 — active */
  ACTIVE = 'ACTIVE',
  /** 已结束 — ended */
  ENDED = 'ENDED',
}

/** Sectors whose organisations are the helped side of an agency pair. */
export const VILLAGE_SECTORS = ['RURAL', 'COMMUNITY'] as const;
/** Sectors whose organisations are the helping side of an agency pair. */
export const AGENCY_SECTORS = ['AGENCY', 'PUBLIC_INSTITUTION'] as const;

export const isVillageSector = (sector: string) => (VILLAGE_SECTORS as readonly string[]).includes(sector);
export const isAgencySector = (sector: string) => (AGENCY_SECTORS as readonly string[]).includes(sector);
