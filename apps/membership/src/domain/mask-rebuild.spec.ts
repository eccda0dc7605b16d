import { addDays, addYears } from '@partybuild/calendar';
import { ageOn } from './dates';
import { checkCharacter, maskIdNumber, maskPhone } from './id-number';

/**
 * What someone who may not see the full ID number is shown of a record: the mask, age and
 * gender (never the birth date). An attacker knows the district's region code. Every number
 * consistent with what is shown is a candidate; one candidate would mean the mask is undone.
 */
function candidates(shown: { mask: string; age: number; today: string; birthDate?: string }, region: string): string[] {
  const last4 = shown.mask.slice(-4);
  const days: string[] = [];
  if (shown.birthDate) days.push(shown.birthDate);
  else {
    // Born in the year of days before `today` that makes them `age` today.
    for (let day = addDays(addYears(shown.today, -(shown.age + 1)), 1); day <= addYears(shown.today, -shown.age); day = addDays(day, 1)) {
      days.push(day);
    }
  }
  return days
    .map((day) => `${region}${day.replace(/-/g, '')}${last4.slice(0, 3)}`)
    .filter((first17) => checkCharacter(first17) === last4[3])
    .map((first17) => `${first17}${last4[3]}`);
}

describe('the mask cannot be undone', () => {
  const REGION = '110105';
  const TODAY = '2026-11-22';
  const first17 = `${REGION}19850612017`;
  const ID = `${first17}${checkCharacter(first17)}`;

  it('shows the last four only: no region, no birth date digits', () => {
    const mask = maskIdNumber(ID);
    expect(mask).toBe(`**************${ID.slice(-4)}`);
    expect(mask).not.toContain(REGION);
    expect(mask).not.toContain('19850612');
    expect(maskPhone('13812345678')).not.toContain('138');
  });

  it('leaves dozens of candidates from the mask, the age and the region together', () => {
    const found = candidates({ mask: maskIdNumber(ID), age: ageOn('1985-06-12', TODAY), today: TODAY }, REGION);
    expect(found).toContain(ID);
    expect(found.length).toBeGreaterThanOrEqual(10);
  });

  it('would be undone by the birth date beside the last four — which is why the birth date is withheld with the mask', () => {
    expect(candidates({ mask: maskIdNumber(ID), age: 41, today: TODAY, birthDate: '1985-06-12' }, REGION)).toEqual([ID]);
  });
});
