import { registerEnumType } from 'type-graphql';
import { CommitteeRole, DepartmentCategory, OrganizationKind, OrganizationStatus, Sector } from '../domain/organization-kind';
import { TermStatus } from '../domain/committee-term';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '组织类别 — kind of Party organisation',
  valuesConfig: {
    WORKING_COMMITTEE: { description: '机关工委/党工委 — working committee' },
    PARTY_COMMITTEE: { description: '党委 — Party committee' },
    GENERAL_BRANCH: { description: '党总支 — general branch' },
    BRANCH: { description: '党支部 — branch' },
    JOINT_BRANCH: { description: '联合党支部 — joint branch of several small units' },
    TEMPORARY_ORGANIZATION: { description: '临时党组织 — temporary organisation, with an end date' },
    PARTY_GROUP: { description: '党小组 — Party group inside a branch' },
  },
});

registerEnumType(Sector, {
  name: 'Sector',
  description: '所属领域 — sector of the hosting unit',
  valuesConfig: {
    AGENCY: { description: '机关 — agency' },
    PUBLIC_INSTITUTION: { description: '事业单位 — public institution' },
    RURAL: { description: '农村 — rural village' },
    COMMUNITY: { description: '社区 — community' },
    ENTERPRISE: { description: '企业 — enterprise' },
    NEW_ECONOMIC_SOCIAL: { description: '两新组织 — new economic or social organisation' },
  },
});

registerEnumType(DepartmentCategory, {
  name: 'DepartmentCategory',
  description: '部门类别 — department category of an agency, used for urban–rural pairing',
  valuesConfig: {
    POLITICAL_LEGAL: { description: '综治部门 — political-legal' },
    ECONOMIC: { description: '经济部门 — economic' },
    PARTY_AND_MASS: { description: '党群部门 — Party-and-mass' },
    OTHER: { description: '其他 — other' },
  },
});

registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: '组织状态',
  valuesConfig: {
    ACTIVE: { description: '正常 — active' },
    DISSOLVED: { description: '已撤销 — dissolved (kept with its history)' },
  },
});

registerEnumType(CommitteeRole, {
  name: 'CommitteeRole',
  description: '委员职务 — role in a committee',
  valuesConfig: {
    SECRETARY: { description: '书记 — secretary' },
    DEPUTY_SECRETARY: { description: '副书记 — deputy secretary' },
    ORGANIZATION_MEMBER: { description: '组织委员 — organisation member' },
    PUBLICITY_MEMBER: { description: '宣传委员 — publicity member' },
    DISCIPLINE_MEMBER: { description: '纪检委员 — discipline inspection member' },
    YOUTH_MEMBER: { description: '青年委员 — youth member' },
    UNITED_FRONT_MEMBER: { description: '统战委员 — united front member' },
    MEMBER: { description: '委员 — committee member' },
  },
});

registerEnumType(TermStatus, {
  name: 'TermStatus',
  description: '换届状态 — where a committee stands in its term',
  valuesConfig: {
    IN_TERM: { description: '任期内 — in term' },
    DUE_SOON: { description: '即将到期 — election due soon' },
    OVERDUE: { description: '逾期未换届 — election overdue' },
    NO_TERM: { description: '未录入换届 — no elected committee recorded' },
  },
});
