// Prisma CLI configuration. Only `prisma generate` uses the CLI here: migrations are applied
// by server/db/migrations.ts through Prisma's schema engine compiled to WebAssembly, so no
// native engine binary is ever downloaded (see README, "Migrations").
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
