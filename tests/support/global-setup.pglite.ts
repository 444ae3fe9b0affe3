/**
 * Global setup of the `pglite` project: migrate one in-memory PGlite database and save it as a
 * `dumpDataDir()` tarball under .tmp/test/. Each test file then loads the tarball (~0.6 s) instead of
 * running initdb and the migrations again (~3 s).
 *
 * The tarball is kept between runs, keyed by a hash of the migrations, the database code and the
 * PGlite version; set SINGGAH_TEST_FRESH_SNAPSHOT=1 (CI does, by starting from a fresh clone) to
 * always build a new one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import './provided.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SNAPSHOT_DIR = path.join(ROOT, '.tmp/test');
// Bump when the way snapshots are made changes.
const FORMAT = '1';

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function snapshotKey(): string {
  const hash = createHash('sha256').update(FORMAT);
  const inputs = [
    ...listFiles(path.join(ROOT, 'drizzle')),
    ...listFiles(path.join(ROOT, 'src/server/db')),
    path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'),
    path.join(ROOT, 'node_modules/drizzle-orm/package.json'),
  ];
  for (const file of inputs) {
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const key = snapshotKey();
  const file = path.join(SNAPSHOT_DIR, `pglite-${key}.tar.gz`);
  const fresh = process.env.SINGGAH_TEST_FRESH_SNAPSHOT === '1';
  let exists = false;
  try {
    exists = statSync(file).size > 0;
  } catch {
    exists = false;
  }

  if (fresh || !exists) {
    const started = Date.now();
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    // Imported here so that a project run without the pglite setup never loads the server code.
    const { createPglite, migrateDatabase, openDatabase } = await import('../../src/server/db/client.js');
    const pglite = await createPglite();
    const database = await openDatabase({ pglite });
    try {
      await migrateDatabase(database);
      const dump = await pglite.dumpDataDir('gzip');
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
      renameSync(temporary, file);
    } finally {
      await database.close();
    }
    // Older snapshots are of older migrations: remove them.
    for (const name of readdirSync(SNAPSHOT_DIR)) {
      if (name.startsWith('pglite-') && name !== path.basename(file) && !name.endsWith('.tmp')) {
        rmSync(path.join(SNAPSHOT_DIR, name), { force: true });
      }
    }
    console.log(`[pglite] migrated template snapshot built in ${Date.now() - started} ms`);
  }
  project.provide('pgliteSnapshot', file);
}
