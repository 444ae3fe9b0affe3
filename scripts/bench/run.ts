/**
 * `npm run bench [-- --quick] [-- --pg-cases N --pglite-cases N --orgs M --skip-pglite --skip-pg]`
 * `npm run bench -- --database-url URL [--only TEXT]`: an already seeded PostgreSQL, only some figures.
 * `npm run bench -- --data-dir DIR [--only TEXT]`: an already seeded PGlite (seed.ts --data-dir DIR/db).
 *
 * Seeds a throwaway PostgreSQL 15 (scripts/pg-cluster.mjs) and a throwaway PGlite directory with
 * scripts/bench/seed.ts, starts the real server on each in a child process on 127.0.0.1, and loads it
 * from this process with autocannon. Every figure is set beside GET /healthz of the same server (one
 * trivial query): the ceiling of this machine. Also: the server's RSS under load (from /proc), and
 * EXPLAIN ANALYZE of the hot queries, captured from the repositories themselves.
 *
 * Results: bench-results/bench-<timestamp>.json and bench-results/latest.json (gitignored), and a
 * Markdown table on stdout for docs/PERFORMANCE.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema.js';
import { findCaseList, findCaseSummaryRow, findCaseTimeline } from '../../src/server/modules/cases/cases.repository.js';
import { searchClients } from '../../src/server/modules/clients/clients.repository.js';
import { buildServer, serverNodeArgs } from '../build-server.mjs';
import { BENCH_PASSWORD, seed } from './seed.js';

const root = path.resolve(import.meta.dirname, '../..');
// scripts/pg-cluster.mjs is plain JavaScript without declarations: typed here for what we use.
const clusterModule = '../pg-cluster.mjs';
const { freePort, startCluster } = (await import(clusterModule)) as {
  freePort(): Promise<number>;
  startCluster(o: { log: (line: string) => void }): Promise<{ url: string; stop(): Promise<void> }>;
};
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const opt = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const PG_CASES = opt('pg-cases', quick ? 20_000 : 1_000_000);
const PGLITE_CASES = opt('pglite-cases', quick ? 5_000 : 50_000);
// About 200 cases a district a year over ten years, as in the issue (500 districts ≈ 1,000,000 cases).
const PG_ORGS = opt('pg-orgs', quick ? 10 : 500);
const PGLITE_ORGS = opt('pglite-orgs', quick ? 8 : 25);
const DURATION = opt('duration', quick ? 5 : 10);
const text = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
/** `--database-url URL`: measure an already seeded PostgreSQL database (no seeding, no PGlite run). */
const EXISTING_URL = text('database-url');
/** `--data-dir DIR`: measure an already seeded PGlite data directory (DIR/db), no seeding, no PostgreSQL run. */
const EXISTING_DATA_DIR = text('data-dir');
/** `--node-flags "..."`: extra flags for the server's node (e.g. V8 heap settings), to compare. */
const NODE_FLAGS = (text('node-flags') ?? '').split(' ').filter(Boolean);
/** `--only TEXT`: only the figures whose name contains TEXT (case-insensitive), e.g. `--only worklist`. */
const ONLY = text('only')?.toLowerCase();

type Figure = { name: string; target: string; serverCpuMsPerRequest: number; p50: number; p90: number; p97_5: number; p99: number; rps: number; requests: number; errors: number; non2xx: number; ratioP97_5: number; rssPeakMb: number; command: string };

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  // What production runs (npm start): the server bundle, built at the start of this run.
  const child = spawn(process.execPath, [...serverNodeArgs(), ...NODE_FLAGS, 'dist/server/main.mjs'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    child,
    base,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await res.json()) as { csrfToken: string; user: { organization: { id: string } } };
  return { cookie, csrf: me.csrfToken, me };
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function load(
  base: string,
  name: string,
  opts: { path?: string; paths?: string[]; headers?: Record<string, string>; method?: 'GET' | 'POST'; body?: () => string; request?: () => { headers: Record<string, string>; body: string }; connections?: number; amount?: number; duration?: number },
) {
  const paths = opts.paths ?? [opts.path!];
  let n = 0;
  const result = await autocannon({
    url: base,
    connections: opts.connections ?? 8,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? DURATION }),
    headers: opts.headers,
    requests: [
      {
        method: opts.method ?? 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const each = opts.request?.();
          return {
            ...req,
            path: paths[n++ % paths.length],
            ...(opts.body ? { body: opts.body() } : {}),
            ...(each ? { body: each.body, headers: { ...(req.headers as Record<string, string>), ...each.headers } } : {}),
          };
        },
      },
    ],
  });
  return { name, result };
}

