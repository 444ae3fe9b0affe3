/**
 * Building blocks of an official letter of a regional office (kop surat and signature blocks), in
 * pdfmake content, shared by every document Singgah prints.
 *
 *   PEMERINTAH KOTA PROBOLINGGO
 *   DINAS SOSIAL KOTA PROBOLINGGO
 *   RUMAH SINGGAH KOTA PROBOLINGGO
 *   Jl. …, Telp. …, Email …
 *   ────────────────────────────── (a thick and a thin rule)
 *
 * The region's emblem sits on the left when the organization uploaded one (letter settings,
 * `modules/letters`); every line may be set there too, and what is not set is derived as above.
 */
import { type Language, translate } from '../../shared/i18n/index.js';
import type { OrganizationRow } from '../modules/organizations/organizations.table.js';
import { findRegion } from '../regions/region-data.js';
import type { Content } from './pdf.js';

/** Lines of a letterhead, top to bottom. */
export interface Letterhead {
  /** `PEMERINTAH KOTA PROBOLINGGO`; absent when the region is unknown. */
  government?: string;
  /** The Dinas Sosial (the regency office). */
  office?: string;
  /** The unit (UPTD / shelter) when the document comes from a unit. */
  unit?: string;
  /** Address, phone, e-mail, website, postal code. */
  contact: string[];
  /** The emblem/logo as a `data:image/png;base64,…` (or jpeg) URL, printed on the left. */
  logo?: string;
}

/** Lines an organization set in its letter settings; each replaces the derived one when present. */
export interface LetterheadOverrides {
  governmentLine?: string | null;
  officeName?: string | null;
  unitName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  postalCode?: string | null;
  logo?: string | null;
}

/** Width of the text area on A4 with Singgah's margins (595 pt − 2 × 56 pt). */
export const TEXT_WIDTH = 483;

type OrgFacts = Pick<OrganizationRow, 'kind' | 'name' | 'regionCode' | 'address' | 'phone' | 'email' | 'website' | 'postalCode'>;

/**
 * The letterhead of a document issued by `organization`: a unit under its regency's Dinas Sosial
 * (`parent`), or the Dinas Sosial itself. Contact details are the issuing organization's, or its
 * parent's where it has none.
 */
export async function letterheadFor(
  organization: OrgFacts,
  parent: OrgFacts | undefined,
  lang: Language,
  overrides: LetterheadOverrides = {},
): Promise<Letterhead> {
  const isUnit = organization.kind !== 'regency' && parent !== undefined;
  const office = isUnit ? parent : organization;
  const regencyCode = (office.regionCode ?? organization.regionCode)?.slice(0, 5);
  const region = regencyCode ? await findRegion(regencyCode) : undefined;
  const government = region?.level === 'regency' ? translate(lang, 'documents.letterhead.government', { region: region.name }) : undefined;

  const set = (v: string | null | undefined) => (v?.trim() ? v.trim() : undefined);
  const address = set(overrides.address) ?? organization.address ?? office.address;
  const phone = set(overrides.phone) ?? organization.phone ?? office.phone;
  const email = set(overrides.email) ?? organization.email ?? office.email;
  const website = set(overrides.website) ?? organization.website ?? office.website;
  const postalCode = set(overrides.postalCode) ?? organization.postalCode ?? office.postalCode;
  const reach = [
    phone ? translate(lang, 'documents.letterhead.phone', { phone }) : undefined,
    email ? translate(lang, 'documents.letterhead.email', { email }) : undefined,
    website ? translate(lang, 'documents.letterhead.website', { website }) : undefined,
    postalCode ? translate(lang, 'documents.letterhead.postal_code', { postalCode }) : undefined,
  ].filter(Boolean);

  const unitLine = set(overrides.unitName) ?? (isUnit ? organization.name : undefined);
  return {
    government: (set(overrides.governmentLine) ?? government)?.toUpperCase(),
    office: (set(overrides.officeName) ?? office.name).toUpperCase(),
    unit: unitLine?.toUpperCase(),
    contact: [address, reach.join(', ')].filter((line): line is string => Boolean(line)),
    ...(set(overrides.logo) ? { logo: set(overrides.logo) } : {}),
  };
}

