import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A count under a label (a stage, a gender, an age band, a month…).' })
export class LabelCount {
  @Field()
  key: string;

  @Field(() => Int, {
    nullable: true,
    description: 'null when withheld (小数抑制): too few people to show to a caller who may not see them; never shown as 0',
  })
  count: number | null;

  @Field({ description: '已抑制 — the count is withheld (see count); totals are never withheld' })
  suppressed: boolean;
}
