import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { loadDemo } from './modules/demo/demo.service.js';

/**
 * PGlite does not lock its data directory, and two processes on one directory corrupt it. A pid file
 * makes a second server on the same ./data stop with a clear message instead.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'singgah.pid');
  try {
    const fd = openSync(lockFile, 'wx');
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
  } catch {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`Another Singgah server (pid ${pid}) is using ${dataDir}. Stop it first.`);
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, 'db') });
  await migrateDatabase(database, config.databaseUrl);

  if (args.has('--demo') || args.has('--demo-only')) {
    const result = await loadDemo(database.db);
    console.log(result.message);
    if (args.has('--demo-only')) {
      await database.close();
      unlock();
      return;
    }
  }

  const app = await buildApp({ database, config, logger: true });
  const shutdown = async () => {
    await app.close();
    await database.close();
    unlock();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(`Singgah listening on ${shown} (database: ${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
