/** 发展阶段 — where a person stands in development. */
export enum DevelopmentStage {
  APPLICANT = 'APPLICANT',
  ACTIVIST = 'ACTIVIST',
  CANDIDATE = 'CANDIDATE',
  PROBATIONARY = 'PROBATIONARY',
  FULL = 'FULL',
}

/** 党员状态 — besides the stage. */
export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  TRANSFERRED_OUT = 'TRANSFERRED_OUT',
  LOST_CONTACT = 'LOST_CONTACT',
  FLOATING = 'FLOATING',
  DECEASED = 'DECEASED',
  EXPELLED = 'EXPELLED',
}

/** 人员类别 — decides the dues bracket. */
export enum MemberCategory {
  IN_SERVICE = 'IN_SERVICE',
  RETIRED = 'RETIRED',
  FARMER = 'FARMER',
  STUDENT = 'STUDENT',
  UNEMPLOYED = 'UNEMPLOYED',
  OTHER = 'OTHER',
}

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum TransferState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  /** Out of the district: recorded, nobody here accepts it. */
  LEFT_DISTRICT = 'LEFT_DISTRICT',
}

/** Stages whose people are Party members (and so pay dues and may be transferred as members). */
export const MEMBER_STAGES: readonly DevelopmentStage[] = [DevelopmentStage.PROBATIONARY, DevelopmentStage.FULL];
