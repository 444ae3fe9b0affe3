/**
 * Fresh, migrated databases for tests.
 *
 *   const database = await createTestDatabase();
 *   afterAll(() => database.close());
 *
 * The kind follows the vitest project the file runs in (SINGGAH_TEST_DB): `pglite` loads the
 * migrated snapshot made by global-setup.pglite.ts into a new in-memory PGlite; `postgres` creates a
 * new database from the template made by global-setup.postgres.ts and drops it on close().
 *
 * Prefer one database per test file (in beforeAll): a PGlite instance costs ~400 MB that the process
 * keeps after close(). Test files run in separate processes, so that memory is returned between files.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createPglite, type Database, migrateDatabase, openDatabase } from '../../src/server/db/client.js';
import { type TestDbKind, testDatabaseUrl, testDbKind, withDatabase } from './env.js';
import './provided.js';

export interface TestDatabase extends Database {
  /** Connection URL of this database (postgres only). */
  url?: string;
}

let snapshot: Blob | undefined;

function provided<K extends 'pgliteSnapshot' | 'postgresTemplate'>(key: K): string | undefined {
  try {
    return inject(key) || undefined;
  } catch {
    // Not inside a vitest worker.
    return undefined;
  }
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const file = provided('pgliteSnapshot');
  if (!file) {
    // No global setup ran (a script, or a project without it): migrate from scratch, the slow way.
    const database = await openDatabase({ pglite: await createPglite() });
    await migrateDatabase(database);
    return database;
  }
  snapshot ??= new Blob([readFileSync(file)]);
  return openDatabase({ pglite: await createPglite(undefined, snapshot) });
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drop a test database. pg's Pool.end() resolves before its connections have closed, and forcing the
 * drop at once would terminate them with an error that surfaces as an uncaught exception in the test
 * process; so wait for them to go, and force only as a last resort.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; attempt <= 50; attempt++) {
    try {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  const template = provided('postgresTemplate');
  const name = `singgah_t_${process.pid}_${randomBytes(4).toString('hex')}`;

  if (template) {
    // Two CREATE DATABASE … TEMPLATE at the same moment can collide ("source database is being
    // accessed by other users", 55006): retry a few times.
    for (let attempt = 1; ; attempt++) {
      try {
        await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } else {
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  }

  const url = withDatabase(serverUrl, name);
  let database: Database;
  try {
    database = await openDatabase({ url });
    if (!template) await migrateDatabase(database, url);
  } catch (error) {
    await dropDatabase(serverUrl, name).catch(() => undefined);
    throw error;
  }

  let closed = false;
  return {
    ...database,
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** A new, empty, fully migrated database of the kind this test project runs against. */
export async function createTestDatabase(kind: TestDbKind = testDbKind()): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgresDatabase() : createPgliteDatabase();
}
