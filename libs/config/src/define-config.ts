import { z } from 'zod';
import { ConfigError } from './config-error';

type Shape = z.ZodRawShape;
type Values<S extends Shape> = z.infer<z.ZodObject<S>>;

/**
 * A rule across variables, checked at load: `holds` is false when the operator must set or fix
 * `variable`; `condition` says why in words, for the error and the generated README table.
 */
export interface ConfigRule<V> {
  variable: string;
  condition: string;
  holds(values: V): boolean;
}

/** The variables of one concern (listening, the database, the event transport …), declared once. */
export interface Concern<S extends Shape> {
  variables: S;
  rules: ReadonlyArray<ConfigRule<Values<S>>>;
}

export function concern<S extends Shape>(variables: S, rules: ReadonlyArray<ConfigRule<Values<S>>> = []): Concern<S> {
  return { variables, rules };
}

type Flat<T> = { [K in keyof T]: T[K] };
/** The concerns' variables in one shape, a later concern's variable replacing an earlier one. */
type MergedShape<C extends ReadonlyArray<Concern<Shape>>> = C extends readonly [
  ...infer Init extends ReadonlyArray<Concern<Shape>>,
  infer Last extends Concern<Shape>,
]
  ? Flat<Omit<MergedShape<Init>, keyof Last['variables']> & Last['variables']>
  : {};

/** A deployable's whole configuration: its concerns' variables and rules, and a loader. */
export interface ConfigDefinition<S extends Shape> extends Concern<S> {
  /** Reads and checks the environment once, at start-up; every problem names its variable. */
  load(env?: NodeJS.ProcessEnv): Values<S>;
}

/** The values a definition loads. */
export type ConfigOf<D> = D extends ConfigDefinition<infer S> ? Values<S> : D extends Concern<infer S> ? Values<S> : never;

/**
 * Composes concerns into one definition; a later concern's variable replaces an earlier one
 * of the same name (a service's own default port). Types come from the schemas, never written twice.
 */
export function defineConfig<C extends ReadonlyArray<Concern<Shape>>>(...concerns: C): ConfigDefinition<Extract<MergedShape<C>, Shape>> {
  const variables = Object.assign({}, ...concerns.map((c) => c.variables)) as Extract<MergedShape<C>, Shape>;
  const rules = concerns.flatMap((c) => c.rules as ReadonlyArray<ConfigRule<Values<Extract<MergedShape<C>, Shape>>>>);
  return {
    variables,
    rules,
    load(env: NodeJS.ProcessEnv = process.env) {
      const result = z.object(variables).safeParse(env);
      const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      // On a schema failure the rules still run, on the variables that did parse, so that one
      // start-up names every problem; a variable already named is not named twice.
      const values = (result.success ? result.data : partialValues(variables, env)) as Values<Extract<MergedShape<C>, Shape>>;
      for (const rule of rules) {
        if (!problems.some((p) => p.startsWith(`${rule.variable}:`)) && !rule.holds(values))
          problems.push(`${rule.variable}: ${rule.condition}`);
      }
      if (problems.length > 0) throw new ConfigError(problems);
      return values;
    },
  };
}

/** Each variable that parses on its own, for checking rules when others did not. */
function partialValues(variables: Shape, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(variables)) {
    const parsed = schema.safeParse(env[name]);
    if (parsed.success) values[name] = parsed.data;
  }
  return values;
}
