/**
 * The events of the pairing service (城乡统筹·结对共建) on topic `partybuild.pairing`, keyed by
 * the aggregate id (pair, service, wish, visit batch, problem…). They carry what statistics and
 * assessment count — organisations, types, dates, counts, funds — and never a resident's name
 * or contact (a micro-wish's resident stays in the pairing database, encrypted).
 */
export const PAIRING_TOPIC = 'partybuild.pairing';

export const PairingEventType = {
  PROFILE_SET: 'pairing.profile.set',
  CAPACITY_SET: 'pairing.capacity.set',
  PAIR_PROPOSED: 'pairing.pair.proposed',
  PAIR_ACTIVATED: 'pairing.pair.activated',
  PAIR_ENDED: 'pairing.pair.ended',
  MEMBER_PAIR_CREATED: 'pairing.member-pair.created',
  MEMBER_PAIR_ENDED: 'pairing.member-pair.ended',
  SERVICE_RECORDED: 'pairing.service.recorded',
  WISH_POSTED: 'pairing.wish.posted',
  WISH_CLAIMED: 'pairing.wish.claimed',
  WISH_FULFILLED: 'pairing.wish.fulfilled',
  WISH_EXPIRED: 'pairing.wish.expired',
  VISITS_RECORDED: 'pairing.visits.recorded',
  PROBLEM_COLLECTED: 'pairing.problem.collected',
  PROBLEM_RESOLVED: 'pairing.problem.resolved',
  PROBLEM_ESCALATED: 'pairing.problem.escalated',
  INSTRUCTOR_APPOINTED: 'pairing.instructor.appointed',
  INSTRUCTOR_VISITED: 'pairing.instructor.visited',
  COMMITTEE_CREATED: 'pairing.committee.created',
} as const;

/** 村（社区）结对档案: the village's type and size (no person). */
export interface VillageProfileData {
  organizationId: string;
  /** DISORDERLY, POOR, WEAK_ORGANIZATION, ORDINARY */
  villageType: string;
  facts: string[];
  population: number | null;
  households: number | null;
}

export interface CapacityData {
  organizationId: string;
  capacity: number;
}

/** 党建共建1+1: an organisation pair as of the event. */
export interface PairSnapshot {
  id: string;
  /** AGENCY_VILLAGE, STRONG_WEAK_BRANCH */
  kind: string;
  helperId: string;
  helpedId: string;
  /** PROPOSED, ACTIVE, ENDED */
  status: string;
  /** The matching rule that suggested it (`ECONOMIC→POOR`, `FALLBACK`), or null when made by hand. */
  rule: string | null;
  proposedOn: string;
  startsOn: string | null;
  termMonths: number;
  endsOn: string | null;
  endedOn: string | null;
}

export interface MemberPairSnapshot {
  id: string;
  agencyMemberId: string;
  ruralMemberId: string;
  pairId: string | null;
  startsOn: string;
  endsOn: string | null;
}

/** Schema version of `pairing.service.recorded`: 3 adds the members' ids; the other pairing types stay at 2. */
export const SERVICE_RECORDED_SCHEMA_VERSION = 3;

/** 送/带 服务: one service delivered under a pair. */
export interface ServiceSnapshot {
  id: string;
  pairId: string;
  helperId: string;
  helpedId: string;
  /** PARTY_LESSON, LEGAL, HEALTH, WARMTH, TECHNOLOGY, IDEAS, TEAM, PROJECT, SKILLS */
  type: string;
  deliveredOn: string;
  /** `YYYY-MM` of the day delivered. */
  period: string;
  beneficiaries: number;
  /** Yuan, two decimals. */
  funds: number;
  memberCount: number;
  /** Since schema version 3: the members who took part (ids only), credited in the pioneer index. */
  memberIds?: string[];
}

/** 微心愿 as of the event: never the resident's name or contact. */
export interface WishSnapshot {
  id: string;
  organizationId: string;
  /** OPEN, CLAIMED, FULFILLED, EXPIRED */
  status: string;
  postedOn: string;
  claimedBy: string | null;
  claimedOn: string | null;
  fulfilledOn: string | null;
}

/** 访千家进万户: a team's visits recorded in one call, counted. */
export interface VisitsRecordedData {
  batchId: string;
  organizationId: string;
  visits: number;
  households: number;
  firstDay: string;
  lastDay: string;
}

/** 有呼必应: a problem collected on a visit, as of the event. */
export interface ProblemSnapshot {
  id: string;
  organizationId: string;
  category: string;
  assigneeId: string;
  collectedOn: string;
  deadline: string;
  /** OPEN, RESOLVED, ESCALATED */
  status: string;
  resolvedOn: string | null;
  /** Days from collection to resolution, once resolved. */
  daysToResolve: number | null;
  escalatedTo: string | null;
}

/** 党建指导员: an agency member sent to an organisation for a term. */
export interface InstructorSnapshot {
  id: string;
  memberId: string;
  organizationId: string;
  startsOn: string;
  endsOn: string;
}

/** 指导员走访: one visit of an instructor, counted (the note stays in the pairing database). */
export interface InstructorVisitData {
  visitId: string;
  instructorId: string;
  organizationId: string;
  visitedOn: string;
}

/** 共建委员会 or 特色支部营: several organisations with a leader. */
export interface CommitteeSnapshot {
  id: string;
  /** JOINT_COMMITTEE, FEATURE_CAMP */
  kind: string;
  name: string;
  organizationIds: string[];
  leaderMemberId: string | null;
}
