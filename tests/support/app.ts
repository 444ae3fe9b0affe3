/**
 * The real Fastify app on a fresh test database, and helpers to drive its API.
 *
 *   let app: TestApp;
 *   beforeAll(async () => { app = await createTestApp(); });
 *   afterAll(() => app?.close());             // closes the database too
 *
 *   const admin = await setupInstance(app);   // POST /api/setup → signed-in administrator
 *   const res = await api(app, admin.session).post('/api/users', { ... });
 *   const user = expectJson<UserView>(res, 201);
 *
 * Requests go through `app.inject` (no socket). For real HTTP, `await listen(app)` returns the base URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { type AppConfig, loadConfig } from '../../src/server/config.js';
import type { MeResponse, SetupBody } from '../../src/shared/contracts/auth.js';
import type { CreateOrganizationBody, OrganizationView } from '../../src/shared/contracts/organizations.js';
import type { CreateUserBody, UserView } from '../../src/shared/contracts/users.js';
import type { Role } from '../../src/shared/permissions.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { ADMIN, setupBody, uniqueSuffix } from './fixtures.js';

type App = Awaited<ReturnType<typeof buildApp>>;

/** The app, plus the database and configuration it was built with. `close()` closes the database too. */
export type TestApp = App & { readonly testDatabase: TestDatabase; readonly testConfig: AppConfig };

export interface CreateTestAppOptions {
  /** Use this database instead of a new one; it is then not closed with the app. */
  database?: TestDatabase;
  /** Extra configuration, as environment variables for loadConfig (e.g. `{ LOGIN_MAX_FAILURES: '3' }`). */
  env?: Record<string, string | undefined>;
  /** Fastify request logging (off by default). */
  logger?: boolean;
}

