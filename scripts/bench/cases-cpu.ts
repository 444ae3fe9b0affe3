/**
 * CPU per request of the case module's hot endpoints, robust to a shared machine:
 * `npx tsx scripts/bench/cases-cpu.ts (--database-url URL | --data-dir DIR) [--scenarios intake1,intake8,worklist,detail]
 *   [--amount N] [--intake-amount N] [--connections 8] [--cpu-prof DIR] [--server dist/server/main.mjs]`
 *
 * Starts the real server (child process, 127.0.0.1), signs in the bench users, warms up, then loads each
 * scenario with autocannon for a fixed number of requests. Reports latency (p50/p90/p97.5/p99), req/s,
 * and CPU milliseconds per request of the Node server (utime+stime from /proc/<pid>/stat) and, on
 * PostgreSQL, of the server's own backends (found by application_name in pg_stat_activity).
 * `--amount` counts requests per scenario; intakes default to 250 each (plus 30 to warm up) (keep the shared database small).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_PASSWORD } from './seed.js';

const root = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const databaseUrl = arg('database-url');
const dataDir = arg('data-dir');
const scenarios = (arg('scenarios') ?? 'worklist,detail,intake1,intake8').split(',');
const amount = Number(arg('amount') ?? 2000);
const intakeAmount = Number(arg('intake-amount') ?? 250);
const connections = Number(arg('connections') ?? 8);
const cpuProf = arg('cpu-prof');
/** `--server FILE`: run a built server bundle (e.g. dist/server/main.mjs) with plain node instead of the sources through tsx. */
const serverBundle = arg('server');
const APP_NAME = `cases-cpu-${process.pid}`;
const TICK = 100; // USER_HZ: /proc stat times are in clock ticks of 10 ms

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[11] = utime, fields[12] = stime (the 14th and 15th of the whole line)
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICK;
}

async function startServer(): Promise<{ child: ChildProcess; base: string; pid: number; stop: () => Promise<void> }> {
  const port = 40000 + Math.floor(Math.random() * 20000);
  const url = databaseUrl ? `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=${APP_NAME}` : undefined;
  const nodeArgs = [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : []), ...(serverBundle ? [serverBundle] : ['--import', 'tsx', 'src/server/main.ts'])];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir! }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
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
        child.kill('SIGINT');
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
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as { csrfToken: string; user: { organization: { id: string } } };
  return { cookie, csrf: me.csrfToken, orgId: me.user.organization.id };
}

type Session = Awaited<ReturnType<typeof login>>;

const pgClient = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
async function backendCpu(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!pgClient) return out;
  const { rows } = await pgClient.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [APP_NAME]);
  for (const r of rows) {
    try {
      out.set(r.pid, cpuMs(r.pid));
    } catch {
      // gone
    }
  }
  return out;
}

function intakeBody(orgId: string) {
  return JSON.stringify({
    organizationId: orgId,
    source: 'walk_in',
    arrivedAt: new Date().toISOString(),
    categories: ['ppks_11'],
    client: { name: `Uji Beban ${Math.floor(Math.random() * 1e6)}`, nameQuality: 'full', aliases: [], sex: 'male', birthDateQuality: 'unknown', nikQuality: 'unknown' },
  });
}

async function run(
  base: string,
  pid: number,
  name: string,
  opts: { paths: string[]; method?: 'GET' | 'POST'; request?: () => { headers: Record<string, string>; body?: string }; amount: number },
) {
  let n = 0;
  const beforeNode = cpuMs(pid);
  const beforePg = await backendCpu();
  const beforeLoader = process.cpuUsage();
  const t0 = performance.now();
  const r = await autocannon({
    url: base,
    connections,
    amount: opts.amount,
    requests: [
      {
        method: opts.method ?? 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const each = opts.request?.();
          return { ...req, path: opts.paths[n++ % opts.paths.length], ...(each ? { headers: { ...(req.headers as object), ...each.headers }, body: each.body } : {}) };
        },
      },
    ],
  });
  const wall = performance.now() - t0;
  const loader = process.cpuUsage(beforeLoader);
  const nodeMs = cpuMs(pid) - beforeNode;
  const afterPg = await backendCpu();
  let pgMs = 0;
  for (const [p, ms] of afterPg) pgMs += ms - (beforePg.get(p) ?? 0);
  const count = r.requests.total;
  const bad = r.non2xx + r.errors;
  const line = {
    name,
    requests: count,
    failed: bad,
    rps: Math.round((count / wall) * 1000),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    nodeCpuMsPerReq: +(nodeMs / count).toFixed(2),
    pgCpuMsPerReq: pgClient ? +(pgMs / count).toFixed(2) : null,
    /** autocannon's own share (this process), which the machine's two cores also carry. */
    loaderCpuMsPerReq: +((loader.user + loader.system) / 1000 / count).toFixed(2),
    loadavg: (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' '),
  };
  console.log(JSON.stringify(line));
  return line;
}

if (pgClient) await pgClient.connect();
const server = await startServer();
try {
  const { base, pid } = server;
  const officers: Session[] = [];
  officers.push(await login(base, 'bench.petugas'));
  if (scenarios.includes('intake8')) for (let i = 1; i < 8; i++) officers.push(await login(base, `bench.petugas.${i}`));
  const officer = officers[0];
  const h = { cookie: officer.cookie };
  const hw = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });
  const all = (await (await fetch(`${base}/api/cases?list=all&limit=50`, { headers: h })).json()) as { items: { id: string }[] };
  const caseIds = all.items.map((c) => c.id);
  const specs: Record<string, Parameters<typeof run>[3]> = {
    worklist: { paths: ['/api/cases?list=open&limit=50'], request: () => ({ headers: h }), amount },
    detail: { paths: caseIds.map((id) => `/api/cases/${id}`), request: () => ({ headers: h }), amount },
    intake1: { paths: ['/api/intakes'], method: 'POST', request: () => ({ headers: hw(officer), body: intakeBody(officer.orgId) }), amount: intakeAmount },
    intake8: {
      paths: ['/api/intakes'],
      method: 'POST',
      request: () => {
        const o = officers[Math.floor(Math.random() * officers.length)];
        return { headers: hw(o), body: intakeBody(o.orgId) };
      },
      amount: intakeAmount,
    },
  };
  // Warm-up: JIT, plans, the pool's connections.
  await run(base, pid, 'warm-healthz', { paths: ['/healthz'], amount: 1000 });
  for (const s of scenarios) await run(base, pid, `warm-${s}`, { ...specs[s], amount: s.startsWith('intake') ? 30 : Math.min(300, specs[s].amount) });
  for (const s of scenarios) await run(base, pid, s, specs[s]);
} finally {
  await server.stop();
  await pgClient?.end();
}
