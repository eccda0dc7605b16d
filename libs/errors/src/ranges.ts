import { defineErrors } from './catalogue';

/** The earliest and latest day a date field accepts, both included (YYYY-MM-DD). */
export interface DayRange {
  earliest: string;
  latest: string;
}

/** The smallest and largest number a field accepts, both included. */
export interface NumberRange {
  min: number;
  max: number;
}

/**
 * Refusals of a date or number that cannot be true (a meeting in the year 0000, a transfer
 * issued in 1900, an attachment of 1e300 bytes). Each names the field and the allowed range;
 * the ranges themselves are each service's rules (`src/reference/*-rules.ts`).
 */
export const RangeErrors = defineErrors({
  DATE_OUT_OF_RANGE: (p: { field: string; label: string; value: string; earliest: string; latest: string }) => ({
    zh: `${p.label}（${p.value}）不在允许的范围内：应在 ${p.earliest} 至 ${p.latest} 之间。`,
    en: `The ${p.field} ${p.value} is outside the allowed range ${p.earliest} to ${p.latest}.`,
  }),
  NUMBER_OUT_OF_RANGE: (p: { field: string; label: string; value: number; min: number; max: number }) => ({
    zh: `${p.label}（${p.value}）不在允许的范围内：应为 ${p.min} 至 ${p.max} 之间的整数。`,
    en: `The ${p.field} ${p.value} is outside the allowed range: a whole number from ${p.min} to ${p.max}.`,
  }),
});

/** Refuses a day outside the range; `label` is the field's Chinese name (e.g. 开展日期). */
export function checkDayWithin(field: string, label: string, day: string, range: DayRange): string {
  if (day < range.earliest || day > range.latest) {
    throw RangeErrors.DATE_OUT_OF_RANGE({ field, label, value: day, ...range }, { field });
  }
  return day;
}

/** Refuses anything but a whole number within the range. */
export function checkNumberWithin(field: string, label: string, value: number, range: NumberRange): number {
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw RangeErrors.NUMBER_OUT_OF_RANGE({ field, label, value, ...range }, { field });
  }
  return value;
}
