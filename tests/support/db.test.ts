/**
 * Self-test of the database harness: each call gives a migrated database of the project's kind, and
 * two databases never see each other's rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { testDbKind } from './env.js';

describe(`test database harness (${testDbKind()})`, () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('gives the kind of database the project asks for', async () => {
    expect(first.kind).toBe(testDbKind());
    await first.ping();
    const [row] = await queryRows<{ version: string }>(first.db, sql`select version() as version`);
    expect(row.version).toMatch(testDbKind() === 'postgres' ? /PostgreSQL 15\./ : /PostgreSQL/);
  });

  it('runs the migrations, extensions included', async () => {
    const migrations = await queryRows<{ count: number }>(
      first.db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(migrations[0].count).toBeGreaterThan(0);
    const extensions = await queryRows<{ extname: string }>(first.db, sql`select extname from pg_extension`);
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'btree_gist']));
  });

  it('keeps databases apart', async () => {
    await first.db.execute(sql`create table harness_probe (id int)`);
    await first.db.execute(sql`insert into harness_probe values (1)`);
    const tables = await queryRows<{ name: string | null }>(second.db, sql`select to_regclass('harness_probe')::text as name`);
    expect(tables[0].name).toBeNull();
  });
});
