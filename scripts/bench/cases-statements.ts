/**
 * Every SQL statement (with its round-trip time) that the case module's hot paths send, called through
 * the services on a PostgreSQL database: `npx tsx scripts/bench/cases-statements.ts --database-url URL
 * [--user bench.petugas] [--only intake,worklist,detail] [--repeat 20]`.
 *
 * Statements are caught at the driver (pg.Client#query), so BEGIN/COMMIT count too. Writes one intake
 * per repetition into the user's unit (keep it small on a shared database). The session lookup of the
 * HTTP layer is not included: it is one more statement per request.
 */
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Database, type Db, migrateDatabase } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema.js';
import { toActor } from '../../src/server/modules/auth/auth.service.js';
import { createIntakeDetail, getCaseDetail, listCases } from '../../src/server/modules/cases/cases.service.js';
import { organizations } from '../../src/server/modules/organizations/organizations.table.js';
import { users } from '../../src/server/modules/users/users.table.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const url = arg('database-url');
if (!url) throw new Error('--database-url is required');
const only = (arg('only') ?? 'intake,worklist,detail').split(',');
const repeat = Number(arg('repeat') ?? 20);

type Caught = { text: string; ms: number };
let caught: Caught[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text: string };
  const text = typeof first === 'string' ? first : first?.text;
  const t0 = performance.now();
  const log = caught;
  const last = args[args.length - 1];
  if (log && typeof last === 'function') {
    // pg.Pool#query calls the client with a callback
    args[args.length - 1] = (err: unknown, res: unknown) => {
      log.push({ text: err ? `FAILED ${text}` : text, ms: performance.now() - t0 });
      (last as (e: unknown, r: unknown) => void)(err, res);
    };
  }
  // biome-ignore lint/suspicious/noExplicitAny: forwarding whatever the driver was called with
  const result = (originalQuery as any).apply(this, args);
  if (log && result && typeof result.then === 'function') result.then(() => log.push({ text, ms: performance.now() - t0 }), () => log.push({ text: `FAILED ${text}`, ms: 0 }));
  return result;
} as typeof pg.Client.prototype.query;

await migrateDatabase({ kind: 'postgres' } as Database, url);
const pool = new pg.Pool({ connectionString: url, max: 4 });
const db = drizzle({ client: pool, schema }) as unknown as Db;
const [u] = await db
  .select({ user: users, org: organizations })
  .from(users)
  .innerJoin(organizations, eq(organizations.id, users.organizationId))
  .where(eq(users.username, arg('user') ?? 'bench.petugas'));
const actor = toActor(u.user, u.org);

async function measure(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm
  let statements: Caught[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < repeat; i++) {
    caught = [];
    await fn();
    statements = caught;
    caught = null;
  }
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / repeat;
  console.log(`\n## ${name}: ${statements.length} statements; wall ${wall.toFixed(2)} ms, Node CPU ${((cpu.user + cpu.system) / 1000 / repeat).toFixed(2)} ms per call (no HTTP)`);
  for (const s of statements) console.log(`${s.ms.toFixed(2).padStart(7)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 220)}`);
}

const body = () => ({
  organizationId: actor.organizationId,
  source: 'walk_in' as const,
  arrivedAt: new Date().toISOString(),
  categories: ['ppks_11'],
  client: { name: `Uji Statement ${Math.floor(Math.random() * 1e6)}`, nameQuality: 'full' as const, aliases: [], sex: 'male' as const, birthDateQuality: 'unknown' as const, nikQuality: 'unknown' as const },
});
if (only.includes('intake'))
  await measure('intake (createIntakeDetail, as POST /api/intakes)', () => createIntakeDetail(db, actor, body() as never, '127.0.0.1'));
if (only.includes('worklist')) await measure('worklist (listCases open, 50)', () => listCases(db, actor, { list: 'open', limit: 50, offset: 0 } as never));
if (only.includes('detail')) {
  const page = await listCases(db, actor, { list: 'all', limit: 50, offset: 0 } as never);
  let i = 0;
  await measure('case detail (getCaseDetail)', () => getCaseDetail(db, actor, page.items[i++ % page.items.length].id, '127.0.0.1'));
}
await pool.end();
