#!/usr/bin/env node
/**
 * `npm test`: every test suite this machine can run, in one vitest run.
 *
 *   unit      src/shared, src/web tests (no database)
 *   pglite    src/server and tests/ tests on the embedded PGlite
 *   postgres  the same files on PostgreSQL 15: SINGGAH_TEST_DATABASE_URL or DATABASE_URL when set,
 *             otherwise a throwaway server started here from /usr/lib/postgresql/15/bin
 *   e2e       tests/e2e/**\/*.e2e.ts in /usr/bin/chromium against the real server (builds dist/web first
 *             when it is missing or older than the web sources)
 *
 * A suite whose tool is missing is skipped with a note saying how to install it; with CI=true a
 * missing tool fails the run instead. Arguments are passed to vitest (`npm test -- src/server/modules/users`,
 * `npm test -- -t "login"`), except these:
 *   --no-postgres --no-pglite --no-unit --no-e2e   leave a suite out
 *   --help
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPostgresBinDir, startCluster } from './pg-cluster.mjs';
import { buildServer } from './build-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const CI = ['true', '1'].includes(String(process.env.CI).toLowerCase());
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const REPORT = path.join(ROOT, '.tmp/test/report.json');
const started = Date.now();

const say = (line = '') => console.log(`[test] ${line}`);

// ---------------------------------------------------------------------------------------------
// Arguments
const OWN_FLAGS = new Set(['--no-postgres', '--no-pglite', '--no-unit', '--no-e2e']);
// vitest options that take a separate value, so that the value is not taken for a file filter.
const VALUE_OPTIONS = new Set([
  '-t',
  '--testNamePattern',
  '--project',
  '--reporter',
  '--outputFile',
  '--shard',
  '--retry',
  '--bail',
  '--maxWorkers',
  '--pool',
  '--environment',
  '--config',
  '-c',
  '--root',
  '-r',
  '--dir',
  '--testTimeout',
  '--hookTimeout',
  '--sequence.seed',
  '--exclude',
]);

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0];
  console.log(
    header
      .split('\n')
      .filter((line) => line.startsWith(' *'))
      .map((line) => line.replace(/^ \* ?/, '').replace('\\/', '/'))
      .join('\n'),
  );
  process.exit(0);
}
const own = new Set(argv.filter((arg) => OWN_FLAGS.has(arg)));
const passthrough = argv.filter((arg) => !OWN_FLAGS.has(arg));
const filters = [];
const userProjects = [];
for (let i = 0; i < passthrough.length; i++) {
  const arg = passthrough[i];
  if (arg === '--project') userProjects.push(passthrough[i + 1]);
  else if (arg.startsWith('--project=')) userProjects.push(arg.slice('--project='.length));
  if (arg.startsWith('-')) {
    if (VALUE_OPTIONS.has(arg)) i++;
  } else {
    filters.push(arg);
  }
}

// ---------------------------------------------------------------------------------------------
// Which suites have files (after the command-line filters), and which this machine can run.

function walk(dir, suffixes, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, suffixes, out);
    else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) out.push(path.relative(ROOT, full));
  }
  return out;
}

const dbFiles = () => [...walk('src/server', ['.test.ts']), ...walk('tests', ['.test.ts'])];
const SUITE_FILES = {
  unit: () => [...walk('src/shared', ['.test.ts', '.test.tsx']), ...walk('src/web', ['.test.ts', '.test.tsx'])],
  pglite: dbFiles,
  postgres: dbFiles,
  e2e: () => [...walk('tests/e2e', ['.e2e.ts']), ...walk('tests/support', ['.e2e.ts'])],
};

// vitest matches a file filter as a substring of the file's path.
const matching = (files) => (filters.length === 0 ? files : files.filter((file) => filters.some((f) => file.includes(f) || path.resolve(f) === path.resolve(file) || path.resolve(file).startsWith(`${path.resolve(f)}${path.sep}`))));

/** @type {{ name: string, reason: string, install?: string }[]} */
const skipped = [];
/** @type {string[]} */
const notes = [];
const selected = [];

for (const suite of ['unit', 'pglite', 'postgres', 'e2e']) {
  if (own.has(`--no-${suite}`)) {
    notes.push(`${suite}: left out (--no-${suite})`);
    continue;
  }
  if (userProjects.length > 0 && !userProjects.some((p) => p === suite || (p.includes('*') && new RegExp(`^${p.replace(/\*/g, '.*')}$`).test(suite)))) {
    continue;
  }
  const files = matching(SUITE_FILES[suite]());
  if (files.length === 0) {
    if (filters.length > 0) notes.push(`${suite}: no test file matches ${filters.join(' ')}`);
    else notes.push(`${suite}: no test files yet`);
    continue;
  }
  selected.push(suite);
}

let postgresUrl = process.env.SINGGAH_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
let needCluster = false;
if (selected.includes('postgres') && !postgresUrl) {
  if (findPostgresBinDir()) needCluster = true;
  else {
    skipped.push({
      name: 'postgres',
      reason: `no PostgreSQL 15 server: neither DATABASE_URL nor ${process.env.PG_BIN_DIR || '/usr/lib/postgresql/15/bin'}/postgres`,
      install: 'apt-get install -y postgresql   (or set DATABASE_URL to a server where the user may CREATE DATABASE)',
    });
  }
}
if (selected.includes('e2e') && !existsSync(CHROMIUM)) {
  skipped.push({
    name: 'e2e',
    reason: `no Chromium at ${CHROMIUM}`,
    install: 'apt-get install -y chromium   (or set CHROMIUM_PATH)',
  });
}
const run = selected.filter((suite) => !skipped.some((s) => s.name === suite));

