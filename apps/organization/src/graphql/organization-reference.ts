import { assertAllowed } from '@partybuild/auth';
import { pathOf } from '../entities';
import { OrganizationNotFoundError } from '../errors';
import type { OrganizationContext } from './context';

/** Resolves `Organization` references from other subgraphs, batched and checked against the access table. */
export async function resolveOrganizationReference(reference: { id: string }, ctx: OrganizationContext) {
  const organization = await ctx.loaders.byId.load(reference.id);
  if (!organization) throw new OrganizationNotFoundError(reference.id);
  assertAllowed(ctx.caller, 'organization.read', { path: pathOf(organization) }, organization.name);
  return organization;
}
