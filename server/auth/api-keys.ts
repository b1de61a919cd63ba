// API keys: created with their scopes (and optionally teams), shown once, stored only as a
// SHA-256 hash, listed without the secret, revoked by id. A key is 32 random bytes, so a fast
// hash is enough: there is nothing to brute-force that a slow hash would protect.
import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '../db/sql-client.js';
import type { Principal } from './principal.js';
import { ALL_SCOPES, isScope, UNRESTRICTABLE_SCOPES, type Scope } from './scopes.js';

/** A bad key definition; the message says what to change. */
export class ApiKeyInputError extends Error {
  override name = 'ApiKeyInputError';
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  /** The first characters of the key, enough to tell keys apart. */
  prefix: string;
  scopes: Scope[];
  /** Empty: not restricted. */
  teamIds: number[];
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewApiKey {
  name: string;
  scopes: readonly string[];
  /** Team database ids; empty or absent: every team. */
  teamIds?: readonly number[] | null;
}

/** What a key row says, the hash aside. */
const KEY_COLUMNS = 'id, name, prefix, scopes, team_ids, created_at, revoked_at';

const KEY_PATTERN = /^dq_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 10;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether `key` has the shape of a DeskQL key (checked before any database lookup). */
export function isWellFormedKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Creates a key and returns it: the only time the key itself is ever seen. */
export async function createApiKey(sql: SqlClient, input: NewApiKey): Promise<{ id: number; key: string; info: ApiKeyInfo }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100)
    throw new ApiKeyInputError('name: give the key a name of 1 to 100 characters, e.g. "acme-bi"');
  const unknown = input.scopes.filter((scope) => !isScope(scope));
  if (unknown.length > 0)
    throw new ApiKeyInputError(`scopes: unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}; use ${ALL_SCOPES.join(', ')}`);
  const scopes = [...new Set(input.scopes)] as Scope[];
  if (scopes.length === 0) throw new ApiKeyInputError(`scopes: give at least one of ${ALL_SCOPES.join(', ')}`);
  const teamIds = [...new Set(input.teamIds ?? [])];
  if (teamIds.length > 0) {
    const forbidden = scopes.filter((scope) => UNRESTRICTABLE_SCOPES.includes(scope));
    if (forbidden.length > 0) {
      throw new ApiKeyInputError(
        `scopes: a team-restricted key cannot hold ${forbidden.join(', ')} (they reach every team); drop them or the teams`,
      );
    }
    const found = await sql.query<{ id: number }>('SELECT id FROM team WHERE id = ANY($1::int[])', [teamIds]);
    const missing = teamIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) throw new ApiKeyInputError(`teams: no team has the id ${missing.join(', ')}`);
  }
  const key = `dq_${randomBytes(32).toString('base64url')}`;
  const [row] = await sql.query<RawKey>(
    `INSERT INTO api_key (name, prefix, hash, scopes, team_ids) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${KEY_COLUMNS}`,
    [name, key.slice(0, PREFIX_LENGTH), hashKey(key), scopes, teamIds],
  );
  return { id: row!.id, key, info: infoOf(row!) };
}

export async function listApiKeys(sql: SqlClient): Promise<ApiKeyInfo[]> {
  const rows = await sql.query<RawKey>(`SELECT ${KEY_COLUMNS} FROM api_key ORDER BY id`);
  return rows.map(infoOf);
}

/** Revokes a key at once (every server instance checks the database on each request). */
export async function revokeApiKey(sql: SqlClient, id: number): Promise<ApiKeyInfo> {
  const [row] = await sql.query<RawKey>(
    `UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
     RETURNING ${KEY_COLUMNS}`,
    [id],
  );
  if (!row) throw new ApiKeyInputError(`id: no API key has the id ${id}; npm run apikey -- list shows them`);
  return infoOf(row);
}

export type KeyLookup = { status: 'valid'; principal: Principal } | { status: 'unknown' } | { status: 'revoked'; revokedAt: Date };

/** Finds the principal a presented key stands for. */
export async function lookUpKey(sql: SqlClient, key: string): Promise<KeyLookup> {
  if (!isWellFormedKey(key)) return { status: 'unknown' };
  const [row] = await sql.query<RawKey>(`SELECT ${KEY_COLUMNS} FROM api_key WHERE hash = $1`, [hashKey(key)]);
  if (!row) return { status: 'unknown' };
  const info = infoOf(row);
  if (info.revokedAt) return { status: 'revoked', revokedAt: info.revokedAt };
  return {
    status: 'valid',
    principal: {
      keyId: info.id,
      name: info.name,
      scopes: new Set(info.scopes),
      teamIds: info.teamIds.length > 0 ? info.teamIds : null,
    },
  };
}

interface RawKey {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  team_ids: number[];
  created_at: Date | string;
  revoked_at: Date | string | null;
}

function infoOf(row: RawKey): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isScope),
    teamIds: row.team_ids ?? [],
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}
