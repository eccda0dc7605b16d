import { OrganizationKind } from './organization-kind';

const KIND_LABELS: Record<OrganizationKind, string> = {
  [OrganizationKind.WORKING_COMMITTEE]: 'working committee (机关工委)',
  [OrganizationKind.PARTY_COMMITTEE]: 'Party committee (党委)',
  [OrganizationKind.GENERAL_BRANCH]: 'general branch (党总支)',
  [OrganizationKind.BRANCH]: 'branch (党支部)',
  [OrganizationKind.JOINT_BRANCH]: 'joint branch (联合党支部)',
  [OrganizationKind.TEMPORARY_ORGANIZATION]: 'temporary organisation (临时党组织)',
  [OrganizationKind.PARTY_GROUP]: 'Party group (党小组)',
};

/** The kind as party-affairs workers call it, for messages. */
export const kindLabel = (kind: OrganizationKind): string => KIND_LABELS[kind];
