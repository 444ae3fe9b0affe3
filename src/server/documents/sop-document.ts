/**
 * The organization's SOP printed from its configured workflow, in the layout of PermenPANRB 35/2012
 * (SOP AP): an identity table and the sections (legal basis, qualifications, related SOPs,
 * equipment, warnings, records), then the flow table — No · activity · one column per actor, with
 * the flow drawn in vectors (start/end ovals, activity boxes, decision diamonds for stages done
 * only when needed) · quality standard (inputs, time, output) · notes. Landscape A4.
 */
import { type Language, translate } from '../../shared/i18n/index.js';
import { formatLongDate } from './dates.js';
import { formatMinutes } from './html.js';
import type { Letterhead, Signatory } from './letterhead.js';
import type { Content, TDocumentDefinitions } from './pdf.js';

export interface SopDocumentFacts {
  lang: Language;
  letterhead: Letterhead;
  unitName: string;
  sopName: string;
  number: string | null;
  madeOn: string | null;
  revisedOn: string | null;
  effectiveOn: string | null;
  head: Signatory | undefined;
  headPosition: string;
  legalBasis: string[];
  qualifications: string[];
  relatedSops: string[];
  equipment: string[];
  warnings: string[];
  records: string[];
  stages: { key: string; name: string; responsibleRole: string; standardMinutes: number; skippable: boolean }[];
}

const PAGE_WIDTH = 842;
const MARGIN = 28;
const ROW_H = 46;
const ACTOR_W = 66;

/** A YYYY-MM-DD date as "2 Januari 2026". */
function longDate(value: string | null, lang: Language): string {
  return value ? formatLongDate(new Date(`${value}T00:00:00Z`), 'UTC', lang) : '-';
}

function numbered(items: string[]): Content {
  return items.length ? { ol: items, fontSize: 8.5 } : { text: '-', fontSize: 8.5 };
}

type Shape = 'oval' | 'box' | 'diamond';

/**
 * The vector drawing of one actor cell in row `i`: the stage's shape when the actor does it, and
 * the connector to the next stage (down, or down-across-down when the next actor is another column).
 */
function flowCell(col: number, i: number, actorOf: number[], shapes: Shape[]): Content {
  const here = actorOf[i];
  const next = actorOf[i + 1];
  const prev = actorOf[i - 1];
  const cx = ACTOR_W / 2;
  const lane = ROW_H - 5;
  const parts: Record<string, unknown>[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) => parts.push({ type: 'line', x1, y1, x2, y2, lineWidth: 0.8 });
  const shapeTop = 9;
  const shapeBottom = ROW_H - 14;
  if (col === here) {
    const shape = shapes[i];
    if (shape === 'oval') parts.push({ type: 'ellipse', x: cx, y: (shapeTop + shapeBottom) / 2, r1: 24, r2: (shapeBottom - shapeTop) / 2, lineWidth: 1 });
    else if (shape === 'diamond')
      parts.push({ type: 'polyline', closePath: true, lineWidth: 1, points: [{ x: cx, y: shapeTop - 3 }, { x: cx + 22, y: (shapeTop + shapeBottom) / 2 }, { x: cx, y: shapeBottom + 3 }, { x: cx - 22, y: (shapeTop + shapeBottom) / 2 }] });
    else parts.push({ type: 'rect', x: cx - 24, y: shapeTop, w: 48, h: shapeBottom - shapeTop, lineWidth: 1 });
    if (prev !== undefined) {
      // Arrow in from the top of the cell.
      line(cx, 0, cx, shapeTop - (shape === 'diamond' ? 3 : 0));
      parts.push({ type: 'polyline', closePath: true, color: '#000', points: [{ x: cx - 3, y: shapeTop - 6 }, { x: cx + 3, y: shapeTop - 6 }, { x: cx, y: shapeTop - (shape === 'diamond' ? 3 : 0) }] });
    }
    if (next !== undefined) {
      const from = shapeBottom + (shape === 'diamond' ? 3 : 0);
      if (next === col) line(cx, from, cx, ROW_H);
      else {
        line(cx, from, cx, lane);
        line(cx, lane, next > col ? ACTOR_W : 0, lane);
      }
    }
  } else if (next !== undefined && here !== undefined) {
    const lo = Math.min(here, next);
    const hi = Math.max(here, next);
    if (col === next) {
      line(here < col ? 0 : ACTOR_W, lane, cx, lane);
      line(cx, lane, cx, ROW_H);
    } else if (col > lo && col < hi) line(0, lane, ACTOR_W, lane);
  }
  return { canvas: parts.length ? parts : [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0 }], width: ACTOR_W, height: ROW_H };
}

