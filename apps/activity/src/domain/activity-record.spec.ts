import { ActivityStatus, ActivityType } from './activity-type';
import { assertPlanned, checkHeldRecord, checkPlannedOn } from './activity-record';

const today = '2026-11-22';

describe('the record of a held activity', () => {
  it('refuses a day in the future and a lecture without its lecturer', () => {
    expect(() => checkHeldRecord(ActivityType.THEMED_PARTY_DAY, { heldOn: '2026-11-23', topic: '主题党日' }, today)).toThrow(
      expect.objectContaining({ code: 'HELD_IN_FUTURE' }),
    );
    expect(() => checkHeldRecord(ActivityType.PARTY_LECTURE, { heldOn: today, topic: '党课', lecturer: { name: ' ' } }, today)).toThrow(
      expect.objectContaining({ code: 'LECTURER_REQUIRED' }),
    );
  });

  it('trims texts, keeps attachments as references and checks their hash', () => {
    const sha256 = 'a'.repeat(64);
    const record = checkHeldRecord(
      ActivityType.PARTY_LECTURE,
      {
        heldOn: today,
        topic: ' 学习二十大精神 ',
        lecturer: { name: '张伟', memberId: 'm1' },
        attachments: [{ name: '讲稿.pdf', sizeBytes: 1024, sha256 }],
      },
      today,
    );
    expect(record).toMatchObject({
      topic: '学习二十大精神',
      lecturerName: '张伟',
      lecturerMemberId: 'm1',
      attachments: [{ name: '讲稿.pdf', sizeBytes: 1024, sha256 }],
    });
    expect(() =>
      checkHeldRecord(
        ActivityType.STUDY,
        { heldOn: today, topic: '学习', attachments: [{ name: 'x', sizeBytes: 1, sha256: 'nothex' }] },
        today,
      ),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('lets only a planned activity be held or cancelled', () => {
    expect(() => assertPlanned(ActivityStatus.CANCELLED, '党日')).toThrow(expect.objectContaining({ code: 'ACTIVITY_CANCELLED' }));
    expect(() => assertPlanned(ActivityStatus.HELD, '党日')).toThrow(expect.objectContaining({ code: 'ACTIVITY_ALREADY_HELD' }));
    expect(() => assertPlanned(ActivityStatus.PLANNED, '党日')).not.toThrow();
  });

  it('refuses a meeting held in the year 0000 or 1900 and beyond the years a district allows', () => {
    for (const heldOn of ['0000-01-01', '1900-01-01', '2021-11-21']) {
      expect(() => checkHeldRecord(ActivityType.THEMED_PARTY_DAY, { heldOn, topic: '主题党日' }, today)).toThrow(
        expect.objectContaining({ code: 'DATE_OUT_OF_RANGE', details: expect.objectContaining({ earliest: '2021-11-22', latest: today }) }),
      );
    }
    const tenYears = { heldYearsBack: 10, plannedYearsAhead: 2, plannedDaysBack: 366 };
    expect(checkHeldRecord(ActivityType.THEMED_PARTY_DAY, { heldOn: '2017-01-01', topic: '主题党日' }, today, tenYears).heldOn).toBe(
      '2017-01-01',
    );
  });

  it('refuses an attachment of 1e300 bytes, a negative or a fractional size', () => {
    for (const sizeBytes of [1e300, -1, 1.5, 2 * 1024 ** 3 + 1]) {
      const attachments = [{ name: '记录.pdf', sizeBytes, sha256: 'a'.repeat(64) }];
      expect(() => checkHeldRecord(ActivityType.THEMED_PARTY_DAY, { heldOn: today, topic: '主题党日', attachments }, today)).toThrow(
        expect.objectContaining({ code: 'NUMBER_OUT_OF_RANGE' }),
      );
    }
  });

  it('plans no further ahead than the district allows, and not long past', () => {
    expect(checkPlannedOn('2028-11-22', today)).toBe('2028-11-22');
    for (const day of ['9999-12-31', '2028-11-23', '2025-11-20', '0000-01-01']) {
      expect(() => checkPlannedOn(day, today)).toThrow(expect.objectContaining({ code: 'DATE_OUT_OF_RANGE' }));
    }
  });
});
