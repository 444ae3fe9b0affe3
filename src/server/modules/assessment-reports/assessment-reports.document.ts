/**
 * The assessment report as an official letter: letterhead; Nomor, Sifat, Lampiran, Hal beside the
 * place and date; the addressee; the client's identity with photo; findings; the social worker's
 * analysis and recommendation; signatures of the social worker and the head of unit (Mengetahui/
 * Menyetujui, with rank and NIP). Until approved, a DRAFT watermark. A pure function of the facts.
 */
import type { AssessmentFinding, AssessmentReportSnapshot, ReportSignatory } from '../../../shared/contracts/assessment-reports.js';
import { type Language, translate } from '../../../shared/i18n/index.js';
import { formatLongDate } from '../../documents/dates.js';
import { keyValueTable, type Letterhead, letterheadContent } from '../../documents/letterhead.js';
import type { Content, TDocumentDefinitions } from '../../documents/pdf.js';

export interface AssessmentReportFacts {
  lang: Language;
  timeZone: string;
  letterhead: Letterhead;
  isDraft: boolean;
  letterNumber: string | null;
  /** The letter's date: the approval date, or today for a draft. */
  date: Date;
  nature: string;
  attachmentsNote: string;
  subject: string;
  addressee: string | null;
  snapshot: AssessmentReportSnapshot;
  /** `data:image/jpeg;base64,…`, or null for no photo. */
  photo: string | null;
  findings: AssessmentFinding[];
  analysis: string;
  recommendation: string;
}

/** A signature block with the rank (pangkat) between the name and the NIP, as civil-service letters print it. */
function signature(captions: string[], s: ReportSignatory, lang: Language): Content {
  const name = s.name?.trim();
  return {
    stack: [
      ...captions.filter(Boolean).map((text) => ({ text })),
      { text: ' ', margin: [0, 0, 0, 46] },
      name ? { text: name, bold: true, decoration: 'underline' } : { text: '(..............................................)' },
      ...(s.rank?.trim() ? [{ text: s.rank.trim() }] : []),
      s.nip?.trim() ? { text: `${translate(lang, 'documents.signature.nip')} ${s.nip.trim()}` } : { text: ' ' },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

function paragraphs(text: string): Content[] {
  const parts = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length ? parts.map((p) => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 4] })) : [{ text: '-', margin: [0, 0, 0, 4] }];
}

/** The pdfmake document definition of an assessment report. */
export function assessmentReportDefinition(f: AssessmentReportFacts): TDocumentDefinitions {
  const { lang, timeZone, snapshot: s } = f;
  const t = (key: string, vars?: Record<string, unknown>) => translate(lang, `assessmentReports.pdf.${key}`, vars);
  const c = s.client;
  const enumText = (group: string, value: string | null) => (value ? translate(lang, `enums.${group}.${value}`) : null);
  const birth = [c.birthPlace, c.birthDate ? formatLongDate(new Date(`${c.birthDate}T00:00:00Z`), 'UTC', lang) : null].filter(Boolean).join(', ');
  const identity: [string, string | null][] = [
    [t('name'), c.name],
    ...(c.aliases.length ? ([[t('aliases'), c.aliases.join(', ')]] as [string, string][]) : []),
    [t('nik'), c.nik],
    [t('kk'), c.kkNumber],
    [t('sex'), enumText('sexes', c.sex)],
    birth ? [t('birth'), birth] : [t('estimated_age'), c.estimatedAge != null ? t('age_years', { age: c.estimatedAge }) : null],
    [t('religion'), enumText('religions', c.religion)],
    [t('marital_status'), enumText('marital_statuses', c.maritalStatus)],
    [t('education'), enumText('education_levels', c.education)],
    [t('occupation'), c.occupation],
    [t('origin_address'), c.originAddress],
    [t('case_number'), s.caseNumber],
    [t('arrived_at'), formatLongDate(new Date(s.arrivedAt), timeZone, lang)],
  ];

  const place = s.placeName ? `${s.placeName}, ` : '';
  const heading: Content = {
    columns: [
      {
        width: '*',
        ...(keyValueTable(
          [
            [t('number'), f.letterNumber ?? t('number_pending')],
            [t('nature'), f.nature],
            [t('attachments'), f.attachmentsNote],
            [t('subject'), f.subject],
          ],
          { labelWidth: 60, margin: [0, 0, 0, 0] },
        ) as object),
      },
      { width: 170, text: `${place}${formatLongDate(f.date, timeZone, lang)}`, alignment: 'right' },
    ],
    margin: [0, 0, 0, 10],
  };

  const addressee: Content[] = f.addressee?.trim()
    ? [
        { text: t('to'), margin: [0, 0, 0, 0] },
        { text: f.addressee.trim(), bold: true },
        { text: t('at_place'), margin: [0, 0, 0, 10] },
      ]
    : [];

  const section = (title: string): Content => ({ text: title, bold: true, margin: [0, 10, 0, 4] });

  const identityBlock: Content = f.photo
    ? {
        columns: [
          { width: '*', ...(keyValueTable(identity, { labelWidth: 120 }) as object) },
          { width: 96, stack: [{ image: f.photo, fit: [90, 120], alignment: 'center' }, { text: t('photo_caption'), fontSize: 8, alignment: 'center' }] },
        ],
        columnGap: 10,
      }
    : keyValueTable(identity, { labelWidth: 120 });

  const findings: Content[] = f.findings.length
    ? f.findings.flatMap((finding, i) => [
        { text: `${i + 1}. ${finding.title}`, bold: true, margin: [0, 4, 0, 2] } as Content,
        keyValueTable(
          finding.items.map((item) => [item.label, item.value] as [string, string]),
          { labelWidth: 150, margin: [14, 0, 0, 4] },
        ),
      ])
    : [{ text: t('no_findings'), italics: true }];

  const headPosition = s.head.position?.trim() || t('head_default_position');
  const content: Content[] = [
    ...letterheadContent(f.letterhead),
    heading,
    ...addressee,
    { text: t('title'), alignment: 'center', bold: true, fontSize: 13, decoration: 'underline', margin: [0, 4, 0, 8] },
    { text: t('opening'), alignment: 'justify' },
    section(t('section_identity')),
    identityBlock,
    section(t('section_findings')),
    ...findings,
    section(t('section_analysis')),
    ...paragraphs(f.analysis),
    section(t('section_recommendation')),
    ...paragraphs(f.recommendation),
    { text: t('closing'), alignment: 'justify', margin: [0, 10, 0, 0] },
    {
      columns: [
        signature([t('acknowledged'), headPosition], s.head, lang),
        signature([' ', s.worker.position?.trim() || t('worker_default_position')], s.worker, lang),
      ],
      columnGap: 24,
      margin: [0, 18, 0, 0],
      unbreakable: true,
    },
  ];

  return {
    info: { title: `${t('title')} ${f.letterNumber ?? ''}`.trim(), subject: s.caseNumber, creator: 'Singgah', producer: 'Singgah' },
    ...(f.isDraft ? { watermark: { text: t('watermark'), opacity: 0.12, bold: true, angle: -45, fontSize: 110 } } : {}),
    content,
  };
}
