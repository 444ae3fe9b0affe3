/**
 * The printable banner / poster (A3, and a 60 × 160 cm roll banner) of the service flow and the
 * contacts, with a QR code to the public page; and the family leaflet (A4) with its WhatsApp text.
 * Both are laid out for their page width: the roll banner is the A3 design scaled up.
 */
import { type Language, translate } from '../../shared/i18n/index.js';
import { formatMinutes } from './html.js';
import type { Content, TDocumentDefinitions } from './pdf.js';
import { qrCanvas } from './qr.js';

const GREEN = '#0b6b4f';
const PALE = '#e8f3ee';

export interface ServiceMaterialFacts {
  lang: Language;
  unitName: string;
  office: string | null;
  description: string;
  stages: { name: string; standardMinutes: number; skippable: boolean }[];
  totalMinutes: number;
  targetWorkingDays: number;
  phone: string | null;
  whatsapp: string | null;
  address: string | null;
  openingHours: string | null;
  publicUrl: string;
}

/** Page sizes in points: A3, and 60 × 160 cm (1 cm = 28.3465 pt). */
export const BANNER_PAGES = {
  a3: { width: 841.89, height: 1190.55 },
  roll: { width: 600 * 2.83465, height: 1600 * 2.83465 },
} as const;

function contactLines(f: ServiceMaterialFacts, t: (k: string, v?: Record<string, unknown>) => string): string[] {
  return [
    f.phone ? t('phone', { phone: f.phone }) : '',
    f.whatsapp ? t('whatsapp', { number: `+${f.whatsapp}` }) : '',
    f.address ?? '',
    f.openingHours ? t('hours', { hours: f.openingHours }) : '',
  ].filter(Boolean);
}

export function bannerDefinition(f: ServiceMaterialFacts, size: keyof typeof BANNER_PAGES): TDocumentDefinitions {
  const t = (key: string, vars?: Record<string, unknown>) => translate(f.lang, `publications.banner.${key}`, vars);
  const page = BANNER_PAGES[size];
  const k = page.width / BANNER_PAGES.a3.width;
  const margin = 36 * k;
  // The roll banner is tall: stages get more room each so the flow fills the height.
  const stageGap = size === 'roll' ? 44 * k : 10 * k;
  const stageSize = (size === 'roll' ? 21 : 16) * k;
  const stages: Content[] = f.stages.flatMap((s, i) => [
    {
      table: {
        widths: [34 * k, '*', 90 * k],
        body: [
          [
            { text: String(i + 1), bold: true, color: '#ffffff', fillColor: GREEN, alignment: 'center', fontSize: stageSize },
            { text: [s.name, s.skippable ? { text: `  (${t('ifNeeded')})`, fontSize: stageSize * 0.7, color: '#4d5e57' } : ''], fontSize: stageSize, bold: true, fillColor: PALE },
            { text: formatMinutes(f.lang, s.standardMinutes), fontSize: stageSize * 0.85, alignment: 'right', fillColor: PALE },
          ],
        ],
      },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 6 * k, paddingBottom: () => 6 * k, paddingLeft: () => 8 * k, paddingRight: () => 8 * k },
    },
    i < f.stages.length - 1
      ? { canvas: [{ type: 'polyline', closePath: true, color: GREEN, points: [{ x: 0, y: 0 }, { x: 18 * k, y: 0 }, { x: 9 * k, y: 9 * k }] }], margin: [8 * k, stageGap / 2, 0, stageGap / 2] }
      : '',
  ]);
  const qrSize = (size === 'roll' ? 190 : 150) * k;
  return {
    pageSize: page,
    pageMargins: [margin, margin, margin, margin],
    defaultStyle: { fontSize: 14 * k, lineHeight: 1.15 },
    info: { title: `${t('title')} — ${f.unitName}` },
    content: [
      {
        // The green band bleeds to the page edges (negative margins), whatever the header's height.
        table: {
          widths: ['*'],
          body: [
            [
              {
                fillColor: GREEN,
                margin: [margin, margin * (size === 'roll' ? 3 : 0.9), margin, margin * (size === 'roll' ? 3 : 0.9)],
                stack: [
                  ...(f.office ? [{ text: f.office.toUpperCase(), color: '#cfe7dc', fontSize: 13 * k, bold: true }] : []),
                  { text: f.unitName.toUpperCase(), color: '#ffffff', fontSize: 26 * k, bold: true, margin: [0, 4 * k, 0, 0] },
                  { text: t('subtitle'), color: '#ffffff', fontSize: 14 * k, margin: [0, 4 * k, 0, 0] },
                ],
              },
            ],
          ],
        },
        layout: 'noBorders',
        margin: [-margin, -margin, -margin, (size === 'roll' ? 120 : 22) * k],
      },
      { text: t('title').toUpperCase(), color: GREEN, fontSize: 24 * k, bold: true, margin: [0, 0, 0, 10 * k] },
      ...stages,
      {
        text: t('total', { time: formatMinutes(f.lang, f.totalMinutes), days: f.targetWorkingDays }),
        bold: true,
        color: GREEN,
        fontSize: 15 * k,
        margin: [0, 12 * k, 0, size === 'roll' ? 80 * k : 16 * k],
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: t('contact').toUpperCase(), bold: true, color: GREEN, fontSize: 16 * k, margin: [0, 0, 0, 4 * k] },
              ...contactLines(f, t).map((line) => ({ text: line, fontSize: 14 * k })),
              { text: f.publicUrl, fontSize: 12 * k, color: GREEN, margin: [0, 6 * k, 0, 0] },
            ],
          },
          { width: qrSize, stack: [qrCanvas(f.publicUrl, qrSize), { text: t('scan'), fontSize: 10 * k, alignment: 'center' }] },
        ],
        columnGap: 16 * k,
        unbreakable: true,
      },
    ],
  };
}

