/**
 * The worklist's first screen drawn by the server (`GET /cases`, see src/server/http/first-screen.ts):
 * the page a shelter officer opens many times a day, as plain HTML inside the app's start-up frame, so
 * that on a cheap phone over a slow connection the cases are on screen before the app's code has
 * arrived. The React app replaces it when it starts (src/web/main.tsx) with the same page, whose cards,
 * table, texts and formats these follow: the same translations and the web's own formatting helpers
 * (src/web/cases/case-format.ts), menu (src/web/layout/nav.ts) and reading of the address
 * (src/web/cases/worklist-params.ts). Links and the search form work
 * without script (each is a request for the page again).
 */
import type { TFunction } from 'i18next';
import type { CaseSummary } from '../../../shared/contracts/cases.js';
import { CASE_SOURCES } from '../../../shared/domain/enums.js';
import { type Language, lookup } from '../../../shared/i18n/index.js';
import { type Permission, type Role, roleHas } from '../../../shared/permissions.js';
import { categoryLabel, categoryOptions, defaultStageName, enumLabel, enumOptions, formatDuration } from '../../../web/cases/case-format.js';
import { WORKLIST_PAGE_SIZE, WORKLISTS_SHOWN, type WorklistName } from '../../../web/cases/worklist-params.js';
import { ICON_PATHS, type IconName } from '../../../web/components/icon-paths.js';
import { NAV_ITEMS } from '../../../web/layout/nav.js';
import { html, type SafeHtml } from '../../documents/html.js';

export interface WorklistFirstScreen {
  lang: Language;
  role: Role;
  list: WorklistName;
  q: string;
  category: string | null;
  source: string | null;
  page: number;
  items: CaseSummary[];
  total: number;
  /** The name of a stage of an organization's current SOP. */
  stageName: (organizationId: string, key: string) => string | undefined;
}

/** A `t` with i18next's calling convention over the shared texts, for the web's formatting helpers. */
export function serverT(lang: Language): TFunction {
  const t = (key: string, options?: Record<string, unknown>) =>
    lookup(lang, key, options) ?? (typeof options?.defaultValue === 'string' ? options.defaultValue : key);
  return t as unknown as TFunction;
}

/** The worklist address with some of its parameters changed (null removes one); always from page 1 unless given. */
function worklistHref(view: WorklistFirstScreen, changes: Partial<Record<'list' | 'q' | 'category' | 'source' | 'page', string | null>>): string {
  const params = new URLSearchParams();
  const values: Record<string, string | null> = {
    list: view.list === 'open' ? null : view.list,
    q: view.q || null,
    category: view.category,
    source: view.source,
    page: null,
    ...changes,
  };
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `/cases?${search}` : '/cases';
}

function stageLabel(view: WorklistFirstScreen, item: CaseSummary): string {
  if (!item.currentStageKey) return '—';
  return view.stageName(item.organizationId, item.currentStageKey) ?? defaultStageName(item.currentStageKey, view.lang) ?? item.currentStageKey;
}

/** "alias: …" under a client's name, when the client has aliases. */
function aliases(t: TFunction, item: CaseSummary): SafeHtml | '' {
  return item.clientAliases.length ? html`<div class="fs-dim fs-xs">${t('casesWeb.aka', { names: item.clientAliases.join(', ') })}</div>` : '';
}

function badges(t: TFunction, codes: string[], max: number): SafeHtml {
  const shown = codes.slice(0, max);
  return html`<div class="fs-badges">${shown.map((code) => html`<span class="fs-badge" title="${categoryLabel(t, code)}">${categoryLabel(t, code)}</span>`)}${codes.length > max ? html`<span class="fs-badge fs-badge-more">+${codes.length - max}</span>` : ''}</div>`;
}

function clock(t: TFunction, item: CaseSummary): SafeHtml {
  return html`<span class="fs-clock${item.isOverdue ? ' fs-late' : ''}" title="${t('casesWeb.clock.hint')}">${icon('clock', 14)} ${formatDuration(item.elapsedMinutes, t)} / ${formatDuration(item.targetMinutes, t)}</span>`;
}

function overdueBadge(t: TFunction, stage: boolean): SafeHtml {
  return html`<span class="fs-overdue" data-testid="first-screen-overdue">${icon('alert', 12)}${stage ? t('casesWeb.overdue.stage') : t('casesWeb.overdue.case')}</span>`;
}

