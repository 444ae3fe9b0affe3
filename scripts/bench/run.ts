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
import { type PacedResult, pacedLoad, summarize } from './paced-load.js';
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
/** Seconds of the same paced load before a paced figure is measured (`--warmup S`). */
const WARMUP_SECONDS = opt('warmup', quick ? 2 : 5);
/**
 * Offered rate of the interactive reads (worklist, search, case detail, timeline), per database: a
 * PostgreSQL server carries a province or the nation, the embedded database one office or a few
 * (docs/PERFORMANCE.md explains the numbers).
 */
const readRate = (database: 'postgres' | 'pglite') => opt('read-rate', database === 'postgres' ? 100 : 25);
/** A second, lower intake rate, for information: what an intake costs when the server is not near its ceiling. */
const intakeRateLow = (database: 'postgres' | 'pglite') => opt('intake-rate-low', database === 'postgres' ? 200 : 50);
/** Offered intake rate: a little above the 300/s target, so what is achieved shows the target met. */
const INTAKE_RATE = opt('intake-rate', 320);
const INTAKE_SECONDS = opt('intake-seconds', quick ? 5 : 20);
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

/** Latencies in ms from the exact list of answers; `achievedRate` in answers a second. */
type Measured = Omit<PacedResult, 'offeredRate'>;
type Figure = Measured & {
  name: string;
  target: string;
  load: string;
  met: boolean | null;
  serverCpuMsPerRequest: number;
  ratioP95: number;
  rssPeakMb: number;
  loadAverage: number;
  command: string;
  /** The warm-up under the same load just before (concurrent loads only): what a cold start costs. */
  coldStart?: { p50: number; p95: number; achievedRate: number };
};

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

type Request = { path: string; method?: 'GET' | 'POST'; headers: Record<string, string>; body?: string };

/** autocannon, closed loop: `connections` requests in flight, for `amount` requests or DURATION seconds; `next()` gives each request. */
async function load(base: string, opts: { next: () => Request; connections: number; amount?: number }): Promise<Measured> {
  const first = opts.next();
  const latencies: number[] = [];
  const run = autocannon({
    url: base,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: DURATION }),
    requests: [
      {
        method: first.method ?? 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const r = opts.next();
          return { ...req, path: r.path, headers: r.headers, ...(r.body ? { body: r.body } : {}) };
        },
      },
    ],
  });
  // Every answer's latency, for exact percentiles (autocannon's histogram has no p95).
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await run;
  return { achievedRate: Math.round(result.requests.average), requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, ...summarize(latencies) };
}

interface Run {
  database: 'postgres' | 'pglite';
  cases: number;
  seed: unknown;
  /** GET /healthz of the same server under the same two kinds of load: the ceiling of this machine. */
  reference: { paced: Measured; saturated: Measured };
  figures: Figure[];
  rssMb: { idle: number; peak: number };
  explain?: Record<string, string>;
}

/** How a figure loads the server: a paced open-loop rate, autocannon flat out, or one request at a time. */
type Load = { kind: 'paced'; rate: number; seconds: number } | { kind: 'saturated'; connections: number } | { kind: 'sequential'; amount?: number };
interface Spec {
  name: string;
  target: string;
  load: Load;
  next: () => Request;
  /** True when the figure meets its target (undefined: a figure for information). */
  meets?: (m: Measured) => boolean;
}

async function measure(base: string, spec: Pick<Spec, 'load' | 'next'>): Promise<Measured> {
  const { load: l, next } = spec;
  if (l.kind === 'paced') return pacedLoad(base, { rate: l.rate, seconds: l.seconds, next });
  return load(base, { next, connections: l.kind === 'saturated' ? l.connections : 1, amount: l.kind === 'sequential' ? l.amount : undefined });
}

