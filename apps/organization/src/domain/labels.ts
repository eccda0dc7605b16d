import { OrganizationKind } from './organization-kind';

const KIND_LABELS: Record<OrganizationKind, { zh: string; en: string }> = {
  [OrganizationKind.WORKING_COMMITTEE]: { zh: '机关工委', en: 'working committee (机关工委)' },
  [OrganizationKind.PARTY_COMMITTEE]: { zh: '党委', en: 'Party committee (党委)' },
  [OrganizationKind.GENERAL_BRANCH]: { zh: '党总支', en: 'general branch (党总支)' },
  [OrganizationKind.BRANCH]: { zh: '党支部', en: 'branch (党支部)' },
  [OrganizationKind.JOINT_BRANCH]: { zh: '联合党支部', en: 'joint branch (联合党支部)' },
  [OrganizationKind.TEMPORARY_ORGANIZATION]: { zh: '临时党组织', en: 'temporary organisation (临时党组织)' },
  [OrganizationKind.PARTY_GROUP]: { zh: '党小组', en: 'Party group (党小组)' },
};

/** The kind as party-affairs workers call it, in the message's language. */
export const kindLabel = (kind: OrganizationKind, language: 'zh' | 'en' = 'en'): string => KIND_LABELS[kind][language];
