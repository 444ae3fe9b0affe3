import type { Role } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { loadDemoCases } from './demo-cases.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { findOrganizationById, insertOrganization } from '../organizations/organizations.repository.js';
import { ensureRegencyOrganization, hasAnyData } from '../setup/setup.service.js';
import { instanceFacts } from '../setup/instance.table.js';
import { insertUser } from '../users/users.repository.js';

export const DEMO_PASSWORD = 'demo-singgah-2026';

/** The demo logins: one per role, all with DEMO_PASSWORD. */
export const DEMO_USERS: { username: string; name: string; role: Role; org: 'regency' | 'unit' | 'partner' | 'province' }[] = [
  { username: 'demo.admin', name: 'Admin Demo', role: 'admin', org: 'regency' },
  { username: 'demo.kepala', name: 'Kepala UPTD Demo', role: 'head', org: 'unit' },
  { username: 'demo.peksos', name: 'Pekerja Sosial Demo', role: 'social_worker', org: 'unit' },
  { username: 'demo.petugas', name: 'Petugas Shelter Demo', role: 'shelter_officer', org: 'unit' },
  { username: 'demo.tksk', name: 'TKSK Demo', role: 'social_pillar', org: 'unit' },
  { username: 'demo.mitra', name: 'Petugas Panti Demo', role: 'partner_officer', org: 'partner' },
  { username: 'demo.pemantau', name: 'Analis Provinsi Demo', role: 'viewer', org: 'province' },
];

/** Extra demo content (clients, cases, ...) added by later features; each runs inside the demo transaction. */
export type DemoContentLoader = (tx: Db, orgs: { unitId: string; regencyId: string; userIds: Record<string, string> }) => Promise<void>;
const contentLoaders: DemoContentLoader[] = [];
export function registerDemoContent(loader: DemoContentLoader) {
  contentLoaders.push(loader);
}

/**
 * Load a clearly fictional demo organization with a user for every role. Refuses to run on a database
 * that holds anything already, so demo data can never mix with real data.
 */
export async function loadDemo(db: Db): Promise<{ loaded: boolean; message: string }> {
  if (await hasAnyData(db)) {
    return { loaded: false, message: 'Demo data not loaded: the database is not empty (demo data is only ever loaded into an empty database).' };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(instanceFacts).values([
      { key: 'setup', value: new Date().toISOString() },
      { key: 'demo', value: 'true' },
    ]);
    const regency = await ensureRegencyOrganization(tx, '35.74', true);
    const province = await findOrganizationById(tx, regency.parentId!);
    const unit = await insertOrganization(tx, {
      kind: 'unit',
      name: 'UPTD Rumah Singgah Contoh (DEMO)',
      regionCode: regency.regionCode,
      address: 'Jl. Contoh No. 1 (alamat fiktif)',
      phone: '0335-000000',
      parentId: regency.id,
      parentPath: regency.path,
      isDemo: true,
    });
    const partner = await insertOrganization(tx, {
      kind: 'partner',
      partnerType: 'panti',
      name: 'Panti Rehabilitasi Contoh (DEMO)',
      parentId: province!.id,
      parentPath: province!.path,
      isDemo: true,
    });
    const orgIds = { regency: regency.id, unit: unit.id, partner: partner.id, province: province!.id };
    const userIds: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const row = await insertUser(tx, { organizationId: orgIds[u.org], username: u.username, name: u.name, role: u.role, passwordHash });
      userIds[u.username] = row.id;
    }
    await loadDemoCases(tx, unit.id, userIds['demo.petugas'], userIds['demo.peksos'], userIds['demo.kepala']);
    for (const load of contentLoaders) await load(tx, { unitId: unit.id, regencyId: regency.id, userIds });
    await insertAuditEvent(tx, { action: 'demo.loaded', organizationId: regency.id, entityType: 'organization', entityId: regency.id });
  });
  const lines = DEMO_USERS.map((u) => `  ${u.username.padEnd(16)} ${u.role.padEnd(16)} ${u.name}`);
  return {
    loaded: true,
    message: [`Demo data loaded (fictional). Logins, all with password "${DEMO_PASSWORD}":`, ...lines].join('\n'),
  };
}
