/**
 * Global setup of the `postgres` project: on the server at SINGGAH_TEST_DATABASE_URL, create a
 * template database and run the migrations in it once. Each test file then gets its own database with
 * `CREATE DATABASE test_… TEMPLATE <template>` (tests/support/db.ts). The template is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl, withDatabase } from './env.js';
import './provided.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const serverUrl = testDatabaseUrl();
  const template = `singgah_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }

  const templateUrl = withDatabase(serverUrl, template);
  const { migrateDatabase, openDatabase } = await import('../../src/server/db/client.js');
  const database = await openDatabase({ url: templateUrl });
  try {
    await migrateDatabase(database, templateUrl);
  } finally {
    // A template must have no open connection when databases are created from it.
    await database.close();
  }
  console.log(`[postgres] migrated template database ${template} in ${Date.now() - started} ms`);
  project.provide('postgresTemplate', template);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
