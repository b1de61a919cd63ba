// npm run db:drift: fails when prisma/schema.prisma and prisma/migrations disagree, printing
// the SQL a new migration would need (CI runs it; fix with npm run db:migration:new -- NAME).
import { pendingSchemaChanges } from '../server/db/migration-diff.js';

const sql = await pendingSchemaChanges();
if (sql) {
  console.error('prisma/schema.prisma has changes that no migration contains:\n');
  console.error(sql);
  console.error('Create the migration with: npm run db:migration:new -- describe_the_change');
  process.exit(1);
}
console.log('Migrations match prisma/schema.prisma.');
// The scratch databases keep handles open for a while; nothing is left to do.
process.exit(0);
