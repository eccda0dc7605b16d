import { DomainError } from './domain-error';
import { badInput, defineErrors, messageFor, sharedCode } from './catalogue';

const Errors = defineErrors({
  TOO_MANY_MODEL_POSTS: (p: { allowed: number; requested: number }) => ({
    zh: `示范岗不得超过在职党员的10%：本支部最多 ${p.allowed} 个，本次为 ${p.requested} 个。`,
    en: `At most ${p.allowed} model posts are allowed (10 % of in-service members); ${p.requested} were nominated.`,
  }),
  CLOSED: () => ({ zh: '考核已结束，不能再评分。', en: 'The round is closed; it can no longer be scored.' }),
});

describe('error catalogue', () => {
  it('makes a DomainError whose code is the key, Chinese message by default, parameters in details', () => {
    const error = Errors.TOO_MANY_MODEL_POSTS({ allowed: 10, requested: 11 }, { field: 'memberIds' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('TOO_MANY_MODEL_POSTS');
    expect(error.message).toContain('最多 10 个');
    expect(error.details).toEqual({ allowed: 10, requested: 11, field: 'memberIds' });
  });

  it('answers in English only when the caller prefers it', () => {
    const error = Errors.CLOSED();
    expect(messageFor(error, 'en-US,en;q=0.9')).toMatch(/closed/);
    expect(messageFor(error, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('考核已结束，不能再评分。');
    expect(messageFor(error, undefined)).toBe('考核已结束，不能再评分。');
  });

  it('lists its codes', () => {
    expect(Errors.codes.CLOSED).toBe('CLOSED');
  });
});

describe('entries sharing a code', () => {
  const Shared = defineErrors({
    TOPIC_TOO_LONG: badInput('topic', (p: { max: number }) => ({ zh: `主题最多 ${p.max} 个字。`, en: `At most ${p.max} characters.` })),
    MANAGERS_ONLY: sharedCode('FORBIDDEN', () => ({ zh: '只有党务干部可以登记。', en: 'Only cadres may record.' })),
  });

  it('answers BAD_USER_INPUT naming the argument, with the key as the reason', () => {
    const error = Shared.TOPIC_TOO_LONG({ max: 200 });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ max: 200, reason: 'TOPIC_TOO_LONG', field: 'topic' });
    expect(messageFor(error, 'en')).toBe('At most 200 characters.');
    expect(Shared.codes.TOPIC_TOO_LONG).toBe('BAD_USER_INPUT');
  });

  it('keeps a shared code such as FORBIDDEN', () => {
    expect(Shared.MANAGERS_ONLY().code).toBe('FORBIDDEN');
    expect(Shared.MANAGERS_ONLY().message).toBe('只有党务干部可以登记。');
  });
});
