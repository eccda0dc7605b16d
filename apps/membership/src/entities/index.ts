import { DevelopmentStepRecord } from './development-step.entity';
import { DuesPaymentRecord } from './dues-payment.entity';
import { MemberRecord } from './member.entity';
import { PersonalDataAccessRecord } from './personal-data-access.entity';
import { TransferRecord } from './transfer.entity';

export { DevelopmentStepRecord, DuesPaymentRecord, MemberRecord, PersonalDataAccessRecord, TransferRecord };
export const membershipEntities = [MemberRecord, DevelopmentStepRecord, TransferRecord, DuesPaymentRecord, PersonalDataAccessRecord];
