/**
 * `GET /cases` drawn by the server (src/server/http/first-screen.ts): a signed-in case reader gets the
 * built index.html with the worklist in it (cards, table, total), its data as `GET /api/cases` gives
 * it, and the app's scripts handed to a loader the CSP allows by hash; never cached, never another
 * organization's cases, every client-typed text escaped. Anyone else gets the plain index.html.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../tests/support/app.js';
import { openCase } from '../../../tests/support/case-fixtures.js';
import { testDbKind } from '../../../tests/support/env.js';
import { createSecondDistrict, type SecondDistrict } from '../../../tests/support/second-district.js';
import type { CaseDetail, CaseSummary, CreateIntakeBody } from '../../shared/contracts/cases.js';
import { translate } from '../../shared/i18n/index.js';
import { DEFAULT_SOP } from '../../shared/workflow/default-sop.js';
import { SCRIPT_LOADER_CSP_HASH } from './first-screen.js';

type Page = { items: CaseSummary[]; total: number };

const ENTRY = '/assets/index-Ab12Cd34.js';
const CHUNKS = ['/assets/chunk-One11111.js', '/assets/chunk-Two22222.js'];
const STYLESHEET = '<link rel="stylesheet" crossorigin href="/assets/index-Zz99Yy88.css">';
const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_ALIAS = '</script><script>alert(2)</script>';

/** src/web/index.html as `vite build` writes it: the entry script, its preloads and stylesheet in <head>. */
function builtIndexHtml(): string {
  const template = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
  const source = '    <script type="module" src="./main.tsx"></script>\n';
  if (!template.includes(source) || !template.includes('  </head>')) throw new Error('src/web/index.html changed: update this fixture');
  const built = [
    `    <script type="module" crossorigin src="${ENTRY}"></script>`,
    ...CHUNKS.map((chunk) => `    <link rel="modulepreload" crossorigin href="${chunk}">`),
    `    ${STYLESHEET}`,
  ].join('\n');
  return template.replace(source, '').replace('  </head>', `${built}\n  </head>`);
}

function clientNamed(name: string, aliases: string[] = []): CreateIntakeBody['client'] {
  return { name, nameQuality: 'full', aliases, sex: 'male', estimatedAge: 40 } as CreateIntakeBody['client'];
}

/** The page's embedded worklist data: its raw text inside the <script> and the parsed value. */
function firstScreenData(html: string): { text: string; data: { search: string; worklist: Page } } {
  const match = /<script type="application\/json" id="singgah-first-screen">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error(`No #singgah-first-screen in the page: ${html.slice(0, 500)}`);
  return { text: match[1], data: JSON.parse(match[1]) };
}

function appScripts(html: string): { entry: string; preload: string[] } {
  const match = /<script type="application\/json" id="singgah-app-scripts">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('No #singgah-app-scripts in the page');
  return JSON.parse(match[1]);
}

const cardsOf = (html: string) => [...html.matchAll(/<a [^>]*data-testid="first-screen-card">[\s\S]*?<\/a>/g)].map((m) => m[0]);
const rowsOf = (html: string) => [...html.matchAll(/<tr data-testid="first-screen-row">[\s\S]*?<\/tr>/g)].map((m) => m[0]);
const totalOf = (html: string) => /data-testid="first-screen-total">([^<]*)</.exec(html)?.[1];

/** Every <script> element of the page: its attributes and text. */
const scriptsOf = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1], text: m[2] }));

