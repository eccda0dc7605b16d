/** The kinds of Party organisation (docs/domain.md §1). */
export enum OrganizationKind {
  /** 机关工委 / 党工委 */
  WORKING_COMMITTEE = 'WORKING_COMMITTEE',
  /** 党委 (机关党委, 乡镇党委…) */
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  /** 党总支 */
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  /** 党支部 */
  BRANCH = 'BRANCH',
  /** 联合党支部 — several small units together */
  JOINT_BRANCH = 'JOINT_BRANCH',
  /** 临时党组织 — with an end date, e.g. an emergency task force */
  TEMPORARY_ORGANIZATION = 'TEMPORARY_ORGANIZATION',
  /** 党小组 — inside a branch */
  PARTY_GROUP = 'PARTY_GROUP',
}

/** Kinds that act as a branch: they hold members directly and may contain Party groups. */
export const BRANCH_LEVEL_KINDS: readonly OrganizationKind[] = [
  OrganizationKind.BRANCH,
  OrganizationKind.JOINT_BRANCH,
  OrganizationKind.TEMPORARY_ORGANIZATION,
];

/** The sector of the hosting unit. */
export enum Sector {
  /** 机关 */
  AGENCY = 'AGENCY',
  /** 事业单位 */
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  /** 农村 / 村 */
  RURAL = 'RURAL',
  /** 社区 */
  COMMUNITY = 'COMMUNITY',
  /** 企业 */
  ENTERPRISE = 'ENTERPRISE',
  /** 两新组织 */
  NEW_ECONOMIC_SOCIAL = 'NEW_ECONOMIC_SOCIAL',
}

/** Department category of an agency organisation, used by the pairing rules. */
export enum DepartmentCategory {
  /** 综治部门 */
  POLITICAL_LEGAL = 'POLITICAL_LEGAL',
  /** 经济部门 */
  ECONOMIC = 'ECONOMIC',
  /** 党群部门 */
  PARTY_AND_MASS = 'PARTY_AND_MASS',
  OTHER = 'OTHER',
}

export enum OrganizationStatus {
  ACTIVE = 'ACTIVE',
  /** 已撤销 — kept with its history, never deleted */
  DISSOLVED = 'DISSOLVED',
}

/** Roles in a committee (支委会/党委/总支委员会). */
export enum CommitteeRole {
  /** 书记 */
  SECRETARY = 'SECRETARY',
  /** 副书记 */
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  /** 组织委员 */
  ORGANIZATION_MEMBER = 'ORGANIZATION_MEMBER',
  /** 宣传委员 */
  PUBLICITY_MEMBER = 'PUBLICITY_MEMBER',
  /** 纪检委员 */
  DISCIPLINE_MEMBER = 'DISCIPLINE_MEMBER',
  /** 青年委员 */
  YOUTH_MEMBER = 'YOUTH_MEMBER',
  /** 统战委员 */
  UNITED_FRONT_MEMBER = 'UNITED_FRONT_MEMBER',
  /** 委员 */
  MEMBER = 'MEMBER',
}
