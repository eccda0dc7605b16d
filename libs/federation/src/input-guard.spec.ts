import { GraphQLSchema, buildSchema, graphql } from 'graphql';
import { guardInputs } from './input-guard';
import { checkText, limitNote, statedLimit } from './text-limits';
import { pageWindow } from './pagination';

const withResolvers = (schema: GraphQLSchema) => {
  for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = () => 'ok';
  return schema;
};
const schema = guardInputs(
  withResolvers(
    buildSchema(`
      input Held { hostId: ID!, coHostIds: [ID!], """主题 — topic${limitNote(10)}""" topic: String!, minutes: String }
      type Query {
        thing(id: ID!): String
        record("""why${limitNote(5)}""" reason: String, input: Held): String
      }`),
  ),
);
const ID = '5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11';
const run = (source: string) => graphql({ schema, source });

describe('input guard', () => {
  it('refuses an id that is not a UUID, naming the argument, before the resolver runs', async () => {
    expect((await run(`{ thing(id: "${ID}") }`)).data).toEqual({ thing: 'ok' });
    const result = await run(`{ thing(id: "JG-01") }`);
    expect(result.errors?.[0].originalError).toMatchObject({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'id' }) });
    const nested = await run(`{ record(input: { hostId: "${ID}", coHostIds: ["${ID}", "1e300"], topic: "t" }) }`);
    expect(nested.errors?.[0].originalError).toMatchObject({ details: expect.objectContaining({ field: 'input.coHostIds[1]' }) });
  });

  it('refuses a NUL byte in any string', async () => {
    const result = await run(`{ record(input: { hostId: "${ID}", topic: "t", minutes: "a\\u0000b" }) }`);
    expect(result.errors?.[0].originalError).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ reason: 'NUL_CHARACTER', field: 'input.minutes' }),
    });
  });

  it('holds free text to the limit its description states', async () => {
    expect(statedLimit(`why${limitNote(5)}`)).toBe(5);
    const long = await run(`{ record(reason: "一二三四五六") }`);
    expect(long.errors?.[0].originalError).toMatchObject({
      details: expect.objectContaining({ reason: 'TEXT_TOO_LONG', max: 5, length: 6, field: 'reason' }),
    });
    expect(long.errors?.[0].message).toBe('reason 最多 5 个字，所填为 6 个字。');
    expect((await run(`{ record(reason: "一二三四五") }`)).errors).toBeUndefined();
  });
});

describe('free text', () => {
  it('refuses names of only invisible characters and direction overrides', () => {
    expect(() => checkText('\u200b\u200c\u2060\ufeff', 'name', 50)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'TEXT_ONLY_INVISIBLE' }) }),
    );
    expect(() => checkText('张\u202e三', 'name', 50)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'TEXT_CONTROL_CHARACTER' }) }),
    );
    expect(() => checkText(' \u200b\u3000 ', 'name', 50)).toThrow(/不能只由空格、零宽字符/);
    expect(() => checkText('  \u3000 ', 'name', 50)).not.toThrow(); // blank: the domain says "give the name"
    expect(() => checkText('第一行\n第二行\t完', 'minutes', 50)).not.toThrow();
    expect(() => checkText('👨‍👩‍👧 家庭', 'topic', 50)).not.toThrow();
  });
});

describe('page cursor', () => {
  const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  it('refuses a forged cursor such as offset:1e300 instead of passing it to SQL', () => {
    expect(pageWindow({ first: 10, after: cursor('offset:40') })).toEqual({ limit: 10, offset: 40 });
    for (const forged of ['offset:1e300', 'offset:-1', 'offset:4.5', 'garbage', 'offset:99999999999']) {
      expect(() => pageWindow({ first: 10, after: cursor(forged) })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
