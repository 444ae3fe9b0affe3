/**
 * The directory of referral institutions. Partner organizations (and every district's Dinas Sosial)
 * carry a profile: services, PPKS categories accepted, capacity, availability shared by the
 * institution itself, contacts. A handful of real public examples are seeded at first use.
 */
import type { InstitutionView, ListInstitutionsQuery, UpdateAvailabilityBody, UpdateInstitutionBody } from '../../../shared/contracts/institutions.js';
import { type PartnerType, ROLE_PERMISSIONS, ROLES, roleHas } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { notFound } from '../../http/errors.js';
import { findRegion } from '../../regions/region-data.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { insertOrganization, updateOrganization } from '../organizations/organizations.repository.js';
import * as repo from './institutions.repository.js';

const RESPONDER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('referrals.respond'));

/**
 * Real public institutions named in the domain reference (provincial UPT/Balai of East and Central
 * Java). Only what is public and certain: names, province, the clients they serve. No contact
 * details are invented; administrators fill them in.
 */
export const SEED_INSTITUTIONS = [
  {
    key: 'upt-resos-gepeng-sidoarjo',
    name: 'UPT Rehabilitasi Sosial Gelandangan dan Pengemis Sidoarjo',
    provinceCode: '35',
    regionCode: '35.15',
    categories: ['ppks_11', 'ppks_12'],
    servicesNote: 'Rehabilitasi sosial gelandangan dan pengemis (UPT Dinas Sosial Provinsi Jawa Timur).',
  },
  {
    key: 'upt-resos-bina-laras-pasuruan',
    name: 'UPT Rehabilitasi Sosial Bina Laras Pasuruan',
    provinceCode: '35',
    regionCode: '35',
    categories: ['ppks_09', 'local_psychotic_homeless'],
    servicesNote: 'Rehabilitasi sosial penyandang disabilitas mental / ODGJ (UPT Dinas Sosial Provinsi Jawa Timur).',
  },
  {
    key: 'upt-resos-bina-laras-kediri',
    name: 'UPT Rehabilitasi Sosial Bina Laras Kediri',
    provinceCode: '35',
    regionCode: '35',
    categories: ['ppks_09', 'local_psychotic_homeless'],
    servicesNote: 'Rehabilitasi sosial penyandang disabilitas mental / ODGJ (UPT Dinas Sosial Provinsi Jawa Timur).',
  },
  {
    key: 'brs-mardi-utomo-semarang',
    name: 'Balai Rehabilitasi Sosial "Mardi Utomo" Semarang',
    provinceCode: '33',
    regionCode: '33',
    categories: ['ppks_11', 'ppks_12', 'local_stranded_traveller'],
    servicesNote: 'Rehabilitasi sosial PGOT: pengemis, gelandangan dan orang terlantar (Provinsi Jawa Tengah).',
  },
  {
    key: 'brspdm-margo-laras-pati',
    name: 'BRSPDM "Margo Laras" Pati',
    provinceCode: '33',
    regionCode: '33.18',
    categories: ['ppks_09', 'local_psychotic_homeless'],
    servicesNote: 'Rehabilitasi sosial penyandang disabilitas mental (Provinsi Jawa Tengah).',
  },
] as const;

/**
 * Create the built-in example institutions that are missing (idempotent; concurrent callers queue on
 * an advisory lock). Each is placed under its province's organization when the deployment has one,
 * else under the national root. Returns how many were created.
 */
export async function ensureSeedInstitutions(db: Db, actorUserId: string | null): Promise<number> {
  // The common case (all present) costs one read and no lock.
  const present = await repo.findSeedKeys(db);
  if (SEED_INSTITUTIONS.every((s) => present.has(s.key))) return 0;
  return db.transaction(async (tx) => {
    await repo.lockSeeding(tx);
    const existing = await repo.findSeedKeys(tx);
    const missing = SEED_INSTITUTIONS.filter((s) => !existing.has(s.key));
    if (missing.length === 0) return 0;
    const top = await repo.findTopOrganizations(tx);
    const national = top.find((o) => o.kind === 'national');
    if (!national) return 0;
    for (const seed of missing) {
      const parent = top.find((o) => o.kind === 'province' && o.regionCode === seed.provinceCode) ?? national;
      const org = await insertOrganization(tx, {
        kind: 'partner',
        partnerType: 'panti',
        name: seed.name,
        regionCode: seed.regionCode,
        parentId: parent.id,
        parentPath: parent.path,
      });
      await repo.upsertProfile(tx, org.id, {
        // Social rehabilitation (bimbingan fisik, mental spiritual dan sosial) is what every one of them does; the rest is for administrators to fill in.
        services: ['guidance'],
        servicesNote: seed.servicesNote,
        categories: [...seed.categories],
        seedKey: seed.key,
      });
      await insertAuditEvent(tx, {
        action: 'institution.seeded',
        actorUserId,
        organizationId: org.id,
        entityType: 'organization',
        entityId: org.id,
        changes: { name: seed.name, seedKey: seed.key },
      });
    }
    return missing.length;
  });
}

