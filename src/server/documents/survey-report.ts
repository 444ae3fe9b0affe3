/** The satisfaction survey report (laporan SKM / IKM, PermenPANRB 14/2017) of one period, as PDF. */
import type { SurveyResultsView } from '../../shared/contracts/survey.js';
import { type Language, translate } from '../../shared/i18n/index.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import { formatLongDate } from './dates.js';
import { type Letterhead, letterheadContent, type Signatory, signatureBlock } from './letterhead.js';
import type { Content, TDocumentDefinitions } from './pdf.js';

export interface SurveyReportFacts {
  lang: Language;
  letterhead: Letterhead;
  results: SurveyResultsView;
  head: Signatory | undefined;
  headPosition: string;
  printedAt: Date;
  timeZone: string;
}


export function surveyReportDefinition(f: SurveyReportFacts): TDocumentDefinitions {
  const t = (key: string, vars?: Record<string, unknown>) => translate(f.lang, `survey.report.${key}`, vars);
  const r = f.results;
  const date = (d: string) => formatLongDate(new Date(`${d}T00:00:00Z`), 'UTC', f.lang);
  const elementRows = r.elements.map((e, i) => [
    String(i + 1),
    translate(f.lang, `survey.elements.${e.element}.name`),
    { text: String(e.sum), alignment: 'right' },
    { text: String(e.filled), alignment: 'right' },
    { text: formatNumber(e.nrr, f.lang, 3), alignment: 'right' },
    { text: formatNumber(e.weighted, f.lang, 3), alignment: 'right' },
  ]);
  const profileTable = (name: keyof SurveyResultsView['profile']): Content => ({
    stack: [
      { text: translate(f.lang, `survey.profile.${name}`), bold: true, margin: [0, 6, 0, 2] },
      {
        table: {
          widths: ['*', 40],
          body: r.profile[name].length
            ? r.profile[name].map((row) => [translate(f.lang, `survey.${name}.${row.value}`), { text: String(row.count), alignment: 'right' }])
            : [['-', '']],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
  });
  return {
    info: { title: `${t('title')} — ${r.period.name}` },
    content: [
      ...letterheadContent(f.letterhead),
      { text: t('title').toUpperCase(), bold: true, alignment: 'center', fontSize: 13 },
      { text: `${r.organizationName} · ${r.period.name} (${date(r.period.startsOn)} – ${date(r.period.endsOn)})`, alignment: 'center', margin: [0, 2, 0, 10] },
      { text: t('respondents', { count: r.respondents }), margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          widths: [18, '*', 52, 60, 50, 58],
          body: [
            [t('no'), t('element'), t('sum'), t('filled'), 'NRR', t('weighted')].map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })),
            ...elementRows,
            [{ text: t('indexTotal'), colSpan: 5, bold: true }, '', '', '', '', { text: formatNumber(r.index, f.lang, 3), alignment: 'right', bold: true }],
          ],
        },
        fontSize: 9.5,
      },
      {
        table: {
          widths: ['*', 'auto'],
          body: [
            [{ text: t('ikm'), bold: true }, { text: r.grade ? formatNumber(r.ikmRounded, f.lang, 2) : '-', bold: true, fontSize: 14, alignment: 'right' }],
            [{ text: t('grade'), bold: true }, { text: r.grade ? `${r.grade} (${translate(f.lang, `survey.grades.${r.grade}`)})` : '-', bold: true, alignment: 'right' }],
          ],
        },
        margin: [0, 8, 0, 4],
      },
      { text: t('method'), fontSize: 8.5, color: '#444444' },
      { text: t('profileTitle'), bold: true, fontSize: 11, margin: [0, 12, 0, 0] },
      { columns: [profileTable('respondentType'), profileTable('ageGroup')], columnGap: 16 },
      { columns: [profileTable('sex'), profileTable('education')], columnGap: 16 },
      { text: t('suggestionsTitle'), bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
      r.suggestions.length ? { ol: r.suggestions.map((s) => s.text), fontSize: 9.5 } : { text: t('noSuggestions'), fontSize: 9.5 },
      {
        columns: [
          { width: '*', text: '' },
          { width: 240, ...(signatureBlock([formatLongDate(f.printedAt, f.timeZone, f.lang), f.headPosition], f.head ?? {}, f.lang) as object) },
        ],
        margin: [0, 20, 0, 0],
      },
    ],
  };
}
