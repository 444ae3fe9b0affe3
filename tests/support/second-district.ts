/**
 * A second, unrelated district in the same deployment (Kabupaten Temanggung, 33.23) with its own
 * shelter unit and administrator, for tests proving one organization never sees another's records.
 * Setup can only run once per deployment, so this goes through the same services setup uses.
 */
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { insertOrganization } from '../../src/server/modules/organizations/organizations.repository.js';
import { ensureRegencyOrganization } from '../../src/server/modules/setup/setup.service.js';
import { insertUser } from '../../src/server/modules/users/users.repository.js';
import { login, type TestApp, type TestSession } from './app.js';

export interface SecondDistrict {
  regencyId: string;
  unitId: string;
  adminSession: TestSession;
}

export async function createSecondDistrict(app: TestApp, regencyCode = '33.23'): Promise<SecondDistrict> {
  const db = app.testDatabase.db;
  const password = 'other-district-password';
  const username = `admin.${regencyCode.replace('.', '')}`;
  const passwordHash = await hashPassword(password);
  const ids = await db.transaction(async (tx) => {
    const regency = await ensureRegencyOrganization(tx, regencyCode, false);
    const unit = await insertOrganization(tx, { kind: 'unit', name: `UPTD Rumah Singgah ${regencyCode}`, parentId: regency.id, parentPath: regency.path });
    await insertUser(tx, { organizationId: regency.id, username, name: `Admin ${regencyCode}`, role: 'admin', passwordHash });
    return { regencyId: regency.id, unitId: unit.id };
  });
  return { ...ids, adminSession: await login(app, username, password) };
}
