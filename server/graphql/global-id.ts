// Relay global IDs: base64 of "Type:databaseId", opaque to clients. Decoding is strict so that a
// mistyped or truncated ID is reported as bad input instead of failing somewhere deeper.
import { userInputError } from './errors.js';

/** The largest id a record can have (PostgreSQL integer). */
export const MAX_DATABASE_ID = 2_147_483_647;

/** Every type a global ID may name. */
const NODE_TYPES = new Set([
  'Team',
  'Agent',
  'Customer',
  'KnowledgeArticle',
  'Ticket',
  'Interaction',
  'SurveyResponse',
  'BusinessCalendar',
  'SlaPolicy',
]);

export function encodeGlobalID(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalID) ? Buffer.from(globalID, 'base64').toString('utf8') : '';
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  // Ids are PostgreSQL integers: a larger number names no record and would fail in SQL.
  if (!match || !NODE_TYPES.has(match[1]!) || Number(match[2]) > MAX_DATABASE_ID) {
    throw userInputError(`"${truncate(globalID)}" is not a DeskQL ID: use an id returned by this API`);
  }
  return { typename: match[1]!, id: match[2]! };
}

/** The database id of a decoded global ID whose type has already been checked. */
export function databaseId(decoded: { id: string }): number {
  return Number(decoded.id);
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/**
 * Database ids of a list of global IDs that must all name records of `typename`; `argument`
 * names the input in the error, e.g. "filter.assigneeIds".
 */
export function databaseIdsOf(typename: string, globalIDs: readonly string[], argument: string): number[] {
  return globalIDs.map((globalID, index) => {
    const decoded = decodeGlobalID(globalID);
    if (decoded.typename !== typename) {
      throw userInputError(`${argument}[${index}] is a ${decoded.typename} ID; pass ${typename} IDs here`);
    }
    return databaseId(decoded);
  });
}
