// Database names of the data model, read from prisma/schema.prisma through the generated
// DATAMODEL (prisma/datamodel-generator.mjs): tables, columns and enum types come from @map and
// @@map, so hand-written writers (the import, the demo generator) never restate them.
import { DATAMODEL } from '../generated/datamodel.js';

type Models = typeof DATAMODEL.models;
export type ModelName = keyof Models;
/** The scalar and enum fields of a model (relations are not columns). */
export type ScalarField<M extends ModelName> = keyof Models[M]['fields'] & string;
export type EnumName = keyof typeof DATAMODEL.enums;

interface FieldInfo {
  column: string;
  kind: string;
  type: string;
  isList: boolean;
}

/** PostgreSQL types of the Prisma scalars the writers send; enums go by their @@map name. */
const SCALAR_PG_TYPES: Record<string, string> = {
  Int: 'int',
  String: 'text',
  Boolean: 'boolean',
  DateTime: 'timestamptz',
  Json: 'jsonb',
  Float: 'float8',
  BigInt: 'bigint',
};

export function tableOf(model: ModelName): string {
  return DATAMODEL.models[model].dbName;
}

function fieldInfo<M extends ModelName>(model: M, field: ScalarField<M>): FieldInfo {
  const fields: Record<string, FieldInfo> = DATAMODEL.models[model].fields;
  const info = fields[field];
  if (!info) throw new Error(`${model}.${field} is not a column of prisma/schema.prisma`);
  return info;
}

export function columnOf<M extends ModelName>(model: M, field: ScalarField<M>): string {
  return fieldInfo(model, field).column;
}

/** The column's PostgreSQL type: a scalar's (`int`, `text`, …) or the enum type's name (`ticket_status`). */
export function pgTypeOf<M extends ModelName>(model: M, field: ScalarField<M>): string {
  const info = fieldInfo(model, field);
  if (info.kind === 'enum') return DATAMODEL.enums[info.type as EnumName].dbName;
  const type = SCALAR_PG_TYPES[info.type];
  if (!type || info.isList) throw new Error(`${model}.${field}: no writer type for ${info.type}${info.isList ? '[]' : ''}`);
  return type;
}

/** The values of the enum a field holds, in schema order. */
export function enumValuesOf<M extends ModelName>(model: M, field: ScalarField<M>): readonly string[] {
  const info = fieldInfo(model, field);
  if (info.kind !== 'enum') throw new Error(`${model}.${field} is not an enum`);
  return DATAMODEL.enums[info.type as EnumName].values;
}
