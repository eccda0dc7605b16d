import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organisation service owns organisations; this subgraph only adds `members` to them. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '党组织 — a Party organisation (owned by the organisation service)' })
export class Organization {
  @Field(() => ID)
  id: string;
}

/** Any organisation id resolves to its stub; the organisation subgraph fills in the rest. */
export const resolveOrganizationReference = (reference: { id: string }): Organization => ({ id: reference.id });