function card(view: WorklistFirstScreen, t: TFunction, item: CaseSummary): SafeHtml {
  return html`<a class="fs-card${item.isOverdue ? ' fs-card-late' : ''}" href="/cases/${item.id}" data-testid="first-screen-card">
<div class="fs-row"><span class="fs-number">${item.caseNumber}</span>${item.isOverdue ? overdueBadge(t, false) : ''}</div>
<div><div class="fs-name">${item.clientName}</div>${aliases(t, item)}</div>
${badges(t, item.categories, 2)}
<div class="fs-row fs-end"><div class="fs-grow"><div class="fs-dim fs-xs">${item.status === 'open' ? t('casesWeb.list.currentStage') : t('casesWeb.list.status')}</div><div class="fs-sm fs-stage${item.isStageOverdue ? ' fs-late' : ''}">${item.status === 'open' ? stageLabel(view, item) : enumLabel(t, 'case_statuses', item.status)}</div></div>${clock(t, item)}</div>
</a>`;
}

function row(view: WorklistFirstScreen, t: TFunction, item: CaseSummary): SafeHtml {
  const stage =
    item.status === 'open'
      ? html`<div class="fs-sm${item.isStageOverdue ? ' fs-late fs-semibold' : ''}">${stageLabel(view, item)}</div>${item.currentStageStandardMinutes !== null ? html`<div class="fs-dim fs-xs">${t('casesWeb.list.stageStandard', { duration: formatDuration(item.currentStageStandardMinutes, t) })}</div>` : ''}`
      : html`<span class="fs-badge">${enumLabel(t, 'case_statuses', item.status)}</span>`;
  return html`<tr data-testid="first-screen-row"><td class="fs-nowrap"><a class="fs-number-link" href="/cases/${item.id}">${item.caseNumber}</a></td>
<td><div class="fs-sm fs-semibold">${item.clientName}</div>${aliases(t, item)}</td>
<td class="fs-categories">${badges(t, item.categories, 3)}</td>
<td>${stage}</td>
<td><div class="fs-stack">${clock(t, item)}${item.isOverdue ? overdueBadge(t, item.isStageOverdue && item.status === 'open') : ''}</div></td></tr>`;
}

/**
 * The category and source filters, as the app's (on a desktop; on a phone the app keeps them behind a
 * button). Native selects in the search form: without script they apply when the search is sent.
 */
function filters(view: WorklistFirstScreen, t: TFunction): SafeHtml {
  const option = (value: string, label: string, chosen: string | null) => html`<option value="${value}"${value === chosen ? html` selected` : ''}>${label}</option>`;
  return html`<div class="fs-filters"><label>${t('fields.categories')}<select name="category"><option value="">${t('casesWeb.list.allCategories')}</option>${categoryOptions(t).map(
    (group) => html`<optgroup label="${group.group}">${group.items.map((item) => option(item.value, item.label, view.category))}</optgroup>`,
  )}</select></label><label>${t('fields.source')}<select name="source"><option value="">${t('casesWeb.list.allSources')}</option>${enumOptions(t, 'case_sources', CASE_SOURCES).map((item) => option(item.value, item.label, view.source))}</select></label></div>`;
}

/** The menu of the signed-in frame (desktop only; on a phone it is behind the app's menu button). */
function navigation(view: WorklistFirstScreen, t: TFunction): SafeHtml {
  const items = NAV_ITEMS.filter((item) => !item.permission || roleHas(view.role, item.permission as Permission));
  return html`<nav class="fs-nav" aria-label="${t('web.nav.label')}">${items.map(
    (item) => html`<a href="${item.to}"${item.to === '/cases' ? html` class="fs-nav-active" aria-current="page"` : ''}>${icon(item.icon, 18)}${t(item.label)}</a>`,
  )}</nav>`;
}

