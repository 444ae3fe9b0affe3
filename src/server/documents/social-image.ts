/**
 * Social-media images (PNG) of the service flow and of the month's numbers, and the link-preview
 * image of the public page. We build an SVG and render it with @resvg/resvg-js (a prebuilt binary
 * inside its npm package), with the Roboto files pdfmake ships: no system font, no download.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { type Language, translate } from '../../shared/i18n/index.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import { escapeHtml, formatMinutes } from './html.js';
import { qrSvgFragment } from './qr.js';

const require = createRequire(import.meta.url);
const FONT_FILES = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf'].map((f) => require.resolve(`pdfmake/fonts/Roboto/${f}`));

export const IMAGE_SIZES = { square: { width: 1080, height: 1080 }, story: { width: 1080, height: 1920 }, og: { width: 1200, height: 630 } } as const;
export type ImageFormat = keyof typeof IMAGE_SIZES;

const GREEN = '#0b6b4f';
const PALE = '#e8f3ee';
const INK = '#1b2a24';

/** Render an SVG document to PNG bytes. */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Roboto' } });
  return Buffer.from(resvg.render().asPng());
}

/** Break text into lines of at most `max` characters (Roboto averages about half an em a character). */
export function wrap(text: string, max: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line ? `${line} ${word}` : word).length > max && line) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].replace(/.{0,1}$/, '')}…`;
    return kept;
  }
  return lines;
}

function textLines(lines: string[], x: number, y: number, size: number, opts: { weight?: number; fill?: string; anchor?: string; lineHeight?: number } = {}) {
  const lh = opts.lineHeight ?? size * 1.2;
  return lines
    .map(
      (l, i) =>
        `<text x="${x}" y="${y + i * lh}" font-family="Roboto" font-size="${size}" font-weight="${opts.weight ?? 400}" fill="${opts.fill ?? INK}"${opts.anchor ? ` text-anchor="${opts.anchor}"` : ''}>${escapeHtml(l)}</text>`,
    )
    .join('');
}

export interface FlowImageFacts {
  lang: Language;
  unitName: string;
  stages: { name: string; standardMinutes: number }[];
  totalMinutes: number;
  targetWorkingDays: number;
  phone: string | null;
  publicUrl: string;
}

function header(width: number, title: string, unitName: string, lang: Language) {
  const unit = wrap(unitName, Math.floor(width / 24), 2);
  return `<rect width="${width}" height="${150 + unit.length * 40}" fill="${GREEN}"/>${textLines([translate(lang, 'publications.image.kicker').toUpperCase()], 60, 80, 28, { weight: 500, fill: '#cfe7dc' })}${textLines(unit, 60, 128, 38, { weight: 500, fill: '#fff' })}${textLines([title], 60, 150 + unit.length * 40 + 70, 52, { weight: 500, fill: GREEN })}`;
}

function footer(width: number, height: number, facts: { phone: string | null; publicUrl: string; lang: Language }, qrSize: number) {
  const y = height - qrSize - 60;
  const contact = [facts.phone ? translate(facts.lang, 'publications.image.phone', { phone: facts.phone }) : '', facts.publicUrl.replace(/^https?:\/\//, '')].filter(Boolean);
  return `<rect y="${y - 30}" width="${width}" height="${qrSize + 90}" fill="${PALE}"/>${qrSvgFragment(facts.publicUrl, width - qrSize - 50, y - 10, qrSize)}${textLines(contact, 60, y + 40, Math.min(30, (width - qrSize - 140) / (Math.max(...contact.map((c) => c.length)) * 0.55)), { weight: 500, lineHeight: 46 })}${textLines([translate(facts.lang, 'publications.image.scan')], 60, y + 40 + contact.length * 46 + 10, 24, { fill: '#4d5e57' })}`;
}

/** The service flow: numbered stages with standard times, the total and the target, contacts and a QR code. */
export function flowImageSvg(f: FlowImageFacts, format: 'square' | 'story'): string {
  const { width, height } = IMAGE_SIZES[format];
  const title = translate(f.lang, 'publications.image.flowTitle');
  const unitLines = wrap(f.unitName, Math.floor(width / 24), 2).length;
  const top = 150 + unitLines * 40 + 110;
  const qrSize = format === 'story' ? 240 : 170;
  const bottom = height - qrSize - 110;
  const columns = format === 'square' && f.stages.length > 6 ? 2 : 1;
  const perColumn = Math.ceil(f.stages.length / columns);
  const rowH = Math.min(format === 'story' ? 105 : 90, (bottom - top - 70) / perColumn);
  const colW = (width - 120) / columns;
  const nameSize = Math.min(columns === 2 ? 25 : 34, rowH * 0.36);
  const items = f.stages
    .map((s, i) => {
      const col = Math.floor(i / perColumn);
      const row = i % perColumn;
      const x = 60 + col * colW;
      const y = top + row * rowH;
      const r = Math.min(26, rowH * 0.32);
      const line = row < perColumn - 1 && i < f.stages.length - 1 ? `<rect x="${x + r - 2}" y="${y + r}" width="4" height="${rowH}" fill="#b9d8cb"/>` : '';
      const max = Math.floor((colW - 2 * r - 30) / (nameSize * 0.52));
      // "Pemeriksaan kesehatan / identifikasi kependudukan": keep the part before the slash when the whole does not fit.
      const name = wrap(s.name.length > max ? (s.name.split(' / ')[0] ?? s.name) : s.name, max, 1);
      return `${line}<circle cx="${x + r}" cy="${y + r}" r="${r}" fill="${GREEN}"/>${textLines([String(i + 1)], x + r, y + r + r * 0.38, r * 1.05, { weight: 500, fill: '#fff', anchor: 'middle' })}${textLines(name, x + 2 * r + 18, y + r * 0.75, nameSize, { weight: 500 })}${textLines([formatMinutes(f.lang, s.standardMinutes)], x + 2 * r + 18, y + r * 0.75 + nameSize * 1.15, nameSize * 0.8, { fill: '#4d5e57' })}`;
    })
    .join('');
  const total = translate(f.lang, 'publications.image.total', { time: formatMinutes(f.lang, f.totalMinutes), days: f.targetWorkingDays });
  const totalY = top + perColumn * rowH + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff"/>${header(width, title, f.unitName, f.lang)}${items}${textLines(wrap(total, 62, 2), 60, totalY, 28, { weight: 500, fill: GREEN })}${footer(width, height, f, qrSize)}</svg>`;
}

