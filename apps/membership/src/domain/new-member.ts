import { addYears } from '@partybuild/calendar';
import { isIsoDate } from '@partybuild/federation';
import { DomainError, MembershipErrors } from '../errors';
import { STAGE_LABELS } from './labels';
import { checkDayWithin, checkNumberWithin } from '@partybuild/errors';
import { DATE_LIMITS, MembershipDateLimits, RECORD_RULES, developmentRulesOn, duesRulesOn } from '../reference/membership-rules';
import { LAST_STEP_OF_ENTRY } from './development-step';
import { DevelopmentStage, Gender, MemberCategory } from './member-kinds';
import { addMonthsToMonth, monthOf } from './dates';
import { checkDeclaredBase, isMonth } from './dues';
import { isPhone, parseIdNumber } from './id-number';

/** A person as a form or an import row gives them; dates as YYYY-MM-DD, money in fen. */
export interface NewMember {
  name: string;
  idNumber: string;
  gender?: Gender | null;
  ethnicity?: string | null;
  education?: string | null;
  phone?: string | null;
  workUnit?: string | null;
  post?: string | null;
  category: MemberCategory;
  stage?: DevelopmentStage | null;
  activistSince?: string | null;
  candidateSince?: string | null;
  joinedOn?: string | null;
  fullMemberSince?: string | null;
  duesBaseFen?: number | null;
  /** Dues are settled up to this month (`YYYY-MM`); arrears count from the month after. */
  duesPaidThrough?: string | null;
}

export interface ValidMember {
  name: string;
  idNumber: string;
  birthDate: string;
  gender: Gender;
  ethnicity: string | null;
  education: string | null;
  phone: string | null;
  workUnit: string | null;
  post: string | null;
  category: MemberCategory;
  stage: DevelopmentStage;
  lastStep: number;
  activistSince: string | null;
  candidateSince: string | null;
  joinedOn: string | null;
  probationEndsOn: string | null;
  fullMemberSince: string | null;
  duesBaseFen: number | null;
  duesStartMonth: string | null;
}

export interface FieldProblem {
  field: string;
  error: DomainError;
}

const text = (value: string | null | undefined): string | null => value?.trim() || null;

/**
 * Checks a new person record and works out what follows from it (birth date and gender from
 * the ID number, the step a record entering mid-way stands at). Reports every field at fault.
 */
const HISTORY_LABELS: Partial<Record<keyof NewMember, string>> = {
  activistSince: '确定入党积极分子日期',
  candidateSince: '确定发展对象日期',
  joinedOn: '入党日期',
  fullMemberSince: '转正日期',
};

