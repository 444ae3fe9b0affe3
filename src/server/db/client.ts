import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

/** The typed database handle. A transaction (`db.transaction(tx => …)`) has the same type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Present for the embedded database, e.g. for backups with `dumpDataDir()`. */
  pglite?: PGlite;
}

/**
 * The committed migrations (`drizzle/` at the project root). Found by walking up from this file, so
 * the same code works from src/server/db (tsx, tests) and from the bundle in dist/server (npm start).
 */
export const MIGRATIONS_DIR = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'drizzle');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('The migrations folder drizzle/ was not found above the server code.');
    dir = parent;
  }
})();

/** Create an embedded PostgreSQL (PGlite) with the extensions the migrations need. */
export async function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { extensions: { pg_trgm, btree_gist }, loadDataDir });
}

/**
 * Open the database: a PostgreSQL server when `url` is given, otherwise the embedded PGlite in
 * `dataDir` (or an in-memory one, or the PGlite instance passed in).
 */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  pglite?: PGlite;
  /** Told when a pooled connection fails while idle; a warning on stderr by default. */
  onIdleError?: (error: Error) => void;
}): Promise<Database> {
  // A pooled connection that fails while idle (the database server restarted, the network dropped,
  // an administrator ended it) is an 'error' event on the pool, and an 'error' event nobody listens
  // to ends the whole process. The pool drops that connection itself and opens a new one when needed.
  const onIdleError = opts.onIdleError ?? ((error: Error) => console.warn(`database: an idle connection failed and was dropped (${error.message})`));
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    pool.on('error', onIdleError);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        // Let requests still running (a client that gave up does not stop its handler) finish their
        // queries: wait until no connection has been checked out for two looks in a row, at most 10 s.
        const deadline = Date.now() + 10_000;
        let quiet = 0;
        while (quiet < 2 && Date.now() < deadline) {
          quiet = pool.totalCount - pool.idleCount > 0 || pool.waitingCount > 0 ? 0 : quiet + 1;
          if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await pool.end();
      },
    };
  }
  const client = opts.pglite ?? (await createPglite(opts.dataDir));
  // The embedded database is spoken to as a server is: node-postgres over PostgreSQL's wire protocol,
  // through PGlite's own adapter (`@electric-sql/pglite/node-postgres`), on its one session. So the
  // app's prepared statements are parsed and planned once and then only bound and executed, as on a
  // PostgreSQL server; PGlite's own `query()` parses and plans every statement anew, which was two
  // thirds of the embedded database's time per intake (docs/PERFORMANCE.md). One connection at a
  // time, never closed for idleness: PGlite has one session, and a transaction holds it until it ends.
  // The pool replaces a connection after a failed statement, as it would a server's; every adapter it
  // opens shares the one record of the session's prepared statements, since they outlive it.
  const prepared = { parsedStatements: {}, submittedNamedStatements: {} };
  class EmbeddedClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      const adapter = createPgConfig(client);
      const connection = Object.assign(adapter.connection, prepared);
      // node-postgres hands a query's `types` (its result parsers, an object) to the Parse message,
      // whose serializer in the adapter takes an array of parameter type ids and throws on anything
      // else; node-postgres's own serializer ignores a non-array. Pass only an array on.
      const parse = connection.parse.bind(connection);
      connection.parse = (query: Parameters<typeof parse>[0]) => parse(Array.isArray(query.types) ? query : { ...query, types: undefined });
      super({ ...config, ...adapter } as pg.ClientConfig);
    }
  }
  const pool = new pg.Pool({ Client: EmbeddedClient, max: 1, idleTimeoutMillis: 0 });
  pool.on('error', onIdleError);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await pool.end();
      await client.close();
    },
  };
}

/**
 * Run the committed SQL migrations. On a PostgreSQL server several app servers may start at once,
 * so the run holds an advisory lock on one dedicated connection.
 */
export async function migrateDatabase(database: Database, url?: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7426001)');
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock(7426001)').catch(() => undefined);
    await client.end();
  }
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