describe(`the worklist drawn by the server: GET /cases (${testDbKind()})`, () => {
  let app: TestApp;
  let webDir: string;
  let indexHtml: string;
  let admin: TestSession;
  let unitId: string;
  let officer: TestSession;
  let other: SecondDistrict;
  let otherOfficer: TestSession;
  let budi: CaseDetail;
  let siti: CaseDetail;
  let xss: CaseDetail;
  let joko: CaseDetail;

  const get = (session: TestSession | null, url: string, headers?: Record<string, string>) => api(app, session).get(url, { headers });

  /** The drawn page, after checking what makes it one: 200, HTML, never stored, varying by cookie. */
  async function drawnPage(session: TestSession, url = '/cases'): Promise<string> {
    const res = await get(session, url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type'], url).toMatch(/^text\/html/);
    expect(res.headers['cache-control'], url).toBe('private, no-store');
    expect(String(res.headers.vary), url).toMatch(/\bcookie\b/i);
    expect(res.body, url).toContain('data-testid="first-screen"');
    return res.body;
  }

  /** The plain built index.html, byte for byte: no case data, revalidated by caches. */
  function expectPlainPage(res: LightMyRequestResponse) {
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).not.toContain('first-screen"');
    expect(res.body).not.toContain('singgah-first-screen');
    expect(res.body).toBe(indexHtml);
  }

  /**
   * The page's worklist equals `GET /api/cases` for the same session and query. Elapsed minutes tick
   * with the clock, so the API is asked just before and just after the page: one of them matches.
   */
  async function expectSameAsApi(session: TestSession, pageUrl: string, apiUrl: string): Promise<{ html: string; data: { search: string; worklist: Page } }> {
    const before = expectJson<Page>(await get(session, apiUrl), 200);
    const html = await drawnPage(session, pageUrl);
    const after = expectJson<Page>(await get(session, apiUrl), 200);
    const { data } = firstScreenData(html);
    expect(data.worklist).toEqual(isDeepStrictEqual(data.worklist, before) ? before : after);
    return { html, data };
  }

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'singgah-first-screen-'));
    indexHtml = builtIndexHtml();
    writeFileSync(path.join(webDir, 'index.html'), indexHtml);
    app = await createTestApp({ env: { WEB_DIST_DIR: webDir } });
    admin = (await setupInstance(app)).session;
    unitId = await firstUnitId(app, admin);
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    budi = await openCase(app, officer, unitId, { client: clientNamed('Budi Santoso', ['Pak Kumis']) });
    siti = await openCase(app, officer, unitId, { client: clientNamed('Siti Rahayu') });
    xss = await openCase(app, officer, unitId, { client: clientNamed(XSS_NAME, [XSS_ALIAS]) });
    other = await createSecondDistrict(app);
    otherOfficer = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: other.unitId })).session;
    // Its own case numbers, so that its case's number cannot be mistaken for one of the first district's.
    const prefix = { caseNumberPrefix: 'RS-TMG' };
    expectJson(await api(app, other.adminSession).put('/api/service-settings', prefix, { query: { organizationId: other.unitId } }), 200);
    joko = await openCase(app, otherOfficer, other.unitId, { client: clientNamed('Joko Temanggung') });
  });
  afterAll(async () => {
    await app?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('draws the open cases of a shelter officer, with the same data as GET /api/cases, never stored', async () => {
    const { html, data } = await expectSameAsApi(officer, '/cases', '/api/cases?list=open&limit=20&offset=0');
    expect(data.search).toBe('');
    expect(data.worklist.total).toBe(3);
    expect(data.worklist.items.map((item) => item.id).sort()).toEqual([budi.id, siti.id, xss.id].sort());

    // The start-up frame stays; the marker is replaced by the worklist, in Indonesian.
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('class="boot-header"');
    expect(html).not.toContain('<!--first-screen-->');
    expect(html).toContain(`<h1 class="fs-title">${translate('id', 'casesWeb.list.title')}</h1>`);

    // Each case once as a card and once as a table row, with its number, name and link.
    const cards = cardsOf(html);
    expect(cards).toHaveLength(3);
    for (const c of [budi, siti]) {
      const card = cards.find((one) => one.includes(`href="/cases/${c.id}"`));
      expect(card, c.caseNumber).toBeDefined();
      expect(card).toContain(`<span class="fs-number">${c.caseNumber}</span>`);
      expect(card).toContain(c.client.name);
    }
    expect(cards.find((one) => one.includes(budi.id))).toContain(translate('id', 'casesWeb.aka', { names: 'Pak Kumis' }));
    const rows = rowsOf(html);
    expect(rows).toHaveLength(3);
    for (const c of [budi, siti, xss]) expect(rows.filter((row) => row.includes(`>${c.caseNumber}</a>`))).toHaveLength(1);
    expect(totalOf(html)).toBe(translate('id', 'casesWeb.list.total', { count: 3 }));

    // The app's scripts are not in the page as tags but handed to the loader; the stylesheet stays.
    expect(html).not.toContain(`src="${ENTRY}"`);
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).toContain(STYLESHEET);
    expect(appScripts(html)).toEqual({ entry: ENTRY, preload: CHUNKS });
    // Both after the drawn page, at the end of <body>.
    expect(html.indexOf('id="singgah-app-scripts"')).toBeGreaterThan(html.indexOf('data-testid="first-screen-total"'));
    expect(html).toMatch(/<\/script>\s*<\/body>/);
  });

  it('the inline loader is the only script with code, and the CSP allows it by its hash', async () => {
    const res = await get(officer, '/cases');
    expect(res.statusCode).toBe(200);
    const scripts = scriptsOf(res.body);
    expect(scripts.map((s) => s.attributes.trim())).toEqual([
      'type="application/json" id="singgah-first-screen"',
      'type="application/json" id="singgah-app-scripts"',
      '',
    ]);
    const loader = scripts.filter((s) => !s.attributes.includes('application/json'));
    expect(loader).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(loader[0].text).digest('base64')}'`;
    expect(hash).toBe(SCRIPT_LOADER_CSP_HASH);
    const scriptSrc = String(res.headers['content-security-policy'])
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc?.split(/\s+/)).toContain(hash);
    expect(scriptSrc?.split(/\s+/)).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    // It reads the scripts from the JSON the page carries.
    expect(loader[0].text).toContain("getElementById('singgah-app-scripts')");
  });

  it('is compressed for a browser that accepts Brotli, and still never stored', async () => {
    const res = await get(officer, '/cases', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(String(res.headers.vary)).toMatch(/\bcookie\b/i);
    const html = brotliDecompressSync(res.rawPayload).toString('utf8');
    expect(cardsOf(html)).toHaveLength(3);
    expect(html).toContain(budi.caseNumber);
    expect(firstScreenData(html).data.worklist.total).toBe(3);
  });

  it("follows the browser's weights for compression: gzip when Brotli is refused, none when both are", async () => {
    const gzip = await get(officer, '/cases', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(cardsOf(gunzipSync(gzip.rawPayload).toString('utf8'))).toHaveLength(3);
    const preferred = await get(officer, '/cases', { 'accept-encoding': 'br;q=0.5, gzip;q=0.8' });
    expect(preferred.headers['content-encoding']).toBe('gzip');
    const plain = await get(officer, '/cases', { 'accept-encoding': 'gzip;q=0, br;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(cardsOf(plain.body)).toHaveLength(3);
  });

  it('sends the plain page when the worklist cannot be read, and draws it again once it can', async () => {
    // A real failure of the worklist's query while the session still reads: its clients table is gone.
    await app.testDatabase.db.execute(sql`alter table clients rename to clients_away`);
    try {
      expect((await get(officer, '/api/cases')).statusCode).toBe(500);
      expectPlainPage(await get(officer, '/cases'));
    } finally {
      await app.testDatabase.db.execute(sql`alter table clients_away rename to clients`);
    }
    expect(cardsOf(await drawnPage(officer))).toHaveLength(3);
  });

  it("never shows another organization's cases, either way", async () => {
    const { html } = await expectSameAsApi(officer, '/cases', '/api/cases?list=open&limit=20&offset=0');
    expect(html).not.toContain(joko.id);
    expect(html).not.toContain('Joko Temanggung');
    expect(joko.caseNumber).toMatch(/^RS-TMG-/);
    expect(html).not.toContain(joko.caseNumber);
    expect(html).not.toContain('RS-TMG');
    const all = await drawnPage(officer, '/cases?list=all');
    expect(all).not.toContain(joko.id);
    expect(all).not.toContain('Joko Temanggung');
    expect(all).not.toContain(joko.caseNumber);

    const { html: theirs, data } = await expectSameAsApi(otherOfficer, '/cases', '/api/cases?list=open&limit=20&offset=0');
    expect(data.worklist.items.map((item) => item.id)).toEqual([joko.id]);
    const cards = cardsOf(theirs);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(`href="/cases/${joko.id}"`);
    expect(cards[0]).toContain(joko.caseNumber);
    expect(cards[0]).toContain('Joko Temanggung');
    for (const c of [budi, siti, xss]) expect(theirs).not.toContain(c.id);
    expect(theirs).not.toContain('Budi Santoso');
    expect(theirs).not.toContain('Siti Rahayu');
    expect(theirs).not.toContain('onerror');
  });

  it('escapes what was typed about a client, in the HTML and in the embedded JSON', async () => {
    const html = await drawnPage(officer);
    const card = cardsOf(html).find((one) => one.includes(`href="/cases/${xss.id}"`));
    expect(card).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(card).toContain('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    // Only the page's own three script elements end in the page.
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html.match(/<script\b/g)).toHaveLength(3);

    const { text, data } = firstScreenData(html);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    const item = data.worklist.items.find((one) => one.id === xss.id);
    expect(item?.clientName).toBe(XSS_NAME);
    expect(item?.clientAliases).toEqual([XSS_ALIAS]);
  });

  it('follows the list and the search of the address', async () => {
    const closed = await expectSameAsApi(officer, '/cases?list=closed', '/api/cases?list=closed&limit=20&offset=0');
    expect(closed.data.search).toBe('?list=closed');
    expect(closed.data.worklist).toEqual({ items: [], total: 0 });
    expect(cardsOf(closed.html)).toHaveLength(0);
    expect(rowsOf(closed.html)).toHaveLength(0);
    expect(closed.html).toContain(`<p class="fs-empty fs-dim">${translate('id', 'casesWeb.list.empty.closed')}</p>`);
    expect(closed.html).not.toContain(budi.caseNumber);
    expect(closed.html).toMatch(/<a href="\/cases\?list=closed" class="fs-tab-active" aria-current="page">/);

    const search = await expectSameAsApi(officer, '/cases?q=Rahayu', '/api/cases?list=open&q=Rahayu&limit=20&offset=0');
    expect(search.data.search).toBe('?q=Rahayu');
    expect(search.data.worklist.items.map((item) => item.id)).toEqual([siti.id]);
    const cards = cardsOf(search.html);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(siti.caseNumber);
    expect(search.html).not.toContain(budi.id);
    expect(search.html).not.toContain('Budi Santoso');
    expect(search.html).toContain('value="Rahayu"');
    expect(totalOf(search.html)).toBe(translate('id', 'casesWeb.list.total', { count: 1 }));
  });

  it('leaves an address the API would refuse to the app: the plain page', async () => {
    expect((await get(officer, '/api/cases?category=nonsense')).statusCode).toBe(400);
    const res = await get(officer, '/cases?category=nonsense');
    expectPlainPage(res);
    expect(res.body).not.toContain(budi.caseNumber);
  });

  it('gives the plain page to anyone else: signed out, a role without cases, a password still to change', async () => {
    expectPlainPage(await get(null, '/cases'));
    expectPlainPage(await get(null, '/cases', { cookie: 'singgah_session=not-a-session' }));

    // The administrator and a viewer hold no cases.read.
    expectPlainPage(await get(admin, '/cases'));
    const viewer = (await buildUserSession(app, admin, { role: 'viewer' })).session;
    expectPlainPage(await get(viewer, '/cases'));
    const pillar = (await buildUserSession(app, admin, { role: 'social_pillar', organizationId: unitId })).session;
    expectPlainPage(await get(pillar, '/cases'));

    // A case reader who has not yet changed the temporary password.
    const fresh = await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId, keepTemporaryPassword: true });
    expect(fresh.session.me.user.mustChangePassword).toBe(true);
    expectPlainPage(await get(fresh.session, '/cases'));
  });

  it('speaks the language of the account', async () => {
    const english = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    expect(expectJson(await api(app, english).put('/api/auth/language', { language: 'en' }), 200)).toEqual({ ok: true });
    const { html } = await expectSameAsApi(english, '/cases', '/api/cases?list=open&limit=20&offset=0');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('<html lang="id">');
    expect(translate('en', 'casesWeb.list.title')).not.toBe(translate('id', 'casesWeb.list.title'));
    expect(html).toContain(`<h1 class="fs-title">${translate('en', 'casesWeb.list.title')}</h1>`);
    expect(totalOf(html)).toBe(translate('en', 'casesWeb.list.total_other', { count: 3 }));
    expect(cardsOf(html)).toHaveLength(3);
  });

  it("names the current stages from each unit's own SOP, as the app does", async () => {
    type Stage = { key: string; nameId: string; nameEn: string; responsibleRole: string; standardMinutes: number; skippable: boolean };
    const sop = expectJson<{ stages: Stage[] }>(await api(app, admin).get('/api/sop', { query: { organizationId: unitId } }), 200);
    const stages = sop.stages.map(({ key, nameId, nameEn, responsibleRole, standardMinutes, skippable }) => ({
      key,
      nameId: `${nameId} (SOP UPTD)`,
      nameEn,
      responsibleRole,
      standardMinutes,
      skippable,
    }));
    expectJson(await api(app, admin).put('/api/sop', { name: 'SOP UPTD', stages }, { query: { organizationId: unitId } }), 200);
    const current = budi.currentStageKey;
    const renamed = stages.find((stage) => stage.key === current)?.nameId;
    expect(renamed).toMatch(/\(SOP UPTD\)$/);

    const cards = cardsOf(await drawnPage(officer));
    const budiCard = cards.find((card) => card.includes(`href="/cases/${budi.id}"`));
    expect(budiCard).toContain(`>${renamed}</div>`);
    // The other district keeps the default SOP's names.
    const theirs = cardsOf(await drawnPage(otherOfficer));
    expect(theirs.join('')).not.toContain('(SOP UPTD)');
    expect(theirs.join('')).toContain(`>${DEFAULT_SOP.find((stage) => stage.key === joko.currentStageKey)?.name.id}</div>`);
  });

  it('pages through a long list: 20 a page, links to the neighbouring pages, the same rows as the API', async () => {
    // 3 open cases so far; 18 more make 21, one more than a page.
    for (let i = 1; i <= 18; i++) await openCase(app, officer, unitId, { client: clientNamed(`Klien Halaman ${i}`) });
    const first = await expectSameAsApi(officer, '/cases', '/api/cases?list=open&limit=20&offset=0');
    expect(first.data.worklist.total).toBe(21);
    expect(cardsOf(first.html)).toHaveLength(20);
    expect(/data-testid="first-screen-page">([^<]*)</.exec(first.html)?.[1]).toBe('1 / 2');
    expect(first.html).toContain(`href="/cases?page=2" rel="next" aria-label="${translate('id', 'casesWeb.list.nextPage')}"`);
    expect(first.html).not.toContain('rel="prev"');

    const second = await expectSameAsApi(officer, '/cases?page=2', '/api/cases?list=open&limit=20&offset=20');
    expect(second.data.search).toBe('?page=2');
    expect(cardsOf(second.html)).toHaveLength(1);
    expect(/data-testid="first-screen-page">([^<]*)</.exec(second.html)?.[1]).toBe('2 / 2');
    // Back to the first page is the list's own address, without a page.
    expect(second.html).toContain(`href="/cases" rel="prev" aria-label="${translate('id', 'casesWeb.list.previousPage')}"`);
    expect(second.html).not.toContain('rel="next"');
  });
});
