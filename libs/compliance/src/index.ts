/**
 * One definition of compliance with organisational life (三会一课 and 组织生活), read by the
 * activity service (its compliance report), the statistics (their figures) and the
 * reconciliation: the rules, the slots a period asks for, and how a rate is counted.
 */
export { Frequency, slotOf, slotsOverlapping } from './slots';
export {
  AppliesTo,
  COMPLIANCE_RULE_VERSIONS,
  ORGANIZATIONAL_LIFE,
  THREE_MEETINGS_ONE_LESSON,
  complianceRulesOn,
  hasCommittee,
} from './compliance-rules';
export type { ComplianceRules, OfficialRequirement, RequirementRule } from './compliance-rules';
export { SlotStatus, addTallies, applies, assessRequirements, organizationalLife, rateOf, tally, threeMeetingsOneLesson } from './assess';
export type { ComplianceSubject, HeldIn, RequirementResult, SlotResult, Tally } from './assess';
