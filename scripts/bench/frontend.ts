/**
 * `npm run bench:web [-- --web-dist DIR] [--skip-lighthouse] [--runs N] [--pages worklist,public-page]
 * [--data-dir DIR] [--save-assets] [--work-runs N]`: the front end's weight and speed.
 *
 * Seeds a small throwaway PGlite database (scripts/bench/seed.ts, which also publishes the public page
 * /layanan/rumah-singgah-bench), starts the real server on 127.0.0.1 serving the built web app
 * (dist/web: run `npm run build` first), then
 * - loads the login page, the worklist (signed in) and the public page in Debian Chromium and adds up
 *   the JavaScript and CSS each one downloads before it settles: raw, gzipped at level 9 (the figure the
 *   budgets are set in) and as transferred (the server sends the build's Brotli copies);
 * - loads each page N more times (default 5) and reads the renderer's main-thread counters (script,
 *   layout, style time; CDP Performance.getMetrics), unthrottled: the steadier figure for comparing builds;
 * - runs Lighthouse 12 (mobile preset, simulated throttling) on the public page and the worklist, N times
 *   each (default 3; the machine is shared, so single runs are noisy), and keeps the median run's report
 *   as bench-results/lighthouse-<page>.json (every run: lighthouse-<page>-runN.json).
 * Results: bench-results/frontend-latest.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/browser.js';
import { summarize } from './paced-load.js';
import { BENCH_PASSWORD, seed } from './seed.js';

const root = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const webDist = (() => {
  const i = argv.indexOf('--web-dist');
  return path.resolve(i >= 0 ? argv[i + 1] : path.join(root, 'dist/web'));
})();
/** `--runs N`: Lighthouse runs per page (the median by score is reported); `--pages a,b`: only these pages. */
const optionValue = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const lighthouseRuns = Math.max(1, Number(optionValue('--runs') ?? 3));
const onlyPages = optionValue('--pages')?.split(',').map((name) => name.trim().replace(/-/g, ' '));
const clusterModule = '../pg-cluster.mjs';
const { freePort } = (await import(clusterModule)) as { freePort(): Promise<number> };

