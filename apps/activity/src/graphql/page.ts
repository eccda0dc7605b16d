import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '@partybuild/federation';

/**
 * Local copy of the lib's page type with its own PageInfo name: the lib's `PageInfo` is not
 * `@shareable`, so two subgraphs defining it do not compose. Switch back to `PageOf` from
 * @partybuild/federation once its PageInfo is shareable.
 */
@ObjectType('ActivityPageInfo', { description: 'Where a page stands in the whole list.' })
export class ActivityPageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export function PageOf<T extends object>(itemType: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(name, { description: `A page of ${itemType.name} items.` })
  class PageType implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'How many items the whole list has.' })
    totalCount: number;

    @Field(() => ActivityPageInfo)
    pageInfo: ActivityPageInfo;
  }
  return PageType;
}
