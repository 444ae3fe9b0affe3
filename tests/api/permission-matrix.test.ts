/**
 * The permission matrix: every role × every action × the same organization / another organization,
 * through the real HTTP API. The expectation comes from ROLE_PERMISSIONS, so adding a permission to
 * a role without meaning it shows up here. A user must never read or change another organization's
 * records: those requests answer 404 (existence not revealed) or leave the other records out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import { type Permission, ROLES, type Role, roleHas } from '../../src/shared/permissions.js';
import { api, buildUserSession, createTestApp, expectJson, setupInstance, type TestApp, type TestSession } from '../support/app.js';
import { createSecondDistrict } from '../support/second-district.js';

interface Target {
  caseId: string;
  clientId: string;
  userId: string;
  unitId: string;
  regencyId: string;
}

interface Action {
  name: string;
  permission: Permission;
  /** Sends the request against a target; returns the status and, for lists, the ids it showed. */
  run: (session: TestSession, t: Target) => Promise<{ status: number; ids?: string[] }>;
  /** For list endpoints: the id that must (same org) or must not (other org) be listed. */
  listedId?: (t: Target) => string;
}

let app: TestApp;
const call = async (p: Promise<{ statusCode: number; json: () => unknown }>, pick?: (b: unknown) => string[]) => {
  const res = await p;
  return { status: res.statusCode, ids: pick && res.statusCode === 200 ? pick(res.json()) : undefined };
};
const itemIds = (b: unknown) => (b as { items: { id: string }[] }).items.map((i) => i.id);

const ACTIONS: Action[] = [
  { name: 'list users', permission: 'users.read', run: (s) => call(api(app, s).get('/api/users', { query: { limit: 200 } }), itemIds), listedId: (t) => t.userId },
  { name: 'change a user', permission: 'users.write', run: (s, t) => call(api(app, s).patch(`/api/users/${t.userId}`, { position: 'Staf' })) },
  { name: 'list organizations', permission: 'organizations.read', run: (s) => call(api(app, s).get('/api/organizations'), itemIds), listedId: (t) => t.unitId },
  { name: 'add an organization', permission: 'organizations.write', run: (s, t) => call(api(app, s).post('/api/organizations', { parentId: t.regencyId, kind: 'partner', partnerType: 'panti', name: 'Panti Uji Coba' })) },
  { name: 'read the audit log', permission: 'audit.read', run: (s) => call(api(app, s).get('/api/audit', { query: { entityType: 'case', limit: 200 } }), (b) => (b as { items: { entityId: string }[] }).items.map((i) => i.entityId)), listedId: (t) => t.caseId },
  { name: 'change service settings', permission: 'settings.write', run: (s, t) => call(api(app, s).put('/api/service-settings', { maxStayDays: 7 }, { query: { organizationId: t.unitId } })) },
  { name: 'read a case', permission: 'cases.read', run: (s, t) => call(api(app, s).get(`/api/cases/${t.caseId}`)) },
  { name: 'list cases', permission: 'cases.read', run: (s) => call(api(app, s).get('/api/cases', { query: { list: 'all', limit: 200 } }), itemIds), listedId: (t) => t.caseId },
  { name: 'change a case', permission: 'cases.write', run: (s, t) => call(api(app, s).patch(`/api/cases/${t.caseId}`, { presentingProblem: 'Terlantar di terminal' })) },
  { name: 'read a client record', permission: 'clients.read', run: (s, t) => call(api(app, s).get(`/api/clients/${t.clientId}`)) },
  { name: 'correct a client record', permission: 'clients.write', run: (s, t) => call(api(app, s).patch(`/api/clients/${t.clientId}`, { occupation: 'Pemulung' })) },
];

/** Where each role's user sits: casework roles in the shelter unit, administrators and viewers in the Dinas Sosial. */
const HOME: Record<Role, 'unit' | 'regency'> = {
  admin: 'regency',
  head: 'unit',
  social_worker: 'unit',
  shelter_officer: 'unit',
  social_pillar: 'unit',
  partner_officer: 'unit',
  viewer: 'regency',
};

describe('permission matrix: role × action × organization', () => {
  const sessions = new Map<Role, TestSession>();
  let same: Target;
  let other: Target;

  async function district(adminSession: TestSession, unitId: string, regencyId: string): Promise<Target> {
    const officer = (await buildUserSession(app, adminSession, { role: 'shelter_officer', organizationId: unitId })).session;
    const c = expectJson<CaseDetail>(
      await api(app, officer).post('/api/intakes', {
        organizationId: unitId,
        source: 'community_complaint',
        arrivedAt: new Date().toISOString(),
        categories: ['ppks_12'],
        client: { name: 'Klien Matriks' },
      }),
      201,
    );
    return { caseId: c.id, clientId: c.client.id, userId: officer.me.user.id, unitId, regencyId };
  }

  beforeAll(async () => {
    app = await createTestApp();
    const setup = await setupInstance(app);
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, setup.session).get('/api/organizations'), 200);
    const unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    const regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    same = await district(setup.session, unitId, regencyId);
    const second = await createSecondDistrict(app);
    other = await district(second.adminSession, second.unitId, second.regencyId);
    for (const role of ROLES) {
      const organizationId = HOME[role] === 'unit' ? unitId : regencyId;
      sessions.set(role, (await buildUserSession(app, setup.session, { role, organizationId })).session);
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const cases = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action.name, action] as const));

  it.each(cases)('%s: %s', async (role, _name, action) => {
    const session = sessions.get(role)!;
    const allowed = roleHas(role, action.permission);
    const mine = await action.run(session, same);
    const theirs = await action.run(session, other);
    if (!allowed) {
      expect(mine.status, 'same organization').toBe(403);
      expect(theirs.status, 'other organization').toBe(403);
      return;
    }
    if (action.listedId) {
      expect(mine.status).toBe(200);
      expect(mine.ids, 'own record listed').toContain(action.listedId(same));
      expect(mine.ids, 'other organization’s record never listed').not.toContain(action.listedId(other));
      return;
    }
    expect(mine.status, 'same organization').toBeGreaterThanOrEqual(200);
    expect(mine.status, 'same organization').toBeLessThan(300);
    // Another organization's record is not found (or, for a create under it, refused as out of scope).
    expect([400, 404], 'other organization').toContain(theirs.status);
  });
});
