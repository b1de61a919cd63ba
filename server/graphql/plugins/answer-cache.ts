// Answers reused until the data changes: the Envelop response cache (@envelop/response-cache,
// maintained by The Guild for exactly this), in memory by default or in Redis
// (@envelop/response-cache-redis) when REDIS_URL is set, so that every instance shares it.
//
// - Keyed by the operation, its variables, the caller's scopes and team restriction (a
//   restricted key never receives another key's answer) and the data version
//   (server/db/data-version.ts). Every committed write moves the version forward, so no
//   answer computed before a write is ever served after it, on any instance: the old entries
//   are simply never asked for again and age out (LRU bound in memory, TTL in Redis).
// - Answers that can change with time alone (AnswerFreshness.dependsOnNow) live at most
//   NOW_TTL_MS; all others at most the configured TTL.
// - Answers with errors are not cached, and neither are mutations (queriesOnly).
//
// Order: last of the execute plugins, so a hit skips admission and the snapshot (see
// useAnswerSnapshot), and after useAccessControl, so scopes and the rate limit apply to hits.
import { createInMemoryCache, defaultBuildResponseCacheKey, useResponseCache, type Cache } from '@envelop/response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { readDataVersion } from '../../db/data-version.js';
import type { SqlClient } from '../../db/sql-client.js';
import type { Logger } from '../../logger.js';
import type { GraphQLContext } from '../context.js';
import { isQuery } from '../operation-kind.js';

/** Answers evaluated against "now" expire within a minute (issue 10, item 3). */
export const NOW_TTL_MS = 60_000;

export interface AnswerCacheOptions {
  /** Reads the data version where answers are read (the replica, when there is one). */
  sql: SqlClient;
  logger: Logger;
  /** null: in memory, this process only. */
  redisUrl: string | null;
  /** Prefix of every Redis key (several deployments or test runs may share one Redis). */
  redisKeyPrefix: string;
  /** In-memory bound: answers kept at most. */
  maxEntries: number;
  /** Longest an answer is kept (ms); 0 turns the cache off. */
  ttlMs: number;
}

export interface AnswerCache {
  plugin: Plugin<GraphQLContext>;
  close(): Promise<void>;
}

export function createAnswerCache(options: AnswerCacheOptions): AnswerCache {
  let redis: Redis | undefined;
  let cache: Cache;
  if (options.redisUrl) {
    redis = new Redis(options.redisUrl, { keyPrefix: options.redisKeyPrefix, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', (error: Error) => options.logger.warn('redis connection problem', { error: error.message }));
    cache = tolerant(createRedisCache({ redis }) as unknown as Cache, options.logger);
  } else {
    cache = createInMemoryCache({ max: options.maxEntries });
  }
  const plugin = useResponseCache<GraphQLContext & { request?: Request }>({
    cache,
    ttl: options.ttlMs,
    enabled: () => options.ttlMs > 0,
    // Invalidation is by data version (above): entity bookkeeping would only cost time.
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    session: (context) => {
      const principal: GraphQLContext['caller'] | undefined = context.caller;
      if (!principal) return null;
      return JSON.stringify({
        scopes: [...principal.scopes].sort(),
        teams: principal.teamIds ? [...principal.teamIds].sort((a, b) => a - b) : null,
      });
    },
    buildResponseCacheKey: async (params) => {
      const context = params.context as GraphQLContext;
      const version = await readDataVersion(options.sql);
      context.freshness.keyVersion = version;
      const key = await defaultBuildResponseCacheKey({ ...params, sessionId: `${params.sessionId ?? ''}|v${version.dataVersion}` });
      context.freshness.cacheKey = key;
      return key;
    },
    // Who the caller is and the key list are per key and change without a data write.
    ttlPerSchemaCoordinate: { 'Query.viewer': 0, 'Query.apiKeys': 0 },
    shouldCacheResult: ({ result }) => !result.errors?.length,
    onTtl: ({ ttl, context }) => ((context as GraphQLContext).freshness.dependsOnNow ? Math.min(ttl, NOW_TTL_MS) : ttl),
  }) as Plugin<GraphQLContext>;
  return {
    plugin: queriesOnly(plugin),
    async close() {
      if (redis) await redis.quit().catch(() => redis!.disconnect());
    },
  };
}

/**
 * Only query answers are cached. With invalidateViaMutation off (invalidation is by data
 * version), the response cache would otherwise cache mutation results too, and an identical
 * retry of createApiKey or revokeApiKey (which move no data version) would be answered from the
 * cache without running.
 */
function queriesOnly(plugin: Plugin<GraphQLContext>): Plugin<GraphQLContext> {
  const onExecute = plugin.onExecute;
  if (!onExecute) return plugin;
  return {
    ...plugin,
    onExecute(params) {
      if (!isQuery(params.args.document, params.args.operationName)) return undefined;
      return onExecute(params);
    },
  };
}

/** A Redis that is down makes the cache miss, never the answer fail. */
function tolerant(cache: Cache, logger: Logger): Cache {
  return {
    get: async (key) => {
      try {
        return await cache.get(key);
      } catch (error) {
        logger.warn('response cache read failed', { error: (error as Error).message });
        return undefined;
      }
    },
    set: async (...args) => {
      try {
        await cache.set(...args);
      } catch (error) {
        logger.warn('response cache write failed', { error: (error as Error).message });
      }
    },
    invalidate: async (entities) => {
      await Promise.resolve(cache.invalidate(entities)).catch(() => {});
    },
  };
}
