/**
 * The referral letter (surat rujukan) on the sending office's letterhead: number, urgency (sifat),
 * enclosures (lampiran), subject (hal), addressee, the client's identity as shared, the reason, the
 * services requested, the consent or the legal basis, and the signature of the head of unit.
 * A pure function of the facts, so the layout is tested without a database.
 */
import { type Language, translate } from '../../../shared/i18n/index.js';
import { formatLongDate } from '../../documents/dates.js';
import { keyValueTable, type Letterhead, letterheadContent, type Signatory, signatureBlock } from '../../documents/letterhead.js';
import type { Content, TDocumentDefinitions } from '../../documents/pdf.js';

export interface ReferralLetterFacts {
  lang: Language;
  timeZone: string;
  letterhead: Letterhead;
  placeName: string | null;
  letterNumber: string | null;
  date: Date;
  urgency: string;
  institution: { name: string; address: string | null };
  client: { name: string; sex: string; birthDate: string | null; estimatedAge: number | null; nik: string | null; categories: string[] };
  caseNumber: string;
  reason: string;
  services: string[];
  servicesNote: string | null;
  consent: string;
  legalBasis: string | null;
  documents: string[];
  head: Signatory & { rank?: string | null };
  headPosition: string;
}

export function referralLetterDefinition(f: ReferralLetterFacts): TDocumentDefinitions {
  const { lang } = f;
  const t = (key: string, vars?: Record<string, unknown>) => translate(lang, `referrals.letter.${key}`, vars);
  const dated = [f.placeName, formatLongDate(f.date, f.timeZone, lang)].filter(Boolean).join(', ');
  const birth = f.client.birthDate
    ? formatLongDate(new Date(`${f.client.birthDate}T00:00:00Z`), 'UTC', lang)
    : f.client.estimatedAge != null
      ? t('age_years', { age: f.client.estimatedAge })
      : null;
  const services = [...f.services.map((s) => translate(lang, `enums.spm_services.${s}`)), ...(f.servicesNote ? [f.servicesNote] : [])];
  const body: Content[] = [
    ...letterheadContent(f.letterhead),
    { text: dated, alignment: 'right', margin: [0, 0, 0, 8] },
    keyValueTable(
      [
        [t('number'), f.letterNumber ?? t('number_pending')],
        [t('urgency'), t(`urgencies.${f.urgency}`)],
        [t('enclosures'), f.documents.length ? t('enclosure_count', { count: f.documents.length }) : '-'],
        [t('subject'), t('subject_value')],
      ],
      { labelWidth: 70 },
    ),
    { text: t('to'), margin: [0, 10, 0, 0] },
    { text: f.institution.name, bold: true },
    { text: f.institution.address ? t('at_address', { address: f.institution.address }) : t('at_place') },
    { text: t('opening'), margin: [0, 12, 0, 4] },
    { text: t('intro') },
    keyValueTable(
      [
        [t('client_name'), f.client.name],
        [t('sex'), translate(lang, `enums.sexes.${f.client.sex}`)],
        [t('birth'), birth],
        [t('nik'), f.client.nik],
        [t('categories'), f.client.categories.map((c) => translate(lang, `ppks.${c}`)).join(', ')],
        [t('case_number'), f.caseNumber],
      ],
      { margin: [16, 4, 0, 6] },
    ),
    { text: t('reason'), bold: true },
    { text: f.reason, margin: [0, 0, 0, 6] },
    { text: t('services'), bold: true },
    services.length ? { ul: services, margin: [0, 0, 0, 6] } : { text: '-', margin: [0, 0, 0, 6] },
    { text: t('consent'), bold: true },
    { text: t(`consents.${f.consent}`) },
    ...(f.legalBasis ? [{ text: t('legal_basis', { basis: f.legalBasis }) }] : []),
    ...(f.documents.length ? [{ text: t('documents'), bold: true, margin: [0, 6, 0, 0] }, { ol: f.documents }] : []),
    { text: t('closing'), margin: [0, 10, 0, 0] },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 240,
          ...(signatureBlock([f.headPosition], f.head, lang) as object),
        },
      ],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    },
    ...(f.head.rank ? [{ columns: [{ width: '*', text: '' }, { width: 240, text: f.head.rank, alignment: 'center', fontSize: 10 }] }] : []),
  ];
  return {
    info: { title: `${t('title')} ${f.letterNumber ?? ''}`.trim() },
    content: body,
  };
}
