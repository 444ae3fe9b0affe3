/**
 * Server-rendered public pages (the service page, the survey form): a tiny template helper with
 * escaping, and one page shell with inline critical CSS. No script, no web font, no framework: the
 * pages must open fast on a cheap phone over a slow connection and read well to search engines.
 */
import { type Language, translate } from '../../shared/i18n/index.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** HTML that is already safe (built by `html`), so it is not escaped again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof SafeHtml) return part.value;
  return escapeHtml(part);
}

/** Tagged template: every interpolated value is escaped unless it is SafeHtml (or a list of them). */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A duration in minutes as people say it: "15 menit", "2 jam", "1 jam 30 menit". */
export function formatMinutes(lang: Language, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h) parts.push(translate(lang, 'public.time.hours', { count: h }));
  if (m || !h) parts.push(translate(lang, 'public.time.minutes', { count: m }));
  return parts.join(' ');
}

/** Critical CSS for the public pages, inlined (about 3 KB): mobile first, system fonts. */
export const PUBLIC_CSS = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b2a24;background:#f4f7f5}
a{color:#0b6b4f}main,header>div,footer>div{max-width:46rem;margin:0 auto;padding:0 1rem}
header{background:#0b6b4f;color:#fff;padding:1.25rem 0 1.5rem}header a{color:#fff}
header p{margin:.25rem 0 0;opacity:.92}h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0}
.office{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;opacity:.85}
h2{font-size:1.2rem;margin:0 0 .75rem}section{background:#fff;border-radius:12px;padding:1rem 1.1rem;margin:1rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin:1rem 0 0}
.btn{display:block;text-align:center;padding:.7rem .5rem;border-radius:10px;background:#fff;color:#0b6b4f;font-weight:600;text-decoration:none;border:2px solid #fff}
.btn.alt{background:transparent;color:#fff}.btn.wide{grid-column:1/-1;background:#ffd54a;border-color:#ffd54a;color:#1b2a24}
.flow{list-style:none;margin:0;padding:0;counter-reset:s}
.flow li{position:relative;padding:0 0 1rem 3rem;min-height:2.6rem}
.flow li:before{counter-increment:s;content:counter(s);position:absolute;left:0;top:0;width:2.2rem;height:2.2rem;border-radius:50%;background:#0b6b4f;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.flow li:after{content:"";position:absolute;left:1.05rem;top:2.3rem;bottom:.2rem;width:3px;background:#b9d8cb}
.flow li:last-child:after{display:none}.flow li.opt:before{background:#fff;color:#0b6b4f;border:3px solid #0b6b4f}
.flow b{display:block;line-height:1.3}.flow small{color:#4d5e57}
.tag{display:inline-block;font-size:.75rem;background:#e8f3ee;color:#0b6b4f;border-radius:6px;padding:0 .4rem;margin-left:.3rem}
.total{margin:.25rem 0 0;padding:.6rem .8rem;background:#e8f3ee;border-radius:8px}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.35rem .9rem}dt{font-weight:600;color:#4d5e57}dd{margin:0;overflow-wrap:anywhere}
.stats{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin-bottom:.8rem}
.stat{background:#e8f3ee;border-radius:10px;padding:.6rem .8rem}.stat b{display:block;font-size:1.6rem;color:#0b6b4f}
.bars{list-style:none;margin:0;padding:0}.bars li{margin:.35rem 0}.bar{height:.5rem;background:#0b6b4f;border-radius:4px;min-width:4px}
ul.plain,ol.plain{margin:0;padding-left:1.2rem}li{margin:.15rem 0}
footer{color:#4d5e57;font-size:.85rem;padding:1rem 0 2rem}
fieldset{border:0;margin:0 0 1rem;padding:0}legend{font-weight:600;margin-bottom:.4rem}
.opts{display:grid;grid-template-columns:1fr 1fr;gap:.4rem}
.opts label{display:flex;align-items:center;gap:.4rem;border:1px solid #b9d8cb;border-radius:8px;padding:.55rem .6rem;min-height:2.75rem}
.opts input{width:1.2rem;height:1.2rem;margin:0;flex:none}
select,textarea{width:100%;font:inherit;padding:.55rem;border:1px solid #9bb8ac;border-radius:8px;background:#fff}
label.f{display:block;font-weight:600;margin:.6rem 0 .25rem}
button{font:inherit;font-weight:700;width:100%;padding:.85rem;border:0;border-radius:10px;background:#0b6b4f;color:#fff;margin-top:1rem}
.err{color:#a4161a;font-weight:600}.note{background:#fff6d6;border-radius:8px;padding:.7rem .9rem}
@media (min-width:40rem){.actions{grid-template-columns:repeat(4,1fr)}.btn.wide{grid-column:auto}.opts{grid-template-columns:repeat(4,1fr)}.stats{grid-template-columns:repeat(3,1fr)}}
`;

export interface PageMeta {
  lang: Language;
  title: string;
  description: string;
  /** Absolute URL of this page. */
  url: string;
  /** Absolute URL of the preview image. */
  image?: string;
  noIndex?: boolean;
}

/** The page shell: head with title, description, Open Graph and Twitter tags; body as given. */
export function publicPage(meta: PageMeta, body: SafeHtml): string {
  const description = meta.description.length > 200 ? `${meta.description.slice(0, 197).trimEnd()}…` : meta.description;
  return `<!doctype html>${html`<html lang="${meta.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${meta.title}</title><meta name="description" content="${description}"><link rel="canonical" href="${meta.url}">${meta.noIndex ? new SafeHtml('<meta name="robots" content="noindex">') : ''}<meta property="og:type" content="website"><meta property="og:title" content="${meta.title}"><meta property="og:description" content="${description}"><meta property="og:url" content="${meta.url}"><meta property="og:locale" content="${meta.lang === 'id' ? 'id_ID' : 'en_US'}">${meta.image ? html`<meta property="og:image" content="${meta.image}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">` : ''}<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}"><meta name="twitter:title" content="${meta.title}"><meta name="twitter:description" content="${description}">${meta.image ? html`<meta name="twitter:image" content="${meta.image}">` : ''}<meta name="theme-color" content="#0b6b4f"><style>${new SafeHtml(PUBLIC_CSS.replace(/\n/g, ''))}</style></head><body>${body}</body></html>`.value}`;
}

/** The scheme and host the request came to (behind a proxy, with TRUST_PROXY, the forwarded ones). */
export function requestOrigin(req: { protocol: string; host: string }): string {
  return `${req.protocol}://${req.host}`;
}