/** The page inside the start-up frame: menu (desktop), title, actions, lists, search, cases, total and pages. */
export function renderWorklistFirstScreen(view: WorklistFirstScreen): SafeHtml {
  const t = serverT(view.lang);
  const pages = Math.max(1, Math.ceil(view.total / WORKLIST_PAGE_SIZE));
  const filtered = Boolean(view.q || view.category || view.source);
  const empty = filtered ? t('casesWeb.list.noMatches') : t(`casesWeb.list.empty.${view.list}`, { defaultValue: t('casesWeb.list.noMatches') });
  const canWrite = roleHas(view.role, 'cases.write');
  return html`<div class="fs-frame">${navigation(view, t)}<main class="fs-main" data-testid="first-screen">
<div class="fs-head"><h1 class="fs-title">${t('casesWeb.list.title')}</h1>${
    canWrite
      ? html`<div class="fs-actions"><a class="fs-button" href="/cases/raid">${icon('raid', 16)}${t('casesWeb.nav.raid')}</a><a class="fs-button fs-primary" href="/cases/new">${icon('plus', 16)}${t('casesWeb.list.newIntake')}</a></div>`
      : ''
  }</div>
<nav class="fs-tabs" aria-label="${t('casesWeb.list.worklists')}">${WORKLISTS_SHOWN.map(
    (name) =>
      html`<a href="${worklistHref(view, { list: name === 'open' ? null : name })}"${name === view.list ? html` class="fs-tab-active" aria-current="page"` : ''}>${name === 'overdue' ? icon('alert', 14) : ''}${t(`casesWeb.lists.${name}`)}</a>`,
  )}</nav>
<form class="fs-search" action="/cases" method="get" role="search"><label for="first-screen-q">${t('casesWeb.list.search')}</label>
${view.list === 'open' ? '' : html`<input type="hidden" name="list" value="${view.list}">`}<span class="fs-input">${icon('search', 16)}<input id="first-screen-q" name="q" type="search" value="${view.q}" placeholder="${t('casesWeb.list.searchPlaceholder')}"></span>${filters(view, t)}</form>
${
  view.items.length === 0
    ? html`<p class="fs-empty fs-dim">${empty}</p>`
    : html`<div class="fs-cards">${view.items.map((item) => card(view, t, item))}</div>
<table class="fs-table"><thead><tr><th>${t('casesWeb.list.caseNumber')}</th><th>${t('casesWeb.list.client')}</th><th>${t('fields.categories')}</th><th>${t('casesWeb.list.currentStage')}</th><th class="fs-nowrap">${t('casesWeb.list.time')}</th></tr></thead>
<tbody>${view.items.map((item) => row(view, t, item))}</tbody></table>`
}
<div class="fs-row fs-foot"><span class="fs-dim fs-sm" data-testid="first-screen-total">${t('casesWeb.list.total', { count: view.total })}</span>${
    pages > 1
      ? html`<span class="fs-pages">${view.page > 1 ? html`<a href="${worklistHref(view, { page: view.page - 1 > 1 ? String(view.page - 1) : null })}" rel="prev" aria-label="${t('casesWeb.list.previousPage')}">‹</a>` : ''}<span data-testid="first-screen-page">${view.page} / ${pages}</span>${view.page < pages ? html`<a href="${worklistHref(view, { page: String(view.page + 1) })}" rel="next" aria-label="${t('casesWeb.list.nextPage')}">›</a>` : ''}</span>`
      : ''
  }</div>
</main></div>`;
}

/** One of the app's icons, drawn as the web's Icon component draws it. */
function icon(name: IconName, size: number): SafeHtml {
  return html`<svg aria-hidden="true" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="${ICON_PATHS[name]}"/></svg>`;
}

/**
 * Its styles, inline in the page: the app's theme (Mantine's teal, grays and reds, system fonts) in
 * plain CSS, so that the first screen looks like the page the app then draws in its place. Cards up to
 * 62em wide, a table beside the menu from there (the web's DESKTOP_QUERY); the menu from 48em.
 */
