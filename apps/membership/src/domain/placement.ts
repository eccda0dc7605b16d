import { OrgNode, isBranchLevel } from '@partybuild/org-tree';
import { DomainError, MembershipErrors, MembershipRuleErrors } from '../errors';

type Node = Pick<OrgNode, 'id' | 'name' | 'kind' | 'status' | 'parentId'>;

/**
 * Where a person's record may be placed — registered, imported or transferred into: an active
 * branch (党支部, 联合党支部, 临时党支部). The one rule every way in uses; null when allowed.
 */
export function placementRefusal(node: Node): DomainError | null {
  if (!isBranchLevel(node)) return MembershipErrors.ORGANIZATION_NOT_BRANCH_LEVEL({ name: node.name });
  if (node.status !== 'ACTIVE') return MembershipRuleErrors.BRANCH_DISSOLVED({ branch: node.name }, { organizationId: node.id });
  return null;
}

/** A Party group a member of `branchId` may be placed in: an active group of that branch. */
export function groupRefusal(group: Node, branchId: string): DomainError | null {
  if (group.kind !== 'PARTY_GROUP' || group.parentId !== branchId || group.status !== 'ACTIVE') {
    return MembershipRuleErrors.PARTY_GROUP_NOT_OF_BRANCH({ group: group.name }, { field: 'partyGroupId' });
  }
  return null;
}
