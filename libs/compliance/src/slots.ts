import { Period, monthPeriod, quarterPeriod, yearPeriod } from '@partybuild/calendar';

/** How often a requirement recurs. */
export enum Frequency {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}

/** The period of a frequency that contains a day: its month, quarter or year. */
export function slotOf(frequency: Frequency, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (frequency === Frequency.MONTHLY) return monthPeriod(year, month);
  if (frequency === Frequency.QUARTERLY) return quarterPeriod(year, Math.ceil(month / 3));
  return yearPeriod(year);
}

/** The slots of a frequency that overlap a period: for 2026-07 and QUARTERLY, 2026-Q3. */
export function slotsOverlapping(frequency: Frequency, period: Period): Period[] {
  const slots: Period[] = [];
  let day = period.start;
  while (day <= period.end) {
    const slot = slotOf(frequency, day);
    slots.push(slot);
    const next = new Date(`${slot.end}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return slots;
}