export interface StatsImageFacts {
  lang: Language;
  unitName: string;
  /** "November 2026" */
  periodLabel: string;
  arrived: number;
  terminated: number;
  withinTargetPercent: number | null;
  targetWorkingDays: number;
  topCategories: { name: string; count: number }[];
  phone: string | null;
  publicUrl: string;
}

/** The month's numbers: arrived, completed, share within target, and the largest categories. */
export function statsImageSvg(f: StatsImageFacts, format: 'square' | 'story'): string {
  const { width, height } = IMAGE_SIZES[format];
  const t = (key: string, vars?: Record<string, unknown>) => translate(f.lang, `publications.image.${key}`, vars);
  const unitLines = wrap(f.unitName, Math.floor(width / 24), 2).length;
  let y = 150 + unitLines * 40 + 110;
  const pct = f.withinTargetPercent === null ? '–' : `${formatNumber(f.withinTargetPercent, f.lang)}%`;
  const tiles = [
    [String(f.arrived), t('arrived')],
    [String(f.terminated), t('terminated')],
    [pct, t('withinTarget', { days: f.targetWorkingDays })],
  ];
  const tileW = (width - 120 - 40) / 3;
  const tileH = format === 'story' ? 260 : 210;
  let out = textLines([f.periodLabel], 60, y, 34, { fill: '#4d5e57' });
  y += 40;
  out += tiles
    .map(([value, label], i) => {
      const x = 60 + i * (tileW + 20);
      return `<rect x="${x}" y="${y}" width="${tileW}" height="${tileH}" rx="18" fill="${PALE}"/>${textLines([value], x + 24, y + 95, value.length > 4 ? 64 : 80, { weight: 500, fill: GREEN })}${textLines(wrap(label, 16, 3), x + 24, y + 140, 25)}`;
    })
    .join('');
  y += tileH + 70;
  if (f.topCategories.length) {
    out += textLines([t('categories')], 60, y, 34, { weight: 500 });
    y += 30;
    const max = Math.max(...f.topCategories.map((c) => c.count));
    const rows = f.topCategories.slice(0, format === 'story' ? 6 : 3);
    for (const c of rows) {
      out += `${textLines(wrap(`${c.name} (${c.count})`, 52, 1), 60, y + 36, 27)}<rect x="60" y="${y + 50}" width="${Math.max(8, ((width - 120) * c.count) / max)}" height="14" rx="7" fill="${GREEN}"/>`;
      y += 80;
    }
  }
  out += textLines(wrap(t('aggregateNote'), 70, 2), 60, Math.min(y + 30, height - 400), 22, { fill: '#4d5e57' });
  const qrSize = format === 'story' ? 240 : 170;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff"/>${header(width, t('statsTitle'), f.unitName, f.lang)}${out}${footer(width, height, f, qrSize)}</svg>`;
}

/** The link-preview image of the public page (1200×630): the unit's name, the flow in one line, the target. */
export function ogImageSvg(f: FlowImageFacts): string {
  const { width, height } = IMAGE_SIZES.og;
  const name = wrap(f.unitName, 34, 2);
  const flow = wrap(f.stages.map((s) => s.name).join(' → '), 62, 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="${GREEN}"/>${textLines([translate(f.lang, 'publications.image.kicker').toUpperCase()], 70, 100, 30, { weight: 500, fill: '#cfe7dc' })}${textLines(name, 70, 170, 58, { weight: 500, fill: '#fff' })}<rect x="70" y="${210 + name.length * 62}" width="1060" height="${flow.length * 40 + 50}" rx="16" fill="#fff"/>${textLines(flow, 100, 255 + name.length * 62, 28, { fill: INK, lineHeight: 40 })}${textLines([translate(f.lang, 'publications.image.total', { time: formatMinutes(f.lang, f.totalMinutes), days: f.targetWorkingDays })], 70, height - 50, 30, { weight: 500, fill: '#ffd54a' })}</svg>`;
}
