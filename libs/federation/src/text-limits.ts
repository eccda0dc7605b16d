import { Field, FieldOptions } from 'type-graphql';
import { CommonErrors } from '@partybuild/errors';

/**
 * The limit of a free-text input, written into its schema description where client developers
 * read it — and read back from there by the input guard, so the schema states exactly what is
 * enforced. Services take the numbers from their reference rules.
 */
export const limitNote = (max: number): string => `（最多 ${max} 字 — at most ${max} characters）`;

/** Appends the limit to a description: `@Arg('reason', { description: withLimit('取消理由 — why', RULES.text.reason) })`. */
export const withLimit = (description: string, max: number): string => `${description}${limitNote(max)}`;

const LIMIT = /at most (\d+) characters/;

/** The limit a description states, if any. */
export function statedLimit(description: string | null | undefined): number | null {
  const match = description ? LIMIT.exec(description) : null;
  return match ? Number(match[1]) : null;
}

/** A free-text input field with its maximum length: `@TextField(RULES.text.topic, { description: '主题 — topic' })`. */
export function TextField(max: number, options: FieldOptions & { description: string }): PropertyDecorator & MethodDecorator {
  return Field(() => String, { ...options, description: withLimit(options.description, max) });
}

/** Controls (but tab and line breaks), and the characters that reorder text (RTL overrides, isolates). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** Nothing a reader can see: spaces, zero-width and other format characters. */
const INVISIBLE = /^[\s\p{Z}\p{Cf}\p{Cc}]+$/u;

/**
 * Checks one free-text value: no control or direction-override characters, not only invisible
 * characters, at most `max` characters (counted as a reader counts them: code points).
 */
export function checkText(value: string, field: string, max: number | null): void {
  if (value.includes('\u0000')) throw CommonErrors.NUL_CHARACTER({ field }, { field });
  if (max === null) return;
  if (FORBIDDEN.test(value)) throw CommonErrors.TEXT_CONTROL_CHARACTER({ field }, { field });
  // Blank text is the domain's to refuse ("give the name"); zero-width or format characters alone are a disguise.
  if (value.trim().length > 0 && INVISIBLE.test(value)) throw CommonErrors.TEXT_ONLY_INVISIBLE({ field }, { field });
  const length = [...value].length;
  if (length > max) throw CommonErrors.TEXT_TOO_LONG({ field, max, length }, { field });
}
