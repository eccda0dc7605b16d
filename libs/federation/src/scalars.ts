import { GraphQLScalarType, Kind } from 'graphql';
import { CommonErrors } from '@partybuild/errors';
import { toGraphQLError } from './format-error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw toGraphQLError(CommonErrors.NOT_A_DATE({ value: String(value).slice(0, 40) }));
  }
  return value;
}

/** A calendar date without time or zone (terms, elections, probation): `2026-03-01`. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD (日期).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
