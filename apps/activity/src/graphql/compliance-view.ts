import { complianceRate } from '../domain/compliance';
import { Period } from '../domain/period';
import { CompliancePicture, partBelow, rated, summarise } from '../application/compliance-queries';
import type { ComplianceResult } from '../domain/compliance';
import type { Compliance } from './compliance.type';

/** One organisation's result in the shape of the `Compliance` type, with its subtree summed. */
export function complianceView(picture: CompliancePicture, result: ComplianceResult, period: Period): Compliance {
  return {
    ...result,
    period: period.label,
    rate: complianceRate(result),
    threeMeetingsOneLesson: rated(result.threeMeetingsOneLesson),
    organizationalLife: rated(result.organizationalLife),
    subtree: summarise(partBelow(picture, result.organizationId)),
  };
}
