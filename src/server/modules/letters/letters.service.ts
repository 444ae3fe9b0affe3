/**
 * Letter numbering and letterhead settings, shared by every official document. Other features call
 * `allocateLetterNumber` inside their own transaction and `organizationLetterhead` when printing.
 */
import {
  LETTER_KINDS,
  LETTER_LOGO_MAX_BYTES,
  type LetterKind,
  type LetterNumberPattern,
  type LetterSettingsView,
  type UpdateLetterSettingsBody,
} from '../../../shared/contracts/letters.js';
import type { Language } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { dateParts } from '../../documents/dates.js';
import { type Letterhead, letterheadFor } from '../../documents/letterhead.js';
import type { Actor } from '../../http/authorize.js';
import { badRequest, notFound } from '../../http/errors.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import * as repo from './letters.repository.js';
import type { LetterSettingsRow } from './letters.table.js';

/** What an office gets before it configures anything: `400.9/001/V/2026`. */
export const DEFAULT_LETTER_PATTERN: LetterNumberPattern = { pattern: '{code}/{seq}/{month_roman}/{year}', seqPadding: 3, code: '400.9' };

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Month 1–12 in Roman numerals, as Indonesian letter numbers write it. */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`No month ${month}`);
  return r;
}

/** Fill a pattern: `400.9/{seq}/425.108/{year}` with seq 7, padding 3 → `400.9/007/425.108/2026`. */
export function formatLetterNumber(p: LetterNumberPattern, facts: { seq: number; year: number; month: number }): string {
  const values: Record<string, string> = {
    seq: p.seqPadding > 0 ? String(facts.seq).padStart(p.seqPadding, '0') : String(facts.seq),
    year: String(facts.year),
    month: String(facts.month).padStart(2, '0'),
    month_roman: romanMonth(facts.month),
    code: p.code,
  };
  return p.pattern.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The pattern of a kind: the organization's own, else its parent's (set once for the Dinas Sosial), else the default. */
function patternOf(kind: LetterKind, own: LetterSettingsRow | undefined, parent: LetterSettingsRow | undefined): LetterNumberPattern {
  return own?.patterns?.[kind] ?? parent?.patterns?.[kind] ?? DEFAULT_LETTER_PATTERN;
}

export interface AllocatedNumber {
  number: string;
  seq: number;
  year: number;
}

/**
 * The next number of a kind of letter of an organization, dated `at` (year and month in the
 * organization's time zone). Call inside the transaction that stores the letter: the counter row
 * stays locked until it commits, so concurrent allocations queue instead of colliding, and a
 * rollback returns the number.
 */
export async function allocateLetterNumber(tx: Db, organizationId: string, kind: LetterKind, at: Date): Promise<AllocatedNumber> {
  const facts = await repo.findOrganizationFacts(tx, organizationId);
  if (!facts) throw notFound();
  const [own, parent] = await Promise.all([
    repo.findLetterSettings(tx, organizationId),
    facts.parent ? repo.findLetterSettings(tx, facts.parent.id) : undefined,
  ]);
  const { year, month } = dateParts(at, facts.timeZone, 'id');
  const last = await repo.lockLetterCounter(tx, organizationId, kind, year);
  const seq = last + 1;
  await repo.setLetterCounter(tx, organizationId, kind, year, seq);
  return { number: formatLetterNumber(patternOf(kind, own, parent), { seq, year, month }), seq, year };
}

/** Letterhead lines, place and head's title of an organization, with its parent's settings as fallback. */
export interface OrganizationLetterFacts {
  letterhead: Letterhead;
  /** Where letters are signed ("Probolinggo"). */
  placeName: string | null;
  headPosition: string | null;
  headRank: string | null;
  timeZone: string;
  organizationName: string;
}

type TextSetting = 'governmentLine' | 'officeName' | 'placeName';

/** A line set on the organization, else on its parent, else null. */
function pick(key: TextSetting, own?: LetterSettingsRow, parent?: LetterSettingsRow): string | null {
  return own?.[key]?.trim() || parent?.[key]?.trim() || null;
}

function logoDataUrl(row?: LetterSettingsRow): string | null {
  return row?.logoBase64 && row.logoMimeType ? `data:${row.logoMimeType};base64,${row.logoBase64}` : null;
}

/** The place name written before a letter's date: the settings', else the regency name without "Kota"/"Kabupaten". */
function derivedPlaceName(head: Letterhead): string | null {
  const m = head.government?.match(/^PEMERINTAH (?:KOTA|KABUPATEN|PROVINSI)\s+(.+)$/i);
  if (!m) return null;
  return m[1].toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Everything a document of `organizationId` prints at its top and by its signatures. */
export async function organizationLetterFacts(db: Db, organizationId: string, lang: Language): Promise<OrganizationLetterFacts> {
  const facts = await repo.findOrganizationFacts(db, organizationId);
  if (!facts) throw notFound();
  const [own, parent] = await Promise.all([
    repo.findLetterSettings(db, organizationId),
    facts.parent ? repo.findLetterSettings(db, facts.parent.id) : undefined,
  ]);
  // Lines naming the unit itself are never inherited from the parent; the government and office lines, contact and logo are.
  const letterhead = await letterheadFor(facts.organization, facts.parent, lang, {
    governmentLine: pick('governmentLine', own, parent),
    officeName: pick('officeName', own, parent),
    unitName: own?.unitName ?? null,
    address: own?.address ?? null,
    phone: own?.phone ?? null,
    email: own?.email ?? null,
    website: own?.website ?? null,
    postalCode: own?.postalCode ?? null,
    logo: logoDataUrl(own) ?? logoDataUrl(parent),
  });
  return {
    letterhead,
    placeName: pick('placeName', own, parent) ?? derivedPlaceName(letterhead),
    headPosition: own?.headPosition?.trim() || null,
    headRank: own?.headRank?.trim() || null,
    timeZone: facts.timeZone,
    organizationName: facts.organization.name,
  };
}

/** The letterhead of an organization's documents (settings first, derived lines as fallback). */
export async function organizationLetterhead(db: Db, organizationId: string, lang: Language): Promise<Letterhead> {
  return (await organizationLetterFacts(db, organizationId, lang)).letterhead;
}

// ---------------------------------------------------------------------------------------------
// Settings (admin)

const TEXT_FIELDS = [
  'governmentLine',
  'officeName',
  'unitName',
  'address',
  'phone',
  'email',
  'website',
  'postalCode',
  'placeName',
  'headPosition',
  'headRank',
] as const;

async function presentSettings(db: Db, organizationId: string, lang: Language): Promise<LetterSettingsView> {
  const facts = await repo.findOrganizationFacts(db, organizationId);
  if (!facts) throw notFound();
  const [own, parent] = await Promise.all([
    repo.findLetterSettings(db, organizationId),
    facts.parent ? repo.findLetterSettings(db, facts.parent.id) : undefined,
  ]);
  const { letterhead } = await organizationLetterFacts(db, organizationId, lang);
  const { year, month } = dateParts(new Date(), facts.timeZone, 'id');
  const patterns = Object.fromEntries(LETTER_KINDS.map((k) => [k, patternOf(k, own, parent)])) as Record<LetterKind, LetterNumberPattern>;
  const previews = Object.fromEntries(LETTER_KINDS.map((k) => [k, formatLetterNumber(patterns[k], { seq: 1, year, month })])) as Record<LetterKind, string>;
  return {
    organizationId,
    ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, own?.[f] ?? null])) as Record<(typeof TEXT_FIELDS)[number], string | null>),
    hasLogo: Boolean(own?.logoBase64),
    logoDataUrl: logoDataUrl(own),
    patterns,
    previews,
    effective: {
      government: letterhead.government ?? null,
      office: letterhead.office ?? null,
      unit: letterhead.unit ?? null,
      contact: letterhead.contact,
    },
    updatedAt: own?.updatedAt.toISOString() ?? null,
  };
}