/** The letterhead as pdfmake content: centred lines in capitals, then a thick and a thin rule. */
export function letterheadContent(head: Letterhead): Content[] {
  const lines: Content[] = [];
  if (head.government) lines.push({ text: head.government, fontSize: 13, bold: true });
  if (head.office) lines.push({ text: head.office, fontSize: head.unit ? 13 : 15, bold: true });
  if (head.unit) lines.push({ text: head.unit, fontSize: 15, bold: true });
  for (const line of head.contact) lines.push({ text: line, fontSize: 9 });
  const LOGO_WIDTH = 62;
  const heading: Content = head.logo
    ? {
        // The emblem on the left; the lines stay centred on the page, not on what is left of it.
        columns: [
          { image: head.logo, fit: [LOGO_WIDTH, 72], width: LOGO_WIDTH },
          { stack: lines, alignment: 'center', width: '*' },
          { text: '', width: LOGO_WIDTH },
        ],
        columnGap: 8,
      }
    : { stack: lines, alignment: 'center' };
  return [
    heading,
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: TEXT_WIDTH, y2: 4, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 7, x2: TEXT_WIDTH, y2: 7, lineWidth: 0.5 },
      ],
      margin: [0, 2, 0, 14],
    },
  ];
}

/** Who signs: name, NIP and position; any may be missing (a family member has no NIP). */
export interface Signatory {
  name?: string | null;
  nip?: string | null;
  position?: string | null;
}

/**
 * One signature block: the caption lines (e.g. "PIHAK PERTAMA", a position), room to sign, the
 * name underlined in bold, and the NIP. A missing name leaves a dotted line to fill in by hand.
 */
export function signatureBlock(captions: string[], signatory: Signatory, lang: Language, opts: { idLabel?: string } = {}): Content {
  const name = signatory.name?.trim();
  const nip = signatory.nip?.trim();
  return {
    stack: [
      ...captions.filter(Boolean).map((caption) => ({ text: caption })),
      { text: ' ', margin: [0, 0, 0, 46] },
      name ? { text: name, bold: true, decoration: 'underline' } : { text: '(..............................................)' },
      nip ? { text: `${opts.idLabel ?? translate(lang, 'documents.signature.nip')} ${nip}` } : { text: ' ' },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

/** Two signature blocks side by side. */
export function signatureColumns(left: Content, right: Content): Content {
  return { columns: [left, right], columnGap: 24, margin: [0, 16, 0, 0], unbreakable: true };
}

/** A "Mengetahui" (acknowledged by) block, centred under the parties' signatures. */
export function acknowledgementBlock(position: string, signatory: Signatory, lang: Language): Content {
  return {
    columns: [{ width: '*', text: '' }, { width: 260, ...(signatureBlock([translate(lang, 'documents.signature.acknowledged'), position], signatory, lang) as object) }, { width: '*', text: '' }],
    margin: [0, 20, 0, 0],
    unbreakable: true,
  };
}

/** A two-column "label : value" table without borders, for identities in letters. */
export function keyValueTable(rows: [string, string | null | undefined][], opts: { labelWidth?: number; margin?: number[] } = {}): Content {
  return {
    table: {
      widths: [opts.labelWidth ?? 130, 8, '*'],
      body: rows.map(([label, value]) => [label, ':', value?.trim() ? value : '-']),
    },
    // No rules; labels flush with the text around the table, rows set close like typed lines.
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i: number) => (i === 0 ? 0 : 4),
      paddingRight: () => 4,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    margin: opts.margin ?? [0, 2, 0, 6],
  };
}
