import { DomainError, defineErrors } from '@partybuild/errors';
export { DomainError, InvalidInputError, OutOfScopeError } from '@partybuild/errors';

/** The activity service's refusals and their stable codes (`extensions.code`). */
export const ActivityErrorCode = {
  NOT_FOUND: 'ACTIVITY_NOT_FOUND',
  ORGANIZATION_NOT_FOUND: 'ORGANIZATION_NOT_FOUND',
  MEMBER_NOT_IN_HOST: 'MEMBER_NOT_IN_HOST',
  HELD_IN_FUTURE: 'HELD_IN_FUTURE',
  ATTENDANCE_CONFLICT: 'ATTENDANCE_CONFLICT',
  ACTIVITY_CANCELLED: 'ACTIVITY_CANCELLED',
  ACTIVITY_NOT_HELD: 'ACTIVITY_NOT_HELD',
  ACTIVITY_ALREADY_HELD: 'ACTIVITY_ALREADY_HELD',
  LECTURER_REQUIRED: 'LECTURER_REQUIRED',
  RULE_VIOLATION: 'RULE_VIOLATION',
} as const;

export class ActivityNotFoundError extends DomainError {
  constructor(id: string) {
    super(ActivityErrorCode.NOT_FOUND, `No activity ${id} exists.`, { reference: id });
  }
}

export class OrganizationUnknownError extends DomainError {
  constructor(id: string) {
    super(ActivityErrorCode.ORGANIZATION_NOT_FOUND, `No organisation ${id} is known to the activity records.`, { reference: id });
  }
}

export class MemberNotInHostError extends DomainError {
  constructor(hostName: string, memberIds: string[]) {
    super(
      ActivityErrorCode.MEMBER_NOT_IN_HOST,
      `${memberIds.length} of the people listed do not belong to ${hostName} (or its co-hosts); nothing was recorded.`,
      { memberIds },
    );
  }
}

export class HeldInFutureError extends DomainError {
  constructor(heldOn: string, today: string) {
    super(ActivityErrorCode.HELD_IN_FUTURE, `An activity cannot be recorded as held on ${heldOn}: today is ${today}. Plan it instead.`, {
      field: 'heldOn',
    });
  }
}

export class AttendanceConflictError extends DomainError {
  constructor(memberIds: string[]) {
    super(
      ActivityErrorCode.ATTENDANCE_CONFLICT,
      `The attendance of ${memberIds.length} member(s) was already recorded with a different answer (or is listed twice); nothing was recorded.`,
      { memberIds },
    );
  }
}

export class ActivityCancelledError extends DomainError {
  constructor(topic: string) {
    super(ActivityErrorCode.ACTIVITY_CANCELLED, `“${topic}” was cancelled; a cancelled activity cannot be held or changed.`);
  }
}

export class ActivityNotHeldError extends DomainError {
  constructor(topic: string) {
    super(ActivityErrorCode.ACTIVITY_NOT_HELD, `“${topic}” has not been recorded as held yet; record it as held first.`);
  }
}

export class ActivityAlreadyHeldError extends DomainError {
  constructor(topic: string) {
    super(ActivityErrorCode.ACTIVITY_ALREADY_HELD, `“${topic}” is already recorded as held.`);
  }
}

export class LecturerRequiredError extends DomainError {
  constructor() {
    super(ActivityErrorCode.LECTURER_REQUIRED, 'A Party lecture (党课) needs its lecturer: give the lecturer’s name.', {
      field: 'lecturer',
    });
  }
}

export class ActivityRuleError extends DomainError {
  constructor(rule: string, message: string) {
    super(ActivityErrorCode.RULE_VIOLATION, message, { rule });
  }
}

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
