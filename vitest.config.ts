/**
 * Test projects (see docs/TESTING.md). Run them with `npm test`, which picks the projects this
 * machine can run, starts a throwaway PostgreSQL server and builds the web app when needed.
 *
 * - unit:     src/shared and src/web tests; no database.
 * - pglite:   src/server/**\/*.test.ts and tests/**\/*.test.ts on the embedded PGlite (PostgreSQL 18).
 * - postgres: the same files on a PostgreSQL 15 server; defined only when SINGGAH_TEST_DATABASE_URL is set.
 * - e2e:      tests/e2e/**\/*.e2e.ts in Chromium against the real server; runs after the others.
 */
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const databaseTests = ['src/server/**/*.test.ts', 'tests/**/*.test.ts'];
const postgresUrl = process.env.SINGGAH_TEST_DATABASE_URL;

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      include: ['src/shared/**/*.test.{ts,tsx}', 'src/web/**/*.test.{ts,tsx}'],
    },
  },
  {
    extends: true,
    test: {
      name: 'pglite',
      include: databaseTests,
      env: { SINGGAH_TEST_DB: 'pglite' },
      globalSetup: ['tests/support/global-setup.pglite.ts'],
    },
  },
];

if (postgresUrl) {
  projects.push({
    extends: true,
    test: {
      name: 'postgres',
      include: databaseTests,
      env: { SINGGAH_TEST_DB: 'postgres', SINGGAH_TEST_DATABASE_URL: postgresUrl },
      globalSetup: ['tests/support/global-setup.postgres.ts'],
    },
  });
}

projects.push({
  extends: true,
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts', 'tests/support/**/*.e2e.ts'],
    // After the API tests, so that browser, server and API tests do not fight over the two cores.
    sequence: { groupOrder: 1 },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects,
    // Each test file in its own child process: a PGlite instance (~400 MB) is freed with it.
    pool: 'forks',
    maxWorkers: 2,
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    exclude: ['**/node_modules/**', '**/dist/**', '.tmp/**', 'test-results/**'],
  },
});
