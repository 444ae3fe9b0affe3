import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/db.js';
import { testDbKind } from '../../../tests/support/env.js';
import { openDatabase, queryRows } from './client.js';

/**
 * The database handle behaves the same on both databases: PGlite is reached through node-postgres
 * and PGlite's wire-protocol adapter on one connection (openDatabase), a server through a pool.
 */
describe('database handle', () => {
  let database: TestDatabase;
  const names = async () => (await queryRows<{ name: string }>(database.db, sql`select name from handle_probe order by name`)).map((r) => r.name);

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table handle_probe (name text primary key, at timestamptz not null default now())`);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a prepared statement keeps working after failed statements; dates, numbers, booleans, JSON and arrays go through', async () => {
    const execute = database.db.execute.bind(database.db);
    const insert = (name: string) => execute(sql`insert into handle_probe (name) values (${name})`);
    const prepared = database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`handle_probe`)
      .where(sql`name = any(${sql.placeholder('names')}::text[])`)
      .prepare('handle_probe_count');
    await insert('a');
    expect(await prepared.execute({ names: ['a', 'b'] })).toEqual([{ n: 1 }]);
    // A failed statement is an error for its caller (with PostgreSQL's code), not for the next one.
    await expect(insert('a')).rejects.toMatchObject({ cause: { code: '23505' } });
    await expect(execute(sql`select 1 / ${0}::int`)).rejects.toMatchObject({ cause: { code: '22012' } });
    expect(await prepared.execute({ names: ['a'] })).toEqual([{ n: 1 }]);
    await insert('b');
    expect(await prepared.execute({ names: ['a', 'b'] })).toEqual([{ n: 2 }]);
    // Parameters of each kind (arrays: the prepared statement above), and values of each kind back.
    const [row] = await queryRows<{ at: Date; n: number; yes: boolean; doc: { k: number[] }; list: string[] }>(
      database.db,
      sql`select ${new Date('2026-12-05T01:02:03.004Z')}::timestamptz as at, ${41}::int + 1 as n, ${true}::boolean as yes,
          ${JSON.stringify({ k: [1, 2] })}::jsonb as doc, array['x', 'y'] as list`,
    );
    expect(new Date(row.at).toISOString()).toBe('2026-12-05T01:02:03.004Z');
    expect(Number(row.n)).toBe(42);
    expect(row.yes).toBe(true);
    expect(row.doc).toEqual({ k: [1, 2] });
    expect(row.list).toEqual(['x', 'y']);
  });

  // PGlite lives in the process and has no connection to lose.
  it.runIf(testDbKind() === 'postgres')('a pooled connection ended by the server while idle is dropped and replaced; the process lives on', async () => {
    const failures: Error[] = [];
    const other = await openDatabase({ url: database.url!, onIdleError: (error) => failures.push(error) });
    try {
      const [{ pid }] = await queryRows<{ pid: number }>(other.db, sql`select pg_backend_pid() as pid`);
      // The connection is idle in the pool now; the server ends it (as a restart or an administrator would).
      const [ended] = await queryRows<{ ok: boolean }>(database.db, sql`select pg_terminate_backend(${pid}::int) as ok`);
      expect(ended.ok).toBe(true);
      await expect.poll(() => failures.length, { timeout: 5_000 }).toBe(1);
      expect(failures[0].message).toMatch(/terminat/i);
      const [again] = await queryRows<{ pid: number }>(other.db, sql`select pg_backend_pid() as pid`);
      expect(again.pid).not.toBe(pid);
    } finally {
      await other.close();
    }
  });

  it('a statement issued while a transaction is open is not part of it', async () => {
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const rolledBack = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into handle_probe (name) values ('inside')`);
      opened();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    await open;
    const outside = database.db.execute(sql`insert into handle_probe (name) values ('outside')`);
    await expect(rolledBack).rejects.toThrow('roll back');
    await outside;
    expect(await names()).toEqual(['a', 'b', 'outside']);
  });
});
