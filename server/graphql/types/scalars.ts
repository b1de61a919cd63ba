import { GraphQLError, Kind } from 'graphql';
import { parseIsoInstant } from '../../iso-instant.js';
import { builder } from '../builder.js';

// An instant must carry its offset: "2026-03-02T09:00" alone would mean a different moment on
// every server, and KPI periods must mean the same thing everywhere.
function parseInstant(value: unknown): Date {
  const parsed = parseIsoInstant(value);
  if ('problem' in parsed) {
    throw new GraphQLError(`DateTime must be ${parsed.problem}; got ${JSON.stringify(value)?.slice(0, 100)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed.date;
}

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string with an offset or Z (e.g. "2026-03-02T09:00:00.000Z").',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
