import { badInput, defineErrors, sharedCode } from '@partybuild/errors';
export { DomainError, OutOfScopeError } from '@partybuild/errors';

/**
 * Every refusal of the activity service, written once: the key is the stable
 * `extensions.code` (or, for entries sharing a code, `extensions.reason`); the Chinese message
 * names the rule and the limit, the English one is for callers who ask for it.
 */
export const ActivityErrors = defineErrors({
  ACTIVITY_NOT_FOUND: (p: { reference: string }) => ({
    zh: `找不到活动记录 ${p.reference}。`,
    en: `No activity ${p.reference} exists.`,
  }),
  ORGANIZATION_NOT_FOUND: (p: { reference: string }) => ({
    zh: `组织生活记录中没有党组织 ${p.reference}（新建的党组织可能需要片刻才能同步过来）。`,
    en: `No organisation ${p.reference} is known to the activity records.`,
  }),
  MEMBER_NOT_IN_HOST: (p: { hostName: string; count: number }) => ({
    zh: `所列人员中有 ${p.count} 人不属于${p.hostName}（或联办党组织）；本次未作任何登记。`,
    en: `${p.count} of the people listed do not belong to ${p.hostName} (or its co-hosts); nothing was recorded.`,
  }),
  MEMBER_NOT_YET_KNOWN: (p: { count: number; waitedSeconds: number }) => ({
    zh: `所列人员中有 ${p.count} 人的党员档案尚未同步到组织生活记录（已等待 ${p.waitedSeconds} 秒）。新登记的党员需要片刻才能同步过来，请稍后重试；本次未作任何登记。`,
    en: `${p.count} of the people listed are not known to the activity records yet (waited ${p.waitedSeconds} s); members registered a moment ago arrive shortly, please try again. Nothing was recorded.`,
  }),
  HELD_IN_FUTURE: (p: { heldOn: string; today: string }) => ({
    zh: `活动不能登记为在 ${p.heldOn} 已举行：今天是 ${p.today}。请改为列入计划。`,
    en: `An activity cannot be recorded as held on ${p.heldOn}: today is ${p.today}. Plan it instead.`,
  }),
  ATTENDANCE_CONFLICT: (p: { count: number }) => ({
    zh: `有 ${p.count} 名党员的出勤情况已按不同结果登记过（或在名单中重复出现）；本次未作任何登记。`,
    en: `The attendance of ${p.count} member(s) was already recorded with a different answer (or is listed twice); nothing was recorded.`,
  }),
  ACTIVITY_CANCELLED: (p: { topic: string }) => ({
    zh: `“${p.topic}”已取消；已取消的活动不能再举行或修改。`,
    en: `“${p.topic}” was cancelled; a cancelled activity cannot be held or changed.`,
  }),
  ACTIVITY_NOT_HELD: (p: { topic: string }) => ({
    zh: `“${p.topic}”尚未登记为已举行；请先登记举行情况。`,
    en: `“${p.topic}” has not been recorded as held yet; record it as held first.`,
  }),
  ACTIVITY_ALREADY_HELD: (p: { topic: string }) => ({
    zh: `“${p.topic}”已登记为已举行。`,
    en: `“${p.topic}” is already recorded as held.`,
  }),
  LECTURER_REQUIRED: () => ({
    zh: '党课须填写授课人姓名。',
    en: 'A Party lecture (党课) needs its lecturer: give the lecturer’s name.',
  }),
  MANAGERS_ONLY: sharedCode('FORBIDDEN', () => ({
    zh: '只有区级管理员和党务干部可以登记组织生活。',
    en: 'Only district administrators and party-affairs cadres may record activities.',
  })),
  HOST_DISSOLVED: sharedCode('RULE_VIOLATION', (p: { name: string }) => ({
    zh: `${p.name}已撤销，不能再主办活动。`,
    en: `${p.name} has been dissolved; it hosts no more activities.`,
  })),
  NOMINATE_HELD_PARTY_DAY: sharedCode('RULE_VIOLATION', () => ({
    zh: '只有已举行的主题党日才能推荐为典型案例。',
    en: 'Only a themed Party day (主题党日) that was held can be nominated.',
  })),
  NOMINATED_ONCE: sharedCode('RULE_VIOLATION', (p: { topic: string; year: number }) => ({
    zh: `“${p.topic}”已被推荐为 ${p.year} 年度典型案例，不能重复推荐。`,
    en: `“${p.topic}” is already nominated for ${p.year}.`,
  })),
  TEXT_REQUIRED: badInput(null, (p: { fieldZh: string; field: string }) => ({
    zh: `请填写活动的${p.fieldZh}。`,
    en: `Give the ${p.field} of the activity.`,
  })),
  TEXT_TOO_LONG: badInput(null, (p: { fieldZh: string; field: string; max: number; length: number }) => ({
    zh: `${p.fieldZh}最多 ${p.max} 个字，所填为 ${p.length} 个字。`,
    en: `The ${p.field} is longer than ${p.max} characters (${p.length}).`,
  })),
  REASON_REQUIRED: badInput('reason', (p: { whatZh: string; whatEn: string; max: number }) => ({
    zh: `请说明${p.whatZh}（1 至 ${p.max} 个字）。`,
    en: `Say ${p.whatEn} (1–${p.max} characters).`,
  })),
  START_TIME_INVALID: badInput('startTime', (p: { value: string }) => ({
    zh: `“${p.value}”不是时刻，请按 HH:MM 填写，如 14:30。`,
    en: `"${p.value}" is not a time of day; write it as HH:MM, e.g. 14:30.`,
  })),
  TOO_MANY_ATTACHMENTS: badInput('attachments', (p: { max: number; given: number }) => ({
    zh: `附件最多 ${p.max} 个，本次为 ${p.given} 个。`,
    en: `At most ${p.max} attachments; ${p.given} given.`,
  })),
  ATTACHMENT_INVALID: badInput('attachments', (p: { name: string }) => ({
    zh: `附件“${p.name}”须有名称、以字节计的大小和 SHA-256 摘要（64 位十六进制）。`,
    en: `Attachment “${p.name}” needs a name, a size in bytes and a SHA-256 (64 hex digits).`,
  })),
  PLAN_EMPTY: badInput('items', () => ({
    zh: '计划中至少须有一项活动。',
    en: 'Give at least one planned activity.',
  })),
  PLAN_TOO_LONG: badInput('items', (p: { max: number; given: number }) => ({
    zh: `一份计划最多 ${p.max} 项活动，本次为 ${p.given} 项。`,
    en: `At most ${p.max} planned activities in one plan; ${p.given} given.`,
  })),
  WITHIN_DAYS_RANGE: badInput('withinDays', (p: { max: number }) => ({
    zh: `天数（withinDays）须为 0 至 ${p.max} 之间的整数。`,
    en: `withinDays must be a whole number of days between 0 and ${p.max}.`,
  })),
});

