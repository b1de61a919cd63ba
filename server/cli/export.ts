// npm run export -- FILE   (FILE may be - for standard output)
// Writes every record of the configured database as NDJSON in the import format.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { EmbeddedDatabaseBusyError } from '../db/embedded-lock.js';
import { exportNdjson } from '../import/export-ndjson.js';
import { describeTarget, openConfiguredDatabase, runCli } from './open.js';

class UsageError extends Error {}

runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new UsageError('Usage: npm run export -- FILE   (FILE may be - for standard output)');
  const { config, db } = await openConfiguredDatabase();
  try {
    const output = file === '-' ? process.stdout : createWriteStream(file);
    let records = 0;
    for await (const line of exportNdjson(db)) {
      if (!output.write(line + '\n')) await once(output, 'drain');
      records++;
    }
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(() => resolve()));
    console.error(`Exported ${records} records from ${describeTarget(config)}${file === '-' ? '' : ` to ${file}`}`);
  } finally {
    await db.close();
  }
}, [UsageError, EmbeddedDatabaseBusyError]);
