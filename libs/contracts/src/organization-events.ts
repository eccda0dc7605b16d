/**
 * The events of the organisation service on topic `partybuild.organization`, keyed by the
 * organisation id. Producers and consumers share these types; the envelope is in @partybuild/events.
 */
export const ORGANIZATION_TOPIC = 'partybuild.organization';

export const OrganizationEventType = {
  CREATED: 'organization.created',
  UPDATED: 'organization.updated',
  MOVED: 'organization.moved',
  DISSOLVED: 'organization.dissolved',
  COMMITTEE_CHANGED: 'organization.committee-changed',
  ELECTION_RECORDED: 'organization.election-recorded',
} as const;

/** What every organisation event carries about the organisation (no personal data). */
export interface OrganizationSnapshot {
  id: string;
  code: string;
  name: string;
  /** WORKING_COMMITTEE, PARTY_COMMITTEE, GENERAL_BRANCH, BRANCH, JOINT_BRANCH, TEMPORARY_ORGANIZATION, PARTY_GROUP */
  kind: string;
  sector: string;
  departmentCategory: string | null;
  hostingUnit: string | null;
  staffCount: number | null;
  parentId: string | null;
  /** ACTIVE or DISSOLVED */
  status: string;
  endsOn: string | null;
  dissolvedOn: string | null;
  termStartedOn: string | null;
  termEndsOn: string | null;
}

export interface OrganizationEventData {
  organization: OrganizationSnapshot;
}

export interface OrganizationMovedData extends OrganizationEventData {
  fromParentId: string | null;
  toParentId: string;
  /** Ancestors (root first) before and after the move, without the organisation itself. */
  fromPath: string[];
  toPath: string[];
  descendantsMoved: number;
}

/** Kinds that hold members directly (a branch, a joint branch, a temporary organisation). */
export const BRANCH_LEVEL_KINDS = ['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_ORGANIZATION'] as const;
