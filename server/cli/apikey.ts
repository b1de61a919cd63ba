// npm run apikey -- create --name NAME --scopes SCOPE[,SCOPE…] [--teams TEAM[,TEAM…]]
// npm run apikey -- list
// npm run apikey -- revoke ID
// Manages API keys in the configured database (DATABASE_URL, or the embedded one while the
// server is stopped). `create` prints the key alone on stdout, so scripts can capture it:
//   KEY=$(npm run -s apikey -- create --name bi --scopes kpis:read)
import { parseArgs } from 'node:util';
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from '../auth/api-keys.js';
import { SCOPES } from '../auth/scopes.js';
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock.js';
import type { SqlClient } from '../db/sql-client.js';
import { decodeGlobalID } from '../graphql/global-id.js';
import { describeTarget, openConfiguredDatabase, runCli } from './open.js';

class UsageError extends Error {}

const USAGE = `Usage:
  npm run apikey -- create --name NAME --scopes SCOPE[,SCOPE...] [--teams TEAM[,TEAM...]]
  npm run apikey -- list
  npm run apikey -- revoke ID

Scopes:
${Object.entries(SCOPES)
  .map(([scope, text]) => `  ${scope.padEnd(14)} ${text}`)
  .join('\n')}

TEAM is a team's externalId or its ID from the API. A key with --teams sees only those teams'
tickets, interactions, surveys and customers, and may hold read scopes only.`;

runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new UsageError(USAGE);
  const { values, positionals } = parseOptions(rest);
  // Usage errors are told before the database is opened (and migrated).
  if (command === 'create' && (!values.name || !values.scopes)) throw new UsageError(`create needs --name and --scopes\n\n${USAGE}`);
  const revokeId = positionals[0];
  if (command === 'revoke' && (!revokeId || !/^\d{1,9}$/.test(revokeId))) {
    throw new UsageError(`revoke needs the key's id (npm run apikey -- list shows them)\n\n${USAGE}`);
  }
  const { config, db } = await openConfiguredDatabase();
  try {
    if (command === 'create' && values.name && values.scopes) {
      const teamIds = values.teams ? await teamIdsOf(db.sql, splitList(values.teams)) : [];
      const { key, info } = await createApiKey(db.sql, { name: values.name, scopes: splitList(values.scopes), teamIds });
      console.error(`Created API key ${describe(info)} in ${describeTarget(config)}.`);
      console.error('It is shown this once; send it as "Authorization: Bearer <key>":');
      console.log(key);
    } else if (command === 'list') {
      const keys = await listApiKeys(db.sql);
      if (keys.length === 0) console.log(`No API keys in ${describeTarget(config)}.`);
      for (const info of keys) console.log(describe(info));
    } else {
      console.log(`Revoked ${describe(await revokeApiKey(db.sql, Number(revokeId)))}`);
    }
  } finally {
    await db.close();
  }
}, [UsageError, ApiKeyInputError, EmbeddedDatabaseBusyError]);

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: 'string' }, scopes: { type: 'string' }, teams: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Team references as a person has them: externalIds, or IDs copied from the API. */
async function teamIdsOf(sql: SqlClient, references: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const reference of references) {
    const [row] = await sql.query<{ id: number }>('SELECT id FROM team WHERE external_id = $1', [reference]);
    if (row) {
      ids.push(row.id);
      continue;
    }
    let decoded: { typename: string; id: string } | null = null;
    try {
      decoded = decodeGlobalID(reference);
    } catch {
      decoded = null;
    }
    if (decoded?.typename !== 'Team')
      throw new ApiKeyInputError(`teams: no team has the externalId or ID "${reference}"; ${await knownTeams(sql)}`);
    ids.push(Number(decoded.id));
  }
  return ids;
}

/** The teams a person could have meant, by externalId and name (the first 50). */
async function knownTeams(sql: SqlClient): Promise<string> {
  const teams = await sql.query<{ external_id: string; name: string }>('SELECT external_id, name FROM team ORDER BY external_id LIMIT 51');
  if (teams.length === 0) return 'this database has no teams yet (import them first)';
  const listed = teams
    .slice(0, 50)
    .map((team) => `${team.external_id} (${team.name})`)
    .join(', ');
  return `teams are: ${listed}${teams.length > 50 ? ', …' : ''}`;
}

function describe(info: ApiKeyInfo): string {
  const teams = info.teamIds.length ? `; teams ${info.teamIds.join(', ')}` : '';
  const state = info.revokedAt ? `revoked ${info.revokedAt.toISOString()}` : 'active';
  return `${info.id} "${info.name}" ${info.prefix}… [${info.scopes.join(', ')}${teams}] created ${info.createdAt.toISOString()}, ${state}`;
}
