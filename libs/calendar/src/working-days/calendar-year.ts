import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** One year's official arrangement, as a district administrator would copy it from the notice. */
export const calendarYearSchema = z
  .object({
    year: z.number().int().min(1949).max(2200),
    notice: z.string().min(1),
    holidays: z.array(z.object({ name: z.string().min(1), from: day, to: day })),
    adjustedWorkingDays: z.array(day),
  })
  .superRefine((y, ctx) => {
    const inYear = (d: string) => d.startsWith(`${y.year}-`) || d.startsWith(`${y.year + 1}-01`) || d.startsWith(`${y.year - 1}-12`);
    for (const h of y.holidays) {
      if (h.from > h.to) ctx.addIssue({ code: 'custom', message: `${h.name}: ${h.from} is after ${h.to}` });
      if (!inYear(h.from) || !inYear(h.to)) ctx.addIssue({ code: 'custom', message: `${h.name} is not in ${y.year}` });
    }
    for (const d of y.adjustedWorkingDays) if (!inYear(d)) ctx.addIssue({ code: 'custom', message: `${d} is not in ${y.year}` });
  });

export type CalendarYear = z.infer<typeof calendarYearSchema>;

/** Years from an administrator's JSON file (an array of years); a bad file names what is wrong. */
export function parseCalendarYears(json: string): CalendarYear[] {
  const parsed = z.array(calendarYearSchema).safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new Error(`working-day calendar file: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