interface Run {
  database: 'postgres' | 'pglite';
  cases: number;
  seed: unknown;
  reference: { p50: number; p97_5: number; rps: number };
  figures: Figure[];
  rssMb: { idle: number; peak: number };
  explain?: Record<string, string>;
}

async function benchServer(database: 'postgres' | 'pglite', cases: number, env: Record<string, string>, seedSummary: { provinceId: string }): Promise<Run> {
  const server = await startServer(env);
  const { base, pid } = server;
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the server exited
    }
  }, 200);
  try {
    const officer = await login(base, 'bench.petugas');
    const head = await login(base, 'bench.kepala');
    const province = await login(base, 'bench.provinsi');
    const unitId = officer.me.user.organization.id;
    // Officers of eight shelters, for intakes across offices (one office numbers its cases one at a time).
    const officers = [officer];
    for (let i = 1; i < 8; i++) officers.push(await login(base, `bench.petugas.${i}`));
    const h = (s: { cookie: string }) => ({ cookie: s.cookie });
    const hw = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });
    const idle = rssMb(pid);

    // Warm up (JIT, plans, caches), then the reference.
    await load(base, 'warm', { path: '/healthz', amount: 500 });
    await load(base, 'warm', { path: '/api/cases?list=open&limit=50', headers: h(officer), amount: 100 });
    const ref = (await load(base, 'reference', { path: '/healthz' })).result;
    const reference = { p50: ref.latency.p50, p97_5: ref.latency.p97_5, rps: ref.requests.average };

    const all = (await (await fetch(`${base}/api/cases?list=all&limit=50`, { headers: h(officer) })).json()) as { items: { id: string }[] };
    const caseIds = all.items.map((c) => c.id);
    const queries = ['slamet', 'slamt santoso', 'siti rahayu', 'sri wahyuni', 'pak jenggot', 'mbah', 'budi setiawn', 'mr. x terminal', '3574', 'dewi lestari', 'joko purnomo', 'nurr'];
    const year = new Date().getUTCFullYear() - 1;
    const cmd = `npm run bench${quick ? ' -- --quick' : ''}`;
    const specs: [string, string, Parameters<typeof load>[2]][] = [
      ['Open-cases worklist, 50 a page, overdue flag — 8 connections', 'p95 ≤ 30 ms', { path: '/api/cases?list=open&limit=50', headers: h(officer) }],
      ['Client search, name/alias/NIK with typos — 8 connections', 'p95 ≤ 50 ms', { paths: queries.map((q) => `/api/clients/search?q=${encodeURIComponent(q)}`), headers: h(officer) }],
      ['Case detail — 8 connections', 'p95 ≤ 30 ms', { paths: caseIds.map((id) => `/api/cases/${id}`), headers: h(officer) }],
      ['Case timeline — 8 connections', 'p95 ≤ 30 ms', { paths: caseIds.map((id) => `/api/cases/${id}/timeline`), headers: h(officer) }],
      [
        'Intake creation into one shelter — 8 connections',
        '≥ 300/s, p95 ≤ 50 ms',
        {
          path: '/api/intakes',
          method: 'POST',
          headers: hw(officer),
          body: () =>
            JSON.stringify({
              organizationId: unitId,
              source: 'walk_in',
              arrivedAt: new Date().toISOString(),
              categories: ['ppks_11'],
              client: { name: `Uji Beban ${Math.floor(Math.random() * 1e6)}`, nameQuality: 'full', aliases: [], sex: 'male', birthDateQuality: 'unknown', nikQuality: 'unknown' },
            }),
        },
      ],
      [
        'Intake creation across 8 shelters — 8 connections',
        '≥ 300/s, p95 ≤ 50 ms',
        {
          path: '/api/intakes',
          method: 'POST',
          request: () => {
            const o = officers[Math.floor(Math.random() * officers.length)];
            return {
              headers: hw(o),
              body: JSON.stringify({
                organizationId: o.me.user.organization.id,
                source: 'walk_in',
                arrivedAt: new Date().toISOString(),
                categories: ['ppks_11'],
                client: { name: `Uji Beban ${Math.floor(Math.random() * 1e6)}`, nameQuality: 'full', aliases: [], sex: 'male', birthDateQuality: 'unknown', nikQuality: 'unknown' },
              }),
            };
          },
        },
      ],
      ["One office's monthly report", '≤ 300 ms', { path: `/api/reports/summary?organizationId=${unitId}&from=${year}-03-01&to=${year}-03-31`, headers: h(head), connections: 1, amount: quick ? 10 : 30 }],
      ["A province's annual report (all districts)", '≤ 2 s', { path: `/api/reports/summary?organizationId=${seedSummary.provinceId}&from=${year}-01-01&to=${year}-12-31`, headers: h(province), connections: 1, amount: quick ? 5 : 10 }],
      ['Office dashboard', '≤ 200 ms', { path: '/api/dashboard', headers: h(head), connections: 1, amount: quick ? 10 : 30 }],
    ];
    // The interactive endpoints once more with one connection: the time one user waits, without
    // queueing behind seven others (the 8-connection rows show throughput under load).
    for (const [name, target, o] of specs.slice(0, 4)) specs.push([`${name.replace(' — 8 connections', '')} — 1 connection`, target, { ...o, connections: 1 }]);
    // Intakes last: each adds an open case to the worklists measured above.
    specs.sort((a, b) => Number(a[0].startsWith('Intake')) - Number(b[0].startsWith('Intake')));
    const figures: Figure[] = [];
    for (const [name, target, o] of specs.filter(([n]) => !ONLY || n.toLowerCase().includes(ONLY))) {
      const peakBefore = peak;
      peak = 0;
      const cpuBefore = cpuMs(pid);
      const { result: r } = await load(base, name, o);
      const serverCpuMsPerRequest = Math.round(((cpuMs(pid) - cpuBefore) / Math.max(r.requests.total, 1)) * 100) / 100;
      const rssPeakMb = Math.round(peak);
      peak = Math.max(peak, peakBefore);
      const f: Figure = {
        name,
        target,
        serverCpuMsPerRequest,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        rps: Math.round(r.requests.average),
        requests: r.requests.total,
        errors: r.errors,
        non2xx: r.non2xx,
        ratioP97_5: Math.round((r.latency.p97_5 / Math.max(reference.p97_5, 1)) * 10) / 10,
        rssPeakMb,
        command: cmd,
      };
      figures.push(f);
      console.log(`[${database}] ${name}: p50 ${f.p50} ms, p97.5 ${f.p97_5} ms, ${f.rps}/s, non-2xx ${f.non2xx}, errors ${f.errors}, RSS ${rssPeakMb} MB, server CPU ${serverCpuMsPerRequest} ms/request`);
    }
    return { database, cases, seed: seedSummary, reference, figures, rssMb: { idle: Math.round(idle), peak: Math.round(peak) } };
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

