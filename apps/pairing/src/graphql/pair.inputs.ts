import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, TextField, withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/pairing-rules';
import { PairKind, VillageType } from '../domain/kinds';
import './enums';

@InputType({ description: '村（社区）结对档案' })
export class VillageProfileInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => VillageType)
  villageType: VillageType;

  @Field(() => [String], { nullable: true, description: withLimit('认定依据 — the facts behind the type, each', TEXT.title) })
  facts?: string[] | null;

  @Field(() => Int, { nullable: true })
  population?: number | null;

  @Field(() => Int, { nullable: true })
  households?: number | null;
}

@InputType({ description: '拟结对 — propose a pair' })
export class ProposePairInput {
  @Field(() => PairKind, { nullable: true, defaultValue: PairKind.AGENCY_VILLAGE })
  kind?: PairKind | null;

  @Field(() => ID, { description: '帮扶方 — agency (or strong branch)' })
  helperId: string;

  @Field(() => ID, { description: '被帮扶方 — village or community (or weak branch)' })
  helpedId: string;

  @Field(() => Int, { nullable: true, description: '结对期限（月）; default from the rules' })
  termMonths?: number | null;

  @TextField(TEXT.rule, { nullable: true, description: 'The suggestion’s rule, when taken from one' })
  rule?: string | null;

  @TextField(TEXT.outcome, { nullable: true, description: '结对理由' })
  reason?: string | null;
}

export { LocalDateScalar };
