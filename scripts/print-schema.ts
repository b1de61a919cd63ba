// npm run schema:print writes schema/schema.graphql from the Pothos schema (sorted, so it is
// stable); with --check it only compares and fails when the checked-in file is stale.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../server/graphql/schema.js';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'schema.graphql');
const printed = `# Generated from the server's Pothos schema by \`npm run schema:print\`. Do not edit.\n\n${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== printed) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit the result.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is current.');
} else {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, printed);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}
