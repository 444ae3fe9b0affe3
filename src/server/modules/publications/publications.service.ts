/**
 * Printed and shareable material of a unit, all from its data: the SOP document, the banner (A3 and
 * roll), the social-media images, the family leaflet and its WhatsApp text. Every download is audited.
 */
import type { SopDocumentSettings } from '../../../shared/contracts/publications.js';
import { type Language, translate } from '../../../shared/i18n/index.js';
import { type ServiceMaterialFacts, bannerDefinition, leafletDefinition, leafletWhatsappText } from '../../documents/banner.js';
import { letterheadFor } from '../../documents/letterhead.js';
import { renderPdf } from '../../documents/pdf.js';
import { flowImageSvg, ogImageSvg, renderPng, statsImageSvg } from '../../documents/social-image.js';
import { sopDocumentDefinition } from '../../documents/sop-document.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/authorize.js';
import { AppError } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { findHeadOfOrganization } from '../casework/casework.repository.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import type { OrganizationRow } from '../organizations/organizations.table.js';
import { buildPublicService, computeStats, currentSopForDisplay, linesOf, localMonthStart, localYearMonth, type PublicService } from '../public-profile/public-profile.service.js';
import { findProfileByOrganization } from '../public-profile/public-profile.repository.js';
import { loadServiceSettings } from '../sop/sop.service.js';
import * as repo from './publications.repository.js';
import type { SopDocumentRow } from './publications.table.js';

/** The unit's public service facts; material needs the public page (its QR code points there). */
export async function loadServiceFacts(db: Db, org: OrganizationRow, lang: Language): Promise<PublicService> {
  const profile = await findProfileByOrganization(db, org.id);
  if (!profile) throw new AppError(409, 'publications.no_public_profile', undefined, 'organizationId');
  return buildPublicService(db, profile, lang);
}

export function materialFacts(s: PublicService, lang: Language, origin: string): ServiceMaterialFacts {
  return {
    lang,
    unitName: s.name,
    office: s.office,
    description: s.description,
    stages: s.stages,
    totalMinutes: s.totalMinutes,
    targetWorkingDays: s.targetWorkingDays,
    phone: s.phone,
    whatsapp: s.whatsapp,
    address: s.address,
    openingHours: s.openingHours,
    publicUrl: `${origin}/layanan/${s.slug}`,
  };
}

async function audit(db: Db, actor: Actor, org: OrganizationRow, document: string, extra: Record<string, unknown> = {}, ip?: string) {
  await insertAuditEvent(db, {
    action: 'export.downloaded',
    actorUserId: actor.id,
    organizationId: org.id,
    entityType: 'organization',
    entityId: org.id,
    changes: { document, ...extra },
    ip,
  });
}

export async function renderBanner(db: Db, actor: Actor, org: OrganizationRow, size: 'a3' | 'roll', lang: Language, origin: string, ip?: string) {
  const facts = materialFacts(await loadServiceFacts(db, org, lang), lang, origin);
  const pdf = await renderPdf(bannerDefinition(facts, size));
  await db.transaction((tx) => audit(tx, actor, org, 'banner', { size }, ip));
  return pdf;
}

export async function renderLeaflet(db: Db, actor: Actor, org: OrganizationRow, lang: Language, origin: string, ip?: string) {
  const facts = materialFacts(await loadServiceFacts(db, org, lang), lang, origin);
  const pdf = await renderPdf(leafletDefinition(facts));
  await db.transaction((tx) => audit(tx, actor, org, 'leaflet', {}, ip));
  return pdf;
}

export async function whatsappText(db: Db, org: OrganizationRow, lang: Language, origin: string) {
  const facts = materialFacts(await loadServiceFacts(db, org, lang), lang, origin);
  const text = leafletWhatsappText(facts);
  return { text, shareUrl: `https://wa.me/?text=${encodeURIComponent(text)}` };
}

