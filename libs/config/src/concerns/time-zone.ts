import { z } from 'zod';
import { concern } from '../define-config';

const knownZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The district's time zone decides what "today" is (terms, deadlines, nothing held in the future). */
export const timeZone = concern({
  TIME_ZONE: z
    .string()
    .refine(knownZone, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai')
    .describe('what "today" is for dates, terms and deadlines'),
});