export const WORKLIST_FIRST_SCREEN_CSS = `
.fs-noscript{margin:0;padding:8px 12px;background:#fff9db;color:#000;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Ubuntu,sans-serif}
.fs-frame{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Ubuntu,sans-serif;color:#000;font-size:16px;line-height:1.55;display:flex}
.fs-nav{display:none}
.fs-main{flex:1;min-width:0;max-width:1280px;padding:12px;box-sizing:border-box;display:flex;flex-direction:column;gap:16px}
.fs-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:10px}
.fs-title{margin:0;font-size:26px;line-height:1.35;font-weight:700}
.fs-actions{display:flex;gap:10px}
.fs-button{display:inline-flex;align-items:center;gap:8px;height:30px;padding:0 14px;border:1px solid #ced4da;border-radius:8px;background:#fff;color:#000;font-size:12px;font-weight:600;text-decoration:none}
.fs-primary{background:#12b886;border-color:#12b886;color:#fff}
.fs-tabs{display:flex;overflow-x:auto;box-shadow:inset 0 -2px 0 #dee2e6;scrollbar-width:thin;-webkit-mask-image:linear-gradient(to right,#000 calc(100% - 48px),transparent);mask-image:linear-gradient(to right,#000 calc(100% - 48px),transparent)}
.fs-tabs a{display:flex;align-items:center;gap:10px;white-space:nowrap;padding:10px 16px;line-height:1;border-bottom:2px solid transparent;color:#000;font-size:14px;text-decoration:none}
.fs-tabs a.fs-tab-active{border-bottom-color:#12b886}
.fs-search{display:flex;flex-direction:column;gap:4px}
.fs-search label{font-size:14px;font-weight:500;line-height:1.55}
.fs-filters{display:none;grid-template-columns:1fr 1fr;gap:12px;margin-top:7px}
.fs-filters label{display:flex;flex-direction:column;gap:3px}
.fs-filters select{height:36px;padding:0 12px;border:1px solid #ced4da;border-radius:8px;background:#fff;font:inherit;font-size:14px;color:#000}
.fs-input{position:relative;display:block}
.fs-input svg{position:absolute;left:10px;top:10px;color:#adb5bd}
.fs-search input[type=search]{height:36px;padding:0 12px 0 36px;border:1px solid #ced4da;border-radius:8px;font:inherit;font-size:14px;box-sizing:border-box;width:100%}
.fs-cards{display:flex;flex-direction:column;gap:12px}
.fs-card{display:flex;flex-direction:column;gap:6px;padding:12px;border:1px solid #dee2e6;border-radius:8px;background:#fff;color:inherit;text-decoration:none}
.fs-card-late{border-left:4px solid #f03e3e}
.fs-row{display:flex;justify-content:space-between;align-items:center;gap:10px}
.fs-end{align-items:flex-end}
.fs-grow{flex:1;min-width:0}
.fs-number{font-family:ui-monospace,SFMono-Regular,Menlo,Monaco,Consolas,monospace;font-size:12px;line-height:1.4;color:#868e96;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.fs-name{font-weight:700;line-height:1.3}
.fs-dim{color:#868e96}
.fs-xs{font-size:12px;line-height:1.4}
.fs-sm{font-size:14px;line-height:1.45}
.fs-stage{font-weight:500}
.fs-semibold{font-weight:600}
.fs-late{color:#e03131}
.fs-badges{display:flex;flex-wrap:wrap;gap:4px}
.fs-badge{display:inline-block;max-width:100%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;box-sizing:border-box;height:20px;line-height:18px;padding:0 10px;border:1px solid transparent;border-radius:1000px;background:#f1f3f5;color:#495057;font-size:11px;font-weight:500;letter-spacing:.25px}
.fs-badge-more{background:none;border-color:#868e96;text-transform:uppercase;font-weight:700}
.fs-overdue{display:inline-flex;align-items:center;gap:4px;height:20px;padding:0 10px;border-radius:1000px;background:#fa5252;color:#fff;font-size:11px;font-weight:700;letter-spacing:.25px;text-transform:uppercase;white-space:nowrap}
.fs-clock{display:inline-flex;align-items:center;gap:4px;white-space:nowrap;font-size:14px;font-weight:500}
.fs-clock.fs-late{font-weight:700}
.fs-table{display:none;width:100%;min-width:720px;border-collapse:collapse;font-size:14px}
.fs-table th{text-align:left;font-weight:700;line-height:1.55;padding:12px 10px;border-bottom:1px solid #dee2e6}
.fs-table td{padding:12px 10px;border-bottom:1px solid #dee2e6;vertical-align:middle}
.fs-categories{max-width:280px}
.fs-number-link{font-family:ui-monospace,SFMono-Regular,Menlo,Monaco,Consolas,monospace;font-size:14px;color:#0ca678;text-decoration:none}
.fs-nowrap{white-space:nowrap}
.fs-stack{display:flex;flex-direction:column;align-items:flex-start;gap:4px}
.fs-empty{text-align:center;padding:32px 0;margin:0}
.fs-pages{display:flex;gap:12px;align-items:center;font-size:14px}
.fs-pages a{display:inline-grid;place-items:center;min-width:28px;height:28px;border:1px solid #ced4da;border-radius:8px;color:#000;text-decoration:none}
@media (min-width:48em){
.fs-nav{display:flex;flex-direction:column;gap:2px;flex:0 0 240px;box-sizing:border-box;min-height:calc(100vh - 59px);padding:10px;border-right:1px solid #dee2e6}
.fs-nav a{display:flex;align-items:center;gap:12px;min-height:41px;box-sizing:border-box;padding:8px 12px;color:#000;font-size:14px;text-decoration:none;border-radius:4px}
.fs-nav a.fs-nav-active{background:#c3fae8}
.fs-main{padding:20px}
.fs-button{height:36px;font-size:14px;padding:0 18px}
}
@media (min-width:62em){.fs-cards{display:none}.fs-table{display:table}.fs-filters{display:grid}}
`;
