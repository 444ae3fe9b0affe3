/**
 * The minutes of a case conference (notulen rapat kasus) on the letterhead: day, date, time and place;
 * the attendance list with a column to sign; the cases discussed with their decisions; the summary;
 * the intervention plan; signatures of the minute-taker and the head (Mengetahui). Pure.
 */
import { type Language, translate } from '../../../shared/i18n/index.js';
import { dateParts, formatLongDate } from '../../documents/dates.js';
import { acknowledgementBlock, keyValueTable, type Letterhead, letterheadContent, type Signatory, signatureBlock } from '../../documents/letterhead.js';
import type { Content, TDocumentDefinitions } from '../../documents/pdf.js';

export interface MinutesFacts {
  lang: Language;
  timeZone: string;
  letterhead: Letterhead;
  organizationName: string;
  heldAt: Date;
  place: string;
  isHeld: boolean;
  summary: string | null;
  participants: { name: string; institution: string | null; role: string | null }[];
  cases: { caseNumber: string; clientName: string; decision: string | null }[];
  planItems: { caseNumber: string; description: string; responsibleName: string; dueDate: string; status: 'open' | 'done' }[];
  minuteTaker: Signatory;
  head: Signatory | undefined;
  placeName: string | null;
}

const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function minutesDefinition(f: MinutesFacts): TDocumentDefinitions {
  const { lang, timeZone } = f;
  const t = (key: string, vars?: Record<string, unknown>) => translate(lang, `caseConferences.pdf.${key}`, vars);
  const when = dateParts(f.heldAt, timeZone, lang);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(f.heldAt);
  const header = (cells: string[]) => cells.map((text) => ({ text, bold: true, fillColor: '#eeeeee' }));
  const shortDate = (d: string) => formatLongDate(new Date(`${d}T00:00:00Z`), 'UTC', lang);

  const content: Content[] = [
    ...letterheadContent(f.letterhead),
    { text: t('title'), alignment: 'center', bold: true, fontSize: 13, decoration: 'underline', margin: [0, 0, 0, 10] },
    keyValueTable([
      [t('day_date'), `${when.weekday}, ${formatLongDate(f.heldAt, timeZone, lang)}`],
      [t('time'), lang === 'id' ? `${time.replace(':', '.')} WIB` : time],
      [t('place'), f.place],
      [t('unit'), f.organizationName],
    ]),
    { text: t('participants'), bold: true, margin: [0, 8, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: [22, '*', 150, 90],
        body: [
          header([t('col_no'), t('col_name'), t('col_institution'), t('col_signature')]),
          ...f.participants.map((p, i) => [
            String(i + 1),
            p.name,
            [p.institution, p.role].filter(Boolean).join(' — ') || '-',
            { text: `${i + 1}. ....................`, fontSize: 9, margin: [0, 6, 0, 0], alignment: i % 2 ? 'right' : 'left' },
          ]),
        ],
      },
      layout: tableLayout,
    },
    { text: t('cases_discussed'), bold: true, margin: [0, 10, 0, 4] },
    ...f.cases.flatMap((c, i) => [
      { text: `${i + 1}. ${c.clientName} (${c.caseNumber})`, bold: true, margin: [0, 2, 0, 2] } as Content,
      { text: [{ text: `${t('decision')}: `, italics: true }, c.decision?.trim() || '-'], margin: [14, 0, 0, 4], alignment: 'justify' } as Content,
    ]),
    { text: t('summary'), bold: true, margin: [0, 10, 0, 4] },
    { text: f.summary?.trim() || '-', alignment: 'justify' },
    { text: t('plan'), bold: true, margin: [0, 10, 0, 4] },
    f.planItems.length
      ? {
          table: {
            headerRows: 1,
            widths: [22, 80, '*', 100, 70],
            body: [
              header([t('col_no'), t('col_case'), t('col_activity'), t('col_responsible'), t('col_due')]),
              ...f.planItems.map((p, i) => [
                String(i + 1),
                p.caseNumber,
                p.status === 'done' ? `${p.description} (${t('done')})` : p.description,
                p.responsibleName,
                shortDate(p.dueDate),
              ]),
            ],
          },
          layout: tableLayout,
        }
      : { text: t('no_plan'), italics: true },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 240,
          ...(signatureBlock(
            [`${f.placeName ? `${f.placeName}, ` : ''}${formatLongDate(f.heldAt, timeZone, lang)}`, t('minute_taker')],
            f.minuteTaker,
            lang,
          ) as object),
        },
      ],
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
    acknowledgementBlock(f.head?.position?.trim() || t('head_default_position'), f.head ?? {}, lang),
  ];

  return {
    info: { title: t('title'), subject: f.cases.map((c) => c.caseNumber).join(', '), creator: 'Singgah', producer: 'Singgah' },
    ...(f.isHeld ? {} : { watermark: { text: t('watermark'), opacity: 0.12, bold: true, angle: -45, fontSize: 90 } }),
    content,
  };
}
