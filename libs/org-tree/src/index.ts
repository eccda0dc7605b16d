import { CreateOrgTreeProjection1767300000100, OrgTreePathWithoutPendingList1767300000110 } from './org-tree-migration';

export { orgTreeHandlers } from './org-tree-handlers';
export { OrgTree, isBranchLevel } from './org-tree';
export type { NodeFilter, OrgNode } from './org-tree';
export { memberPathLoader, nodeLoader } from './tree-loaders';

/** Add to the migrations of a service that keeps a copy of the tree. */
export const orgTreeMigrations = [CreateOrgTreeProjection1767300000100, OrgTreePathWithoutPendingList1767300000110];
