import { inScope } from '@partybuild/auth';
import { OutOfScopeError } from '@partybuild/errors';
import { pathOf } from '../entities';
import { OrganizationErrors } from '../errors';
import type { OrganizationContext } from './context';

/** Resolves `Organization` references from other subgraphs, batched and scope-checked. */
export async function resolveOrganizationReference(reference: { id: string }, ctx: OrganizationContext) {
  const organization = await ctx.loaders.byId.load(reference.id);
  if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND({ reference: reference.id });
  if (!inScope(ctx.caller, pathOf(organization))) throw new OutOfScopeError(organization.name);
  return organization;
}
