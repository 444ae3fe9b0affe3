/**
 * The public face of a shelter unit: its profile, the service flow from its current SOP, and the
 * year's numbers. Everything here may be shown to anyone: aggregates only, never a client.
 */
import type { PublicServiceView, PublicStats, UpsertPublicProfileBody } from '../../../shared/contracts/public-profile.js';
import { officialCategory, PPKS_CATEGORIES } from '../../../shared/domain/ppks.js';
import type { Language } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import { localDateParts } from '../../local-date.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import type { OrganizationRow } from '../organizations/organizations.table.js';
import { findOnDutyNow } from '../roster/roster.service.js';
import * as sopRepo from '../sop/sop.repository.js';
import { DEFAULT_SOP_STAGES, loadServiceSettings } from '../sop/sop.service.js';
import * as repo from './public-profile.repository.js';
import type { PublicProfileRow } from './public-profile.table.js';

/** UTC offsets of Indonesia's three time zones (none observes daylight saving). */
const OFFSETS: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** The start of a local calendar month (month 1–12; 13 rolls into the next year) as an instant. */
export function localMonthStart(year: number, month: number, timeZone: string): Date {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00${OFFSETS[timeZone] ?? '+07:00'}`);
}

/** Today's local year and month in a time zone. */
export function localYearMonth(at: Date, timeZone: string): { year: number; month: number } {
  const { year, month } = localDateParts(at, timeZone);
  return { year, month };
}

/**
 * The numbers of a period: cases arrived, per official PPKS category (a case counts once per
 * category however many local sub-types map onto it), cases terminated and how many of those by
 * their due time. `due_at` is the case's target (2 working days by default) computed in working
 * time (`shared/workflow/working-time.ts`) at intake, so "terminated by due_at" is exactly "working
 * time from arrival to termination ≤ target" in the calendar that held when the case arrived.
 */
export async function computeStats(db: Db, organizationId: string, from: Date, to: Date): Promise<PublicStats> {
  const [categoryLists, terminated] = await Promise.all([
    repo.findArrivedCaseCategories(db, organizationId, from, to),
    repo.countTerminatedCases(db, organizationId, from, to),
  ]);
  const counts = new Map<string, number>();
  for (const list of categoryLists) {
    for (const code of new Set(list.map(officialCategory))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const order = PPKS_CATEGORIES.map((c) => c.code as string);
  const byCategory = [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.code) - order.indexOf(b.code));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    arrived: categoryLists.length,
    byCategory,
    terminated: terminated.terminated,
    terminatedWithinTarget: terminated.withinTarget,
    withinTargetPercent: terminated.terminated === 0 ? null : Math.round((terminated.withinTarget / terminated.terminated) * 1000) / 10,
  };
}

/** Lines of a multi-line text field, blanks dropped. */
export function linesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

/** The current SOP's stages for display, without creating a version (public reads never write). */
export async function currentSopForDisplay(db: Db, organizationId: string, lang: Language) {
  const version = await sopRepo.findLatestSopVersion(db, organizationId);
  const stages = version ? await sopRepo.findSopStages(db, version.id) : DEFAULT_SOP_STAGES.map((s, i) => ({ ...s, position: i + 1 }));
  return {
    name: version?.name ?? 'SOP SPOT HANDAL',
    stages: stages.map((s) => ({
      position: s.position,
      key: s.key,
      name: lang === 'en' ? s.nameEn : s.nameId,
      responsibleRole: s.responsibleRole,
      standardMinutes: s.standardMinutes,
      skippable: s.skippable,
    })),
  };
}

/** An OpenStreetMap link for a point (no script, no tiles: just a link). */
export function mapUrl(lat: number | null, lng: number | null): string | null {
  if (lat === null || lng === null) return null;
  return `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lng.toFixed(6)}#map=17/${lat.toFixed(6)}/${lng.toFixed(6)}`;
}

export interface PublicService extends PublicServiceView {
  organizationId: string;
  isOnDutyNow: boolean;
  stagesDetailed: { position: number; key: string; name: string; responsibleRole: string; standardMinutes: number; skippable: boolean }[];
}

/** Everything the public page of a unit shows; 404 for an unknown or unpublished slug. */
export async function loadPublicService(db: Db, slug: string, lang: Language, now = new Date()): Promise<PublicService> {
  const profile = await repo.findProfileBySlug(db, slug.toLowerCase());
  if (!profile?.isPublished) throw notFound('public_profile.not_found');
  return buildPublicService(db, profile, lang, now);
}