export async function getLetterSettings(db: Db, actor: Actor, organizationId: string): Promise<LetterSettingsView> {
  const org = await getReachableOrganization(db, actor, organizationId);
  return presentSettings(db, org.id, actor.language);
}

export async function updateLetterSettings(db: Db, actor: Actor, organizationId: string, body: UpdateLetterSettingsBody, ip?: string) {
  await db.transaction(async (tx) => {
    const org = await getReachableOrganization(tx, actor, organizationId);
    const before = await repo.lockLetterSettings(tx, org.id);
    const values: Record<string, unknown> = {};
    for (const f of TEXT_FIELDS) if (body[f] !== undefined) values[f] = body[f]?.trim() ? body[f].trim() : null;
    if (body.patterns) values.patterns = { ...before.patterns, ...body.patterns };
    await repo.updateLetterSettings(tx, org.id, { ...values, updatedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'letters.settings_updated',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'organization',
      entityId: org.id,
      changes: diffFields(before as unknown as Record<string, unknown>, values),
      ip,
    });
  });
  return presentSettings(db, organizationId, actor.language);
}

/** The type of a small image from its first bytes: PNG and JPEG only (what pdfmake can print). */
export function detectLogoType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Store (or, with null, remove) the organization's emblem/logo. */
export async function setLetterLogo(db: Db, actor: Actor, organizationId: string, image: string | null, ip?: string) {
  let values: { logoMimeType: string | null; logoBase64: string | null } = { logoMimeType: null, logoBase64: null };
  if (image !== null) {
    const base64 = image.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) throw badRequest('letters.logo_not_image', 'image');
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > LETTER_LOGO_MAX_BYTES) throw badRequest('letters.logo_too_large', 'image', { maxKb: LETTER_LOGO_MAX_BYTES / 1024 });
    const mimeType = detectLogoType(bytes);
    if (!mimeType) throw badRequest('letters.logo_not_image', 'image');
    values = { logoMimeType: mimeType, logoBase64: bytes.toString('base64') };
  }
  await db.transaction(async (tx) => {
    const org = await getReachableOrganization(tx, actor, organizationId);
    const before = await repo.lockLetterSettings(tx, org.id);
    await repo.updateLetterSettings(tx, org.id, { ...values, updatedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'letters.settings_updated',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'organization',
      entityId: org.id,
      changes: {
        logo: [before.logoMimeType ? 'set' : null, values.logoMimeType ? 'set' : null],
        ...(values.logoBase64 ? { logoBytes: Buffer.from(values.logoBase64, 'base64').length, logoMimeType: values.logoMimeType } : {}),
      },
      ip,
    });
  });
  return presentSettings(db, organizationId, actor.language);
}
