/**
 * Browser tests: the real server as a child process (built web app from dist/web, its own PGlite data
 * directory in a temp dir) and Debian's Chromium driven by playwright-core.
 *
 *   let e2e: E2E;
 *   beforeAll(async () => { e2e = await startE2E(); });
 *   afterAll(() => e2e?.close());
 *
 *   it('shows the login page on a phone', async () => {
 *     const admin = await e2e.setup();                          // POST /api/setup over HTTP
 *     const page = await e2e.newPhonePage({ session: admin });  // 360x740, signed in
 *     await page.goto('/');
 *     await e2e.screenshot(page, 'home-phone');                 // test-results/screenshots/home-phone.png
 *     expect(e2e.pageErrors(page)).toEqual([]);
 *   });
 *
 * scripts/test.mjs builds dist/web before the e2e project runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { serverNodeArgs } from '../../scripts/build-server.mjs';
import type { MeResponse } from '../../src/shared/contracts/auth.js';
import { ADMIN, setupBody } from './fixtures.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
export const CHROMIUM_PATH = process.env.SINGGAH_E2E_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1366, height: 850 } as const;

// ---------------------------------------------------------------------------------------------
// The server

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Start the server bundle `dist/server/main.mjs` (what `npm start` runs; `npm test` builds it before the
 * browser tests) on a free port of 127.0.0.1 with a fresh data directory,
 * and wait for "Singgah listening on". `env` adds or overrides environment variables.
 */
export async function startServer(options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<TestServer> {
  const webDist = path.join(ROOT, 'dist/web');
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run the browser tests with `npm test` (it builds the web app) or `npm run build` first.');
  }
  const bundle = path.join(ROOT, 'dist/server/main.mjs');
  if (!existsSync(bundle)) {
    throw new Error('dist/server/main.mjs is missing: run the browser tests with `npm test` (it builds the server) or `npm run build` first.');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'singgah-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: webDist,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;

  const child = spawn(process.execPath, [...serverNodeArgs(env), bundle], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const timeoutMs = options.timeoutMs ?? 90_000;
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start within ${timeoutMs} ms`)), timeoutMs);
    const onData = () => {
      const match = output.match(/Singgah listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    function fail(error: Error) {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    }
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => fail(new Error(`the server exited (code ${code}, signal ${signal}) before listening`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });

  return { baseUrl, dataDir, output: () => output, stop };
}

// ---------------------------------------------------------------------------------------------
// The browser

/** Debian's Chromium, headless, with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A signed-in API session obtained over HTTP, usable to sign a browser context in. */
export interface HttpSession {
  /** The session cookie's value (not `name=value`). */
  token: string;
  csrfToken: string;
  me: MeResponse;
}

async function sessionFromResponse(res: Response, expected: number): Promise<HttpSession> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`Expected HTTP ${expected}, got ${res.status}: ${text.slice(0, 2000)}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('singgah_session='));
  if (!setCookie) throw new Error('No singgah_session cookie in the response');
  const me = JSON.parse(text) as MeResponse;
  return { token: setCookie.split(';')[0].slice('singgah_session='.length), csrfToken: me.csrfToken, me };
}

/** POST /api/setup over HTTP with a valid body (see fixtures.setupBody). */
export async function setupOverHttp(baseUrl: string, overrides: Parameters<typeof setupBody>[0] = {}): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(setupBody(overrides)),
  });
  return sessionFromResponse(res, 201);
}

/** POST /api/auth/login over HTTP. */
export async function loginOverHttp(baseUrl: string, username: string = ADMIN.username, password: string = ADMIN.password): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return sessionFromResponse(res, 200);
}

export interface NewPageOptions extends BrowserContextOptions {
  /** Sign the page in with this session (sets the cookie before the first navigation). */
  session?: HttpSession;
}

export interface E2E {
  baseUrl: string;
  server: TestServer;
  browser: Browser;
  /** A page in a new context, 360x740, touch, mobile. Relative URLs resolve against the server. */
  newPhonePage(options?: NewPageOptions): Promise<Page>;
  /** A page in a new context, 1366x850. */
  newDesktopPage(options?: NewPageOptions): Promise<Page>;
  /** Save a full-page screenshot to test-results/screenshots/<name>.png; returns the path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Uncaught errors and console errors the page has shown so far. */
  pageErrors(page: Page): string[];
  /** First-run setup of this server over HTTP. */
  setup(overrides?: Parameters<typeof setupBody>[0]): Promise<HttpSession>;
  login(username?: string, password?: string): Promise<HttpSession>;
  close(): Promise<void>;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Start the server and the browser. One per test file (in beforeAll); close() in afterAll. */
export async function startE2E(options: { env?: Record<string, string> } = {}): Promise<E2E> {
  const [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  const contexts: BrowserContext[] = [];

  async function newPage(defaults: BrowserContextOptions, { session, ...options }: NewPageOptions = {}): Promise<Page> {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      ...defaults,
      ...options,
    });
    contexts.push(context);
    if (session) {
      await context.addCookies([{ name: 'singgah_session', value: session.token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    }
    const page = await context.newPage();
    const errors: string[] = [];
    errorsByPage.set(page, errors);
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    return page;
  }

  return {
    baseUrl: server.baseUrl,
    server,
    browser,
    newPhonePage: (options) => newPage({ viewport: { ...PHONE }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, options),
    newDesktopPage: (options) => newPage({ viewport: { ...DESKTOP }, deviceScaleFactor: 1 }, options),
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    pageErrors: (page) => [...(errorsByPage.get(page) ?? [])],
    setup: (overrides) => setupOverHttp(server.baseUrl, overrides),
    login: (username, password) => loginOverHttp(server.baseUrl, username, password),
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/**
 * An API call over HTTP as a signed-in user (the session cookie and its CSRF token), for setting up
 * what a browser test needs; any answer but 2xx fails with its text. An empty answer is `undefined`.
 */
export async function apiAs<T>(e2e: Pick<E2E, 'baseUrl'>, session: HttpSession, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${e2e.baseUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `singgah_session=${session.token}`, 'x-csrf-token': session.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /api${path}: HTTP ${res.status}: ${text.slice(0, 2000)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
