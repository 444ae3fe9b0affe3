/**
 * What the test run was started with. scripts/test.mjs and vitest.config.ts set these variables;
 * test files read them through here only.
 */

export type TestDbKind = 'pglite' | 'postgres';

/** Which database the current vitest project runs against (`SINGGAH_TEST_DB`, default pglite). */
export function testDbKind(): TestDbKind {
  const kind = process.env.SINGGAH_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error(`SINGGAH_TEST_DB must be "pglite" or "postgres", not "${kind}"`);
  }
  return kind;
}

/** The PostgreSQL server the postgres project creates its databases on. */
export function testDatabaseUrl(): string {
  const url = process.env.SINGGAH_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'SINGGAH_TEST_DATABASE_URL is not set. Run the tests with `npm test` (it starts a throwaway PostgreSQL ' +
        'server), or set it to a server where the user may CREATE DATABASE.',
    );
  }
  return url;
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
