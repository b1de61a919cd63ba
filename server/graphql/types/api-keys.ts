// Who am I (viewer), and key administration through the API (apiKeys, createApiKey,
// revokeApiKey; scope keys:admin). The same functions back `npm run apikey`.
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo } from '../../auth/api-keys.js';
import type { Principal } from '../../auth/principal.js';
import { SCOPES, type Scope } from '../../auth/scopes.js';
import { sqlOver } from '../../db/client-sql.js';
import { builder } from '../builder.js';
import { ADMIN, ANY_CALLER } from '../../auth/scope-declarations.js';
import type { GraphQLContext } from '../context.js';
import { userInputError } from '../errors.js';
import { withIdempotency } from '../idempotency.js';
import { databaseIdsOf, MAX_DATABASE_ID } from '../global-id.js';
import { TeamNode } from './team.js';

/** GraphQL enum names cannot hold ":", so kpis:read is KPIS_READ. */
const ApiScopeEnum = builder.enumType('ApiScope', {
  description: 'What an API key may do.',
  values: Object.fromEntries(
    Object.entries(SCOPES).map(([scope, description]) => [scope.replace(':', '_').toUpperCase(), { value: scope as Scope, description }]),
  ) as Record<string, { value: Scope; description: string }>,
});

/**
 * The teams of keys (or of the viewer), by each one's team ids: one statement for every key of
 * the page, not one per key. Each list keeps ascending id order.
 */
const teamsOf = {
  type: TeamNode,
  load: async (keys: ReadonlyArray<readonly number[]>, ctx: GraphQLContext) => {
    const ids = [...new Set(keys.flat())];
    const teams = ids.length ? await ctx.prisma.team.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } }) : [];
    return keys.map((wanted) => teams.filter((team) => wanted.includes(team.id)));
  },
  loaderOptions: { cacheKeyFn: (ids: readonly number[]) => ids.join(',') },
} as const;

const ApiKeyRef = builder.objectRef<ApiKeyInfo>('ApiKey').implement({
  description: 'An API key, without its secret (shown once, when it is created).',
  fields: (t) => ({
    id: t.id({ resolve: (k) => k.id }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart.' }),
    scopes: t.field({ type: [ApiScopeEnum], resolve: (k) => k.scopes }),
    teams: t.loadableList({
      ...teamsOf,
      description: 'The only teams whose data the key sees; empty: every team.',
      resolve: (k) => k.teamIds,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'The caller of this request: its key, scopes and team restriction.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The key\'s name; "anonymous" without a key (embedded demo only).' }),
    anonymous: t.boolean({ resolve: (p) => p.keyId === null }),
    scopes: t.field({ type: [ApiScopeEnum], resolve: (p) => [...p.scopes] }),
    restricted: t.boolean({ description: "True when the caller sees only some teams' data.", resolve: (p) => p.teamIds !== null }),
    teams: t.loadableList({
      ...teamsOf,
      description: 'The teams a restricted caller sees; empty when not restricted.',
      resolve: (p) => p.teamIds ?? [],
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    authScopes: ANY_CALLER,
    type: ViewerRef,
    description: 'Who is calling. Any key may ask.',
    resolve: (_root, _args, ctx) => ctx.caller,
  }),
  apiKeys: t.field({
    authScopes: ADMIN,
    type: [ApiKeyRef],
    description: 'Every API key, revoked ones included (scope keys:admin).',
    resolve: (_root, _args, ctx) => listApiKeys(sqlOver(ctx.prisma)),
  }),
}));

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who or what the key is for, e.g. "acme-bi".' }),
    scopes: t.field({ type: [ApiScopeEnum], required: true }),
    teamIds: t.idList({ description: "Restrict the key to these teams' data (read scopes only). Omit for every team." }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ key: string; apiKey: ApiKeyInfo }>('CreateApiKeyPayload').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key: shown this once, store it now. Send it as "Authorization: Bearer <key>".' }),
    apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }),
  }),
});

/** Key errors are the caller's to fix: reported as bad input with their message. */
async function asUserInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiKeyInputError) throw userInputError(error.message);
    throw error;
  }
}

builder.mutationFields((t) => ({
  createApiKey: t.field({
    authScopes: ADMIN,
    type: CreateApiKeyPayload,
    description: 'Creates an API key (scope keys:admin). The key is in the answer and nowhere else.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, context, info) =>
      withIdempotency({ context, info }, input, () =>
        asUserInput(async () => {
          // A key may grant at most what it holds: keys:admin alone must not mint records:write.
          const held = context.caller.scopes;
          const beyond = input.scopes.filter((scope) => !held.has(scope));
          if (beyond.length > 0) {
            throw new ApiKeyInputError(
              `scopes: this key cannot grant ${[...new Set(beyond)].join(', ')}, which it does not hold itself; a key may grant at most its own scopes`,
            );
          }
          const teamIds = input.teamIds ? databaseIdsOf('Team', input.teamIds, 'input.teamIds') : [];
          const created = await createApiKey(context.database.sql, { name: input.name, scopes: input.scopes, teamIds });
          return { key: created.key, apiKey: created.info };
        }),
      ),
  }),
  revokeApiKey: t.field({
    authScopes: ADMIN,
    type: ApiKeyRef,
    description: 'Revokes an API key at once (scope keys:admin). Revoking a revoked key changes nothing.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context, info) =>
      withIdempotency({ context, info }, { id }, () =>
        asUserInput(async () => {
          if (!/^\d{1,10}$/.test(String(id)) || Number(id) > MAX_DATABASE_ID)
            throw new ApiKeyInputError(`id: "${String(id).slice(0, 40)}" is not an API key id; apiKeys lists them`);
          return revokeApiKey(context.database.sql, Number(id));
        }),
      ),
  }),
}));
