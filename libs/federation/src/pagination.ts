import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { CommonErrors } from '@partybuild/errors';

export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many items (at most 200).' })
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Shared by every subgraph's pages, so it is declared shareable for composition. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Decodes the page arguments into a limit and offset, refusing nonsense. */
export function pageWindow(args: PageArgs): { limit: number; offset: number } {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw CommonErrors.PAGE_SIZE({ max: MAX_PAGE_SIZE });
  }
  let offset = 0;
  if (args.after) {
    // Only what toPage writes: a forged `offset:1e300` is an integer to JavaScript but not to PostgreSQL.
    const match = /^offset:(\d{1,9})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!match) throw CommonErrors.PAGE_CURSOR();
    offset = Number(match[1]);
  }
  return { limit: args.first, offset };
}

export function toPage<T>(items: T[], totalCount: number, window: { limit: number; offset: number }): Page<T> {
  const end = window.offset + items.length;
  return {
    items,
    totalCount,
    pageInfo: {
      hasNextPage: end < totalCount,
      endCursor: items.length ? Buffer.from(`offset:${end}`, 'utf8').toString('base64url') : null,
    },
  };
}

/** A GraphQL page type for one item type: `OrganizationPage { items, totalCount, pageInfo }`. */
export function PageOf<T extends object>(itemType: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(name, { description: `A page of ${itemType.name} items.` })
  class PageType implements Page<T> {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int, { description: 'How many items the whole list has.' })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return PageType;
}