/** EXPLAIN ANALYZE of the hot queries, exactly as the repositories send them. */
async function explainHotQueries(url: string): Promise<Record<string, string>> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle({ client: pool, schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as unknown as Db;
  const { rows } = await pool.query(
    `select o.path, o.id, (select c.id from cases c where c.organization_id = o.id order by c.arrived_at desc limit 1) as case_id
       from organizations o join users u on u.organization_id = o.id where u.username = 'bench.petugas'`,
  );
  const { path: unitPath, case_id: caseId } = rows[0];
  const out: Record<string, string> = {};
  const explain = async (label: string, run: () => Promise<unknown>, pickIndex = 0) => {
    captured.length = 0;
    await run();
    const q = captured[pickIndex];
    const plan = await pool.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.params as unknown[]);
    out[label] = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  const now = new Date();
  const scope = { path: unitPath, includeChildren: true, actorId: '00000000-0000-0000-0000-000000000000', role: 'shelter_officer' as const, startOfToday: now, now };
  await explain('worklist (findCaseList, open, 50 a page)', () => findCaseList(db, scope, { list: 'open', limit: 50, offset: 0 } as never), 0);
  await explain('worklist count (findCaseList total)', () => findCaseList(db, scope, { list: 'open', limit: 50, offset: 0 } as never), 1);
  await explain('client search (searchClients, "slamt santoso")', () => searchClients(db, { path: unitPath, includeChildren: true }, 'slamt santoso', 10));
  await explain('case detail summary (findCaseSummaryRow)', () => findCaseSummaryRow(db, caseId));
  await explain('case timeline (findCaseTimeline)', () => findCaseTimeline(db, caseId));
  await pool.end();
  return out;
}

async function main() {
  const started = Date.now();
  const runs: Run[] = [];
  const at = new Date().toISOString();
  mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  const file = path.join(root, 'bench-results', `bench-${at.replace(/[:.]/g, '-')}.json`);
  // Written after each database, so a long run that is interrupted keeps what it measured.
  const save = () => {
    const result = { at, quick, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, loadAverage: os.loadavg() }, seconds: (Date.now() - started) / 1000, runs };
    writeFileSync(file, JSON.stringify(result, null, 2));
    writeFileSync(path.join(root, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2));
  };
  await buildServer();
  if (EXISTING_URL) {
    const client = new pg.Client({ connectionString: EXISTING_URL });
    await client.connect();
    const { rows } = await client.query(`select u.organization_id as id from users u where u.username = 'bench.provinsi'`);
    const { rows: count } = await client.query('select count(*)::int as n from cases');
    await client.end();
    const run = await benchServer('postgres', count[0].n, { DATABASE_URL: EXISTING_URL, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'singgah-bench-')) }, { provinceId: rows[0].id });
    if (!ONLY) run.explain = await explainHotQueries(EXISTING_URL);
    runs.push(run);
  }
  if (EXISTING_DATA_DIR) {
    const { openDatabase } = await import('../../src/server/db/client.js');
    const database = await openDatabase({ dataDir: path.join(EXISTING_DATA_DIR, 'db') });
    const province = (await database.pglite!.query<{ id: string }>(`select organization_id as id from users where username = 'bench.provinsi'`)).rows[0];
    const count = (await database.pglite!.query<{ n: number }>('select count(*)::int as n from cases')).rows[0];
    await database.close();
    runs.push(await benchServer('pglite', count.n, { DATA_DIR: EXISTING_DATA_DIR }, { provinceId: province.id }));
  }
  if (!EXISTING_URL && !EXISTING_DATA_DIR && !argv.includes('--skip-pg')) {
    const cluster = await startCluster({ log: (l: string) => console.log(l) });
    try {
      console.log(`Seeding PostgreSQL with ${PG_CASES} cases in ${PG_ORGS} districts…`);
      const s = await seed(['--cases', String(PG_CASES), '--orgs', String(PG_ORGS), '--database-url', cluster.url]);
      const run = await benchServer('postgres', PG_CASES, { DATABASE_URL: cluster.url, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'singgah-bench-')) }, s);
      run.explain = await explainHotQueries(cluster.url);
      runs.push(run);
      save();
    } finally {
      await cluster.stop();
    }
  }
  if (!EXISTING_URL && !EXISTING_DATA_DIR && !argv.includes('--skip-pglite')) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'singgah-bench-lite-'));
    try {
      console.log(`Seeding PGlite with ${PGLITE_CASES} cases in ${PGLITE_ORGS} districts…`);
      const s = await seed(['--cases', String(PGLITE_CASES), '--orgs', String(PGLITE_ORGS), '--data-dir', path.join(dataDir, 'db')]);
      runs.push(await benchServer('pglite', PGLITE_CASES, { DATA_DIR: dataDir }, s));
      save();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  save();
  for (const run of runs) {
    console.log(`\n### ${run.database}, ${run.cases.toLocaleString('en')} cases — reference GET /healthz: p50 ${run.reference.p50} ms, p97.5 ${run.reference.p97_5} ms, ${Math.round(run.reference.rps)}/s; RSS idle ${run.rssMb.idle} MB, peak ${run.rssMb.peak} MB\n`);
    console.log('| Figure | Target | p50 ms | p90 ms | p97.5 ms | req/s | p97.5 ÷ healthz | failed | RSS peak MB | server CPU ms/req |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const f of run.figures) console.log(`| ${f.name} | ${f.target} | ${f.p50} | ${f.p90} | ${f.p97_5} | ${f.rps} | ${f.ratioP97_5}× | ${f.non2xx + f.errors} | ${f.rssPeakMb} | ${f.serverCpuMsPerRequest} |`);
  }
  console.log(`\nWritten ${path.relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
