// GET /readyz: ready when the database answers and every migration is applied. A load
// balancer stops routing to an instance that is not ready (or is shutting down).
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrations.js';
import type { Logger } from '../logger.js';

export function readinessCheck(db: Database, logger: Logger, isShuttingDown: () => boolean) {
  return async (): Promise<Response | boolean> => {
    if (isShuttingDown()) return notReady('shutting down');
    let pending: string[];
    try {
      pending = await pendingMigrations(db);
    } catch (error) {
      logger.warn('readiness check: database unreachable', { error });
      return notReady('database unreachable');
    }
    if (pending.length > 0) return notReady(`migrations not applied: ${pending.join(', ')}`);
    return true;
  };
}

function notReady(reason: string): Response {
  return Response.json({ ready: false, reason }, { status: 503 });
}