async function main() {
  // `--data-dir DIR` keeps the seeded database between runs (seeded on first use, never deleted).
  const keptDataDir = optionValue('--data-dir');
  const dataDir = keptDataDir ? path.resolve(keptDataDir) : mkdtempSync(path.join(os.tmpdir(), 'singgah-bench-web-'));
  const out = path.join(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  if (!keptDataDir || !existsSync(path.join(dataDir, 'db'))) {
    await seed(['--cases', '2000', '--orgs', '2', '--data-dir', path.join(dataDir, 'db')]);
  }
  const port = await freePort();
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: dataDir, WEB_DIST_DIR: webDist },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.petugas', password: BENCH_PASSWORD }),
    });
    const session = res.headers.getSetCookie()[0].split(';')[0];
    const [cookieName, cookieValue] = session.split('=');

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const pages = [
      { name: 'login', url: `${base}/login`, signedIn: false },
      { name: 'worklist', url: `${base}/cases`, signedIn: true },
      { name: 'public page', url: `${base}/layanan/rumah-singgah-bench`, signedIn: false },
    ];
    type FileWeight = { file: string; raw: number; gzip: number; transfer: number; encoding: string };
    type PageWeight = { files: FileWeight[]; rawKb: number; gzipKb: number; transferKb: number; css: FileWeight[]; cssGzipKb: number; cssTransferKb: number };
    const weights: Record<string, PageWeight> = {};
    const kb = (files: FileWeight[], k: 'raw' | 'gzip' | 'transfer') => Math.round((files.reduce((a, f) => a + f[k], 0) / 1024) * 10) / 10;
    for (const p of pages) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      if (p.signedIn) await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
      const page = await context.newPage();
      const files: FileWeight[] = [];
      const css: FileWeight[] = [];
      const pending: Promise<void>[] = [];
      page.on('response', (r) => {
        const type = r.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        pending.push(
          (async () => {
            const body = await r.body().catch(() => null);
            if (!body) return;
            // What went over the wire (Brotli or gzip when the server sends it pre-compressed).
            const transfer = (await r.request().sizes().catch(() => null))?.responseBodySize ?? body.length;
            const encoding = (await r.headerValue('content-encoding')) ?? 'identity';
            const weight = { file: new URL(r.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, transfer, encoding };
            (type === 'script' ? files : css).push(weight);
          })(),
        );
      });
      await page.goto(p.url, { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      await Promise.all(pending);
      await context.close();
      weights[p.name] = {
        files: files.sort((a, b) => b.gzip - a.gzip),
        rawKb: kb(files, 'raw'),
        gzipKb: kb(files, 'gzip'),
        transferKb: kb(files, 'transfer'),
        css,
        cssGzipKb: kb(css, 'gzip'),
        cssTransferKb: kb(css, 'transfer'),
      };
      const w = weights[p.name];
      console.log(
        `${p.name}: ${files.length} scripts, ${w.gzipKb} KB gzipped (${w.rawKb} KB raw, ${w.transferKb} KB transferred); ` +
          `${css.length} stylesheets, ${w.cssGzipKb} KB gzipped (${w.cssTransferKb} KB transferred)`,
      );
    }
    await browser.close();

    // Main-thread work of each page load, from the renderer's own counters (CDP Performance.getMetrics),
    // unthrottled: a steadier yardstick than the Lighthouse score for telling whether a change moved
    // the work (the score of one build spreads over 15 points on this machine). Median of N loads,
    // each in a fresh browser, after one load that is not counted.
    const workRuns = Math.max(1, Number(optionValue('--work-runs') ?? 5));
    const work: Record<string, Record<string, number>> = {};
    for (const p of pages.filter((x) => !onlyPages || onlyPages.includes(x.name))) {
      const samples: Record<string, number[]> = { taskMs: [], scriptMs: [], layoutMs: [], styleMs: [], nodes: [] };
      for (let run = 0; run <= workRuns; run++) {
        const b = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
        const context = await b.newContext({ viewport: { width: 360, height: 740 } });
        if (p.signedIn) await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(p.url, { waitUntil: 'networkidle' });
        await page.waitForTimeout(500);
        const { metrics } = await cdp.send('Performance.getMetrics');
        await b.close();
        if (run === 0) continue;
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        for (const [key, metric] of [
          ['taskMs', 'TaskDuration'],
          ['scriptMs', 'ScriptDuration'],
          ['layoutMs', 'LayoutDuration'],
          ['styleMs', 'RecalcStyleDuration'],
        ] as const)
          samples[key].push(m[metric] * 1000);
        samples.nodes.push(m.Nodes);
      }
      work[p.name] = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, Math.round(summarize(xs).p50)]));
      console.log(`${p.name}: main-thread work (median of ${workRuns}, unthrottled) ${JSON.stringify(work[p.name])}`);
    }

    // Lighthouse runs are noisy on a shared machine: run each page several times and keep the median.
    type LighthouseRun = { score: number | null; metrics: Record<string, string>; numeric: Record<string, number>; benchmarkIndex: number | null; loadAverage: number; report: string };
    const lighthouse: Record<string, (LighthouseRun & { runs: { score: number | null; loadAverage: number; benchmarkIndex: number | null; TBT: string; LCP: string }[] }) | { error: string }> = {};
    if (!argv.includes('--skip-lighthouse')) {
      for (const p of pages.filter((x) => x.name !== 'login' && (!onlyPages || onlyPages.includes(x.name)))) {
        const slug = p.name.replace(/\s+/g, '-');
        const runs: LighthouseRun[] = [];
        let lastError = '';
        for (let i = 0; i < lighthouseRuns; i++) {
          const report = path.join(out, `lighthouse-${slug}-run${i + 1}.json`);
          const args = [
            path.join(root, 'node_modules/.bin/lighthouse'),
            p.url,
            '--quiet',
            '--only-categories=performance',
            '--output=json',
            `--output-path=${report}`,
            `--chrome-flags=--headless=new --no-sandbox --disable-gpu`,
            ...(p.signedIn ? [`--extra-headers=${JSON.stringify({ cookie: session })}`] : []),
            // The trace and DevTools log beside each report (…-runN-0.trace.json), for finding where the time went.
            ...(argv.includes('--save-assets') ? ['--save-assets'] : []),
          ];
          const loadAverage = Math.round(os.loadavg()[0] * 10) / 10;
          const run = spawnSync(args[0], args.slice(1), { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, encoding: 'utf8', timeout: 180_000 });
          try {
            const lhr = JSON.parse(readFileSync(report, 'utf8'));
            const audit = (id: string) => lhr.audits[id]?.displayValue ?? '';
            const numeric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
            runs.push({
              score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
              metrics: { FCP: audit('first-contentful-paint'), LCP: audit('largest-contentful-paint'), TBT: audit('total-blocking-time'), CLS: audit('cumulative-layout-shift'), SI: audit('speed-index') },
              numeric: { FCP: numeric('first-contentful-paint'), LCP: numeric('largest-contentful-paint'), TBT: numeric('total-blocking-time'), SI: numeric('speed-index') },
              benchmarkIndex: lhr.environment?.benchmarkIndex ? Math.round(lhr.environment.benchmarkIndex) : null,
              loadAverage,
              report: path.relative(root, report),
            });
            console.log(`Lighthouse ${p.name} run ${i + 1}: ${runs[runs.length - 1].score} ${JSON.stringify(runs[runs.length - 1].metrics)} (load ${loadAverage})`);
          } catch {
            lastError = `${run.status} ${(run.stderr ?? '').slice(-500)}`;
            console.log(`Lighthouse ${p.name} run ${i + 1} failed: ${lastError}`);
          }
        }
        if (runs.length === 0) {
          lighthouse[p.name] = { error: lastError };
          continue;
        }
        const median = [...runs].sort((a, b) => (a.score ?? -1) - (b.score ?? -1))[Math.floor((runs.length - 1) / 2)];
        const report = path.join(out, `lighthouse-${slug}.json`);
        copyFileSync(path.join(root, median.report), report);
        lighthouse[p.name] = {
          ...median,
          report: path.relative(root, report),
          runs: runs.map((r) => ({ score: r.score, loadAverage: r.loadAverage, benchmarkIndex: r.benchmarkIndex, TBT: r.metrics.TBT, LCP: r.metrics.LCP })),
        };
        console.log(`Lighthouse ${p.name} (median of ${runs.length}): ${median.score} ${JSON.stringify(median.metrics)}; all: ${runs.map((r) => r.score).join(', ')}`);
      }
    }
    writeFileSync(path.join(out, 'frontend-latest.json'), JSON.stringify({ at: new Date().toISOString(), webDist, weights, work, lighthouse }, null, 2));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