async function present(row: repo.InstitutionRow, actor: Actor, hasAccount: boolean): Promise<InstitutionView> {
  const o = row.organization;
  const p = row.profile;
  const region = o.regionCode ? await findRegion(o.regionCode) : undefined;
  const reach = canReachOrganization(actor, o.path);
  return {
    id: o.id,
    kind: o.kind as InstitutionView['kind'],
    partnerType: o.kind === 'partner' ? ((o.partnerType as PartnerType | null) ?? 'other') : null,
    name: o.name,
    regionCode: o.regionCode,
    regionName: region?.name ?? null,
    address: o.address,
    phone: o.phone,
    email: o.email,
    website: p?.website ?? o.website,
    services: p?.services ?? [],
    servicesNote: p?.servicesNote ?? null,
    categories: p?.categories ?? [],
    capacity: p?.capacity ?? null,
    availablePlaces: p?.availablePlaces ?? null,
    availabilityNote: p?.availabilityNote ?? null,
    availabilityUpdatedAt: p?.availabilityUpdatedAt?.toISOString() ?? null,
    contacts: p?.contacts ?? [],
    hasAccount,
    canEdit: roleHas(actor.role, 'institutions.write') && reach,
    canUpdateAvailability: roleHas(actor.role, 'institutions.availability') && reach,
  };
}

/** The directory, for choosing where to refer (institution information is public, not client data). */
export async function listInstitutions(db: Db, actor: Actor, q: ListInstitutionsQuery) {
  await ensureSeedInstitutions(db, actor.id);
  // The viewer's own Dinas Sosial is not a referral destination (a referral between districts goes elsewhere).
  const own = (path: string) => actor.organizationPath === path || actor.organizationPath.startsWith(`${path}/`) || path.startsWith(`${actor.organizationPath}/`);
  const rows = (await repo.findInstitutions(db, {
    q: q.q,
    partnerType: q.type && q.type !== 'dinsos_district' ? q.type : undefined,
    isDinsosDistrict: q.type === 'dinsos_district',
    category: q.category,
    service: q.service,
    regionCode: q.regionCode,
  })).filter((r) => r.organization.kind !== 'regency' || !own(r.organization.path));
  const withAccounts = await repo.findOrganizationsWithUsers(
    db,
    rows.map((r) => r.organization.id),
    RESPONDER_ROLES,
  );
  const items = await Promise.all(rows.map((r) => present(r, actor, withAccounts.has(r.organization.id))));
  return { items, total: items.length };
}

async function load(db: Db, id: string) {
  const row = await repo.findInstitution(db, id);
  if (!row) throw notFound('institutions.not_found');
  return row;
}

export async function getInstitution(db: Db, actor: Actor, id: string): Promise<InstitutionView> {
  const row = await load(db, id);
  // Partner officers see only their own institution; directory readers see every institution.
  if (!roleHas(actor.role, 'institutions.read') && !canReachOrganization(actor, row.organization.path)) throw notFound('institutions.not_found');
  const accounts = await repo.findOrganizationsWithUsers(db, [id], RESPONDER_ROLES);
  return present(row, actor, accounts.has(id));
}

/** An administrator edits an institution in their scope: the organization's facts and its profile. */
export async function updateInstitution(db: Db, actor: Actor, id: string, body: UpdateInstitutionBody, ip?: string) {
  await db.transaction(async (tx) => {
    const before = await load(tx, id);
    if (!canReachOrganization(actor, before.organization.path)) throw notFound('institutions.not_found');
    const orgValues: Record<string, unknown> = {};
    for (const key of ['name', 'address', 'regionCode', 'phone', 'email'] as const) {
      if (body[key] !== undefined) orgValues[key] = body[key] === '' ? null : body[key];
    }
    const profileValues: Record<string, unknown> = {};
    for (const key of ['services', 'servicesNote', 'categories', 'capacity', 'contacts', 'website'] as const) {
      if (body[key] !== undefined) profileValues[key] = body[key];
    }
    if (Object.keys(orgValues).length) await updateOrganization(tx, id, orgValues);
    await repo.upsertProfile(tx, id, { ...profileValues, updatedBy: actor.id });
    const changes: Record<string, unknown> = {};
    const old = { ...before.organization, ...(before.profile ?? {}) } as Record<string, unknown>;
    for (const [k, v] of Object.entries({ ...orgValues, ...profileValues })) {
      if (JSON.stringify(old[k] ?? null) !== JSON.stringify(v ?? null)) changes[k] = [old[k] ?? null, v];
    }
    await insertAuditEvent(tx, { action: 'institution.updated', actorUserId: actor.id, organizationId: id, entityType: 'organization', entityId: id, changes, ip });
  });
  return getInstitution(db, actor, id);
}

/** The institution's own officers (or an administrator in scope) share how many places are free. */
export async function updateAvailability(db: Db, actor: Actor, id: string, body: UpdateAvailabilityBody, ip?: string) {
  await db.transaction(async (tx) => {
    const before = await load(tx, id);
    if (!canReachOrganization(actor, before.organization.path)) throw notFound('institutions.not_found');
    await repo.upsertProfile(tx, id, {
      availablePlaces: body.availablePlaces,
      availabilityNote: body.availabilityNote ?? null,
      availabilityUpdatedAt: new Date(),
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'institution.availability_updated',
      actorUserId: actor.id,
      organizationId: id,
      entityType: 'organization',
      entityId: id,
      changes: { availablePlaces: [before.profile?.availablePlaces ?? null, body.availablePlaces], note: body.availabilityNote ?? null },
      ip,
    });
  });
  return getInstitution(db, actor, id);
}
