import type { ClientIdentityInput, ClientView, NikCheck } from '../../../shared/contracts/cases.js';
import { compareNikWithRecord, parseNik } from '../../../shared/nik.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { notFound } from '../../http/errors.js';
import { loadRegionLookup } from '../../regions/region-data.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import * as repo from './clients.repository.js';
import type { ClientRow } from './clients.table.js';

/**
 * What a NIK says and where it disagrees: structure, the sex and birth date it encodes against the
 * recorded ones (flagged, never rejected), and other clients in the actor's scope with the same NIK.
 */
export async function checkNik(
  db: Db,
  actor: Actor,
  input: { nik: string; sex?: string | null; birthDate?: string | null; excludeClientId?: string },
): Promise<NikCheck> {
  const lookup = await loadRegionLookup();
  const parsed = parseNik(input.nik, { regionExists: lookup.regionExists });
  const duplicates = /^\d{16}$/.test(input.nik) ? await repo.findClientsByNik(db, input.nik, scopePrefix(actor), input.excludeClientId) : [];
  if (!parsed.ok) {
    return {
      valid: false,
      problem: parsed.problem,
      derivedSex: null,
      derivedBirthDate: null,
      sexMismatch: false,
      birthDateMismatch: false,
      duplicates: duplicates.map((d) => ({ clientId: d.id, name: d.name })),
    };
  }
  const sex = input.sex === 'male' || input.sex === 'female' ? input.sex : null;
  const mismatch = compareNikWithRecord(parsed, { sex, birthDate: input.birthDate ?? null });
  return {
    valid: true,
    problem: null,
    derivedSex: parsed.sex,
    derivedBirthDate: parsed.birthDate,
    ...mismatch,
    duplicates: duplicates.map((d) => ({ clientId: d.id, name: d.name })),
  };
}

export function presentClient(c: ClientRow, nikCheck: NikCheck | null): ClientView {
  return {
    id: c.id,
    organizationId: c.organizationId,
    name: c.name,
    nameQuality: c.nameQuality as ClientView['nameQuality'],
    aliases: c.aliases,
    sex: c.sex as ClientView['sex'],
    birthDate: c.birthDate,
    birthDateQuality: c.birthDateQuality as ClientView['birthDateQuality'],
    estimatedAge: c.estimatedAge,
    birthPlace: c.birthPlace,
    religion: c.religion as ClientView['religion'],
    maritalStatus: c.maritalStatus as ClientView['maritalStatus'],
    education: c.education as ClientView['education'],
    occupation: c.occupation,
    phone: c.phone,
    nik: c.nik,
    nikQuality: c.nikQuality as ClientView['nikQuality'],
    kkNumber: c.kkNumber,
    originRegionCode: c.originRegionCode,
    originAddress: c.originAddress,
    lastKnownAddress: c.lastKnownAddress,
    physicalDescription: c.physicalDescription,
    distinguishingMarks: c.distinguishingMarks,
    nikCheck,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Identity columns from the contract's input (undefined fields are left out, so a PATCH keeps them). */
export function identityValues(input: Partial<ClientIdentityInput>) {
  const { nik, kkNumber, ...rest } = input;
  return {
    ...rest,
    ...(nik !== undefined ? { nik: nik || null, nikQuality: nik ? (input.nikQuality ?? 'full') : (input.nikQuality ?? 'unknown') } : {}),
    ...(kkNumber !== undefined ? { kkNumber: kkNumber || null } : {}),
  };
}

/** A client the actor may reach, or not-found. */
export async function getReachableClient(db: Db, actor: Actor, id: string) {
  const found = await repo.findClientWithOrganization(db, id);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw notFound('clients.not_found');
  return found.client;
}

export async function updateClientIdentity(db: Db, actor: Actor, id: string, input: Partial<ClientIdentityInput>, ip?: string) {
  return db.transaction(async (tx) => {
    const before = await getReachableClient(tx, actor, id);
    const values = identityValues(input);
    const row = await repo.updateClient(tx, id, { ...values, updatedBy: actor.id }, before);
    await insertAuditEvent(tx, {
      action: 'client.updated',
      actorUserId: actor.id,
      organizationId: row.organizationId,
      entityType: 'client',
      entityId: id,
      changes: diffFields(before as unknown as Record<string, unknown>, values as Record<string, unknown>),
      ip,
    });
    return row;
  });
}
