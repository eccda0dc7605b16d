import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organisation, owned by the organisation subgraph; statistics adds its figures. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id: string;
}

export const resolveOrganizationReference = (reference: { id: string }): Organization => ({ id: reference.id });