function describeLoad(l: Load): string {
  if (l.kind === 'paced') return `${l.rate}/s offered, Poisson, ${l.seconds} s`;
  if (l.kind === 'saturated') return `flat out, ${l.connections} connections`;
  return l.amount ? `1 connection, ${l.amount} requests` : '1 connection';
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

    // Warm up (JIT, plans, caches), then the references.
    const healthz = () => ({ path: '/healthz', headers: {} });
    await load(base, { next: healthz, connections: 8, amount: 500 });
    await load(base, { next: () => ({ path: '/api/cases?list=open&limit=50', headers: h(officer) }), connections: 8, amount: 200 });
    const READ_RATE = readRate(database);
    const reference = {
      paced: await measure(base, { load: { kind: 'paced', rate: READ_RATE, seconds: DURATION }, next: healthz }),
      saturated: await measure(base, { load: { kind: 'saturated', connections: 8 }, next: healthz }),
    };
    console.log(`[${database}] reference GET /healthz: paced ${READ_RATE}/s p95 ${reference.paced.p95} ms; flat out ${reference.saturated.achievedRate}/s p95 ${reference.saturated.p95} ms`);

    const all = (await (await fetch(`${base}/api/cases?list=all&limit=50`, { headers: h(officer) })).json()) as { items: { id: string }[] };
    const caseIds = all.items.map((c) => c.id);
    const queries = ['slamet', 'slamt santoso', 'siti rahayu', 'sri wahyuni', 'pak jenggot', 'mbah', 'budi setiawn', 'mr. x terminal', '3574', 'dewi lestari', 'joko purnomo', 'nurr'];
    const year = new Date().getUTCFullYear() - 1;
    const cycle = (paths: string[], headers: Record<string, string>) => {
      let i = 0;
      return () => ({ path: paths[i++ % paths.length], headers });
    };
    const intakeBody = (organizationId: string) =>
      JSON.stringify({
        organizationId,
        source: 'walk_in',
        arrivedAt: new Date().toISOString(),
        categories: ['ppks_11'],
        client: { name: `Uji Beban ${Math.floor(Math.random() * 1e6)}`, nameQuality: 'full', aliases: [], sex: 'male', birthDateQuality: 'unknown', nikQuality: 'unknown' },
      });
    const intoOne = () => ({ path: '/api/intakes', method: 'POST' as const, headers: hw(officer), body: intakeBody(unitId) });
    const acrossEight = () => {
      const o = officers[Math.floor(Math.random() * officers.length)];
      return { path: '/api/intakes', method: 'POST' as const, headers: hw(o), body: intakeBody(o.me.user.organization.id) };
    };
    const noFailures = (m: Measured) => m.non2xx + m.errors === 0;
    /** Sustained: every request answered without failure, at 98 % or more of the offered rate. */
    const ok = (m: Measured, rate: number) => noFailures(m) && m.achievedRate >= rate * 0.98;
    const paced: Load = { kind: 'paced', rate: READ_RATE, seconds: DURATION };
    const interactive: [string, number, () => Request][] = [
      ['Open-cases worklist, 50 a page, overdue flag', 30, cycle(['/api/cases?list=open&limit=50'], h(officer))],
      ['Client search, name/alias/NIK with typos', 50, cycle(queries.map((q) => `/api/clients/search?q=${encodeURIComponent(q)}`), h(officer))],
      ['Case detail', 30, cycle(caseIds.map((id) => `/api/cases/${id}`), h(officer))],
      ['Case timeline', 30, cycle(caseIds.map((id) => `/api/cases/${id}/timeline`), h(officer))],
    ];
    const specs: Spec[] = [
      ...interactive.map(([name, ms, next]): Spec => ({ name, target: `p95 ≤ ${ms} ms`, load: paced, next, meets: (m) => ok(m, READ_RATE) && m.p95 <= ms })),
      ...interactive.map(([name, , next]): Spec => ({ name, target: 'p95 at twice that rate', load: { ...paced, rate: READ_RATE * 2 }, next })),
      ...interactive.map(([name, ms, next]): Spec => ({ name, target: `p95 ≤ ${ms} ms`, load: { kind: 'sequential' }, next, meets: (m) => noFailures(m) && m.p95 <= ms })),
      { name: "One office's monthly report", target: '≤ 300 ms', load: { kind: 'sequential', amount: quick ? 10 : 30 }, next: cycle([`/api/reports/summary?organizationId=${unitId}&from=${year}-03-01&to=${year}-03-31`], h(head)), meets: (m) => noFailures(m) && m.max <= 300 },
      { name: "A province's annual report (all districts)", target: '≤ 2 s', load: { kind: 'sequential', amount: quick ? 5 : 10 }, next: cycle([`/api/reports/summary?organizationId=${seedSummary.provinceId}&from=${year}-01-01&to=${year}-12-31`], h(province)), meets: (m) => noFailures(m) && m.max <= 2000 },
      { name: 'Office dashboard', target: '≤ 200 ms', load: { kind: 'sequential', amount: quick ? 10 : 30 }, next: cycle(['/api/dashboard'], h(head)), meets: (m) => noFailures(m) && m.max <= 200 },
      // The ceiling: autocannon flat out (closed loop, 8 connections), for throughput; latency there is queueing.
      ...interactive.map(([name, , next]): Spec => ({ name, target: 'throughput', load: { kind: 'saturated', connections: 8 }, next })),
      // Intakes last: each adds an open case to the worklists measured above.
      { name: 'Intake creation across 8 shelters', target: '≥ 300/s sustained, p95 ≤ 50 ms', load: { kind: 'paced', rate: INTAKE_RATE, seconds: INTAKE_SECONDS }, next: acrossEight, meets: (m) => ok(m, 300 / 0.98) && m.p95 <= 50 },
      { name: 'Intake creation across 8 shelters', target: 'p95 at a lower rate', load: { kind: 'paced', rate: intakeRateLow(database), seconds: INTAKE_SECONDS }, next: acrossEight },
      // One office numbers its cases one at a time (the counter row lock): its own ceiling.
      { name: 'Intake creation into one shelter', target: 'throughput', load: { kind: 'saturated', connections: 8 }, next: intoOne },
      { name: 'Intake creation across 8 shelters', target: 'throughput', load: { kind: 'saturated', connections: 8 }, next: acrossEight },
    ];
    const cmd = `npm run bench${quick ? ' -- --quick' : ''}`;
    const figures: Figure[] = [];
    for (const spec of specs.filter((s) => !ONLY || s.name.toLowerCase().includes(ONLY))) {
      // Warm this endpoint up (first statements prepared and planned, code compiled) before measuring;
      // then, for a concurrent load, the same load for a few seconds: it opens the server's other pooled
      // PostgreSQL connections (each new backend loads its catalog caches and prepares the statements
      // again) and brings the pages the load touches into PostgreSQL's buffers, so the figure is the
      // steady state. What that start costs is reported on its own (`coldStart` in the JSON).
      await measure(base, { load: { kind: 'sequential', amount: 50 }, next: spec.next });
      let coldStart: Measured | undefined;
      if (spec.load.kind === 'paced') coldStart = await measure(base, { load: { ...spec.load, seconds: WARMUP_SECONDS }, next: spec.next });
      else if (spec.load.kind === 'saturated') coldStart = await load(base, { next: spec.next, connections: spec.load.connections, amount: spec.load.connections * 100 });
      const peakBefore = peak;
      peak = 0;
      const cpuBefore = cpuMs(pid);
      const m = await measure(base, spec);
      const serverCpuMsPerRequest = Math.round(((cpuMs(pid) - cpuBefore) / Math.max(m.requests, 1)) * 100) / 100;
      const rssPeakMb = Math.round(peak);
      peak = Math.max(peak, peakBefore);
      const ref = spec.load.kind === 'saturated' ? reference.saturated : reference.paced;
      const f: Figure = {
        ...m,
        name: spec.name,
        target: spec.target,
        load: describeLoad(spec.load),
        met: spec.meets ? spec.meets(m) : null,
        serverCpuMsPerRequest,
        ratioP95: Math.round((m.p95 / Math.max(ref.p95, 0.1)) * 10) / 10,
        rssPeakMb,
        // The machine's 1-minute load average at the end: other work on the 2 cores shows here.
        loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
        command: cmd,
        ...(coldStart ? { coldStart: { p50: coldStart.p50, p95: coldStart.p95, achievedRate: coldStart.achievedRate } } : {}),
      };
      figures.push(f);
      console.log(
        `[${database}] ${f.name} (${f.load}): p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, max ${f.max} ms, ${f.achievedRate}/s, failed ${f.non2xx + f.errors}, RSS ${rssPeakMb} MB, server CPU ${serverCpuMsPerRequest} ms/request${f.met === null ? '' : f.met ? ' — met' : ' — NOT met'}${f.coldStart ? ` (warm-up before it: p50 ${f.coldStart.p50} ms, p95 ${f.coldStart.p95} ms, ${f.coldStart.achievedRate}/s)` : ''}`,
      );
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
  await explain('worklist (findCaseList, open, 50 a page, total as a window count)', () => findCaseList(db, scope, { list: 'open', limit: 50, offset: 0 } as never));
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
    const { openDatabase, queryRows } = await import('../../src/server/db/client.js');
    const { sql } = await import('drizzle-orm');
    const database = await openDatabase({ dataDir: path.join(EXISTING_DATA_DIR, 'db') });
    const [province] = await queryRows<{ id: string }>(database.db, sql`select organization_id as id from users where username = 'bench.provinsi'`);
    const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases`);
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
    const r = run.reference;
    console.log(
      `\n### ${run.database}, ${run.cases.toLocaleString('en')} cases — reference GET /healthz: at ${readRate(run.database)}/s p95 ${r.paced.p95} ms; flat out ${r.saturated.achievedRate}/s, p95 ${r.saturated.p95} ms; RSS idle ${run.rssMb.idle} MB, peak ${run.rssMb.peak} MB\n`,
    );
    console.log('| Figure | Load | Target | p50 ms | p95 ms | p99 ms | max ms | answers/s | p95 ÷ healthz | failed | RSS peak MB | server CPU ms/req | load avg | Met? |');
    console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const f of run.figures)
      console.log(
        `| ${f.name} | ${f.load} | ${f.target} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.max} | ${f.achievedRate} | ${f.ratioP95}× | ${f.non2xx + f.errors} | ${f.rssPeakMb} | ${f.serverCpuMsPerRequest} | ${f.loadAverage} | ${f.met === null ? '—' : f.met ? '**met**' : '**not met**'} |`,
      );
  }
  console.log(`\nWritten ${path.relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
