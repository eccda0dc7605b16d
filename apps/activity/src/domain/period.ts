export { slotOf, slotsOverlapping } from '@partybuild/compliance';

export { parsePeriod } from '@partybuild/calendar';
export type { Period } from '@partybuild/calendar';

/** `YYYY-MM` of a day: the month statistics count an activity in. */
export const monthOf = (day: string): string => day.slice(0, 7);
