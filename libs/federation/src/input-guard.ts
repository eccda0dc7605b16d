import {
  GraphQLArgument,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { CommonErrors } from '@partybuild/errors';
import { checkText, statedLimit } from './text-limits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Check = (value: unknown, path: string) => void;

/**
 * Checks every argument of every field before its resolver runs, in one place for all
 * subgraphs: an `ID` must be a UUID (every id of the platform is one; anything else would
 * reach PostgreSQL and fail there as an internal error), no string may hold a NUL byte, and a
 * free-text input whose description states a limit (`TextField`, `withLimit`) is held to it.
 * A mistake is `BAD_USER_INPUT` naming the argument (`input.coHostIds[1]`).
 */
export function guardInputs(schema: GraphQLSchema): GraphQLSchema {
  const cache = new Map<string, Check | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const checks = field.args.flatMap((arg) => {
        const check = checkFor(arg, cache);
        return check ? [[arg.name, check] as const] : [];
      });
      if (!checks.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        for (const [name, check] of checks) if (args[name] != null) check(args[name], name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

function checkFor(input: GraphQLArgument | GraphQLInputField, cache: Map<string, Check | null>): Check | null {
  return checkType(input.type, statedLimit(input.description), cache);
}

function checkType(type: GraphQLInputType, limit: number | null, cache: Map<string, Check | null>): Check | null {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const item = checkType(nullable.ofType, limit, cache);
    return item
      ? (value, path) => {
          if (Array.isArray(value)) value.forEach((v, i) => v != null && item(v, `${path}[${i}]`));
        }
      : null;
  }
  const named = getNamedType(nullable);
  if (isScalarType(named)) {
    if (named.name === 'ID') {
      return (value, path) => {
        if (typeof value !== 'string' || !UUID.test(value)) throw CommonErrors.NOT_A_UUID({ field: path }, { field: path });
      };
    }
    if (named.name === 'String') return (value, path) => typeof value === 'string' && checkText(value, path, limit);
    return null;
  }
  if (isInputObjectType(named)) {
    if (cache.has(named.name)) return cache.get(named.name) ?? ((value, path) => cache.get(named.name)?.(value, path));
    cache.set(named.name, null); // a recursive input type refers to itself while being built
    const fields = Object.values(named.getFields()).flatMap((f) => {
      const check = checkFor(f, cache);
      return check ? [[f.name, check] as const] : [];
    });
    const check: Check | null = fields.length
      ? (value, path) => {
          const record = value as Record<string, unknown>;
          for (const [name, c] of fields) if (record[name] != null) c(record[name], `${path}.${name}`);
        }
      : null;
    cache.set(named.name, check);
    return check;
  }
  return null;
}
