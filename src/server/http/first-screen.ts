/**
 * First screens drawn by the server. `GET /cases` (the worklist, the page staff open most) answers a
 * signed-in user who may read cases with the built `index.html` carrying the worklist already drawn
 * (src/server/modules/cases/worklist.page.ts) and its data (the same JSON as `GET /api/cases`), so
 * the cases are readable, and their links and the search usable, before the app's code has arrived;
 * the app then starts on that data without asking for it again (src/web/boot/prefetch.ts) and draws
 * the same page in its place. On such a page the app's scripts are requested right after the first
 * paint (a small inline loader, allowed by its hash in the Content-Security-Policy), so on a slow
 * connection they do not hold the page's own stylesheet and first paint back. Every other address,
 * and the worklist for anyone else, gets the plain `index.html` with its start-up frame.
 *
 * The page holds personal data: it is authorized exactly as the API (the same session, role and
 * organization scope, through the same service), and never stored by any cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { caseSummary, listCasesQuery } from '../../shared/contracts/cases.js';
import { page } from '../../shared/contracts/common.js';
import { translate } from '../../shared/i18n/index.js';
import { roleHas } from '../../shared/permissions.js';
import { WORKLIST_PAGE_SIZE, worklistParams } from '../../web/cases/worklist-params.js';
import type { Db } from '../db/client.js';
import { escapeHtml } from '../documents/html.js';
import { listCases } from '../modules/cases/cases.service.js';
import { renderWorklistFirstScreen, WORKLIST_FIRST_SCREEN_CSS } from '../modules/cases/worklist.page.js';
import { findLatestSopStagesOf } from '../modules/sop/sop.repository.js';
import type { Actor } from './authorize.js';

/** Where `index.html` takes a server-drawn first screen (inside `#root`, after the start-up frame). */
export const FIRST_SCREEN_MARKER = '<!--first-screen-->';

/** The addresses with a server-drawn first screen; the session hook loads the session for them. */
export function isFirstScreenRequest(method: string, url: string): boolean {
  return method === 'GET' && (url === '/cases' || url.startsWith('/cases?'));
}

/**
 * Requests the app's scripts (listed in `#singgah-app-scripts`) after the first paint: a frame
 * callback runs just before the browser paints, and the timeout after it; the links and the script go
 * into the head in one insertion. Constant, so its hash is.
 */
const SCRIPT_LOADER =
  "(function(){var d=document,a=JSON.parse(d.getElementById('singgah-app-scripts').textContent);requestAnimationFrame(function(){setTimeout(function(){var f=d.createDocumentFragment();a.preload.forEach(function(u){var l=d.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=u;f.appendChild(l)});var s=d.createElement('script');s.type='module';s.crossOrigin='';s.src=a.entry;f.appendChild(s);d.head.appendChild(f)})})})();";

/** The loader's hash for the Content-Security-Policy's `script-src`. */
export const SCRIPT_LOADER_CSP_HASH = `'sha256-${createHash('sha256').update(SCRIPT_LOADER).digest('base64')}'`;

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const MODULE_PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/** JSON inside a `<script>` element: no `<` can end the element early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The built `index.html` with a first screen: the page after the start-up frame, its styles and data,
 * and the app's scripts handed to the loader. Without the marker (a build that lost it) the page is
 * the plain one; without Vite's script tags the scripts stay as they are.
 */
export function withFirstScreen(indexHtml: string, first: { lang: string; css: string; body: string; data: unknown; noScript: string }): string {
  if (!indexHtml.includes(FIRST_SCREEN_MARKER)) return indexHtml;
  let out = indexHtml;
  const entry = ENTRY_SCRIPT.exec(out)?.[1];
  let scripts = '';
  if (entry) {
    const preload = [...out.matchAll(MODULE_PRELOAD)].map((match) => match[1]);
    out = out.replace(ENTRY_SCRIPT, '').replace(MODULE_PRELOAD, '');
    scripts = `<script type="application/json" id="singgah-app-scripts">${scriptJson({ entry, preload })}</script><script>${SCRIPT_LOADER}</script>`;
  }
  const page = `<style>${first.css.replace(/\n/g, '')}</style>${first.body}<script type="application/json" id="singgah-first-screen">${scriptJson(first.data)}</script>`;
  out = out.replace(FIRST_SCREEN_MARKER, () => page);
  out = out.replace('<html lang="id">', () => `<html lang="${first.lang}">`);
  // Without script this page still works: the start-up frame's "needs JavaScript" line says what does
  // not, and its progress bar (the app loading) is not shown.
  const note = `<noscript><style>.boot-progress{display:none}</style><p class="fs-noscript">${first.noScript}</p></noscript>`;
  out = out.replace(/<noscript>[\s\S]*?<\/noscript>/, () => note);
  return scripts ? out.replace('</body>', () => `${scripts}</body>`) : out;
}

