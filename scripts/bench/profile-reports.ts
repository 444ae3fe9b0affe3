/**
 * `npx tsx scripts/bench/profile-reports.ts --database-url URL | --data-dir DIR [--runs N]`: times every
 * SQL statement of the office dashboard, the province dashboard, an office's monthly summary and a
 * province's annual summary, called directly through the services (no HTTP), to find what a slow
 * report spends its time on. Each report runs N times (default 5); the first run warms caches, the
 * median of the others is shown with this process's CPU time (JavaScript plus, on PGlite, the
 * embedded database), which a loaded machine disturbs less than wall time.
 */
import path from 'node:path';
import type { Db } from '../../src/server/db/client.js';
import { openDatabase } from '../../src/server/db/client.js';
import { toActor } from '../../src/server/modules/auth/auth.service.js';
import { getOfficeDashboard, getProvinceDashboard, getSummary } from '../../src/server/modules/reports/reports.service.js';
import { findUserByUsername } from '../../src/server/modules/users/users.repository.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const url = arg('database-url');
const dataDir = arg('data-dir');
const runs = Math.max(2, Number(arg('runs') ?? 5));
if (!url && !dataDir) throw new Error('--database-url URL or --data-dir DIR');

const database = await openDatabase(url ? { url } : { dataDir: path.resolve(dataDir!) });
// Every statement of the app goes through node-postgres's pool, on either database (db/client.ts).
const target = (database.db as unknown as { $client: object }).$client as { query: (...a: unknown[]) => Promise<{ rows?: unknown[] }> };
const log: { sql: string; ms: number; rows: number }[] = [];
const origQuery = target.query.bind(target);
target.query = async (...args: unknown[]) => {
  const t = performance.now();
  const r = await origQuery(...args);
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
  log.push({ sql: text.replace(/\s+/g, ' ').slice(0, 160), ms: performance.now() - t, rows: r.rows?.length ?? 0 });
  return r;
};
const db: Db = database.db;
const actorOf = async (username: string) => {
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`no user ${username}: seed the database with scripts/bench/seed.ts`);
  return toActor(row.user, row.organization);
};
const year = new Date().getUTCFullYear() - 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const show = async (label: string, run: () => Promise<unknown>) => {
  const walls: number[] = [];
  const cpus: number[] = [];
  let last: typeof log = [];
  for (let i = 0; i < runs; i++) {
    log.length = 0;
    const t = performance.now();
    const c = cpuMs();
    await run();
    if (i === 0) continue;
    walls.push(performance.now() - t);
    cpus.push(cpuMs() - c);
    last = [...log];
  }
  const sqlMs = last.reduce((a, b) => a + b.ms, 0);
  console.log(`\n== ${label}: median of ${runs - 1} runs ${median(walls).toFixed(0)} ms wall, ${median(cpus).toFixed(0)} ms CPU; last run ${sqlMs.toFixed(0)} ms in ${last.length} statements`);
  for (const q of [...last].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${q.ms.toFixed(1)} ms, ${q.rows} rows: ${q.sql}`);
};
const head = await actorOf('bench.kepala');
const province = await actorOf('bench.provinsi');
await show('office dashboard', () => getOfficeDashboard(db, head, undefined));
await show('province dashboard (districts, one month)', () => getProvinceDashboard(db, province, { from: `${year}-03-01`, to: `${year}-03-31` }));
await show('province dashboard (districts, one year)', () => getProvinceDashboard(db, province, { from: `${year}-01-01`, to: `${year}-12-31` }));
await show('office monthly summary', () => getSummary(db, head, { from: `${year}-03-01`, to: `${year}-03-31` }));
await show('province annual summary', () => getSummary(db, province, { from: `${year}-01-01`, to: `${year}-12-31` }));
await database.close();
