import { DevelopmentStage, MemberCategory } from './member-kinds';
import { validateNewMember } from './new-member';
import { checkCharacter } from './id-number';

describe('a new person record', () => {
  it('takes birth date and gender from the ID number and sets up a full member', () => {
    const { value, problems } = validateNewMember(
      {
        name: ' 张伟 ',
        idNumber: '11010519491231002X',
        category: MemberCategory.RETIRED,
        stage: DevelopmentStage.FULL,
        joinedOn: '1975-07-01',
      },
      '2026-11-22',
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      name: '张伟',
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      lastStep: 25,
      probationEndsOn: '1976-07-01',
      fullMemberSince: '1976-07-01',
      duesStartMonth: '2026-11',
    });
  });

  it('reports every field at fault', () => {
    const { value, problems } = validateNewMember(
      { name: '', idNumber: '110105194912310021', phone: '123', category: MemberCategory.IN_SERVICE, stage: DevelopmentStage.FULL },
      '2026-11-22',
    );
    expect(value).toBeUndefined();
    expect(problems.map((p) => [p.field, p.error.code])).toEqual([
      ['name', 'BAD_USER_INPUT'],
      ['idNumber', 'ID_NUMBER_INVALID'],
      ['phone', 'BAD_USER_INPUT'],
      ['joinedOn', 'BAD_USER_INPUT'],
    ]);
  });

  it('refuses dates that cannot be true, stating the allowed range', () => {
    const first17 = '11010500000101002';
    const base = { name: '某人', category: MemberCategory.IN_SERVICE, stage: DevelopmentStage.FULL, joinedOn: '2000-07-01' };
    const unborn = validateNewMember({ ...base, idNumber: `${first17}${checkCharacter(first17)}` }, '2026-11-22');
    expect(unborn.problems.map((p) => [p.field, p.error.code])).toContainEqual(['idNumber', 'DATE_OUT_OF_RANGE']);
    const early = validateNewMember({ ...base, idNumber: '11010519491231002X', joinedOn: '1900-07-01' }, '2026-11-22');
    expect(early.problems[0].error).toMatchObject({ code: 'DATE_OUT_OF_RANGE', details: { earliest: '1921-07-01', latest: '2026-11-22' } });
    expect(early.problems[0].error.message).toMatch(/入党日期（1900-07-01）/);
  });
});
