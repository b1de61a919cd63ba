// The embedded demo's first key. While the server runs, the embedded database is locked to
// it, so `npm run apikey` cannot add a key then; instead the first start creates an
// administrator key and prints it once, so the demo's writes and key administration can be
// tried at once. A database that already holds a key gets none.
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createApiKey } from './api-keys.js';
import { ALL_SCOPES } from './scopes.js';

export async function offerDemoAdminKey(db: Database, logger: Logger): Promise<void> {
  const [existing] = await db.sql.query('SELECT 1 FROM api_key LIMIT 1');
  if (existing) return;
  const { key } = await createApiKey(db.sql, { name: 'demo-admin', scopes: ALL_SCOPES });
  logger.info('created the demo administrator key; it is shown this once: send it as "Authorization: Bearer <key>"', {
    name: 'demo-admin',
    key,
  });
}
