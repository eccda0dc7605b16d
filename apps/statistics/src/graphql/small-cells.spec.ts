import { Role } from '@partybuild/auth';
import { maySeePeople, suppressSmallCells } from './small-cells';

const cadre = { subject: 'c', name: 'c', roles: [Role.PARTY_CADRE], scope: ['committee'] };
const analyst = { subject: 'a', name: 'a', roles: [Role.ANALYST], scope: ['root'] };
const admin = { subject: 'd', name: 'd', roles: [Role.DISTRICT_ADMIN], scope: [] };

describe('small cells', () => {
  it('withholds cells under the minimum, shown as null with a flag, never as zero', () => {
    const cells = suppressSmallCells(
      [
        { key: 'FEMALE', count: 2 },
        { key: 'MALE', count: 1 },
      ],
      3,
    );
    expect(cells).toEqual([
      { key: 'FEMALE', count: null, suppressed: true },
      { key: 'MALE', count: null, suppressed: true },
    ]);
  });

  it('withholds a second cell when one alone would be given back by the total', () => {
    const cells = suppressSmallCells(
      [
        { key: '41-50', count: 12 },
        { key: '31-40', count: 5 },
        { key: '61+', count: 1 },
      ],
      3,
    );
    expect(cells).toEqual([
      { key: '41-50', count: 12, suppressed: false },
      { key: '31-40', count: null, suppressed: true },
      { key: '61+', count: null, suppressed: true },
    ]);
  });

  it('leaves cells at or above the minimum alone', () => {
    const cells = [
      { key: 'FEMALE', count: 3 },
      { key: 'MALE', count: 4 },
    ];
    expect(suppressSmallCells(cells, 3).every((c) => !c.suppressed)).toBe(true);
  });

  it('lets administrators and cadres of the subtree see people; analysts and cadres elsewhere do not', () => {
    expect(maySeePeople(admin, ['root', 'x'])).toBe(true);
    expect(maySeePeople(cadre, ['root', 'committee', 'branch'])).toBe(true);
    expect(maySeePeople(cadre, ['root', 'other', 'branch'])).toBe(false);
    expect(maySeePeople(analyst, ['root', 'committee', 'branch'])).toBe(false);
  });
});