/** The stable codes, for tests and clients. */
export const ActivityErrorCode = ActivityErrors.codes;

/** The activity's text fields as party-affairs workers call them, for messages. */
export const FIELD_LABELS: Record<string, string> = {
  topic: '主题',
  place: '地点',
  minutes: '会议记录',
  businessLink: '业务关联链接',
  reason: '理由',
};

/** Refusals of the co-hosting and repeat rules, in Chinese (English on request), naming the rule. */
export const ActivityRuleErrors = defineErrors({
  DUPLICATE_ACTIVITY: (p: { topic: string; day: string; existingId: string }) => ({
    zh: `已有一条完全相同的活动记录（同一组织、同一类型、${p.day}、主题“${p.topic}”），为避免重复登记未再保存；确属另一次活动请注明 intendedDuplicate: true。`,
    en: `An identical activity is already recorded (same organisation, type, ${p.day} and topic “${p.topic}”); nothing was saved. If this is really another activity, send intendedDuplicate: true.`,
  }),
  CO_HOST_NOT_PENDING: (p: { organization: string }) => ({
    zh: `${p.organization}不是这项活动待确认的联办组织，无需确认。`,
    en: `${p.organization} is not a co-host of this activity awaiting confirmation.`,
  }),
  MEMBER_OF_UNCONFIRMED_CO_HOST: (p: { count: number; pending: string }) => ({
    zh: `有 ${p.count} 名人员不属于主办组织或已确认的联办组织；联办组织（${p.pending}）须由其党务干部确认联办后，才能登记其党员的出勤。未作任何登记。`,
    en: `${p.count} of the people listed belong neither to the host nor to a confirmed co-host; a cadre of ${p.pending} must confirm the co-hosting before its members' attendance is recorded. Nothing was recorded.`,
  }),
});
