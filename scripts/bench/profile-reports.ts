/**
 * `npx tsx scripts/bench/profile-reports.ts --database-url URL`: times every SQL statement of the
 * office dashboard, an office's monthly summary and a province's annual summary, called directly
 * through the services (no HTTP), to find what a slow report spends its time on.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema.js';
import { toActor } from '../../src/server/modules/auth/auth.service.js';
import { getOfficeDashboard, getSummary } from '../../src/server/modules/reports/reports.service.js';
import { findUserByUsername } from '../../src/server/modules/users/users.repository.js';

const url = process.argv[process.argv.indexOf('--database-url') + 1];
const pool = new pg.Pool({ connectionString: url, max: 2 });
const log: { sql: string; ms: number; rows: number }[] = [];
const origQuery = pool.query.bind(pool);
(pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
  const t = performance.now();
  const r = await (origQuery as (...a: unknown[]) => Promise<{ rows?: unknown[] }>)(...args);
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
  log.push({ sql: text.replace(/\s+/g, ' ').slice(0, 140), ms: performance.now() - t, rows: r.rows?.length ?? 0 });
  return r;
};
const db = drizzle({ client: pool, schema }) as unknown as Db;
const actorOf = async (username: string) => {
  const row = await findUserByUsername(db, username);
  return toActor(row!.user, row!.organization);
};
const year = new Date().getUTCFullYear() - 1;
const show = async (label: string, run: () => Promise<unknown>) => {
  log.length = 0;
  const t = performance.now();
  await run();
  const total = performance.now() - t;
  const sqlMs = log.reduce((a, b) => a + b.ms, 0);
  console.log(`\n== ${label}: ${total.toFixed(0)} ms total, ${sqlMs.toFixed(0)} ms in ${log.length} statements`);
  for (const q of [...log].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${q.ms.toFixed(1)} ms, ${q.rows} rows: ${q.sql}`);
};
const head = await actorOf('bench.kepala');
const province = await actorOf('bench.provinsi');
for (let i = 0; i < 2; i++) {
  await show('office dashboard', () => getOfficeDashboard(db, head, undefined));
  await show('office monthly summary', () => getSummary(db, head, { from: `${year}-03-01`, to: `${year}-03-31` }));
  await show('province annual summary', () => getSummary(db, province, { from: `${year}-01-01`, to: `${year}-12-31` }));
}
await pool.end();