function printSkipped() {
  for (const s of skipped) {
    say(`SKIPPED suite "${s.name}": ${s.reason}.`);
    if (s.install) say(`        to run it, install what it needs: ${s.install}`);
  }
}

say(`node ${process.version}, CI=${CI ? 'true' : 'false'}, suites: ${run.join(', ') || '(none)'}`);
for (const note of notes) say(note);
printSkipped();
if (CI && skipped.length > 0) {
  say('CI=true: every suite must run, and the ones above cannot. Failing.');
  process.exit(1);
}
if (run.length === 0) {
  say('Nothing to run.');
  process.exit(filters.length > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Cleanup, also on Ctrl-C, kill and crashes.

let cluster = null;
let child = null;
let interrupted = null;

function cleanupSync() {
  if (cluster) {
    try {
      cluster.stopSync();
    } catch (error) {
      console.error(`[test] could not stop the PostgreSQL test server: ${error.message}`);
    }
    cluster = null;
  }
}
process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    if (child && child.exitCode === null) {
      say(`${signal}: stopping vitest...`);
      child.kill(signal);
      // If vitest does not stop, do not wait for ever.
      setTimeout(() => child?.kill('SIGKILL'), 15_000).unref();
    } else {
      cleanupSync();
      process.exit(130);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The PostgreSQL server

const env = { ...process.env };
delete env.DATABASE_URL; // The app under test gets its database from the harness, never from here.
if (run.includes('postgres')) {
  if (needCluster) {
    try {
      cluster = await startCluster({ log: say });
    } catch (error) {
      say(`could not start the PostgreSQL test server: ${error.message}`);
      process.exit(1);
    }
    postgresUrl = cluster.url;
  } else {
    say(`postgres: using the server at ${postgresUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
  }
  env.SINGGAH_TEST_DATABASE_URL = postgresUrl;
} else {
  delete env.SINGGAH_TEST_DATABASE_URL;
}

// ---------------------------------------------------------------------------------------------
// The web build for the browser tests

function newestMtime(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

if (run.includes('e2e')) {
  env.SINGGAH_E2E_CHROMIUM = CHROMIUM;
  const built = newestMtime('dist/web/index.html');
  const sources = Math.max(
    ...['src/web', 'src/shared', 'index.html', 'public', 'vite.config.ts', 'package-lock.json'].map(newestMtime),
  );
  if (built === 0 || built < sources) {
    say(built === 0 ? 'building the web app for the browser tests (dist/web is missing)...' : 'rebuilding the web app (dist/web is older than its sources)...');
    const buildStarted = Date.now();
    const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
    const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
    if (interrupted) process.exit(130);
    if (build.status !== 0) {
      say(`vite build failed (exit ${build.status}); the browser tests need dist/web.`);
      process.exit(1);
    }
    say(`web app built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s`);
  } else {
    say('dist/web is up to date');
  }
  // The browser tests run the server as production does: the bundle (well under a second to build).
  const serverBuilt = Date.now();
  try {
    await buildServer();
  } catch (error) {
    say(`the server bundle did not build: ${error.message}`);
    process.exit(1);
  }
  say(`server bundle built in ${((Date.now() - serverBuilt) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// vitest

if (CI) env.SINGGAH_TEST_FRESH_SNAPSHOT = '1';
mkdirSync(path.dirname(REPORT), { recursive: true });
rmSync(REPORT, { force: true });

const vitestArgs = ['run'];
if (userProjects.length === 0) for (const suite of run) vitestArgs.push('--project', suite);
if (!passthrough.some((arg) => arg === '--reporter' || arg.startsWith('--reporter='))) vitestArgs.push('--reporter=default');
vitestArgs.push('--reporter=json', `--outputFile.json=${REPORT}`, ...passthrough);

say(`vitest ${vitestArgs.join(' ')}`);
const vitestBin = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
const exitCode = await new Promise((resolve) => {
  child = spawn(process.execPath, [vitestBin, ...vitestArgs], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  child.on('error', (error) => {
    say(`could not start vitest: ${error.message}`);
    resolve(1);
  });
});
child = null;
cleanupSync();

// ---------------------------------------------------------------------------------------------
// Summary: the last line is `Summary: N passed, N failed, N skipped`.

let counts = null;
try {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  // A test file that failed to load (or whose hooks failed) has no failed test in it, but it failed.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  counts = {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    brokenFiles,
  };
} catch {
  // No report: vitest did not get that far.
}

console.log('');
say(`suites run: ${run.join(', ')}${cluster === null && needCluster ? ' (PostgreSQL 15: throwaway server, now removed)' : ''}`);
printSkipped();
if (interrupted) say(`interrupted by ${interrupted}`);
if (counts?.brokenFiles) say(`${counts.brokenFiles} test file(s) failed outside any test (import or hook errors), counted as failed below`);
const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
if (!interrupted && exitCode !== 0 && c.failed === 0) {
  // vitest failed for a reason outside the tests (an unhandled error, a global setup): never report 0 failed.
  say(`vitest exited with code ${exitCode} (see the errors above), counted as 1 failed below`);
  c.failed = 1;
}
say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`Summary: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
process.exit(interrupted ? 130 : exitCode);