export function validateNewMember(
  input: NewMember,
  today: string,
  limits: MembershipDateLimits = DATE_LIMITS,
): { value?: ValidMember; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const check = <T>(field: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ field, error });
      return undefined;
    }
  };
  const name = check('name', () => {
    const n = input.name?.trim() ?? '';
    if (!n) throw MembershipErrors.NAME_REQUIRED({ max: RECORD_RULES.name.maxLength });
    const length = [...n].length;
    if (length > RECORD_RULES.name.maxLength) throw MembershipErrors.NAME_TOO_LONG({ max: RECORD_RULES.name.maxLength, length });
    return n;
  });
  const id = check('idNumber', () => {
    const parsed = parseIdNumber(input.idNumber ?? '');
    // A birth date in the year 0000 or after today is a mistyped number, not a person.
    checkDayWithin('idNumber', '身份证号中的出生日期', parsed.birthDate, {
      earliest: addYears(today, -limits.oldestAgeYears),
      latest: today,
    });
    return parsed;
  });
  check('gender', () => {
    if (id && input.gender && input.gender !== id.gender) {
      throw MembershipErrors.GENDER_MISMATCH({ gender: input.gender, fromIdNumber: id.gender });
    }
  });
  const phone = check('phone', () => {
    const p = text(input.phone)?.replace(/\s+/g, '') ?? null;
    if (p && !isPhone(p)) throw MembershipErrors.PHONE_INVALID({ masked: p.replace(/\d(?=\d{4})/g, '*') });
    return p;
  });
  const category = check('category', () => {
    if (!Object.values(MemberCategory).includes(input.category))
      throw MembershipErrors.UNKNOWN_VALUE({
        field: 'category',
        value: String(input.category),
        allowed: Object.values(MemberCategory).join(', '),
      });
    return input.category;
  });
  const stage = check('stage', () => {
    const s = input.stage ?? DevelopmentStage.APPLICANT;
    if (!Object.values(DevelopmentStage).includes(s))
      throw MembershipErrors.UNKNOWN_VALUE({ field: 'stage', value: String(s), allowed: Object.values(DevelopmentStage).join(', ') });
    return s;
  });
  const date = (field: keyof NewMember) =>
    check(field, () => {
      const value = text(input[field] as string | null | undefined);
      if (value === null) return null;
      if (!isIsoDate(value)) throw MembershipErrors.DATE_INVALID({ value }, { field });
      if (value > today) throw MembershipErrors.DATE_IN_FUTURE({ date: value, today }, { field });
      return checkDayWithin(field, HISTORY_LABELS[field] ?? field, value, { earliest: limits.historyFrom, latest: today });
    }) ?? null;
  const activistSince = date('activistSince');
  const candidateSince = date('candidateSince');
  const joinedOn = date('joinedOn');
  let fullMemberSince = date('fullMemberSince');
  const need = (field: string, value: string | null, stageEn: string) =>
    check(field, () => {
      if (!value && !problems.some((p) => p.field === field))
        throw MembershipErrors.STAGE_DATE_REQUIRED({ field, stageZh: STAGE_LABELS[stage!], stageEn }, { field });
    });
  if (stage === DevelopmentStage.ACTIVIST) need('activistSince', activistSince, 'an activist');
  if (stage === DevelopmentStage.CANDIDATE) need('candidateSince', candidateSince, 'a candidate');
  if (stage === DevelopmentStage.PROBATIONARY || stage === DevelopmentStage.FULL) need('joinedOn', joinedOn, 'a member');
  let probationEndsOn: string | null = null;
  if (joinedOn && (stage === DevelopmentStage.PROBATIONARY || stage === DevelopmentStage.FULL)) {
    probationEndsOn = addYears(joinedOn, developmentRulesOn(joinedOn).probationYears);
    if (stage === DevelopmentStage.FULL) fullMemberSince ??= probationEndsOn;
  }
  if (id && joinedOn) {
    check('joinedOn', () => {
      if (joinedOn < addYears(id.birthDate, developmentRulesOn(joinedOn).minAge)) {
        throw MembershipErrors.JOINED_BEFORE_MIN_AGE({ joinedOn, minAge: developmentRulesOn(joinedOn).minAge });
      }
    });
  }
  const duesBaseFen = check('duesBase', () => {
    const base = input.duesBaseFen ?? null;
    if (base !== null) checkNumberWithin('duesBase', '党费基数（分）', base, limits.duesBaseFen);
    if (category) checkDeclaredBase(category, base, duesRulesOn(today));
    return base;
  });
  const duesStartMonth = check('duesPaidThrough', () => {
    const through = text(input.duesPaidThrough);
    if (through && !isMonth(through)) throw MembershipErrors.NOT_A_MONTH({ value: through }, { field: 'duesPaidThrough' });
    if (stage !== DevelopmentStage.PROBATIONARY && stage !== DevelopmentStage.FULL) return null;
    // Without a settled month, a record entered today owes from this month on.
    return through ? addMonthsToMonth(through, 1) : monthOf(today);
  });
  if (problems.length || !name || !id || !category || !stage) return { problems };
  return {
    problems,
    value: {
      name,
      idNumber: id.value,
      birthDate: id.birthDate,
      gender: id.gender as Gender,
      ethnicity: text(input.ethnicity),
      education: text(input.education),
      phone: phone ?? null,
      workUnit: text(input.workUnit),
      post: text(input.post),
      category,
      stage,
      lastStep: LAST_STEP_OF_ENTRY[stage],
      activistSince,
      candidateSince,
      joinedOn,
      probationEndsOn,
      fullMemberSince: stage === DevelopmentStage.FULL ? fullMemberSince : null,
      duesBaseFen: duesBaseFen ?? null,
      duesStartMonth: duesStartMonth ?? null,
    },
  };
}
