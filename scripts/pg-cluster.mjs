#!/usr/bin/env node
/**
 * A throwaway PostgreSQL server for tests.
 *
 * Used by scripts/test.mjs (imported) and by hand:
 *   node scripts/pg-cluster.mjs        # start one, print its URL, stop and delete it on Ctrl-C
 *
 * The cluster lives in a fresh temporary directory (data and socket alike), listens on 127.0.0.1 at a
 * free port, trusts local connections as the superuser `app`, and is stopped and deleted by `stop()`.
 * postgres refuses to run as root, so as root every server command runs as the `postgres` user
 * (`runuser -u postgres -- ...`) on a directory chowned to it.
 *
 * A cluster whose owning process died without stopping it (SIGKILL, power loss) is cleaned up by the
 * next start: each cluster directory records its owner's pid.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_PG_BIN_DIR = '/usr/lib/postgresql/15/bin';
const DIR_PREFIX = 'singgah-pg-';
const SUPERUSER = 'app';
export const TEST_DATABASE = 'singgah_test';

/** The directory holding initdb, pg_ctl and postgres, or null when the server is not installed. */
export function findPostgresBinDir(binDir = process.env.PG_BIN_DIR || DEFAULT_PG_BIN_DIR) {
  for (const tool of ['postgres', 'initdb', 'pg_ctl', 'createdb']) {
    try {
      accessSync(path.join(binDir, tool), constants.X_OK);
    } catch {
      return null;
    }
  }
  return binDir;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresIds() {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('Running as root, but there is no `postgres` user to run the server as (apt-get install -y postgresql creates it).');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

// runuser lives in sbin, which a minimal PATH (cron, `env -i`, some CI runners) may lack.
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((file) => existsSync(file)) ?? 'runuser';

/** Run a PostgreSQL tool (as `postgres` when we are root); output goes to `logFile`. */
function runTool(binDir, tool, args, logFile) {
  const command = path.join(binDir, tool);
  const [cmd, argv] = isRoot() ? [RUNUSER, ['-u', 'postgres', '--', command, ...args]] : [command, args];
  // Never give the tool our pipes: `pg_ctl start` leaves the postmaster running, and a postmaster
  // holding a pipe would keep spawnSync waiting forever. A log file is safe.
  const fd = openSync(logFile, 'a');
  try {
    const result = spawnSync(cmd, argv, { stdio: ['ignore', fd, fd], timeout: 120_000 });
    if (result.error) writeFileSync(logFile, `could not run ${cmd}: ${result.error.message}\n`, { flag: 'a' });
    else if (result.signal) writeFileSync(logFile, `${cmd} ${tool} was killed by ${result.signal}\n`, { flag: 'a' });
    return result;
  } finally {
    closeSync(fd);
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Stop and delete clusters left behind by test runs that died without cleaning up. */
export function removeStaleClusters(binDir, log = () => {}) {
  let entries = [];
  try {
    entries = readdirSync(os.tmpdir()).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(os.tmpdir(), name);
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      // No owner file: a directory being created right now, or not ours. Leave it.
      continue;
    }
    if (Number.isFinite(owner) && isAlive(owner)) continue;
    log(`Removing a PostgreSQL test cluster left behind by process ${owner}: ${dir}`);
    if (existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
      runTool(binDir, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], path.join(dir, 'stop.log'));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Start a throwaway cluster. Returns its connection URL (database `singgah_test`, superuser `app`,
 * no password) and `stop()` / `stopSync()`, both safe to call more than once.
 *
 * @param {{ binDir?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, adminUrl: string, port: number, dir: string, stop: () => Promise<void>, stopSync: () => void }>}
 */
export async function startCluster(options = {}) {
  const log = options.log ?? (() => {});
  const binDir = findPostgresBinDir(options.binDir);
  if (!binDir) {
    throw new Error(`PostgreSQL server binaries not found in ${options.binDir ?? DEFAULT_PG_BIN_DIR} (apt-get install -y postgresql).`);
  }
  removeStaleClusters(binDir, log);

  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const dataDir = path.join(dir, 'data');
  const toolLog = path.join(dir, 'tools.log');
  const serverLog = path.join(dir, 'postgres.log');
  let running = false;
  let removed = false;

  const stopSync = () => {
    if (removed) return;
    if (running) {
      runTool(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], toolLog);
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
    removed = true;
  };

  try {
    if (isRoot()) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
      // Our log files must be writable by the postgres user's tools too.
      for (const file of [toolLog, serverLog]) {
        writeFileSync(file, '');
        chownSync(file, uid, gid);
      }
    }
    const init = runTool(
      binDir,
      'initdb',
      ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      toolLog,
    );
    if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}):\n${tail(toolLog)}`);

    let port = 0;
    for (let attempt = 1; attempt <= 3 && !running; attempt++) {
      port = await freePort();
      // Settings for a disposable test server: no durability, and the socket in our own directory.
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      const start = runTool(binDir, 'pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', serverLog, '-w', '-t', '60', 'start'], toolLog);
      if (start.status === 0) running = true;
      else if (attempt === 3) throw new Error(`pg_ctl start failed (exit ${start.status}):\n${tail(toolLog)}\n${tail(serverLog)}`);
    }

    const created = runTool(binDir, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, TEST_DATABASE], toolLog);
    if (created.status !== 0) throw new Error(`createdb failed (exit ${created.status}):\n${tail(toolLog)}`);

    log(`PostgreSQL 15 test server ready on 127.0.0.1:${port} in ${Date.now() - started} ms (${dir})`);
    return {
      url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${TEST_DATABASE}`,
      adminUrl: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
      port,
      dir,
      stop: async () => stopSync(),
      stopSync,
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}

// Run by hand: start a cluster, print its URL, stop it on Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const cluster = await startCluster({ log: (line) => console.error(line) });
  console.log(cluster.url);
  console.error('Press Ctrl-C to stop and delete it.');
  const shutdown = () => {
    cluster.stopSync();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  setInterval(() => {}, 1 << 30);
}