const worklistPage = page(caseSummary);

/** The names of the stages of each organization's current SOP, by organization and stage key. */
async function stageNamesOf(db: Db, organizationIds: string[], language: string) {
  const names = new Map<string, string>();
  for (const stage of await findLatestSopStagesOf(db, [...new Set(organizationIds)])) {
    names.set(`${stage.organizationId}:${stage.key}`, language === 'en' ? stage.nameEn : stage.nameId);
  }
  return (organizationId: string, key: string) => names.get(`${organizationId}:${key}`);
}

/** The worklist as the server draws it, or null when this user gets the plain page. */
async function worklistFirstScreen(db: Db, actor: Actor | undefined, req: FastifyRequest, indexHtml: string): Promise<string | null> {
  if (!actor || actor.mustChangePassword || !roleHas(actor.role, 'cases.read')) return null;
  const address = new URL(req.url, 'http://first-screen');
  // The address read as the app reads it, so that both show the same rows for it.
  const { list, q, category, source, page: pageNumber } = worklistParams(address.searchParams);
  const query = listCasesQuery.safeParse({
    list,
    q: q || undefined,
    category: category || undefined,
    source: source || undefined,
    limit: WORKLIST_PAGE_SIZE,
    offset: (pageNumber - 1) * WORKLIST_PAGE_SIZE,
  });
  // An address the app itself would answer with an error message: let it.
  if (!query.success) return null;
  const result = worklistPage.parse(await listCases(db, actor, query.data));
  const stageName = await stageNamesOf(
    db,
    result.items.map((item) => item.organizationId),
    actor.language,
  );
  const body = renderWorklistFirstScreen({
    lang: actor.language,
    role: actor.role,
    list,
    q: query.data.q ?? '',
    category: query.data.category ?? null,
    source: query.data.source ?? null,
    page: pageNumber,
    items: result.items,
    total: result.total,
    stageName,
  }).value;
  const data = { search: address.search, worklist: result };
  const noScript = escapeHtml(translate(actor.language, 'casesWeb.list.noScript'));
  return withFirstScreen(indexHtml, { lang: actor.language, css: WORKLIST_FIRST_SCREEN_CSS, body, data, noScript });
}

/** `GET /cases`: the worklist drawn by the server when it may be, otherwise the plain app page. */
export function createFirstScreenHandler(db: Db, webDistDir: string) {
  const file = path.join(webDistDir, 'index.html');
  // Read again when the build changed it (a rebuild without a restart, as in `npm run dev`).
  let cached: { mtimeMs: number; html: string } | undefined;
  return async function firstScreen(req: FastifyRequest, reply: FastifyReply) {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    const indexHtml = cached.html;
    reply.header('vary', 'cookie, accept-encoding');
    let drawn: string | null;
    try {
      drawn = await worklistFirstScreen(db, req.auth?.user, req, indexHtml);
    } catch (error) {
      // The page is only a head start: when it cannot be drawn (the database is unreachable), the app
      // starts as on any other page and shows the error where the user expects it.
      req.log.error({ err: error }, 'the worklist could not be drawn by the server');
      drawn = null;
    }
    if (drawn === null) return reply.sendFile('index.html');
    reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8');
    // Compressed as the build's files are (Brotli, else gzip): 20 cases drawn as cards and as a table,
    // with their data, are ~50 KB of HTML, ~8 KB as Brotli.
    // The browser's preference decides, weights (`;q=`) included; `identity` and anything unknown: as is.
    const encoding = negotiate(String(req.headers['accept-encoding'] ?? ''), ['br', 'gzip', 'identity']);
    if (encoding === 'br') {
      return reply.header('content-encoding', 'br').send(brotliCompressSync(drawn, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }));
    }
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(gzipSync(drawn));
    return reply.send(drawn);
  };
}
