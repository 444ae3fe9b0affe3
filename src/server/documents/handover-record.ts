/**
 * The handover record (berita acara serah terima) printed when a client is returned home: the unit
 * (PIHAK PERTAMA) hands the client and their deposited belongings over to the family, the home
 * district's Dinas Sosial or an institution (PIHAK KEDUA), acknowledged by the head of the unit.
 * A pure function of the facts, so the layout can be tested without a database.
 */
import type { REUNIFICATION_DESTINATIONS } from '../../shared/domain/enums.js';
import { type Language, translate } from '../../shared/i18n/index.js';
import { dateParts, formatLongDate, formatShortDate, indonesianNumberWords } from './dates.js';
import { acknowledgementBlock, type Letterhead, keyValueTable, letterheadContent, type Signatory, signatureBlock, signatureColumns } from './letterhead.js';
import type { Content, TDocumentDefinitions } from './pdf.js';

export interface HandoverRecordFacts {
  lang: Language;
  timeZone: string;
  letterhead: Letterhead;
  /** The unit handing over, as written in "on behalf of …". */
  unitName: string;
  caseNumber: string;
  arrivedAt: Date;
  client: {
    name: string;
    aliases: string[];
    nik: string | null;
    sex: string;
    birthPlace: string | null;
    birthDate: string | null;
    estimatedAge: number | null;
    originAddress: string | null;
  };
  reunification: {
    destinationType: (typeof REUNIFICATION_DESTINATIONS)[number];
    destinationName: string;
    destinationAddress: string | null;
    receivedByName: string;
    receivedByRelation: string | null;
    receivedByIdNumber: string | null;
    handedOverAt: Date;
    handoverNumber: string | null;
    notes: string | null;
  };
  belongings: { description: string; quantity: number; returnedAt: Date | null; returnedTo: string | null }[];
  /** The officer who hands the client over. */
  firstParty: Signatory;
  /** The head of the unit, who acknowledges ("Mengetahui"); absent leaves a line to fill in. */
  head: Signatory | undefined;
}

/** The pdfmake document definition of a handover record. */
export function handoverRecordDefinition(f: HandoverRecordFacts): TDocumentDefinitions {
  const { lang, timeZone } = f;
  const t = (key: string, vars?: Record<string, unknown>) => translate(lang, `casework.handover.${key}`, vars);
  const r = f.reunification;
  const when = dateParts(r.handedOverAt, timeZone, lang);
  const isFamily = r.destinationType === 'family';

  const birth = [f.client.birthPlace, f.client.birthDate ? formatLongDate(new Date(`${f.client.birthDate}T00:00:00Z`), 'UTC', lang) : null]
    .filter(Boolean)
    .join(', ');
  const clientRows: [string, string | null][] = [
    [t('client_name'), f.client.name],
    ...(f.client.aliases.length ? ([[t('aliases'), f.client.aliases.join(', ')]] as [string, string][]) : []),
    [t('nik'), f.client.nik],
    [t('sex'), translate(lang, `enums.sexes.${f.client.sex}`)],
    birth ? [t('birth'), birth] : [t('estimated_age'), f.client.estimatedAge != null ? t('age_years', { age: f.client.estimatedAge }) : null],
    [t('origin_address'), f.client.originAddress],
    [t('case_number'), f.caseNumber],
    [t('arrived_at'), formatLongDate(f.arrivedAt, timeZone, lang)],
    [t('destination'), `${translate(lang, `enums.reunification_destinations.${r.destinationType}`)} — ${r.destinationName}`],
  ];

  const belongingsContent: Content = f.belongings.length
    ? {
        table: {
          headerRows: 1,
          widths: [24, '*', 50, 170],
          body: [
            [t('col_no'), t('col_item'), t('col_quantity'), t('col_remarks')].map((text) => ({ text, bold: true })),
            ...f.belongings.map((b, i) => [
              String(i + 1),
              b.description,
              { text: String(b.quantity), alignment: 'right' },
              b.returnedAt
                ? t('belonging_returned', { to: b.returnedTo ?? '-', date: formatLongDate(b.returnedAt, timeZone, lang) })
                : t('belonging_handed_over'),
            ]),
          ],
        },
        margin: [0, 2, 0, 8],
      }
    : { text: t('no_belongings'), italics: true, margin: [0, 2, 0, 8] };

  const firstPartyPosition = f.firstParty.position?.trim() || null;
  const content: Content[] = [
    ...letterheadContent(f.letterhead),
    { text: t('title'), alignment: 'center', bold: true, fontSize: 13, decoration: 'underline' },
    { text: t('number', { number: r.handoverNumber?.trim() || '.............................' }), alignment: 'center', margin: [0, 2, 0, 14] },
    {
      text: t('opening', {
        weekday: when.weekday,
        dayWords: indonesianNumberWords(when.day),
        month: when.monthName,
        yearWords: indonesianNumberWords(when.year),
        date: formatShortDate(r.handedOverAt, timeZone),
        longDate: formatLongDate(r.handedOverAt, timeZone, lang),
      }),
      alignment: 'justify',
    },
    {
      columns: [
        { width: 16, text: '1.', margin: [0, 3, 0, 0] },
        {
          width: '*',
          stack: [
            keyValueTable([
              [t('name'), f.firstParty.name],
              [t('nip'), f.firstParty.nip],
              [t('position'), firstPartyPosition],
            ]),
            { text: t('first_party_is', { unit: f.unitName }), alignment: 'justify' },
          ],
        },
      ],
      margin: [0, 6, 0, 4],
    },
    {
      columns: [
        { width: 16, text: '2.', margin: [0, 3, 0, 0] },
        {
          width: '*',
          stack: [
            keyValueTable([
              [t('name'), r.receivedByName],
              [isFamily ? t('nik') : t('id_number'), r.receivedByIdNumber],
              [isFamily ? t('relation') : t('relation_or_position'), r.receivedByRelation],
              [t('address'), r.destinationAddress ?? (isFamily ? null : r.destinationName)],
            ]),
            { text: isFamily ? t('second_party_family') : t('second_party_is', { destination: r.destinationName }), alignment: 'justify' },
          ],
        },
      ],
      margin: [0, 0, 0, 8],
    },
    { text: t('statement'), alignment: 'justify' },
    keyValueTable(clientRows, { margin: [16, 4, 0, 8] }),
    { text: t('belongings_intro'), alignment: 'justify' },
    belongingsContent,
    ...(r.notes?.trim() ? [{ text: [{ text: `${t('notes')}: `, bold: true }, r.notes.trim()], margin: [0, 0, 0, 8] } as Content] : []),
    { text: t('responsibility'), alignment: 'justify', margin: [0, 0, 0, 6] },
    { text: t('closing'), alignment: 'justify' },
    signatureColumns(
      signatureBlock([t('received_by'), t('second_party')], { name: r.receivedByName, nip: r.receivedByIdNumber }, lang, {
        idLabel: isFamily ? `${t('nik')}.` : undefined,
      }),
      signatureBlock([t('handed_by'), t('first_party')], f.firstParty, lang),
    ),
    acknowledgementBlock(f.head?.position?.trim() || t('head_of', { unit: f.unitName }), f.head ?? {}, lang),
  ];

  return {
    info: {
      title: `${t('title')} ${r.handoverNumber ?? ''}`.trim(),
      subject: f.caseNumber,
      creator: 'Singgah',
      producer: 'Singgah',
    },
    content,
  };
}
