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
import { ensureSeedInstitutions } from '../../src/server/modules/institutions/institutions.service.js';
import { organizations } from '../../src/server/modules/organizations/organizations.table.js';
import { and, eq } from 'drizzle-orm';

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

/** A seeded referral institution (a provincial panti both districts may refer to). */
let seededInstitution: Promise<string> | undefined;
function institutionId(): Promise<string> {
  seededInstitution ??= (async () => {
    await ensureSeedInstitutions(app.testDatabase.db, null);
    const [row] = await app.testDatabase.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, 'partner'), eq(organizations.name, 'BRSPDM "Margo Laras" Pati')));
    return row.id;
  })();
  return seededInstitution;
}

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
  { name: 'list the assessment reports of a case', permission: 'cases.read', run: (s, t) => call(api(app, s).get(`/api/cases/${t.caseId}/assessment-reports`)) },
  { name: 'list the case conferences of a case', permission: 'cases.read', run: (s, t) => call(api(app, s).get('/api/case-conferences', { query: { caseId: t.caseId } })) },
  { name: 'record a case conference', permission: 'cases.write', run: (s, t) => call(api(app, s).post('/api/case-conferences', { heldAt: new Date().toISOString(), place: 'Ruang rapat', participants: [{ name: 'Agus Salim', institution: 'TKSK' }], cases: [{ caseId: t.caseId }] })) },
  { name: 'change letter settings', permission: 'settings.write', run: (s, t) => call(api(app, s).put('/api/letters/settings', { placeName: 'Probolinggo' }, { query: { organizationId: t.unitId } })) },
  { name: 'list who may be assigned to a case', permission: 'cases.read', run: (s, t) => call(api(app, s).get(`/api/cases/${t.caseId}/assignable-workers`)) },
  // Assessment forms
  { name: 'list the form templates of a unit', permission: 'forms.read', run: (s, t) => call(api(app, s).get('/api/forms/templates', { query: { organizationId: t.unitId } })) },
  { name: 'create a form template', permission: 'forms.design', run: (s, t) => call(api(app, s).post('/api/forms/templates', { key: 'matrix_form', title: { id: 'Formulir matriks', en: 'Matrix form' } }, { query: { organizationId: t.unitId } })) },
  { name: "list a case's assessment forms", permission: 'cases.read', run: (s, t) => call(api(app, s).get(`/api/cases/${t.caseId}/forms`)) },
  // Casework: what the stages record
  { name: "read a case's stage records", permission: 'cases.read', run: (s, t) => call(api(app, s).get(`/api/cases/${t.caseId}/records`)) },
  { name: 'record a health check', permission: 'cases.write', run: (s, t) => call(api(app, s).post(`/api/cases/${t.caseId}/health-checks`, { bloodPressure: '120/80', pulse: 80 })) },
  { name: 'schedule a follow-up', permission: 'cases.write', run: (s, t) => call(api(app, s).post(`/api/cases/${t.caseId}/follow-ups`, { dueDate: '2030-01-15' })) },
  { name: 'deposit a belonging', permission: 'cases.write', run: (s, t) => call(api(app, s).post(`/api/cases/${t.caseId}/belongings`, { description: 'Tas ransel', quantity: 1 })) },
  // The shelter
  { name: 'read the occupancy board', permission: 'cases.read', run: (s, t) => call(api(app, s).get('/api/shelter/occupancy', { query: { organizationId: t.unitId } })) },
  { name: "read a case's shelter stays", permission: 'cases.read', run: (s, t) => call(api(app, s).get('/api/shelter/stays', { query: { caseId: t.caseId } })) },
  // Attachments
  { name: "list a case's attachments", permission: 'clients.read', run: (s, t) => call(api(app, s).get('/api/attachments', { query: { caseId: t.caseId } })) },
  { name: "list a client's attachments", permission: 'clients.read', run: (s, t) => call(api(app, s).get('/api/attachments', { query: { clientId: t.clientId } })) },
  // Reports and interchange
  { name: 'read the monthly report', permission: 'reports.read', run: (s, t) => call(api(app, s).get('/api/reports/summary', { query: { organizationId: t.unitId, from: '2026-01-01', to: '2026-01-31' } })) },
  { name: 'read the client register', permission: 'reports.read', run: (s, t) => call(api(app, s).get('/api/reports/register', { query: { organizationId: t.unitId, from: '2026-01-01', to: '2030-12-31' } })) },
  { name: 'export an interchange bundle', permission: 'interchange.export', run: (s, t) => call(api(app, s).get('/api/interchange/export', { query: { organizationId: t.unitId } })) },
  { name: "list a client's family members", permission: 'clients.read', run: (s, t) => call(api(app, s).get(`/api/clients/${t.clientId}/family-members`)) },
  // Referrals and the institution directory
  { name: 'write a referral for a case', permission: 'referrals.write', run: async (s, t) => call(api(app, s).post('/api/referrals', { caseId: t.caseId, toOrganizationId: await institutionId(), reason: 'Perlu rehabilitasi di panti', consent: 'given' })) },
  // Duty roster and community complaints
  { name: 'see who is on duty now', permission: 'roster.read', run: (s, t) => call(api(app, s).get('/api/roster/on-duty', { query: { organizationId: t.unitId } })) },
  { name: 'plan a duty shift', permission: 'roster.write', run: (s, t) => call(api(app, s).post('/api/roster/shifts', { organizationId: t.unitId, shiftDate: '2030-01-15', startTime: '22:00', endTime: '07:00', officerUserId: t.userId })) },
  { name: "list a unit's community complaints", permission: 'cases.read', run: (s, t) => call(api(app, s).get('/api/complaints', { query: { organizationId: t.unitId } })) },
  { name: "edit a Dinas Sosial's directory entry", permission: 'institutions.write', run: (s, t) => call(api(app, s).put(`/api/institutions/${t.regencyId}`, { capacity: 20 })) },
  { name: 'read survey periods', permission: 'reports.read', run: (s, t) => call(api(app, s).get('/api/survey/periods', { query: { organizationId: t.unitId } })) },
  { name: 'open a survey period', permission: 'settings.write', run: (s, t) => call(api(app, s).post('/api/survey/periods', { name: 'SKM Matriks', startsOn: '2026-01-01', endsOn: '2026-12-31' }, { query: { organizationId: t.unitId } })) },
  { name: 'change the public page', permission: 'settings.write', run: (s, t) => call(api(app, s).put('/api/public-profile', { slug: `matriks-${t.unitId.slice(0, 8)}`, description: 'Halaman publik untuk uji matriks izin.' }, { query: { organizationId: t.unitId } })) },
  { name: 'download the SOP document', permission: 'publications.read', run: (s, t) => call(api(app, s).get('/api/publications/sop.pdf', { query: { organizationId: t.unitId } })) },
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
