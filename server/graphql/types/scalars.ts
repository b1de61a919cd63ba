import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

// An instant must carry its offset: "2026-03-02T09:00" alone would mean a different moment on
// every server, and KPI periods must mean the same thing everywhere.
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parseInstant(value: unknown): Date {
  const date = typeof value === 'string' && isoInstant.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 instant with an offset or Z, such as "2026-03-02T09:00:00Z"; got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string with an offset or Z (e.g. "2026-03-02T09:00:00.000Z").',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
