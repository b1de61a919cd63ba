// npm run db:migrate: applies pending migrations to the configured database
// (DATABASE_URL, or the embedded one in DESKQL_DATA_DIR).
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock.js';
import { describeTarget, runCli } from './open.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { applyMigrations } from '../db/migrations.js';

runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const applied = await applyMigrations(db);
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) to ${describeTarget(config)}: ${applied.join(', ')}`
        : `${describeTarget(config)} is up to date: no migration to apply.`,
    );
  } finally {
    await db.close();
  }
}, [EmbeddedDatabaseBusyError]);
