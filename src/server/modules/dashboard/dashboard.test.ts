/**
 * Dashboard figures against hand-computed expectations, in working minutes of the default calendar
 * in WIB (Mon–Thu 07:30–16:00 = 510 min, Fri 07:30–16:30 = 540 min; target 2 working days = 1,020 min).
 * Month boundaries are WIB's: 1 April 00:30 WIB is still 31 March in UTC.
 *
 * District 1 (Kota Probolinggo, the setup's unit):
 *   B0 Wed 30 Apr 2025 15:00 → Thu 1 May 2025 00:30          60 min   (first month of the trend, in WIB only)
 *   P  Mon 30 Mar 2026 08:00 → Tue 31 Mar 23:30                480 + 510 = 990 min   ppks_12, basic needs met
 *   Q  Mon 30 Mar 2026 08:00 → Wed 1 Apr 00:30                  990 min, closed in April (WIB)   ppks_11
 *   L  Thu 2 Apr 08:00 → Mon 13 Apr 09:00   480 + 540 + 4×510 + 540 + 90 = 3,690 min (late)   lansia + ppks_08
 *   O  Fri 10 Jan 2025, still open; its stage in progress was due 10 Apr 2026   ppks_08
 *   N  Tue 14 Apr 2026 09:00, still open (case due Thu 16 Apr 09:00)   stranded traveller → ppks_11
 * District 2 (Kabupaten Malang, same province):
 *   R1 Tue 3 Mar 2026 09:00 → Wed 4 Mar 10:00                   420 + 150 = 570 min   ppks_12, basic needs met
 *   R2 Thu 26 Mar 2026 08:00, still open; its stage in progress was due 27 Mar   ppks_11
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectJson, firstUnitId, login, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type { OfficeDashboard, ProvinceDashboard, ServiceTimeReport } from '../../../shared/contracts/reports.js';
import { toActor } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { getOfficeDashboard } from '../reports/reports.service.js';
import { findUserByUsername, insertUser } from '../users/users.repository.js';

const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();
const NOW = new Date(wib('2026-04-15T10:00'));

describe('dashboards', () => {
  let app: TestApp;
  let head: { username: string; session: TestSession };
  let provinceViewer: TestSession;
  let provinceId: string;
  let unit1: string;
  let unit2: string;
  const ids: Record<string, CaseDetail> = {};

  const actorOf = async (username: string) => {
    const row = await findUserByUsername(app.testDatabase.db, username);
    return toActor(row!.user, row!.organization);
  };
  const dueStageAt = async (c: CaseDetail, at: string) => {
    const result = (await app.testDatabase.db.execute(
      sql`update case_stages set due_at = ${wib(at)}::timestamptz where case_id = ${c.id} and status = 'in_progress' returning id`,
    )) as unknown as { rows: unknown[] };
    expect(result.rows).toHaveLength(1);
  };

  beforeAll(async () => {
    app = await createTestApp();
    const admin = (await setupInstance(app)).session;
    unit1 = await firstUnitId(app, admin);
    const officer1 = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unit1 })).session;
    const worker1 = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unit1 })).session;
    const built = await buildUserSession(app, admin, { role: 'head', organizationId: unit1 });
    head = { username: built.username, session: built.session };
    const other = await createSecondDistrict(app, '35.07');
    unit2 = other.unitId;
    const officer2 = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: unit2 })).session;
    const worker2 = (await buildUserSession(app, other.adminSession, { role: 'social_worker', organizationId: unit2 })).session;
    const db = app.testDatabase.db;
    provinceId = ((await db.execute(sql`select id from organizations where kind = 'province' and region_code = '35'`)) as unknown as { rows: { id: string }[] }).rows[0].id;
    await insertUser(db, { organizationId: provinceId, username: 'analis.dasbor', name: 'Analis Dasbor', role: 'viewer', passwordHash: await hashPassword('analis-password-123') });
    provinceViewer = await login(app, 'analis.dasbor', 'analis-password-123');

    const intake = async (officer: TestSession, unitId: string, arrivedAt: string, categories: string[], name: string) =>
      expectJson<CaseDetail>(
        await api(app, officer).post('/api/intakes', { organizationId: unitId, source: 'satpol_pp_raid', arrivedAt: wib(arrivedAt), categories, client: { name, sex: 'male' } }),
        201,
      );
    const terminate = async (worker: TestSession, c: CaseDetail, at: string) =>
      expectJson(await api(app, worker).post(`/api/cases/${c.id}/terminate`, { outcome: 'returned_home_district', at: wib(at) }), 200);
    const basicNeeds = async (worker: TestSession, c: CaseDetail, serviceDate: string) => {
      for (const service of ['meals', 'clothing', 'health_supplies']) {
        expectJson(await api(app, worker).post(`/api/cases/${c.id}/services`, { service, serviceDate }), 201);
      }
    };

    ids.B0 = await intake(officer1, unit1, '2025-04-30T15:00', ['ppks_08'], 'Klien B0');
    ids.P = await intake(officer1, unit1, '2026-03-30T08:00', ['ppks_12'], 'Klien P');
    ids.Q = await intake(officer1, unit1, '2026-03-30T08:00', ['ppks_11'], 'Klien Q');
    ids.L = await intake(officer1, unit1, '2026-04-02T08:00', ['local_neglected_elderly', 'ppks_08'], 'Klien L');
    ids.O = await intake(officer1, unit1, '2025-01-10T09:00', ['ppks_08'], 'Klien O');
    ids.N = await intake(officer1, unit1, '2026-04-14T09:00', ['local_stranded_traveller'], 'Klien N');
    await basicNeeds(worker1, ids.P, '2026-03-30');
    await terminate(worker1, ids.B0, '2025-05-01T00:30');
    await terminate(worker1, ids.P, '2026-03-31T23:30');
    await terminate(worker1, ids.Q, '2026-04-01T00:30');
    await terminate(worker1, ids.L, '2026-04-13T09:00');
    await dueStageAt(ids.O, '2026-04-10T09:00');

    ids.R1 = await intake(officer2, unit2, '2026-03-03T09:00', ['ppks_12'], 'Klien R1');
    ids.R2 = await intake(officer2, unit2, '2026-03-26T08:00', ['ppks_11'], 'Klien R2');
    await basicNeeds(worker2, ids.R1, '2026-03-03');
    await terminate(worker2, ids.R1, '2026-03-04T10:00');
    await dueStageAt(ids.R2, '2026-03-27T09:00');
  }, 120_000);
  afterAll(() => app?.close());

  const trendMonths = ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
  const emptyMonth = (month: string) => ({ month, closedCases: 0, medianLeadMinutes: null, withinTargetShare: null });

  it("the office dashboard counts this month's cases and the 12-month lead-time trend by month in the office's zone", async () => {
    const d = await getOfficeDashboard(app.testDatabase.db, await actorOf(head.username), undefined, NOW);
    expect(d.month).toBe('2026-04');
    // Active in April (WIB): Q (closed 1 Apr 00:30), L, O, N; not P (closed 31 Mar 23:30).
    expect(d.casesThisMonth).toBe(4);
    expect(d.byCategory).toEqual([
      { key: 'ppks_08', count: 2 },
      { key: 'ppks_11', count: 2 },
    ]);
    expect({ open: d.openCases, overdue: d.overdueCases, stages: d.overdueStages }).toEqual({ open: 2, overdue: 1, stages: 1 });
    expect(d.targetMinutes).toBe(1020);
    expect(d.leadTrend).toEqual(
      trendMonths.map((month) => {
        if (month === '2025-05') return { month, closedCases: 1, medianLeadMinutes: 60, withinTargetShare: 100 };
        if (month === '2026-03') return { month, closedCases: 1, medianLeadMinutes: 990, withinTargetShare: 100 };
        if (month === '2026-04') return { month, closedCases: 2, medianLeadMinutes: 2340, withinTargetShare: 50 };
        return emptyMonth(month);
      }),
    );
    // The trend is the service-time report's months over the same 12 months.
    const st = expectJson<ServiceTimeReport>(await api(app, head.session).get('/api/reports/service-time', { query: { from: '2025-05-01', to: '2026-04-30' } }), 200);
    expect(d.leadTrend).toEqual(
      st.months.map((m) => ({ month: m.month, closedCases: m.closedCases, medianLeadMinutes: m.medianLeadMinutes, withinTargetShare: m.closedCases ? (m.withinTarget / m.closedCases) * 100 : null })),
    );
  });

  it('the office dashboard of a province adds up its districts, each lead time in its own calendar', async () => {
    const d = await getOfficeDashboard(app.testDatabase.db, await actorOf('analis.dasbor'), provinceId, NOW);
    expect(d.casesThisMonth).toBe(5); // Q, L, O, N and R2
    expect({ open: d.openCases, overdue: d.overdueCases, stages: d.overdueStages }).toEqual({ open: 3, overdue: 2, stages: 2 });
    expect(d.leadTrend.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', closedCases: 2, medianLeadMinutes: 780, withinTargetShare: 100 });
    // Over HTTP (the real clock), the same open cases.
    const now = expectJson<OfficeDashboard>(await api(app, provinceViewer).get('/api/dashboard', { query: { organizationId: provinceId } }), 200);
    expect(now.openCases).toBe(3);
    expect(now.leadTrend).toHaveLength(12);
  });

  it('the province dashboard compares each district over a period, with its SPM share of the year', async () => {
    const dash = expectJson<ProvinceDashboard>(await api(app, provinceViewer).get('/api/dashboard/districts', { query: { from: '2026-03-01', to: '2026-03-31', organizationId: provinceId } }), 200);
    expect(dash.districts).toHaveLength(2);
    const [org1, org2] = await Promise.all(
      [unit1, unit2].map(async (unitId) => {
        const rows = (await app.testDatabase.db.execute(sql`select parent_id from organizations where id = ${unitId}`)) as unknown as { rows: { parent_id: string }[] };
        return rows.rows[0].parent_id;
      }),
    );
    // March: P, Q (closed 1 Apr 00:30 WIB, after the period) and O; P closed in it. SPM 2026: P met, Q and N not.
    expect(dash.districts.find((x) => x.organizationId === org1)).toMatchObject({
      casesServed: 3,
      newCases: 2,
      closedCases: 1,
      withinTargetShare: 100,
      medianLeadMinutes: 990,
      overdueNow: 1,
      spmPercentage: 33.33,
    });
    expect(dash.districts.find((x) => x.organizationId === org2)).toMatchObject({
      casesServed: 2,
      newCases: 2,
      closedCases: 1,
      withinTargetShare: 100,
      medianLeadMinutes: 570,
      overdueNow: 1,
      spmPercentage: 50,
    });
    // A period reaching into the previous year: B0 counts too; the SPM stays the year of `to`.
    const longer = expectJson<ProvinceDashboard>(await api(app, provinceViewer).get('/api/dashboard/districts', { query: { from: '2025-04-01', to: '2026-03-31', organizationId: provinceId } }), 200);
    expect(longer.districts.find((x) => x.organizationId === org1)).toMatchObject({
      casesServed: 4,
      newCases: 3,
      closedCases: 2,
      withinTargetShare: 100,
      medianLeadMinutes: 525,
      spmPercentage: 33.33,
    });
  });
});
