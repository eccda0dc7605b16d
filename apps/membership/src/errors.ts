import { badInput, defineErrors, sharedCode } from '@partybuild/errors';
export { DomainError, OutOfScopeError } from '@partybuild/errors';

/**
 * Every refusal of the membership service, written once: the key is the stable
 * `extensions.code` (or, for entries sharing a code, `extensions.reason`); the Chinese message
 * names the rule and the limit, the English one is for callers who ask for it. Development
 * refusals also carry `extensions.rule` (and `possibleFrom` when it is a matter of time).
 */
export const MembershipErrors = defineErrors({
  MEMBER_NOT_FOUND: (p: { reference: string }) => ({
    zh: `找不到人员记录 ${p.reference}。`,
    en: `No member record ${p.reference} exists.`,
  }),
  MEMBER_NOT_FOUND_BY_ID_NUMBER: sharedCode('MEMBER_NOT_FOUND', () => ({
    zh: '在您负责的范围内找不到这个身份证号的人员记录。',
    en: 'No member record with this ID number exists within your organisations.',
  })),
  ORGANIZATION_UNKNOWN: (p: { reference: string }) => ({
    zh: `党员管理中没有党组织 ${p.reference}（新建的党组织可能需要片刻才能同步过来）。`,
    en: `No organisation ${p.reference} is known to the membership service (a new one may take a moment to arrive).`,
  }),
  ORGANIZATION_NOT_BRANCH_LEVEL: (p: { name: string }) => ({
    zh: `${p.name}不是党支部（党支部、联合党支部或临时党支部）；党员须编入党支部。`,
    en: `${p.name} is not a branch (党支部, 联合党支部 or 临时党支部); members belong to a branch.`,
  }),
  ID_NUMBER_INVALID: (p: { reasonZh: string; reasonEn: string }) => ({
    zh: `身份证号无效：${p.reasonZh}`,
    en: `The ID number (身份证号) is not valid: ${p.reasonEn}`,
  }),
  ID_NUMBER_TAKEN: () => ({
    zh: '已有使用该身份证号的人员记录，同一人不能重复登记。',
    en: 'A member record with this ID number (身份证号) already exists.',
  }),
  ID_NUMBER_TWICE_IN_FILE: sharedCode('ID_NUMBER_TAKEN', (p: { firstRow: number }) => ({
    zh: `同一身份证号已出现在本文件第 ${p.firstRow} 行。`,
    en: `The same ID number (身份证号) is already on row ${p.firstRow} of this file.`,
  })),
  // Development (发展党员): order, time limits and votes.
  STEP_OUT_OF_ORDER: (p: { ordinal: number; label: string; expectedZh: string; expectedEn: string }) => ({
    zh: `现在不能登记第 ${p.ordinal} 步（${p.label}）：下一步应为 ${p.expectedZh}。`,
    en: `Step ${p.ordinal} (${p.label}) cannot be recorded now: the next step is ${p.expectedEn}.`,
  }),
  STEP_BEFORE_PREVIOUS: sharedCode('STEP_TOO_EARLY', (p: { ordinal: number; previousOn: string; possibleFrom: string }) => ({
    zh: `第 ${p.ordinal} 步的日期不能早于上一步（${p.previousOn}）；最早可登记为 ${p.possibleFrom}。`,
    en: `Step ${p.ordinal} cannot be dated before the previous step (${p.previousOn}). It becomes possible on ${p.possibleFrom}.`,
  })),
  MINIMUM_AGE: sharedCode('STEP_TOO_EARLY', (p: { minAge: number; possibleFrom: string }) => ({
    zh: `递交入党申请书之日须年满 ${p.minAge} 周岁；最早可在 ${p.possibleFrom} 申请。`,
    en: `An applicant must be at least ${p.minAge} years old on the day of the application. It becomes possible on ${p.possibleFrom}.`,
  })),
  ACTIVIST_ONE_YEAR: sharedCode('STEP_TOO_EARLY', (p: { years: number; activistSince: string; possibleFrom: string }) => ({
    zh: `入党积极分子须经过 ${p.years} 年以上培养教育才能列为发展对象（${p.activistSince} 起为积极分子）；最早可在 ${p.possibleFrom} 确定。`,
    en: `A candidate must have been an activist for at least ${p.years} year(s) (activist since ${p.activistSince}). It becomes possible on ${p.possibleFrom}.`,
  })),
  PUBLIC_NOTICE_DAYS: sharedCode('STEP_TOO_EARLY', (p: { start: string; workingDays: number; possibleFrom: string }) => ({
    zh: `公示自 ${p.start} 开始，须满 ${p.workingDays} 个工作日后才能报上级党委预审；最早可在 ${p.possibleFrom} 预审。`,
    en: `The public notice (公示) started on ${p.start} must run at least ${p.workingDays} working days before the superior's pre-review. It becomes possible on ${p.possibleFrom}.`,
  })),
  PROBATION_NOT_OVER: sharedCode('STEP_TOO_EARLY', (p: { possibleFrom: string }) => ({
    zh: `预备期到 ${p.possibleFrom} 期满，转正讨论须在期满之后进行。`,
    en: `The probation (预备期) lasts until ${p.possibleFrom}; the conversion vote comes after it. It becomes possible on ${p.possibleFrom}.`,
  })),
  RECORD_NOT_ACTIVE: sharedCode('STEP_RULE_VIOLATION', (p: { status: string; statusZh: string }) => ({
    zh: `该记录状态为“${p.statusZh}”；只有状态正常（或流动）的记录才能登记发展步骤。`,
    en: `The record's status is ${p.status}; development steps are recorded only for active records.`,
  })),
  PEOPLE_NAMED_TWICE: sharedCode('STEP_RULE_VIOLATION', (p: { roleZh: string; roleEn: string }) => ({
    zh: `${p.roleZh}中有同一人被重复填写。`,
    en: `The same person is named twice among the ${p.roleEn}.`,
  })),
  PEOPLE_INCLUDE_SELF: sharedCode('STEP_RULE_VIOLATION', (p: { roleZh: string; roleEn: string }) => ({
    zh: `本人不能担任自己的${p.roleZh}。`,
    en: `A person cannot be among their own ${p.roleEn}.`,
  })),
  PEOPLE_NOT_FULL_MEMBERS: sharedCode('STEP_RULE_VIOLATION', (p: { roleZh: string; roleEn: string; reference: string }) => ({
    zh: `${p.roleZh}须为状态正常的正式党员；${p.reference} 不是。`,
    en: `The ${p.roleEn} must be active full members (正式党员); ${p.reference} is not.`,
  })),
  VOTE_WITHOUT_QUORUM: (p: { present: number; eligibleVoters: number }) => ({
    zh: `表决无效：有表决权的党员 ${p.eligibleVoters} 名，实到 ${p.present} 名；须超过应到会人数的一半。`,
    en: `The vote is not valid: ${p.present} of ${p.eligibleVoters} members with voting rights attended; more than half must attend.`,
  }),
  VOTE_NOT_PASSED: (p: { votesFor: number; eligibleVoters: number }) => ({
    zh: `未通过：赞成 ${p.votesFor} 票，须超过全部 ${p.eligibleVoters} 名有表决权党员的一半。`,
    en: `Not passed: ${p.votesFor} voted for, but more than half of all ${p.eligibleVoters} members with voting rights must vote for.`,
  }),
  TALK_DEADLINE: sharedCode('STEP_RULE_VIOLATION', (p: { months: number; appliedOn: string; deadline: string }) => ({
    zh: `党组织须在收到入党申请书后 ${p.months} 个月内派人谈话（申请日 ${p.appliedOn}，即最迟 ${p.deadline}）。`,
    en: `The organisation must talk with the applicant within ${p.months} month(s) of the application (${p.appliedOn}), that is by ${p.deadline}.`,
  })),
  CONTACTS_COUNT: sharedCode('STEP_RULE_VIOLATION', (p: { min: number; max: number; given: number }) => ({
    zh: `须指定 ${p.min} 至 ${p.max} 名正式党员作培养联系人；本次填写 ${p.given} 名。`,
    en: `Assign ${p.min}–${p.max} full members as contacts (培养联系人); ${p.given} given.`,
  })),
  INTRODUCERS_COUNT: sharedCode('STEP_RULE_VIOLATION', (p: { required: number; given: number }) => ({
    zh: `发展对象须有 ${p.required} 名入党介绍人；本次填写 ${p.given} 名。`,
    en: `A candidate needs ${p.required} introducers (入党介绍人); ${p.given} given.`,
  })),
  TRAINING_MINIMUM: sharedCode('STEP_RULE_VIOLATION', (p: { minDays: number; minHours: number; days: number; hours: number }) => ({
    zh: `集中培训须不少于 ${p.minDays} 天或 ${p.minHours} 个学时；登记为 ${p.days} 天 / ${p.hours} 学时。`,
    en: `Concentrated training must last at least ${p.minDays} days or ${p.minHours} class hours; ${p.days} days / ${p.hours} hours recorded.`,
  })),
  EXTENSION_NOT_IN_PROBATION: sharedCode('STEP_RULE_VIOLATION', () => ({
    zh: '只有尚未进行转正表决的预备党员才能延长预备期。',
    en: 'Only a probationary member not yet voted on can have the probation extended.',
  })),
  EXTENSION_TIMES: sharedCode('STEP_RULE_VIOLATION', (p: { times: number }) => ({
    zh: `预备期最多只能延长 ${p.times} 次。`,
    en: `The probation may be extended only ${p.times === 1 ? 'once' : `${p.times} times`}.`,
  })),
  EXTENSION_LENGTH: sharedCode('STEP_RULE_VIOLATION', (p: { min: number; max: number; given: number }) => ({
    zh: `延长预备期须为 ${p.min}–${p.max} 个月；本次填写 ${p.given} 个月。`,
    en: `An extension lasts ${p.min}–${p.max} months; ${p.given} given.`,
  })),
  CANCEL_NOT_PROBATIONARY: sharedCode('STEP_RULE_VIOLATION', (p: { stage: string; stageZh: string }) => ({
    zh: `只能取消预备党员的资格；该记录为“${p.stageZh}”。`,
    en: `Only a probationary member's qualification can be cancelled; this record is ${p.stage}.`,
  })),
  STEP_IS_DECISION: badInput('step', (p: { step: string }) => ({
    zh: `${p.step} 是有专门操作的决定，不是发展步骤。`,
    en: `${p.step} is a decision with its own mutation, not a development step.`,
  })),
  VOTE_REQUIRED: badInput('vote', (p: { voteZh: string; voteEn: string }) => ({
    zh: `${p.voteZh}须填写表决情况：有表决权的党员数、实到人数、赞成票数。`,
    en: `${p.voteEn} needs the vote: members with voting rights, present, votes for.`,
  })),
  NOTICE_BEFORE_REVIEW: badInput('noticeStartsOn', (p: { reviewOn: string }) => ({
    zh: `公示在支委会审查（${p.reviewOn}）之后进行，开始日期不能早于审查日期。`,
    en: `The public notice follows the committee review (${p.reviewOn}); it cannot start before it.`,
  })),
  BEFORE_PROBATION_START: badInput('on', (p: { joinedOn: string }) => ({
    zh: `预备期自 ${p.joinedOn} 开始，日期不能早于这一天。`,
    en: `The probation started on ${p.joinedOn}.`,
  })),
  VOTE_NOT_WHOLE: badInput('vote', () => ({
    zh: '表决人数须为整数。',
    en: 'Vote counts are whole numbers of people.',
  })),
  VOTE_NO_VOTERS: badInput('vote.eligibleVoters', () => ({
    zh: '表决至少须有 1 名有表决权的党员。',
    en: 'A vote needs at least one member with voting rights.',
  })),
  VOTE_PRESENT_EXCEEDS: badInput('vote.present', (p: { present: number; eligibleVoters: number }) => ({
    zh: `实到 ${p.present} 人，超过了有表决权的党员数 ${p.eligibleVoters}。`,
    en: `${p.present} present is more than the ${p.eligibleVoters} members with voting rights.`,
  })),
  VOTE_FOR_EXCEEDS: badInput('vote.votesFor', (p: { votesFor: number; present: number }) => ({
    zh: `赞成 ${p.votesFor} 票，超过了实到人数 ${p.present}。`,
    en: `${p.votesFor} votes for is more than the ${p.present} present.`,
  })),
  // Transfers (组织关系转接).
  NOT_A_MEMBER: (p: { stage: string; stageZh: string }) => ({
    zh: `只有预备党员和正式党员才能转接组织关系、交纳党费；该记录为“${p.stageZh}”。`,
    en: `Only probationary and full members transfer their Party relationship or pay dues; this record is at stage ${p.stage}.`,
  }),
  NOT_AN_ACTIVE_MEMBER: sharedCode('NOT_A_MEMBER', (p: { status: string; statusZh: string }) => ({
    zh: `该记录状态为“${p.statusZh}”，不能办理。`,
    en: `The record's status is ${p.status}; it cannot be transferred or pay dues.`,
  })),
  TRANSFER_ALREADY_PENDING: (p: { issuedOn: string; expiresOn: string; transferId: string }) => ({
    zh: `已有一份 ${p.issuedOn} 开出的介绍信尚待接收（有效期至 ${p.expiresOn}）。`,
    en: `A transfer issued on ${p.issuedOn} is still pending (valid until ${p.expiresOn}).`,
  }),
  TRANSFER_TARGET_NOT_BRANCH: (p: { name: string; toOrganizationId: string }) => ({
    zh: `${p.name}不能接收党员：只有现存的党支部（党支部、联合党支部、临时党支部）可以接收。`,
    en: `${p.name} cannot receive members: only an active branch (党支部, 联合党支部, 临时党支部) can.`,
  }),
  TRANSFER_TO_SAME_BRANCH: (p: { name: string }) => ({
    zh: `该党员已在${p.name}。`,
    en: `The member already belongs to ${p.name}.`,
  }),
  TRANSFER_NOT_FOUND: (p: { reference: string }) => ({
    zh: `找不到组织关系转接记录 ${p.reference}。`,
    en: `No transfer ${p.reference} exists.`,
  }),
  TRANSFER_NOT_PENDING: (p: { state: string; stateZh: string }) => ({
    zh: `该转接当前为“${p.stateZh}”，不能再接收或退回。`,
    en: `The transfer is already ${p.state.toLowerCase()}.`,
  }),
  TRANSFER_OUT_OF_DISTRICT: sharedCode('TRANSFER_NOT_PENDING', () => ({
    zh: '转出本区的组织关系不在本系统接收。',
    en: 'A transfer out of the district is not accepted here.',
  })),
  TRANSFER_EXPIRED: (p: { expiresOn: string }) => ({
    zh: `介绍信已于 ${p.expiresOn} 过期；须由转出党支部重新开具。`,
    en: `The transfer letter expired on ${p.expiresOn}; the sending branch must issue a new one.`,
  }),
  DESTINATION_REQUIRED: badInput('destination', () => ({
    zh: '转出本区须填写去向（接收党组织名称）。',
    en: 'A transfer out of the district names where to (the receiving organisation).',
  })),
  REJECTION_REASON_REQUIRED: badInput('reason', () => ({
    zh: '请填写退回转接的理由。',
    en: 'Say why the transfer is rejected.',
  })),
  // Dues (党费).
  DUES_ALREADY_PAID: (p: { months: string }) => ({
    zh: `${p.months} 的党费已交纳，不能重复交纳。`,
    en: `Dues for ${p.months} are already paid.`,
  }),
  DUES_MONTHS_REQUIRED: badInput('months', () => ({
    zh: '请填写本次交纳的月份（YYYY-MM）。',
    en: 'Name the month(s) the payment covers (YYYY-MM).',
  })),
  NOT_A_MONTH: badInput(null, (p: { value: string }) => ({
    zh: `“${p.value}”不是月份，请按 YYYY-MM 填写，如 2026-07。`,
    en: `"${p.value}" is not a month; write it as YYYY-MM.`,
  })),
  DUES_TOO_FAR_AHEAD: badInput('months', (p: { maxMonthsAhead: number; latest: string }) => ({
    zh: `党费最多可预交 ${p.maxMonthsAhead} 个月（至 ${p.latest}）。`,
    en: `Dues may be paid at most ${p.maxMonthsAhead} months ahead (up to ${p.latest}).`,
  })),
  DUES_BEFORE_START: badInput('months', (p: { startMonth: string; month: string }) => ({
    zh: `该党员自 ${p.startMonth} 起计交党费；${p.month} 在此之前。`,
    en: `Dues for this member are counted from ${p.startMonth}; ${p.month} is before that.`,
  })),
  DUES_AMOUNT_WRONG: badInput('amountFen', (p: { months: number; due: string; monthly: string; given: string }) => ({
    zh: `${p.months} 个月应交党费 ${p.due} 元（每月 ${p.monthly} 元），所填为 ${p.given} 元。`,
    en: `The due for ${p.months} month(s) is ${p.due} yuan (${p.monthly} a month); ${p.given} given.`,
  })),
  DUES_BASE_NEGATIVE: badInput('duesBase', () => ({
    zh: '申报的党费计算基数须为不小于 0 的金额。',
    en: 'The declared dues base is an amount of at least 0.',
  })),
  DUES_BASE_NOT_AMOUNT: badInput('duesBase', (p: { value: string }) => ({
    zh: `“${p.value}”不是以元为单位的金额（如 5230.50）。`,
    en: `"${p.value}" is not an amount in yuan (e.g. 5230.50).`,
  })),
  FARMER_DUES_RANGE: badInput('duesBase', (p: { min: number; max: number; declared: number }) => ({
    zh: `农民党员每月交纳党费 ${p.min} 至 ${p.max} 元；申报为 ${p.declared} 元。`,
    en: `A farmer pays between ${p.min} and ${p.max} yuan a month; ${p.declared} declared.`,
  })),
  // Records.
  MANAGERS_ONLY: sharedCode('FORBIDDEN', () => ({
    zh: '只有区级管理员和党务干部可以修改人员记录。',
    en: 'Only district administrators and party-affairs cadres may change member records.',
  })),
  ID_LOOKUP_MANAGERS_ONLY: sharedCode('FORBIDDEN', () => ({
    zh: '只有区级管理员和党务干部可以按身份证号查找人员。',
    en: 'Only district administrators and party-affairs cadres may look people up by ID number.',
  })),
  ACCESS_LOG_ADMIN_ONLY: sharedCode('FORBIDDEN', () => ({
    zh: '只有区级管理员可以查看个人信息查看记录。',
    en: 'Only district administrators read the personal-data access log.',
  })),
  EXPORT_MASKED_ONLY: sharedCode('FORBIDDEN', () => ({
    zh: '您只能导出身份证号和手机号已遮蔽的名单。',
    en: 'You may export this list only with ID numbers and phones masked.',
  })),
  NAME_REQUIRED: badInput('name', (p: { max: number }) => ({
    zh: `请填写姓名（1 至 ${p.max} 个字）。`,
    en: `Give the name (1–${p.max} characters).`,
  })),
  NAME_TOO_LONG: badInput('name', (p: { max: number; length: number }) => ({
    zh: `姓名最多 ${p.max} 个字，所填为 ${p.length} 个字。`,
    en: `The name is longer than ${p.max} characters (${p.length}).`,
  })),
  PHONE_INVALID: badInput('phone', (p: { masked: string }) => ({
    zh: `${p.masked} 不是有效的电话号码（11 位手机号，或区号加号码）。`,
    en: `${p.masked} is not a phone number (11-digit mobile or area code and number).`,
  })),
  GENDER_MISMATCH: badInput('gender', (p: { gender: string; fromIdNumber: string }) => ({
    zh: `性别 ${p.gender} 与身份证号所示性别（${p.fromIdNumber}）不符。`,
    en: `The gender ${p.gender} does not match the ID number (${p.fromIdNumber}).`,
  })),
  UNKNOWN_VALUE: badInput(null, (p: { field: string; value: string; allowed: string }) => ({
    zh: `“${p.value}”不是有效的 ${p.field}，可选：${p.allowed}。`,
    en: `"${p.value}" is not a known ${p.field} (${p.allowed}).`,
  })),
  DATE_INVALID: badInput(null, (p: { value: string }) => ({
    zh: `“${p.value}”不是有效日期，请按 YYYY-MM-DD 填写。`,
    en: `"${p.value}" is not a date; write it as YYYY-MM-DD.`,
  })),
  DATE_IN_FUTURE: badInput(null, (p: { date: string; today: string }) => ({
    zh: `日期 ${p.date} 晚于今天（${p.today}）。`,
    en: `The date ${p.date} is in the future (today is ${p.today}).`,
  })),
  STAGE_DATE_REQUIRED: badInput(null, (p: { field: string; stageZh: string; stageEn: string }) => ({
    zh: `登记为${p.stageZh}的记录须填写 ${p.field}。`,
    en: `A record entered as ${p.stageEn} needs ${p.field}.`,
  })),
  JOINED_BEFORE_MIN_AGE: badInput('joinedOn', (p: { joinedOn: string; minAge: number }) => ({
    zh: `入党日期 ${p.joinedOn} 时本人未满 ${p.minAge} 周岁。`,
    en: `The joining date ${p.joinedOn} is before the person turned ${p.minAge}.`,
  })),
  STATUS_BY_TRANSFER: badInput('status', () => ({
    zh: '党员转出本区须办理组织关系转接（issueTransfer，不填接收党支部）。',
    en: 'A member leaves the district through a transfer (issueTransfer without a receiving branch).',
  })),
  STATUS_UNCHANGED: badInput('status', (p: { status: string; statusZh: string }) => ({
    zh: `该记录状态已是“${p.statusZh}”。`,
    en: `The record's status is already ${p.status}.`,
  })),
  NOT_A_PARTY_GROUP_OF_BRANCH: badInput('partyGroupId', (p: { name: string }) => ({
    zh: `${p.name}不是该党员所在党支部的党小组。`,
    en: `${p.name} is not a Party group (党小组) of the member's branch.`,
  })),
  AGE_RANGE: badInput(null, (p: { field: string; max: number }) => ({
    zh: `${p.field} 是以整岁计的年龄（0 至 ${p.max}）。`,
    en: `${p.field} is an age in whole years (0–${p.max}).`,
  })),
  WITHIN_DAYS_RANGE: badInput('withinDays', (p: { max: number }) => ({
    zh: `天数（withinDays）须为 0 至 ${p.max} 之间的整数。`,
    en: `withinDays is a whole number of days between 0 and ${p.max}.`,
  })),
  DUES_PERIOD: badInput('period', () => ({
    zh: '期间须为月份（YYYY-MM）或年份（YYYY）。',
    en: 'The period is a month (YYYY-MM) or a year (YYYY).',
  })),
  CANCELLATION_REASON_REQUIRED: badInput('reason', () => ({
    zh: '请填写取消预备党员资格的理由。',
    en: 'Say why the probationary qualification is cancelled.',
  })),
  // Import (CSV).
  CSV_INVALID: badInput('csv', () => ({
    zh: '文件不是有效的 CSV：文件在带引号的字段中结束（缺少闭合的引号 "）。',
    en: 'The file is not valid CSV: the file ends inside a quoted field (a closing " is missing).',
  })),
  CSV_EMPTY: badInput('csv', () => ({
    zh: '文件表头下没有人员行。',
    en: 'The file has no member rows under the header.',
  })),
  CSV_TOO_MANY_ROWS: badInput('csv', (p: { max: number; rows: number }) => ({
    zh: `每个文件最多 ${p.max} 行；本文件有 ${p.rows} 行。`,
    en: `At most ${p.max} rows per file; this one has ${p.rows}.`,
  })),
  CSV_COLUMNS: badInput('csv', (p: { unknown: string; missing: string; columns: string }) => ({
    zh:
      [p.unknown ? `无法识别的列：${p.unknown}` : '', p.missing ? `缺少的列：${p.missing}` : ''].filter(Boolean).join('；') +
      `。可用的列为：${p.columns}。`,
    en:
      [p.unknown ? `unknown column(s) ${p.unknown}` : '', p.missing ? `missing column(s) ${p.missing}` : ''].filter(Boolean).join('; ') +
      `. The columns are: ${p.columns}.`,
  })),
  CSV_ROW_WIDTH: badInput('csv', (p: { fields: number; expected: number }) => ({
    zh: `该行有 ${p.fields} 个字段，表头有 ${p.expected} 个。`,
    en: `The row has ${p.fields} fields; the header has ${p.expected}.`,
  })),
  IMPORT_BRANCH_UNKNOWN: badInput('branchCode', (p: { branchCode: string }) => ({
    zh: `没有组织代码为 ${p.branchCode || '（空）'} 的党组织。`,
    en: `No organisation has the code ${p.branchCode || '(empty)'}.`,
  })),
  IMPORT_NOT_ACTIVE_BRANCH: badInput('branchCode', (p: { name: string }) => ({
    zh: `${p.name}不是现存的党支部；党员须编入党支部。`,
    en: `${p.name} is not an active branch; members belong to a branch.`,
  })),
  IMPORT_BRANCH_OUT_OF_SCOPE: badInput('branchCode', (p: { name: string }) => ({
    zh: `${p.name}不在您负责的党组织范围内。`,
    en: `${p.name} is outside the organisations you are responsible for.`,
  })),
  IMPORT_GROUP_NOT_OF_BRANCH: badInput('partyGroupCode', (p: { groupCode: string; branchCode: string }) => ({
    zh: `${p.groupCode} 不是党支部 ${p.branchCode} 的党小组。`,
    en: `${p.groupCode} is not a Party group of the branch ${p.branchCode}.`,
  })),
});

