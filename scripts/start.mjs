#!/usr/bin/env node
/**
 * `npm start`: build the web app when it is missing or older than its sources, then run the server
 * (TypeScript through tsx). `--demo` loads the demo organization into an empty database first;
 * `--demo-only` (npm run demo) loads it and exits; `--dev` rebuilds the web app on every change.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

function webIsStale() {
  const index = path.join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [path.join(root, 'src/web'), path.join(root, 'src/shared')].some((d) => newestMtime(d) > built);
}

const needsWeb = !args.includes('--demo-only');
if (needsWeb && !args.includes('--dev') && webIsStale()) {
  console.log('Building the web app (first start, or its sources changed)…');
  const result = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const children = [];
if (args.includes('--dev')) {
  children.push(spawn(bin('vite'), ['build', '--watch', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }));
}
const serverArgs = args.includes('--dev') ? ['watch', 'src/server/main.ts'] : ['src/server/main.ts'];
const server = spawn(bin('tsx'), [...serverArgs, ...args.filter((a) => a !== '--dev')], { cwd: root, stdio: 'inherit' });
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
