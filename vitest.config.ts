import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships both index.js and index.mjs; Node loads one for our dependencies and Vite
  // would pick the other for our code, and GraphQL refuses types from "another realm".
  // Pinning the entry keeps one copy.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    // Migrates one template database for the whole run; each file clones it.
    globalSetup: ['test/support/global-setup.ts'],
    // Each file opens its own database (PGlite in memory, or a fresh PostgreSQL database);
    // forks keep the WebAssembly heaps of different files apart.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