/** A social-media image: the flow or this month's numbers, square (1080×1080) or story (1080×1920). */
export async function renderImage(
  db: Db,
  actor: Actor,
  org: OrganizationRow,
  kind: 'flow' | 'stats',
  format: 'square' | 'story',
  lang: Language,
  origin: string,
  ip?: string,
  now = new Date(),
) {
  const s = await loadServiceFacts(db, org, lang);
  const facts = materialFacts(s, lang, origin);
  let svg: string;
  if (kind === 'flow') svg = flowImageSvg(facts, format);
  else {
    const tz = (await loadServiceSettings(db, org.id)).calendar.timeZone;
    const { year, month } = localYearMonth(now, tz);
    const stats = await computeStats(db, org.id, localMonthStart(year, month, tz), localMonthStart(year, month + 1, tz));
    const periodLabel = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: tz }).format(now);
    svg = statsImageSvg(
      {
        ...facts,
        periodLabel,
        arrived: stats.arrived,
        terminated: stats.terminated,
        withinTargetPercent: stats.withinTargetPercent,
        topCategories: stats.byCategory.map((c) => ({ name: translate(lang, `ppks.${c.code}`), count: c.count })),
      },
      format,
    );
  }
  const png = renderPng(svg);
  await db.transaction((tx) => audit(tx, actor, org, 'social_image', { kind, format }, ip));
  return png;
}

/** The link-preview image of a public page (no audit: anyone may fetch it). */
export function renderOgImage(s: PublicService, lang: Language, origin: string): Buffer {
  return renderPng(ogImageSvg(materialFacts(s, lang, origin)));
}

/** The SOP document settings of a unit, or the defaults (in the given language) when never saved. */
export function presentSopDocument(organizationId: string, row: SopDocumentRow | undefined, lang: Language) {
  const fallback = (key: string) => linesOf(translate(lang, `publications.sopDefaults.${key}`));
  const pick = (stored: string | undefined, key: string) => (row ? linesOf(stored) : fallback(key));
  return {
    organizationId,
    isDefault: !row,
    number: row?.number ?? null,
    madeOn: row?.madeOn ?? null,
    revisedOn: row?.revisedOn ?? null,
    effectiveOn: row?.effectiveOn ?? null,
    legalBasis: pick(row?.legalBasis, 'legalBasis'),
    qualifications: pick(row?.qualifications, 'qualifications'),
    relatedSops: pick(row?.relatedSops, 'relatedSops'),
    equipment: pick(row?.equipment, 'equipment'),
    warnings: pick(row?.warnings, 'warnings'),
    records: pick(row?.records, 'records'),
  };
}

export async function saveSopDocument(db: Db, actor: Actor, org: OrganizationRow, body: SopDocumentSettings, ip?: string) {
  return db.transaction(async (tx) => {
    const row = await repo.upsertSopDocument(tx, {
      organizationId: org.id,
      number: body.number,
      madeOn: body.madeOn,
      revisedOn: body.revisedOn,
      effectiveOn: body.effectiveOn,
      legalBasis: body.legalBasis.join('\n'),
      qualifications: body.qualifications.join('\n'),
      relatedSops: body.relatedSops.join('\n'),
      equipment: body.equipment.join('\n'),
      warnings: body.warnings.join('\n'),
      records: body.records.join('\n'),
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'sop_document.updated',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'organization',
      entityId: org.id,
      changes: { number: body.number, effectiveOn: body.effectiveOn },
      ip,
    });
    return row;
  });
}

/** The head who approves documents of a unit: the unit's head, else the Dinas Sosial's. */
export async function headOf(db: Db, org: OrganizationRow) {
  const own = await findHeadOfOrganization(db, org.id);
  if (own) return own;
  return org.parentId ? findHeadOfOrganization(db, org.parentId) : undefined;
}

/** The SOP document (PermenPANRB 35/2012 layout) from the unit's current SOP, as PDF. */
export async function renderSopDocument(db: Db, actor: Actor, org: OrganizationRow, lang: Language, ip?: string) {
  const parent = org.parentId ? await findOrganizationById(db, org.parentId) : undefined;
  const [sop, settingsRow, head] = await Promise.all([currentSopForDisplay(db, org.id, lang), repo.findSopDocument(db, org.id), headOf(db, org)]);
  const settings = presentSopDocument(org.id, settingsRow, lang);
  const pdf = await renderPdf(
    sopDocumentDefinition({
      lang,
      letterhead: await letterheadFor(org, parent, lang),
      unitName: org.name,
      sopName: sop.name,
      number: settings.number,
      madeOn: settings.madeOn,
      revisedOn: settings.revisedOn,
      effectiveOn: settings.effectiveOn,
      head,
      headPosition: head?.position ?? translate(lang, 'publications.sop.headOf', { unit: org.name }),
      legalBasis: settings.legalBasis,
      qualifications: settings.qualifications,
      relatedSops: settings.relatedSops,
      equipment: settings.equipment,
      warnings: settings.warnings,
      records: settings.records,
      stages: sop.stages,
    }),
  );
  await db.transaction((tx) => audit(tx, actor, org, 'sop_document', {}, ip));
  return pdf;
}