export function sopDocumentDefinition(f: SopDocumentFacts): TDocumentDefinitions {
  const t = (key: string, vars?: Record<string, unknown>) => translate(f.lang, `publications.sop.${key}`, vars);
  const actors = [...new Set(f.stages.map((s) => s.responsibleRole))];
  const actorOf = f.stages.map((s) => actors.indexOf(s.responsibleRole));
  const shapes: Shape[] = f.stages.map((s, i) => (i === 0 || i === f.stages.length - 1 ? 'oval' : s.skippable ? 'diamond' : 'box'));
  const inner = PAGE_WIDTH - 2 * MARGIN;
  const fixed = 18 + ACTOR_W * actors.length + 90 + 48 + 95 + 85;
  const activityW = Math.max(120, inner - fixed - (actors.length + 7) * 1);

  const identity: Content = {
    table: {
      widths: [inner * 0.42, 110, '*'],
      body: [
        [
          {
            rowSpan: 6,
            stack: [
              ...(f.letterhead.government ? [{ text: f.letterhead.government, bold: true, fontSize: 11 }] : []),
              ...(f.letterhead.office ? [{ text: f.letterhead.office, bold: true, fontSize: 11 }] : []),
              ...(f.letterhead.unit ? [{ text: f.letterhead.unit, bold: true, fontSize: 12 }] : []),
              ...f.letterhead.contact.map((c) => ({ text: c, fontSize: 8 })),
            ],
            alignment: 'center',
            margin: [4, 30, 4, 4],
          },
          t('number'),
          f.number ?? '-',
        ],
        ['', t('madeOn'), longDate(f.madeOn, f.lang)],
        ['', t('revisedOn'), longDate(f.revisedOn, f.lang)],
        ['', t('effectiveOn'), longDate(f.effectiveOn, f.lang)],
        [
          '',
          t('approvedBy'),
          {
            stack: [
              { text: f.headPosition },
              { text: ' ', margin: [0, 0, 0, 22] },
              { text: f.head?.name ?? '(..............................................)', bold: Boolean(f.head?.name), decoration: f.head?.name ? 'underline' : undefined },
              { text: f.head?.nip ? `${translate(f.lang, 'documents.signature.nip')} ${f.head.nip}` : `${translate(f.lang, 'documents.signature.nip')} -` },
            ],
          },
        ],
        ['', t('name'), { text: f.sopName.toUpperCase(), bold: true }],
      ],
    },
    fontSize: 9.5,
  };
  const sections: Content = {
    table: {
      widths: ['*', '*'],
      body: [
        [{ text: t('legalBasis'), bold: true, fillColor: '#eeeeee' }, { text: t('qualifications'), bold: true, fillColor: '#eeeeee' }],
        [numbered(f.legalBasis), numbered(f.qualifications)],
        [{ text: t('relatedSops'), bold: true, fillColor: '#eeeeee' }, { text: t('equipment'), bold: true, fillColor: '#eeeeee' }],
        [numbered(f.relatedSops), numbered(f.equipment)],
        [{ text: t('warnings'), bold: true, fillColor: '#eeeeee' }, { text: t('records'), bold: true, fillColor: '#eeeeee' }],
        [numbered(f.warnings), numbered(f.records)],
      ],
    },
    fontSize: 9,
    margin: [0, 10, 0, 0],
  };

  const headerRow1 = [
    { text: t('no'), rowSpan: 2, bold: true, alignment: 'center' },
    { text: t('activity'), rowSpan: 2, bold: true, alignment: 'center' },
    { text: t('actors'), colSpan: actors.length, bold: true, alignment: 'center' },
    ...actors.slice(1).map(() => ''),
    { text: t('qualityStandard'), colSpan: 3, bold: true, alignment: 'center' },
    '',
    '',
    { text: t('notes'), rowSpan: 2, bold: true, alignment: 'center' },
  ];
  const headerRow2 = [
    '',
    '',
    ...actors.map((role) => ({ text: translate(f.lang, `web.roles.${role}`), bold: true, alignment: 'center', fontSize: 7.5 })),
    { text: t('inputs'), bold: true, alignment: 'center' },
    { text: t('time'), bold: true, alignment: 'center' },
    { text: t('output'), bold: true, alignment: 'center' },
    '',
  ];
  const flowRows = f.stages.map((s, i) => {
    const cell = (text: string) => ({ text, margin: [3, 3, 3, 2] });
    const inputs = translate(f.lang, `publications.sop.stageInputs.${s.key}`);
    const output = translate(f.lang, `publications.sop.stageOutputs.${s.key}`);
    return [
      { text: String(i + 1), alignment: 'center', margin: [0, 3, 0, 0] },
      cell(s.name),
      ...actors.map((_, col) => flowCell(col, i, actorOf, shapes)),
      cell(inputs.startsWith('publications.') ? '-' : inputs),
      cell(formatMinutes(f.lang, s.standardMinutes)),
      cell(output.startsWith('publications.') ? '-' : output),
      cell(s.skippable ? t('ifNeeded') : ''),
    ];
  });
  const actorCols = new Set(actors.map((_, i) => i + 2));
  const flowTable: Content = {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: [18, activityW, ...actors.map(() => ACTOR_W), 90, 48, 95, 85],
      heights: (row: number) => (row >= 2 ? ROW_H : 'auto'),
      body: [headerRow1, headerRow2, ...flowRows],
    },
    layout: {
      paddingLeft: (col: number) => (actorCols.has(col) ? 0 : 2),
      paddingRight: (col: number) => (actorCols.has(col) ? 0 : 2),
      paddingTop: (row: number) => (row >= 2 ? 0 : 3),
      paddingBottom: (row: number) => (row >= 2 ? 0 : 3),
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
    },
    fontSize: 7.8,
  };
  const totalMinutes = f.stages.reduce((s, x) => s + x.standardMinutes, 0);
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 6],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.1 },
    info: { title: `${f.sopName} — ${f.unitName}` },
    footer: (current: number, count: number) => ({ text: `${f.sopName} · ${current}/${count}`, alignment: 'right', fontSize: 7, margin: [0, 8, MARGIN, 0] }),
    content: [
      identity,
      sections,
      { text: t('flowTitle', { name: f.sopName.toUpperCase() }), bold: true, fontSize: 11, alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 6] },
      flowTable,
      {
        text: t('totalTime', { time: formatMinutes(f.lang, totalMinutes) }),
        fontSize: 8.5,
        margin: [0, 6, 0, 0],
      },
      { text: t('legend'), fontSize: 7.5, italics: true, margin: [0, 2, 0, 0] },
    ],
  };
}
