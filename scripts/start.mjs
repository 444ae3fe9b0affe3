#!/usr/bin/env node
/**
 * `npm start`: build the web app and the server bundle when missing or older than their sources, then
 * run the server bundle (dist/server/main.mjs) with node. `--demo` loads the demo organization into an empty database first;
 * `--demo-only` (npm run demo) loads it and exits; `--dev` rebuilds the web app on every change.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, SERVER_BUNDLE, serverNodeArgs } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `output` is missing or older than anything in `sources` (directories or files). */
function isStale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.map((s) => path.join(root, s)).some((s) => existsSync(s) && (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs) > built);
}

const needsWeb = !args.includes('--demo-only');
if (needsWeb && !args.includes('--dev') && isStale(path.join(root, 'dist/web/index.html'), ['src/web', 'src/shared', 'vite.config.ts'])) {
  console.log('Building the web app (first start, or its sources changed)…');
  const result = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dev = args.includes('--dev');
if (!dev && isStale(SERVER_BUNDLE, ['src/server', 'src/shared', 'package-lock.json'])) await buildServer();

const children = [];
if (args.includes('--dev')) {
  children.push(spawn(bin('vite'), ['build', '--watch', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }));
}
// Development runs the TypeScript sources through tsx and restarts on change; otherwise the bundle.
const rest = args.filter((a) => a !== '--dev');
const server = dev
  ? spawn(bin('tsx'), ['watch', 'src/server/main.ts', ...rest], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [...serverNodeArgs(), SERVER_BUNDLE, ...rest], { cwd: root, stdio: 'inherit' });
children.push(server);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
server.on('exit', (code) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code ?? 0);
});
