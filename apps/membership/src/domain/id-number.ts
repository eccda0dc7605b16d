import { isIsoDate } from '@partybuild/federation';
import { MembershipErrors } from '../errors';

const invalid = (reasonZh: string, reasonEn: string) => MembershipErrors.ID_NUMBER_INVALID({ reasonZh, reasonEn }, { field: 'idNumber' });

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643-1999 check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARS[sum % 11];
}

export interface ParsedIdNumber {
  /** Normalised: upper-case X. */
  value: string;
  birthDate: string;
  /** The 17th digit: odd for men, even for women. */
  gender: 'MALE' | 'FEMALE';
}

/** Validates a citizen ID number (居民身份证号码): 18 characters, a real birth date, the check character. */
export function parseIdNumber(raw: string): ParsedIdNumber {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) throw invalid(`应为 18 位，所填为 ${value.length} 位。`, `it has ${value.length} characters instead of 18.`);
  if (!/^\d{17}[\dX]$/.test(value))
    throw invalid('只能由数字组成，最后一位可以是 X。', 'only digits are allowed, and X as the last character.');
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) throw invalid('第 7 至 14 位不是有效的出生日期。', 'characters 7–14 are not a birth date.');
  const expected = checkCharacter(value.slice(0, 17));
  if (value[17] !== expected) throw invalid('校验码不符（GB 11643）。', 'the check character (校验码) does not match (GB 11643).');
  return { value, birthDate, gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/**
 * `**************1234`: the last four only. The first six are the district's region code
 * (known to anyone) and the next eight the birth date, so any more — or the birth date
 * shown beside the last four — rebuilds the whole number. Whoever sees this mask sees no
 * birth date either (see `Member.birthDate`).
 */
export const maskIdNumber = (value: string): string => `${'*'.repeat(Math.max(value.length - 4, 0))}${value.slice(-4)}`;

/** `*******5678`: the last four only (the first three of a mobile name the carrier, little, but nothing is needed). */
export const maskPhone = (value: string): string =>
  value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;

/** Mobile (11 digits starting with 1) or landline with area code (e.g. 023-12345678). */
export const isPhone = (value: string): boolean => /^1\d{10}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
