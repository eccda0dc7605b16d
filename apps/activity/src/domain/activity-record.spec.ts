import { ActivityStatus, ActivityType } from './activity-type';
import { assertPlanned, checkHeldRecord } from './activity-record';

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
});
