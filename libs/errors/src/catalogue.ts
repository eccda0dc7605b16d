import { DomainError } from './domain-error';

/** One refusal in the two languages the platform answers in. Chinese is the default. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/** A catalogue entry: the parameters a refusal names (the rule, the limit) → its message. */
export type MessageTemplate<P> = (params: P) => LocalizedMessage;

type Factory<F> = F extends () => LocalizedMessage
  ? (params?: undefined, details?: Record<string, unknown>) => DomainError
  : F extends (params: infer P) => LocalizedMessage
    ? (params: P, details?: Record<string, unknown>) => DomainError
    : never;

export type ErrorCatalogue<T extends Record<string, MessageTemplate<never>>> = { [K in keyof T]: Factory<T[K]> } & {
  readonly codes: { [K in keyof T]: K };
};

/**
 * A service's refusals written once: the key is the stable `extensions.code`, the template
 * gives the Chinese message a party-affairs worker reads and the English one for callers who
 * ask for it (`accept-language: en`). Each entry becomes a factory of `DomainError`:
 *
 *   const ActivityErrors = defineErrors({
 *     HELD_IN_FUTURE: (p: { heldOn: string; today: string }) => ({ zh: `…${p.heldOn}…`, en: `…` }),
 *   });
 *   throw ActivityErrors.HELD_IN_FUTURE({ heldOn, today }, { field: 'heldOn' });
 *
 * The parameters are also copied into `extensions` so a client can show the limit itself.
 */
export function defineErrors<T extends Record<string, MessageTemplate<never>>>(templates: T): ErrorCatalogue<T> {
  const catalogue: Record<string, unknown> = {};
  const codes: Record<string, string> = {};
  for (const [code, template] of Object.entries(templates)) {
    codes[code] = code;
    catalogue[code] = (params: unknown, details: Record<string, unknown> = {}) => {
      const messages = (template as MessageTemplate<unknown>)(params);
      const shown = params && typeof params === 'object' ? publicParams(params as Record<string, unknown>) : {};
      return new DomainError(code, messages.zh, { ...shown, ...details }, messages);
    };
  }
  catalogue.codes = codes;
  return catalogue as ErrorCatalogue<T>;
}

/** Parameters worth echoing to the client: numbers, strings, dates — not nested records. */
function publicParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
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