/** The stable codes, for tests and clients. */
export const MembershipErrorCode = MembershipErrors.codes;

/**
 * Refusals of the placement and vote rules, written once in Chinese (English on
 * request), each naming the rule and the limit.
 */
export const MembershipRuleErrors = defineErrors({
  BRANCH_DISSOLVED: (p: { branch: string; dissolvedOn?: string | null }) => ({
    zh: `${p.branch}已撤销，不能再接收党员（登记、导入或转入）；党员只能编入现有的党支部。`,
    en: `${p.branch} has been dissolved: it can no longer receive members (registration, import or transfer); members belong to an existing branch.`,
  }),
  PARTY_GROUP_NOT_OF_BRANCH: (p: { group: string }) => ({
    zh: `${p.group}不是该党员所在支部的现有党小组，党员只能编入本支部的党小组。`,
    en: `${p.group} is not an existing Party group (党小组) of the member's branch.`,
  }),
  VOTE_COUNT_MISMATCH: (p: { branch: string; on: string; given: number; expected: number }) => ({
    zh: `应到会有表决权的党员数（${p.given}）与${p.branch}在 ${p.on} 有表决权的正式党员数（${p.expected}）不符：支部大会的表决以支部全体正式党员为基数。`,
    en: `${p.given} eligible voters were given, but ${p.branch} had ${p.expected} full members with voting rights on ${p.on}; a branch general meeting votes on the basis of all its full members.`,
  }),
});