/** The public view of a profile row (also used by the printed material of a published or draft profile). */
export async function buildPublicService(db: Db, profile: PublicProfileRow, lang: Language, now = new Date()): Promise<PublicService> {
  const org = await findOrganizationById(db, profile.organizationId);
  if (!org) throw notFound('public_profile.not_found');
  const parent = org.parentId ? await findOrganizationById(db, org.parentId) : undefined;
  const settings = await loadServiceSettings(db, org.id);
  const tz = settings.calendar.timeZone;
  const { year } = localYearMonth(now, tz);
  const [sop, stats, onDuty] = await Promise.all([
    currentSopForDisplay(db, org.id, lang),
    computeStats(db, org.id, localMonthStart(year, 1, tz), localMonthStart(year + 1, 1, tz)),
    findOnDutyNow(db, org.id, now).catch(() => []),
  ]);
  // The duty phone: the one the office publishes, else the unit's, else its Dinas Sosial's. Never the
  // phone of whoever is on duty now: that is a staff member's own number (personal data), and the page
  // is public and cached.
  const phone = profile.dutyPhone ?? org.phone ?? parent?.phone ?? null;
  return {
    organizationId: org.id,
    slug: profile.slug,
    name: org.name,
    office: parent?.name ?? null,
    description: profile.description,
    servesWhom: profile.servesWhom,
    requirements: linesOf(profile.requirements),
    handoverInstructions: linesOf(profile.handoverInstructions),
    phone,
    whatsapp: profile.whatsapp,
    address: org.address ?? parent?.address ?? null,
    email: org.email ?? parent?.email ?? null,
    openingHours: profile.openingHours,
    mapUrl: mapUrl(profile.latitude, profile.longitude),
    targetWorkingDays: settings.targetWorkingDays,
    sopName: sop.name,
    totalMinutes: sop.stages.reduce((s, x) => s + x.standardMinutes, 0),
    stages: sop.stages.map(({ position, name, standardMinutes, skippable }) => ({ position, name, standardMinutes, skippable })),
    stagesDetailed: sop.stages,
    year,
    stats,
    isOnDutyNow: onDuty.length > 0,
  };
}

/** The profile of a unit as the settings page edits it. */
export function presentProfile(org: OrganizationRow, row: PublicProfileRow | undefined) {
  return {
    organizationId: org.id,
    organizationName: org.name,
    profile: row
      ? {
          slug: row.slug,
          description: row.description,
          servesWhom: row.servesWhom,
          requirements: row.requirements,
          handoverInstructions: row.handoverInstructions,
          dutyPhone: row.dutyPhone,
          whatsapp: row.whatsapp,
          openingHours: row.openingHours,
          latitude: row.latitude,
          longitude: row.longitude,
          isPublished: row.isPublished,
          updatedAt: row.updatedAt.toISOString(),
          publicPath: `/layanan/${row.slug}`,
          surveyPath: `/survei/${row.slug}`,
        }
      : null,
  };
}

/** Create or change a unit's public profile (only units have one; the slug is unique). */
export async function savePublicProfile(db: Db, actor: Actor, org: OrganizationRow, body: UpsertPublicProfileBody, ip?: string) {
  if (org.kind !== 'unit') throw new AppError(400, 'public_profile.unit_only', undefined, 'organizationId');
  return db.transaction(async (tx) => {
    const taken = await repo.findProfileBySlug(tx, body.slug);
    if (taken && taken.organizationId !== org.id) throw new AppError(409, 'public_profile.slug_taken', { slug: body.slug }, 'slug');
    const before = await repo.findProfileByOrganization(tx, org.id);
    const values = {
      organizationId: org.id,
      slug: body.slug,
      description: body.description,
      servesWhom: body.servesWhom ?? null,
      requirements: body.requirements ?? null,
      handoverInstructions: body.handoverInstructions ?? null,
      dutyPhone: body.dutyPhone ?? null,
      whatsapp: body.whatsapp ?? null,
      openingHours: body.openingHours ?? null,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      isPublished: body.isPublished,
      updatedBy: actor.id,
    };
    const row = await repo.upsertProfile(tx, values);
    await insertAuditEvent(tx, {
      action: 'public_profile.updated',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'public_profile',
      entityId: org.id,
      changes: before ? diffFields(before as unknown as Record<string, unknown>, values) : { created: true, slug: body.slug },
      ip,
    });
    return row;
  });
}
