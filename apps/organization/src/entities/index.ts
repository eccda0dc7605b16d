import { CommitteeMemberRecord } from './committee-member.entity';
import { ElectionRecord } from './election.entity';
import { OrganizationRevisionRecord } from './organization-revision.entity';
import { OrganizationRecord } from './organization.entity';

export { CommitteeMemberRecord, ElectionRecord, OrganizationRevisionRecord, OrganizationRecord };
export { pathOf } from './organization.entity';
export const organizationEntities = [OrganizationRecord, CommitteeMemberRecord, ElectionRecord, OrganizationRevisionRecord];
