import { DomainError } from '@partybuild/errors';
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