/** The family leaflet: what the shelter does, what happens next, what the family can do, contacts. */
export function leafletDefinition(f: ServiceMaterialFacts): TDocumentDefinitions {
  const t = (key: string, vars?: Record<string, unknown>) => translate(f.lang, `publications.leaflet.${key}`, vars);
  const heading = (text: string): Content => ({ text, bold: true, color: GREEN, fontSize: 13, margin: [0, 10, 0, 4] });
  return {
    info: { title: `${t('title')} — ${f.unitName}` },
    pageMargins: [44, 40, 44, 40],
    content: [
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  ...(f.office ? [{ text: f.office, color: '#cfe7dc', fontSize: 10 }] : []),
                  { text: f.unitName, color: '#ffffff', fontSize: 17, bold: true },
                  { text: t('title'), color: '#ffffff', fontSize: 12 },
                ],
                fillColor: GREEN,
                margin: [10, 8, 10, 8],
              },
            ],
          ],
        },
        layout: 'noBorders',
      },
      heading(t('whatWeDo')),
      { text: f.description },
      heading(t('whatNext')),
      {
        ol: f.stages.map((s) => ({ text: [{ text: s.name, bold: true }, s.skippable ? { text: ` (${t('ifNeeded')})`, color: '#4d5e57' } : ''] })),
      },
      { text: t('timeline', { days: f.targetWorkingDays }), margin: [0, 4, 0, 0] },
      heading(t('youCan')),
      { ul: [t('youCan1'), t('youCan2'), t('youCan3'), t('youCan4')] },
      heading(t('contact')),
      {
        columns: [
          { width: '*', stack: [...contactLines(f, (k, v) => translate(f.lang, `publications.banner.${k}`, v)).map((line) => ({ text: line })), { text: f.publicUrl, color: GREEN, margin: [0, 4, 0, 0] }] },
          { width: 110, stack: [qrCanvas(f.publicUrl, 110), { text: translate(f.lang, 'publications.banner.scan'), fontSize: 8, alignment: 'center' }] },
        ],
        columnGap: 12,
      },
      { text: t('privacy'), fontSize: 8.5, color: '#4d5e57', margin: [0, 14, 0, 0] },
    ],
  };
}

/** The same leaflet as a WhatsApp message (plain text with WhatsApp's *bold*). */
export function leafletWhatsappText(f: ServiceMaterialFacts): string {
  const t = (key: string, vars?: Record<string, unknown>) => translate(f.lang, `publications.leaflet.${key}`, vars);
  const contact = contactLines(f, (k, v) => translate(f.lang, `publications.banner.${k}`, v));
  return [
    `*${f.unitName}*`,
    t('waIntro'),
    '',
    `*${t('whatNext')}*`,
    ...f.stages.map((s, i) => `${i + 1}. ${s.name}${s.skippable ? ` (${t('ifNeeded')})` : ''}`),
    t('timeline', { days: f.targetWorkingDays }),
    '',
    `*${t('contact')}*`,
    ...contact,
    f.publicUrl,
  ].join('\n');
}
