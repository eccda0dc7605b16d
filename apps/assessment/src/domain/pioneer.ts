/** The facts that earn a member pioneer-index points (党员先锋指数); never likes, clicks, logins or time in an app. */
export enum PioneerFact {
  DUES_ON_TIME = 'DUES_ON_TIME',
  APPRAISAL = 'APPRAISAL',
  MODEL_POST = 'MODEL_POST',
  MEETING_ATTENDED = 'MEETING_ATTENDED',
  DEVELOPMENT_DUTY = 'DEVELOPMENT_DUTY',
  PAIRING_SERVICE = 'PAIRING_SERVICE',
  MICRO_WISH = 'MICRO_WISH',
}

/** Facts whose source does not name members (yet): no event names a member's development duty. Always "no data". */
export const NEVER_PUBLISHED: readonly PioneerFact[] = [PioneerFact.DEVELOPMENT_DUTY];

/** Facts shown as "no data" until the first event that names members for them arrives. */
export const PUBLISHED_BY_EVENTS: readonly PioneerFact[] = [
  PioneerFact.MEETING_ATTENDED,
  PioneerFact.MICRO_WISH,
  PioneerFact.PAIRING_SERVICE,
];