/** Build the real app on a fresh, migrated test database (of the project's kind). */
export async function createTestApp(options: CreateTestAppOptions = {}): Promise<TestApp> {
  const ownDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'singgah-test-app-'));
  try {
    // Never from process.env: the app under test gets the harness's database and a temp data dir.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env });
    const app = await buildApp({ database, config, logger: options.logger ?? false });
    app.addHook('onClose', async () => {
      if (ownDatabase) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    Object.defineProperty(app, 'testDatabase', { value: database, enumerable: false });
    Object.defineProperty(app, 'testConfig', { value: config, enumerable: false });
    await app.ready();
    return app as TestApp;
  } catch (error) {
    if (ownDatabase) await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Listen on 127.0.0.1 at a free port; returns the base URL (`http://127.0.0.1:PORT`). */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The app is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

// ---------------------------------------------------------------------------------------------
// Sessions and requests

/** A signed-in session: the cookie to send, the CSRF token for writes, and who it is. */
export interface TestSession {
  /** `singgah_session=…`, ready for a `cookie` header. */
  cookie: string;
  csrfToken: string;
  me: MeResponse;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /** Client IP seen by the app (rate limits count per IP). */
  remoteAddress?: string;
}

/** Send one request as `session` (or anonymously): cookie always, `x-csrf-token` on writes. */
export function request(
  app: App,
  session: TestSession | null | undefined,
  method: Method,
  url: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  const query = options.query
    ? Object.fromEntries(Object.entries(options.query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
    : undefined;
  return app.inject({
    method,
    url,
    headers,
    query,
    remoteAddress: options.remoteAddress,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** Shorthands bound to one app and session: `api(app, admin.session).post('/api/users', body)`. */
export function api(app: App, session?: TestSession | null) {
  return {
    get: (url: string, options?: RequestOptions) => request(app, session, 'GET', url, undefined, options),
    post: (url: string, body?: unknown, options?: RequestOptions) => request(app, session, 'POST', url, body ?? {}, options),
    put: (url: string, body?: unknown, options?: RequestOptions) => request(app, session, 'PUT', url, body ?? {}, options),
    patch: (url: string, body?: unknown, options?: RequestOptions) => request(app, session, 'PATCH', url, body ?? {}, options),
    delete: (url: string, options?: RequestOptions) => request(app, session, 'DELETE', url, undefined, options),
  };
}

/** The parsed JSON body, after checking the status; a mismatch throws with the body in the message. */
export function expectJson<T = unknown>(res: LightMyRequestResponse, status: number): T {
  if (res.statusCode !== status) {
    throw new Error(`Expected HTTP ${status}, got ${res.statusCode}: ${res.body.slice(0, 2000)}`);
  }
  return res.json() as T;
}

/** The `{ error: { code } }` of an error response, after checking the status. */
export function expectError(res: LightMyRequestResponse, status: number): { code: string; message: string; fields?: { field: string; message: string }[] } {
  return expectJson<{ error: { code: string; message: string; fields?: { field: string; message: string }[] } }>(res, status).error;
}

/**
 * Login, password change and setup are rate-limited per client IP. The helpers below send each call
 * from its own loopback address (a label inside app.inject; nothing goes on the network) so that a
 * test file can sign in many users. Tests of the limits themselves use `request()` with a fixed
 * `remoteAddress`.
 */
let helperAddressCounter = 0;
export function nextClientAddress(): string {
  helperAddressCounter++;
  return `127.77.${(helperAddressCounter >> 8) & 255}.${helperAddressCounter & 255}`;
}

function sessionFrom(res: LightMyRequestResponse, expectedStatus: number): TestSession {
  const me = expectJson<MeResponse>(res, expectedStatus);
  const cookie = res.cookies.find((c) => c.name === 'singgah_session');
  if (!cookie) throw new Error(`No singgah_session cookie in the response (set-cookie: ${String(res.headers['set-cookie'])})`);
  return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: me.csrfToken, me };
}

// ---------------------------------------------------------------------------------------------
// Setup, login, factories

export interface SetupResult {
  /** `singgah_session=…` of the first administrator. */
  adminCookie: string;
  csrfToken: string;
  me: MeResponse;
  /** The same, as a session for `api()` / `request()`. */
  session: TestSession;
  /** The administrator's credentials. */
  admin: { username: string; password: string };
  body: SetupBody;
}

/** First-run setup through POST /api/setup with a valid body (see fixtures.setupBody). */
export async function setupInstance(
  app: App,
  overrides: Parameters<typeof setupBody>[0] = {},
): Promise<SetupResult> {
  const body = setupBody(overrides);
  const session = sessionFrom(await request(app, null, 'POST', '/api/setup', body, { remoteAddress: nextClientAddress() }), 201);
  return {
    adminCookie: session.cookie,
    csrfToken: session.csrfToken,
    me: session.me,
    session,
    admin: { username: body.admin.username, password: body.admin.password },
    body,
  };
}

/** POST /api/auth/login; throws unless it succeeds. */
export async function login(app: App, username: string, password: string, options: RequestOptions = {}): Promise<TestSession> {
  const withAddress = { remoteAddress: nextClientAddress(), ...options };
  return sessionFrom(await request(app, null, 'POST', '/api/auth/login', { username, password }, withAddress), 200);
}

/** Change the session's own password (POST /api/auth/password); returns the new session. */
export async function changePassword(app: App, session: TestSession, currentPassword: string, newPassword: string): Promise<TestSession> {
  const body = { currentPassword, newPassword };
  return sessionFrom(await request(app, session, 'POST', '/api/auth/password', body, { remoteAddress: nextClientAddress() }), 200);
}

export interface BuiltUser {
  user: UserView;
  username: string;
  password: string;
}

/**
 * Create a user through POST /api/users as `session` (an administrator). Defaults: role
 * social_worker, the session's own organization, a unique username, a valid password.
 */
export async function buildUser(
  app: App,
  session: TestSession,
  overrides: Partial<CreateUserBody> & { role?: Role } = {},
): Promise<BuiltUser> {
  const suffix = uniqueSuffix();
  const body: CreateUserBody = {
    username: `user.${suffix}`,
    name: `Test User ${suffix}`,
    role: 'social_worker',
    organizationId: session.me.user.organization.id,
    password: `password-${suffix}-ok`,
    ...overrides,
  };
  const user = expectJson<UserView>(await request(app, session, 'POST', '/api/users', body), 201);
  return { user, username: body.username, password: body.password };
}

/**
 * Create a user and sign them in. New users must change their password first; this does that too
 * (unless `keepTemporaryPassword`), so the session can use the API at once.
 */
export async function buildUserSession(
  app: App,
  adminSession: TestSession,
  overrides: Partial<CreateUserBody> & { role?: Role; keepTemporaryPassword?: boolean } = {},
): Promise<BuiltUser & { session: TestSession }> {
  const { keepTemporaryPassword, ...userOverrides } = overrides;
  const built = await buildUser(app, adminSession, userOverrides);
  let session = await login(app, built.username, built.password);
  let password = built.password;
  if (session.me.user.mustChangePassword && !keepTemporaryPassword) {
    password = `${built.password}-changed`;
    session = await changePassword(app, session, built.password, password);
  }
  return { ...built, password, session };
}

/** The id of the shelter unit a session sees first (setupInstance makes one). */
export async function firstUnitId(app: App, session: TestSession): Promise<string> {
  const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, session).get('/api/organizations'), 200);
  return orgs.items.find((o) => o.kind === 'unit')!.id;
}

/** Create a child organization through POST /api/organizations (default: a unit under the session's organization). */
export async function buildOrganization(
  app: App,
  session: TestSession,
  overrides: Partial<CreateOrganizationBody> = {},
): Promise<OrganizationView> {
  const body: CreateOrganizationBody = {
    parentId: session.me.user.organization.id,
    kind: 'unit',
    name: `Unit Test ${uniqueSuffix()}`,
    ...overrides,
  };
  return expectJson<OrganizationView>(await request(app, session, 'POST', '/api/organizations', body), 201);
}

export { ADMIN };
