// Imports nothing: the console's browser bundle uses this file as it is (aliased in
// apps/console/vite.config.mjs), so server exports and browser downloads guard cells alike.

/**
 * Characters that make Excel, WPS and LibreOffice read a cell as a formula (or, for tab and
 * carriage return, hide what follows): `=HYPERLINK(...)` in a name would be a live link.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell Excel shows as text: a leading formula character gets an apostrophe before it
 * (OWASP "CSV injection"). Numbers are written as numbers (a negative figure stays a number).
 */
export function neutralise(value: string | number | null | undefined): string | number {
  if (value == null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse, for files read back in (an import of an export): drops the apostrophe `neutralise` added. */
export const unneutralise = (value: string): string =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
