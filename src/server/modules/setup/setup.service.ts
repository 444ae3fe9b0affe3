import { eq } from 'drizzle-orm';
import type { SetupBody } from '../../../shared/contracts/auth.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { findRegion } from '../../regions/region-data.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { toActor } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { insertSession } from '../auth/sessions.repository.js';
import { findOrganizationByKindAndRegion, insertOrganization } from '../organizations/organizations.repository.js';
import { insertUser } from '../users/users.repository.js';
import { instanceFacts } from './instance.table.js';
import { countUsersAndFacts } from './setup.repository.js';

export const NATIONAL_NAME = 'Kementerian Sosial Republik Indonesia';

export async function isSetupComplete(db: Db): Promise<boolean> {
  const [row] = await db.select().from(instanceFacts).where(eq(instanceFacts.key, 'setup'));
  return Boolean(row);
}

/** "Kabupaten Temanggung" → "Dinas Sosial Kabupaten Temanggung". */
export function dinasSosialName(regionName: string): string {
  return `Dinas Sosial ${regionName}`;
}

/**
 * The organization tree above a regency: the national root and the province, created on first use
 * and reused afterwards, so one deployment can hold many districts under their provinces.
 */
export async function ensureRegencyOrganization(tx: Db, regencyCode: string, isDemo: boolean) {
  const regency = await findRegion(regencyCode);
  if (regency?.level !== 'regency') throw new AppError(400, 'setup.unknown_region', undefined, 'regencyCode');
  const province = await findRegion(regency.parentCode!);
  const national =
    (await findOrganizationByKindAndRegion(tx, 'national', null)) ??
    (await insertOrganization(tx, { kind: 'national', name: NATIONAL_NAME, parentId: null, parentPath: null, isDemo }));
  const prov =
    (await findOrganizationByKindAndRegion(tx, 'province', province!.code)) ??
    (await insertOrganization(tx, {
      kind: 'province',
      name: `Dinas Sosial Provinsi ${province!.name}`,
      regionCode: province!.code,
      parentId: national.id,
      parentPath: national.path,
      isDemo,
    }));
  const existing = await findOrganizationByKindAndRegion(tx, 'regency', regency.code);
  if (existing) return existing;
  return insertOrganization(tx, {
    kind: 'regency',
    name: dinasSosialName(regency.name),
    regionCode: regency.code,
    parentId: prov.id,
    parentPath: prov.path,
    isDemo,
  });
}

/**
 * First-run setup: the Dinas Sosial of a regency, its shelter unit and the first administrator,
 * who is signed in at once. The `setup` fact's primary key closes setup for good, even under a race.
 */
export async function completeSetup(db: Db, config: AppConfig, body: SetupBody, meta: { ip?: string; userAgent?: string }) {
  const passwordHash = await hashPassword(body.admin.password);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(instanceFacts)
      .values({ key: 'setup', value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new AppError(409, 'setup.closed');
    const regency = await ensureRegencyOrganization(tx, body.regencyCode, false);
    const unit = await insertOrganization(tx, {
      kind: 'unit',
      name: body.unitName,
      regionCode: regency.regionCode,
      address: body.address ?? null,
      phone: body.phone ?? null,
      parentId: regency.id,
      parentPath: regency.path,
    });
    const admin = await insertUser(tx, {
      organizationId: regency.id,
      username: body.admin.username,
      name: body.admin.name,
      role: 'admin',
      passwordHash,
      lastLoginAt: new Date(),
    });
    await insertAuditEvent(tx, {
      action: 'setup.completed',
      actorUserId: admin.id,
      organizationId: regency.id,
      entityType: 'organization',
      entityId: regency.id,
      changes: { regency: regency.name, unit: unit.name, admin: admin.username },
      ip: meta.ip,
    });
    const session = await insertSession(tx, admin.id, config.sessionIdleMinutes, meta);
    return { session, actor: toActor(admin, regency) };
  });
}

/** Whether the database holds anything but what migrations create (guards demo loading). */
export async function hasAnyData(db: Db): Promise<boolean> {
  return (await countUsersAndFacts(db)) > 0;
}
