import type { z } from 'zod';
import type { Concern } from './define-config';

/** The schema under optional/default/effects wrappers, with the first description and default met. */
function unwrap(schema: z.ZodTypeAny): { description?: string; defaultValue?: unknown; optional: boolean } {
  let description: string | undefined;
  let defaultValue: unknown;
  let current: z.ZodTypeAny | undefined = schema;
  while (current) {
    description ??= current.description;
    const def = current._def as { typeName: string; defaultValue?: () => unknown; innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny };
    if (def.typeName === 'ZodDefault' && defaultValue === undefined) defaultValue = def.defaultValue!();
    current = def.innerType ?? def.schema;
  }
  return { description, defaultValue, optional: schema.isOptional() };
}

const shown = (value: unknown): string => (typeof value === 'string' ? `\`${value}\`` : String(value));

/**
 * The README table of a deployable's variables, generated from its schemas (`npm run docs:config`)
 * so that the documentation cannot drift from what the code reads.
 */
export function configTable(definition: Concern<z.ZodRawShape>): string {
  const lines = ['| variable | default | meaning |', '|---|---|---|'];
  for (const [name, schema] of Object.entries(definition.variables)) {
    const { description, defaultValue, optional } = unwrap(schema);
    const rules = definition.rules.filter((r) => r.variable === name).map((r) => r.condition);
    // "required when …" answers the default column of an optional variable; other rules go with the meaning.
    const requiredWhen = defaultValue === undefined && optional ? rules.filter((c) => c.startsWith('required')) : [];
    const fallback =
      defaultValue !== undefined
        ? shown(defaultValue)
        : !optional
          ? '— (required)'
          : requiredWhen.length > 0
            ? `— (${requiredWhen.join('; ')})`
            : '—';
    const extra = rules.filter((c) => !requiredWhen.includes(c));
    lines.push(`| \`${name}\` | ${fallback} | ${[description ?? '', ...extra].filter(Boolean).join('; ').replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}
