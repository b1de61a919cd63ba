// Validates one parsed NDJSON line against its record spec, collecting every problem.
import { parseIsoInstant } from '../iso-instant.js';
import { SPEC_BY_TYPE, type RecordSpec, type RecordType } from './record-specs.js';

export interface FieldProblem {
  field: string;
  reason: string;
}

export interface ValidRecord {
  type: RecordType;
  externalId: string;
  /** Field values by import field name: strings, Dates, numbers, booleans, ref externalIds, null. */
  values: Record<string, unknown>;
}

const MAX_STRING = 10_000;

export function validateRecord(input: unknown): { record?: ValidRecord; problems: FieldProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ field: '(line)', reason: 'must be a JSON object' }] };
  }
  const object = input as Record<string, unknown>;
  const spec = typeof object.type === 'string' ? SPEC_BY_TYPE.get(object.type as RecordType) : undefined;
  if (!spec) {
    const known = [...SPEC_BY_TYPE.keys()].join(', ');
    return { problems: [{ field: 'type', reason: `must be one of ${known}, got ${JSON.stringify(object.type ?? null)}` }] };
  }
  const problems: FieldProblem[] = [];
  const externalId = object.externalId;
  if (typeof externalId !== 'string' || externalId.trim() === '' || externalId.length > 255 || externalId.includes('\u0000')) {
    problems.push({ field: 'externalId', reason: 'must be a non-empty string of at most 255 characters, without NUL' });
  }
  for (const key of Object.keys(object)) {
    // Own properties only: `in` would take __proto__, constructor or toString for fields.
    if (key !== 'type' && key !== 'externalId' && !Object.hasOwn(spec.fields, key)) {
      problems.push({ field: key, reason: `is not a field of ${spec.type}; fields are ${Object.keys(spec.fields).join(', ')}` });
    }
  }
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    const raw = object[name];
    if (raw === undefined || raw === null) {
      if (field.required) problems.push({ field: name, reason: 'is required' });
      values[name] =
        field.kind === 'bool' || (field.kind === 'int' && field.fallback !== undefined) || field.kind === 'parsed'
          ? (field.fallback ?? null)
          : null;
      continue;
    }
    const problem = checkValue(spec, name, raw, values);
    if (problem) problems.push({ field: name, reason: problem });
  }
  if (problems.length === 0) {
    for (const [field, reason] of spec.check?.(values) ?? []) problems.push({ field, reason });
  }
  return problems.length ? { problems } : { record: { type: spec.type, externalId: externalId as string, values }, problems };
}

function checkValue(spec: RecordSpec, name: string, raw: unknown, values: Record<string, unknown>): string | null {
  const field = spec.fields[name]!;
  switch (field.kind) {
    case 'string':
    case 'ref':
      if (typeof raw !== 'string' || raw === '')
        return `must be a non-empty string${field.kind === 'ref' ? ` (the externalId of a ${field.target})` : ''}`;
      if (raw.length > MAX_STRING) return `must be at most ${MAX_STRING} characters`;
      // PostgreSQL text cannot hold NUL; refused here rather than failing the whole write.
      if (raw.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
      values[name] = raw;
      return null;
    case 'enum':
      if (typeof raw !== 'string' || !field.values.includes(raw))
        return `must be one of ${field.values.join(', ')}, got ${JSON.stringify(raw)}`;
      values[name] = raw;
      return null;
    case 'instant': {
      const parsed = parseIsoInstant(raw);
      if ('problem' in parsed) return `must be ${parsed.problem}; got ${JSON.stringify(raw)?.slice(0, 100)}`;
      values[name] = parsed.date;
      return null;
    }
    case 'int':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw > 2_147_483_647)
        return `must be a whole number, got ${JSON.stringify(raw)}`;
      if (raw < field.min) return `must be >= ${field.min}, got ${raw}`;
      values[name] = raw;
      return null;
    case 'bool':
      if (typeof raw !== 'boolean') return `must be true or false, got ${JSON.stringify(raw)}`;
      values[name] = raw;
      return null;
    case 'parsed': {
      const { value, problems } = field.parse(raw);
      if (problems.length) return problems.join('; ');
      values[name] = value;
      return null;
    }
  }
}
