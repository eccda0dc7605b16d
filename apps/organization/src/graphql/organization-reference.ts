import { assertAllowed } from '@partybuild/auth';
import { pathOf } from '../entities';
import { OrganizationErrors } from '../errors';
import type { OrganizationContext } from './context';

/** Resolves `Organization` references from other subgraphs, batched and checked against the access table. */
export async function resolveOrganizationReference(reference: { id: string }, ctx: OrganizationContext) {
  const organization = await ctx.loaders.byId.load(reference.id);
  if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND({ reference: reference.id });
  assertAllowed(ctx.caller, 'organization.read', { path: pathOf(organization) }, organization.name);
  return organization;
}
