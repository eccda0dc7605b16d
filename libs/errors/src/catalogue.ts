import { DomainError } from './domain-error';

/** One refusal in the two languages the platform answers in. Chinese is the default. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/** A catalogue entry: the parameters a refusal names (the rule, the limit) → its message. */
export type MessageTemplate<P> = (params: P) => LocalizedMessage;

/**
 * An entry whose refusal carries a shared code instead of its own key: the many input checks
 * of a service all answer `BAD_USER_INPUT` (clients already branch on it), each with its own
 * message. The key is kept as `extensions.reason`, so a client or a test can still tell them apart.
 */
export interface SharedCodeEntry<C extends string, M extends MessageTemplate<never>> {
  readonly code: C;
  readonly field: string | null;
  readonly message: M;
}

type Entry = MessageTemplate<never> | SharedCodeEntry<string, MessageTemplate<never>>;
type TemplateOf<E> = E extends SharedCodeEntry<string, infer M> ? M : E;
type CodeOf<E, K> = E extends SharedCodeEntry<infer C, MessageTemplate<never>> ? C : K;

type Factory<F> = F extends () => LocalizedMessage
  ? (params?: undefined, details?: Record<string, unknown>) => DomainError
  : F extends (params: infer P) => LocalizedMessage
    ? (params: P, details?: Record<string, unknown>) => DomainError
    : never;

export type ErrorCatalogue<T extends Record<string, Entry>> = { [K in keyof T]: Factory<TemplateOf<T[K]>> } & {
  readonly codes: { [K in keyof T]: CodeOf<T[K], K> };
};

/**
 * An input mistake (`BAD_USER_INPUT`) about one argument: `field` goes to `extensions.field`
 * (null when the same check serves several fields: pass `{ field }` as details instead).
 */
export function badInput<M extends MessageTemplate<never>>(field: string | null, message: M): SharedCodeEntry<'BAD_USER_INPUT', M> {
  return { code: 'BAD_USER_INPUT', field, message };
}

/** A refusal sharing a code with others (e.g. `FORBIDDEN`, `RULE_VIOLATION`), told apart by its key. */
export function sharedCode<C extends string, M extends MessageTemplate<never>>(code: C, message: M): SharedCodeEntry<C, M> {
  return { code, field: null, message };
}

/**
 * A service's refusals written once: the key is the stable `extensions.code`, the template
 * gives the Chinese message a party-affairs worker reads and the English one for callers who
 * ask for it (`accept-language: en`). Each entry becomes a factory of `DomainError`:
 *
 *   const ActivityErrors = defineErrors({
 *     HELD_IN_FUTURE: (p: { heldOn: string; today: string }) => ({ zh: `…${p.heldOn}…`, en: `…` }),
 *     TOPIC_TOO_LONG: badInput('topic', (p: { max: number }) => ({ zh: `…`, en: `…` })),
 *   });
 *   throw ActivityErrors.HELD_IN_FUTURE({ heldOn, today }, { field: 'heldOn' });
 *
 * The parameters are also copied into `extensions` so a client can show the limit itself.
 */
export function defineErrors<T extends Record<string, Entry>>(templates: T): ErrorCatalogue<T> {
  const catalogue: Record<string, unknown> = {};
  const codes: Record<string, string> = {};
  for (const [key, entry] of Object.entries(templates)) {
    const shared = typeof entry === 'function' ? null : (entry as SharedCodeEntry<string, MessageTemplate<never>>);
    const template = (shared ? shared.message : entry) as MessageTemplate<unknown>;
    const code = shared?.code ?? key;
    const fixed: Record<string, unknown> = shared ? { reason: key, ...(shared.field ? { field: shared.field } : {}) } : {};
    codes[key] = code;
    catalogue[key] = (params: unknown, details: Record<string, unknown> = {}) => {
      const messages = template(params);
      const shown = params && typeof params === 'object' ? publicParams(params as Record<string, unknown>) : {};
      return new DomainError(code, messages.zh, { ...shown, ...fixed, ...details }, messages);
    };
  }
  catalogue.codes = codes;
  return catalogue as ErrorCatalogue<T>;
}

/** Parameters worth echoing to the client: numbers, strings, dates — not nested records. */
function publicParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    // `code` and `reason` are the refusal's own: a parameter of that name is not echoed over them.
    if (['string', 'number', 'boolean'].includes(typeof value) && key !== 'code' && key !== 'reason') out[key] = value;
  }
  return out;
}

/** The message in the language the caller prefers (an `accept-language` header value). */
export function messageFor(error: DomainError, acceptLanguage: string | undefined): string {
  if (!error.messages) return error.message;
  return prefersEnglish(acceptLanguage) ? error.messages.en : error.messages.zh;
}

/** Chinese unless the caller's first preference is English. */
export function prefersEnglish(acceptLanguage: string | undefined): boolean {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}
