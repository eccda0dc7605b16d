import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Each subgraph declares its own stub classes on purpose: type-graphql hangs field resolvers on the
// class, so one class shared through a library pulls every subgraph's fields into each schema.

/** Owned by the organisation subgraph; this subgraph adds pairs, profiles and open work. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '党组织 — a Party organisation in the district tree' })
export class Organization {
  @Field(() => ID)
  id: string;
}

/** Owned by the membership subgraph; this subgraph adds the member's pair and services. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '党员 — a Party member' })
export class Member {
  @Field(() => ID)
  id: string;
}

/** Federation reference resolvers: this subgraph knows these entities only by id. */
export const referenceResolvers = {
  Organization: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
  Member: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
};

export const organizationRef = (id: string | null): Organization | null => (id ? { id } : null);
export const memberRef = (id: string | null): Member | null => (id ? { id } : null);
