import { badInput, defineErrors, sharedCode } from '@partybuild/errors';
export { DomainError, OutOfScopeError } from '@partybuild/errors';

/**
 * Every refusal of the organisation service, written once: the key is the stable
 * `extensions.code` (or, for entries sharing a code, `extensions.reason`); the Chinese message
 * names the rule and the limit, the English one is for callers who ask for it.
 */
export const OrganizationErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: (p: { reference: string }) => ({
    zh: `找不到党组织 ${p.reference}。`,
    en: `No organisation ${p.reference} exists.`,
  }),
  ORGANIZATION_CODE_TAKEN: (p: { orgCode: string }) => ({
    zh: `组织代码 ${p.orgCode} 已被其他党组织使用；组织代码不得重复使用。`,
    en: `The organisation code ${p.orgCode} is already used by another organisation; codes are never reused.`,
  }),
  PARENT_KIND_NOT_ALLOWED: (p: {
    kindZh: string;
    kindEn: string;
    parentName: string;
    parentKindZh: string;
    parentKindEn: string;
    optionsZh: string;
    optionsEn: string;
  }) => ({
    zh: `${p.kindZh}不能设在${p.parentName}（${p.parentKindZh}）之下；只能设在：${p.optionsZh}。`,
    en: `A ${p.kindEn} cannot be placed under ${p.parentName} (a ${p.parentKindEn}); it may be placed under: ${p.optionsEn}.`,
  }),
  ROOT_KIND_NOT_ALLOWED: sharedCode('PARENT_KIND_NOT_ALLOWED', (p: { kindZh: string; kindEn: string }) => ({
    zh: `${p.kindZh}须隶属于上级党组织；只有机关工委和党委可以作为最高一级。`,
    en: `A ${p.kindEn} must belong to a superior organisation; only working committees and Party committees stand at the top.`,
  })),
  MOVE_WOULD_CREATE_CYCLE: (p: { name: string; parentName: string }) => ({
    zh: `不能把${p.name}移到${p.parentName}之下：${p.parentName}本身属于${p.name}的下级。`,
    en: `${p.name} cannot be moved under ${p.parentName}: ${p.parentName} belongs to ${p.name}'s own subtree.`,
  }),
  ORGANIZATION_HAS_CHILDREN: (p: { name: string; children: number }) => ({
    zh: `${p.name}还有 ${p.children} 个下级党组织；须先将其转隶或撤销，才能撤销本组织。`,
    en: `${p.name} still has ${p.children} subordinate organisation(s); move or dissolve them before dissolving it.`,
  }),
  ORGANIZATION_HAS_MEMBERS: (p: { name: string; people: number }) => ({
    zh: `${p.name}还有 ${p.people} 名党员（含发展对象）的记录；须先转接组织关系，才能撤销本组织。`,
    en: `${p.name} still has ${p.people} member record(s); transfer them to another organisation before dissolving it.`,
  }),
  ORGANIZATION_DISSOLVED: (p: { name: string }) => ({
    zh: `${p.name}已撤销，不能再修改，也不能再设下级组织。`,
    en: `${p.name} has been dissolved; it can no longer be changed or receive subordinates.`,
  }),
  COMMITTEE_MEMBER_NOT_FOUND: (p: { reference: string }) => ({
    zh: `找不到委员任职记录 ${p.reference}。`,
    en: `No committee appointment ${p.reference} exists.`,
  }),
  ROOT_NEEDS_DISTRICT_ADMIN: sharedCode('FORBIDDEN', () => ({
    zh: '只有区级管理员可以新建最高一级党组织。',
    en: 'Only a district administrator may create a top-level organisation.',
  })),
  MANAGERS_ONLY: sharedCode('FORBIDDEN', () => ({
    zh: '只有区级管理员和党务干部可以修改党组织。',
    en: 'Only district administrators and party-affairs cadres may change organisations.',
  })),
  PARTY_GROUP_HAS_NO_COMMITTEE: sharedCode('RULE_VIOLATION', (p: { kindZh: string; kindEn: string }) => ({
    zh: `${p.kindZh}设组长，不选举委员会。`,
    en: `A ${p.kindEn} has a group leader, not an elected committee.`,
  })),
  ALREADY_UNDER_PARENT: badInput('newParentId', (p: { name: string; parentName: string }) => ({
    zh: `${p.name}已隶属于${p.parentName}。`,
    en: `${p.name} already belongs to ${p.parentName}.`,
  })),
  DATE_IN_FUTURE: badInput(null, (p: { what: string; whatEn: string; date: string; today: string }) => ({
    zh: `${p.what}（${p.date}）不能晚于今天（${p.today}）。`,
    en: `The ${p.whatEn} ${p.date} is in the future (today is ${p.today}).`,
  })),
  DEPARTMENT_CATEGORY_AGENCY_ONLY: badInput('departmentCategory', () => ({
    zh: '只有机关党组织才填写部门类别。',
    en: 'Only an agency (机关) organisation has a department category.',
  })),
  SEARCH_NAME_EMPTY: badInput('name', () => ({
    zh: '请输入要查找的党组织名称（可只输入一部分）。',
    en: 'Type part of the organisation name to search for.',
  })),
  WITHIN_DAYS_RANGE: badInput('withinDays', (p: { max: number }) => ({
    zh: `天数（withinDays）须为 0 至 ${p.max} 之间的整数。`,
    en: `withinDays must be a whole number of days between 0 and ${p.max}.`,
  })),
  TERM_STATUS_UNKNOWN: badInput('status', () => ({
    zh: '请选择查询即将到期（DUE_SOON）或已超期（OVERDUE）的届期。',
    en: 'Ask for DUE_SOON or OVERDUE terms.',
  })),
  UNDER_REQUIRED: badInput('under', () => ({
    zh: '请指定要检查其下属支部的党组织（under）。',
    en: 'Name the organisation whose branches to check.',
  })),
  ELECTION_WITHOUT_COMMITTEE: badInput('committee', () => ({
    zh: '换届选举至少须有当选的书记。',
    en: 'An election needs at least the elected secretary.',
  })),
  ELECTION_WITHOUT_SECRETARY: badInput('committee', () => ({
    zh: '当选的委员会中没有书记。',
    en: 'The elected committee has no secretary (书记).',
  })),
  VOTES_EXCEED_VOTERS: badInput('votesCast', (p: { votesCast: number; eligibleVoters: number }) => ({
    zh: `投票数 ${p.votesCast} 超过了有选举权的党员数 ${p.eligibleVoters}。`,
    en: `${p.votesCast} votes cast is more than the ${p.eligibleVoters} members entitled to vote.`,
  })),
  APPOINTMENT_ENDS_BEFORE_START: badInput('endedOn', (p: { termStart: string }) => ({
    zh: `该任职始于 ${p.termStart}，结束日期不能早于这一天。`,
    en: `The appointment started on ${p.termStart}; it cannot end before that.`,
  })),
  COMMITTEE_MEMBER_NAME: badInput('personName', (p: { max: number }) => ({
    zh: `请填写委员姓名（1 至 ${p.max} 个字）。`,
    en: `Give the committee member's name (1–${p.max} characters).`,
  })),
  NAME_EMPTY: badInput('name', () => ({
    zh: '党组织名称为空，请填写全称。',
    en: 'The organisation name is empty; please give its full name.',
  })),
  NAME_TOO_LONG: badInput('name', (p: { max: number; length: number }) => ({
    zh: `党组织名称最多 ${p.max} 个字，所填为 ${p.length} 个字，请缩短。`,
    en: `The organisation name is longer than ${p.max} characters (${p.length}); please shorten it.`,
  })),
  CODE_INVALID: badInput('code', (p: { orgCode: string }) => ({
    zh: `“${p.orgCode}”不是有效的组织代码：须为 1 至 32 位字母、数字、点、连字符或下划线，且以字母或数字开头。`,
    en: `"${p.orgCode}" is not a valid organisation code: use 1–32 letters, digits, dots, dashes or underscores.`,
  })),
  END_DATE_TEMPORARY_ONLY: badInput('endsOn', () => ({
    zh: '只有临时党组织才有结束日期。',
    en: 'Only a temporary organisation (临时党组织) has an end date.',
  })),
  END_DATE_REQUIRED: badInput('endsOn', () => ({
    zh: '临时党组织须填写任务结束日期。',
    en: 'A temporary organisation (临时党组织) needs the date its task ends.',
  })),
  END_DATE_PAST: badInput('endsOn', (p: { endsOn: string; today: string }) => ({
    zh: `结束日期 ${p.endsOn} 已经过去（今天是 ${p.today}）。`,
    en: `The end date ${p.endsOn} is already past (today is ${p.today}).`,
  })),
  COUNT_NOT_WHOLE: badInput(null, (p: { field: string }) => ({
    zh: `${p.field} 须为 0 或正整数。`,
    en: `${p.field} must be a whole number, 0 or more.`,
  })),
});

/** The stable codes, for tests and clients. */
export const OrganizationErrorCode = OrganizationErrors.codes;
