/** The facts that earn a member pioneer-index points (党员先锋指数); never likes, clicks, logins or time in an app. */
export enum PioneerFact {
  DUES_ON_TIME = 'DUES_ON_TIME',
  APPRAISAL = 'APPRAISAL',
  MODEL_POST = 'MODEL_POST',
  MEETING_ATTENDED = 'MEETING_ATTENDED',
  DEVELOPMENT_DUTY = 'DEVELOPMENT_DUTY',
  PAIRING_SERVICE = 'PAIRING_SERVICE',
}
