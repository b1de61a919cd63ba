import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/longest-first.js';

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
    // forks keep the WebAssembly heaps of the two workers apart.
    pool: 'forks',
    // Two files at a time, one per core of these machines (vitest's default is cores − 1):
    // many files spend much of their time waiting for a child process, a timer or PostgreSQL.
    maxWorkers: 2,
    // A worker runs file after file in one process instead of a new one per file. Per file
    // that saves starting a process, importing and evaluating the server's modules (1.4 s),
    // and compiling PGlite's and Prisma's WebAssembly again and warming it up. Safe because
    // no test relies on module state: a request's state lives on its GraphQL context, each
    // file opens its own database and closes it, and the one test that changes process.env
    // puts it back.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
