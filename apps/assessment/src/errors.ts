import { defineErrors } from '@partybuild/errors';

/**
 * The assessment service's refusals: the key is the stable `extensions.code`, the Chinese
 * message names the rule and the limit. Every refusal happens before anything is written.
 */
export const AssessmentErrors = defineErrors({
  OUT_OF_SCOPE: (p: { what: string }) => ({
    zh: `${p.what}不在您负责的党组织范围内，无权查看或操作。`,
    en: `${p.what} is outside the organisations you are responsible for.`,
  }),
  ORGANIZATION_NOT_FOUND: (p: { id: string }) => ({
    zh: `考核系统中没有编号为 ${p.id} 的党组织。`,
    en: `No organisation ${p.id} is known to the assessment records.`,
  }),
  ORGANIZATION_DISSOLVED: (p: { name: string }) => ({
    zh: `${p.name}已撤销，不能再开展考核。`,
    en: `${p.name} has been dissolved; it cannot be assessed any more.`,
  }),
  SCHEME_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的考核方案。`, en: `No assessment scheme ${p.id} exists.` }),
  SCHEME_IN_USE: (p: { name: string }) => ({
    zh: `考核方案“${p.name}”已被考核使用，不能修改；请复制为下一年度的方案后再调整。`,
    en: `The scheme “${p.name}” has been used by a round and cannot be edited; copy it for the next year instead.`,
  }),
  SCHEME_EMPTY: () => ({ zh: '考核方案至少要有一个指标。', en: 'A scheme needs at least one indicator.' }),
  SCHEME_TOTAL_MISMATCH: (p: { total: number; expected: number }) => ({
    zh: `一级指标分值合计为 ${p.total} 分，应为 ${p.expected} 分。`,
    en: `The top-level indicators add up to ${p.total} points; they must add up to ${p.expected}.`,
  }),
  WEIGHTS_DO_NOT_ADD_UP: (p: { indicator: string; maxScore: number; childrenTotal: number }) => ({
    zh: `指标“${p.indicator}”满分 ${p.maxScore} 分，但其下级指标分值合计 ${p.childrenTotal} 分，二者必须相等。`,
    en: `Indicator “${p.indicator}” is worth ${p.maxScore} points but its sub-indicators add up to ${p.childrenTotal}.`,
  }),
  INDICATOR_INVALID: (p: { indicator: string; rule: string }) => ({
    zh: `指标“${p.indicator}”设置有误：${p.rule}`,
    en: `Indicator “${p.indicator}” is not valid: ${p.rule}`,
  }),
  UNKNOWN_FACT: (p: { fact: string; where: string; known: string }) => ({
    zh: `${p.where}引用了不存在的数据项“${p.fact}”。可用的数据项：${p.known}。`,
    en: `${p.where} names an unknown fact “${p.fact}”. Known facts: ${p.known}.`,
  }),
  ROUND_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的考核。`, en: `No assessment round ${p.id} exists.` }),
  ROUND_EXISTS: (p: { name: string; year: number }) => ({
    zh: `${p.name}的 ${p.year} 年度考核已经开启，每个党组织每年只有一次考核。`,
    en: `${p.name} already has a round for ${p.year}; one round per organisation and year.`,
  }),
  SCHEME_KIND_MISMATCH: (p: { schemeKind: string; organizationKind: string }) => ({
    zh: `该考核方案适用于 ${p.schemeKind} 类党组织，不能用于 ${p.organizationKind}。`,
    en: `The scheme is for ${p.schemeKind} organisations, not ${p.organizationKind}.`,
  }),
  ROUND_CLOSED: (p: { name: string; year: number }) => ({
    zh: `${p.name} ${p.year} 年度考核已结束，结果已固定，不能再评分或更改。`,
    en: `The ${p.year} round of ${p.name} is closed; its result is final.`,
  }),
  WRONG_PHASE: (p: { indicator: string; phase: string; allowed: string }) => ({
    zh: `指标“${p.indicator}”只能在“${p.allowed}”阶段评分，当前为“${p.phase}”阶段。`,
    en: `Indicator “${p.indicator}” is scored in the ${p.allowed} phase; the round is in ${p.phase}.`,
  }),
  INDICATOR_NOT_FOUND: (p: { code: string }) => ({
    zh: `考核方案中没有编号为“${p.code}”的末级指标。`,
    en: `The scheme has no leaf indicator “${p.code}”.`,
  }),
  AUTOMATIC_INDICATOR: (p: { indicator: string }) => ({
    zh: `指标“${p.indicator}”根据业务数据自动计分，不能手工评分。`,
    en: `Indicator “${p.indicator}” is scored automatically from the records; it cannot be scored by hand.`,
  }),
  SCORE_OUT_OF_RANGE: (p: { indicator: string; maxScore: number; given: number }) => ({
    zh: `指标“${p.indicator}”的得分须在 0 至 ${p.maxScore} 分之间，填写的是 ${p.given} 分。`,
    en: `A score for “${p.indicator}” must be between 0 and ${p.maxScore}; ${p.given} was given.`,
  }),
  DEDUCTION_OUT_OF_RANGE: (p: { indicator: string; remaining: number; given: number }) => ({
    zh: `指标“${p.indicator}”最多还能扣 ${p.remaining} 分，本次扣分 ${p.given} 分超出范围（扣分须大于 0）。`,
    en: `At most ${p.remaining} more points can be deducted from “${p.indicator}”; ${p.given} was given.`,
  }),
  EVIDENCE_REQUIRED: (p: { indicator: string }) => ({
    zh: `手工评分须附评分依据：请说明“${p.indicator}”的得分依据。`,
    en: `A manual score needs its evidence: say what “${p.indicator}” was scored on.`,
  }),
  REASON_REQUIRED: (p: { maxLength: number }) => ({
    zh: `请填写原因（1 至 ${p.maxLength} 字）。`,
    en: `Give the reason (1 to ${p.maxLength} characters).`,
  }),
  DATE_IN_FUTURE: (p: { day: string; today: string }) => ({
    zh: `日期 ${p.day} 晚于今天（${p.today}），不能登记。`,
    en: `${p.day} is after today (${p.today}).`,
  }),
  NOT_AT_YEAR_END: (p: { phase: string }) => ({
    zh: `考核须在年终考评阶段结束，当前为“${p.phase}”阶段。`,
    en: `A round is closed after its year-end evaluation; it is in the ${p.phase} phase.`,
  }),
  LAST_PHASE: () => ({ zh: '考核已在年终考评阶段，下一步是结束考核。', en: 'The round is in its last phase; close it next.' }),
  YEAR_OUT_OF_RANGE: (p: { min: number; max: number }) => ({
    zh: `年度须在 ${p.min} 至 ${p.max} 年之间。`,
    en: `The year must be between ${p.min} and ${p.max}.`,
  }),
  NOT_A_BRANCH: (p: { name: string }) => ({
    zh: `${p.name}不是党支部，民主评议和示范岗以党支部为单位开展。`,
    en: `${p.name} is not a branch; appraisals and model posts are a branch's.`,
  }),
  MEMBER_NOT_IN_BRANCH: (p: { name: string; count: number }) => ({
    zh: `有 ${p.count} 人不是${p.name}的正式党员或预备党员，不能参加本支部评议；本次未作任何登记。`,
    en: `${p.count} of the people listed are not full or probationary members of ${p.name}; nothing was recorded.`,
  }),
  EXCELLENT_OVER_CAP: (p: { allowed: number; requested: number; ratio: number; appraised: number }) => ({
    zh: `评为“优秀”的党员不得超过参评党员的 ${p.ratio}%：本支部 ${p.appraised} 名参评党员最多 ${p.allowed} 名优秀，本次合计为 ${p.requested} 名。`,
    en: `At most ${p.allowed} of ${p.appraised} members may be rated excellent (${p.ratio} %); ${p.requested} were.`,
  }),
  DUPLICATE_ENTRY: (p: { count: number }) => ({
    zh: `名单中有 ${p.count} 人重复出现，请每人只填一次。`,
    en: `${p.count} people are listed more than once.`,
  }),
  MODEL_POSTS_OVER_CAP: (p: { allowed: number; inService: number; requested: number }) => ({
    zh: `示范岗不得超过在职党员的10%（不足10名在职党员的支部可推荐1个）：本支部在职党员 ${p.inService} 名，最多推荐 ${p.allowed} 个，本次推荐后将达 ${p.requested} 个。`,
    en: `At most ${p.allowed} model posts for ${p.inService} in-service members; this would make ${p.requested}.`,
  }),
  MODEL_POST_EXISTS: (p: { year: number }) => ({
    zh: `该党员 ${p.year} 年度已被推荐为示范岗。`,
    en: `This member was already nominated for ${p.year}.`,
  }),
  MODEL_POST_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的示范岗推荐。`, en: `No model post ${p.id} exists.` }),
  MODEL_POST_DECIDED: (p: { status: string }) => ({
    zh: `该示范岗推荐已经审核（${p.status}），不能再次审核。`,
    en: `This nomination was already decided (${p.status}).`,
  }),
  NOT_WORKING_COMMITTEE: () => ({
    zh: '示范岗由上级机关工委（工作委员会）审核确认，您不在该支部所属工委的范围内。',
    en: 'Model posts are confirmed by the working committee above the branch; you are not responsible for it.',
  }),
  FOLLOW_UP_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的不合格党员跟踪记录。`, en: `No follow-up ${p.id} exists.` }),
  ALREADY_CLOSED: (p: { what: string }) => ({ zh: `${p.what}已经销号，不能重复操作。`, en: `${p.what} is already closed.` }),
  REPORT_EXISTS: (p: { name: string; year: number }) => ({
    zh: `${p.name} ${p.year} 年度的书记述职评议已经登记。`,
    en: `The ${p.year} secretary report of ${p.name} is already recorded.`,
  }),
  NOTICE_EMPTY: () => ({
    zh: '通报须至少点名一个党组织或列出一项整改事项。',
    en: 'A notice names at least one organisation or lists a rectification item.',
  }),
  DEADLINE_INVALID: (p: { issuedOn: string }) => ({
    zh: `整改期限须为有效日期，且不早于通报日期 ${p.issuedOn}。`,
    en: `A rectification deadline must be a date no earlier than the notice (${p.issuedOn}).`,
  }),
  RECTIFICATION_NOT_FOUND: (p: { id: string }) => ({ zh: `没有编号为 ${p.id} 的整改事项。`, en: `No rectification item ${p.id} exists.` }),
  TEXT_TOO_LONG: (p: { field: string; maxLength: number }) => ({
    zh: `${p.field}须为 1 至 ${p.maxLength} 字。`,
    en: `${p.field} must be 1 to ${p.maxLength} characters.`,
  }),
});

export type AssessmentErrorCode = keyof typeof AssessmentErrors.codes;
