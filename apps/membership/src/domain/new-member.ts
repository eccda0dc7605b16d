import { addYears } from '@partybuild/calendar';
import { isIsoDate } from '@partybuild/federation';
import { DomainError, InvalidInputError } from '../errors';
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
    if (!n) throw new InvalidInputError('name', 'The name is empty.');
    if ([...n].length > RECORD_RULES.name.maxLength)
      throw new InvalidInputError('name', `The name is longer than ${RECORD_RULES.name.maxLength} characters.`);
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
      throw new InvalidInputError('gender', `The gender ${input.gender} does not match the ID number (${id.gender}).`);
    }
  });
  const phone = check('phone', () => {
    const p = text(input.phone)?.replace(/\s+/g, '') ?? null;
    if (p && !isPhone(p))
      throw new InvalidInputError(
        'phone',
        `${p.replace(/\d(?=\d{4})/g, '*')} is not a phone number (11-digit mobile or area code and number).`,
      );
    return p;
  });
  const category = check('category', () => {
    if (!Object.values(MemberCategory).includes(input.category))
      throw new InvalidInputError('category', `Unknown category ${input.category}.`);
    return input.category;
  });
  const stage = check('stage', () => {
    const s = input.stage ?? DevelopmentStage.APPLICANT;
    if (!Object.values(DevelopmentStage).includes(s)) throw new InvalidInputError('stage', `Unknown stage ${s}.`);
    return s;
  });
  const date = (field: keyof NewMember) =>
    check(field, () => {
      const value = text(input[field] as string | null | undefined);
      if (value === null) return null;
      if (!isIsoDate(value)) throw new InvalidInputError(field, `"${value}" is not a date; write it as YYYY-MM-DD.`);
      if (value > today) throw new InvalidInputError(field, `${value} is in the future.`);
      return checkDayWithin(field, HISTORY_LABELS[field] ?? field, value, { earliest: limits.historyFrom, latest: today });
    }) ?? null;
  const activistSince = date('activistSince');
  const candidateSince = date('candidateSince');
  const joinedOn = date('joinedOn');
  let fullMemberSince = date('fullMemberSince');
  const need = (field: string, value: string | null, what: string) =>
    check(field, () => {
      if (!value && !problems.some((p) => p.field === field))
        throw new InvalidInputError(field, `A record entered as ${what} needs ${field}.`);
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
        throw new InvalidInputError(
          'joinedOn',
          `The joining date ${joinedOn} is before the person turned ${developmentRulesOn(joinedOn).minAge}.`,
        );
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
    if (through && !isMonth(through)) throw new InvalidInputError('duesPaidThrough', `"${through}" is not a month; write it as YYYY-MM.`);
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
