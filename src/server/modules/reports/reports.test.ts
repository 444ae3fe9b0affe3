/**
 * Report figures against hand-computed expectations. Calendar: the default office hours in WIB
 * (Mon–Thu 07:30–16:00 = 510 min, Fri 07:30–16:30 = 540 min); target 2 working days = 1,020 min.
 *
 *   A  Mon 2 Mar 08:00 → Mon 2 Mar 10:00   120 min   stranded traveller + pengemis (→ ppks_11, ppks_12), born 2021-03-03: 4 → 0–4
 *   B  Thu 5 Mar 15:00 → Mon 9 Mar 09:00   60 + 540 + 90 = 690 min   ppks_08, female, estimated 60 → 60+
 *   C  Tue 31 Mar 15:00 → Thu 2 Apr 16:00  60 + 510 + 510 = 1,080 min (late)   local elderly + ppks_08 (counted once), born 2008-04-01: 17 → 5–17
 *   D  Fri 20 Feb 10:00, still open (spans months)   ppks_11, age unknown
 *   E  Tue 10 Mar 09:00, A's client again (repeat)    ppks_12, age 5 → 5–17
 */
import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, firstUnitId, login, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { hasPdftotext, pdfText } from '../../../../tests/support/pdf.js';
import { createSecondDistrict, type SecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type { ImportResult } from '../../../shared/contracts/interchange.js';
import type { OfficeDashboard, ProvinceDashboard, RegisterPage, ServiceTimeReport, SpmReport, SummaryReport, WorkloadReport } from '../../../shared/contracts/reports.js';
import { hashPassword } from '../auth/passwords.js';
import { readZip } from '../interchange/interchange.service.js';
import { csvSafeText } from './reports.export.js';
import { insertUser } from '../users/users.repository.js';

const wib = (local: string) => new Date(`${local}:00+07:00`).toISOString();
const count = (rows: { key: string; count: number }[], key: string) => rows.find((r) => r.key === key)?.count ?? 0;

describe('reports', () => {
  let app: TestApp;
  let admin: TestSession;
  let head: TestSession;
  let worker: TestSession;
  let officer: TestSession;
  let provinceViewer: TestSession;
  let unitId: string;
  let provinceId: string;
  let other: SecondDistrict;
  const ids: Record<string, CaseDetail> = {};

  const intake = async (body: Record<string, unknown>) =>
    expectJson<CaseDetail>(await api(app, officer).post('/api/intakes', { organizationId: unitId, source: 'satpol_pp_raid', ...body }), 201);
  const terminate = async (c: CaseDetail, at: string, outcome: string) =>
    expectJson(await api(app, worker).post(`/api/cases/${c.id}/terminate`, { outcome, at: wib(at) }), 200);

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    unitId = await firstUnitId(app, admin);
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
    head = (await buildUserSession(app, admin, { role: 'head', organizationId: unitId })).session;
    other = await createSecondDistrict(app);
    // A province analyst: a viewer at the province organization (created above the regency at setup).
    const db = app.testDatabase.db;
    const province = ((await db.execute(sql`select id from organizations where kind = 'province' and region_code = '35'`)) as unknown as { rows: { id: string }[] }).rows[0];
    provinceId = province.id;
    await insertUser(db, { organizationId: provinceId, username: 'analis.jatim', name: 'Analis Provinsi', role: 'viewer', passwordHash: await hashPassword('analis-password-123') });
    provinceViewer = await login(app, 'analis.jatim', 'analis-password-123');

    ids.A = await intake({ arrivedAt: wib('2026-03-02T08:00'), categories: ['local_stranded_traveller', 'ppks_12'], client: { name: 'Pak Ahmad', sex: 'male', birthDate: '2021-03-03', birthDateQuality: 'full', originRegionCode: '35.13' } });
    ids.B = await intake({ source: 'police', arrivedAt: wib('2026-03-05T15:00'), categories: ['ppks_08'], client: { name: 'Mbah Sari', sex: 'female', estimatedAge: 60, originRegionCode: '33.23' } });
    ids.C = await intake({ arrivedAt: wib('2026-03-31T15:00'), categories: ['local_neglected_elderly', 'ppks_08'], client: { name: 'Siti', sex: 'female', birthDate: '2008-04-01', birthDateQuality: 'full' } });
    ids.D = await intake({ source: 'community_complaint', arrivedAt: wib('2026-02-20T10:00'), categories: ['ppks_11'], client: { name: 'Mr. X', nameQuality: 'unknown', sex: 'male' } });
    ids.E = await intake({ arrivedAt: wib('2026-03-10T09:00'), categories: ['ppks_12'], existingClientId: ids.A.client.id });
    // Intake records reception as done at registration time; put the receptions of A and B at their real times.
    await db.execute(sql`update case_stages set completed_at = ${wib('2026-03-02T08:20')}::timestamptz where case_id = ${ids.A.id} and key = 'reception'`);
    await db.execute(sql`update case_stages set completed_at = ${wib('2026-03-05T15:10')}::timestamptz where case_id = ${ids.B.id} and key = 'reception'`);
    for (const service of ['meals', 'clothing', 'health_supplies']) {
      expectJson(await api(app, worker).post(`/api/cases/${ids.A.id}/services`, { service, serviceDate: '2026-03-02' }), 201);
    }
    await terminate(ids.A, '2026-03-02T10:00', 'reunified_family');
    await terminate(ids.B, '2026-03-09T09:00', 'returned_home_district');
    await terminate(ids.C, '2026-04-02T16:00', 'referred_panti');
    expectJson(await api(app, worker).post(`/api/cases/${ids.D.id}/services`, { service: 'meals', serviceDate: '2026-03-03' }), 201);
    expectJson(await api(app, worker).post(`/api/cases/${ids.D.id}/tracing-attempts`, { attemptedAt: wib('2026-03-04T09:00'), channel: 'phone', result: 'not_found' }), 201);
    expectJson(await api(app, worker).post(`/api/cases/${ids.D.id}/identity-documents`, { documentType: 'nik', preparedAt: wib('2026-03-04T10:00') }), 201);
  }, 120_000);
  afterAll(() => app?.close());

  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('the monthly report counts cases, categories (once per official category), sex, age groups across boundaries and repeat clients', async () => {
    const r = expectJson<SummaryReport>(await api(app, head).get('/api/reports/summary', { query: march }), 200);
    expect(r.casesServed).toBe(5);
    expect(r.clientsServed).toBe(4);
    expect(r.newCases).toBe(4);
    expect(r.closedCases).toBe(2);
    expect(count(r.byCategory, 'ppks_08')).toBe(2);
    expect(count(r.byCategory, 'ppks_11')).toBe(2);
    expect(count(r.byCategory, 'ppks_12')).toBe(2);
    expect(r.byCategory.some((c) => c.key.startsWith('local_'))).toBe(false);
    expect(Object.fromEntries(r.byAgeGroup.map((a) => [a.key, a.count]))).toEqual({ '0_4': 1, '5_17': 2, '18_59': 0, '60_plus': 1, unknown: 1 });
    expect(count(r.bySex, 'male')).toBe(3);
    expect(count(r.bySex, 'female')).toBe(2);
    expect(count(r.bySource, 'police')).toBe(1);
    expect(r.byOriginProvince.find((p) => p.key === '35')).toMatchObject({ count: 2, name: expect.stringMatching(/jawa timur/i) });
    expect(r.byOriginRegency.find((p) => p.key === '33.23')?.count).toBe(1);
    expect(count(r.byOutcome, 'reunified_family')).toBe(1);
    expect(r.repeatClients).toBe(1);
    expect(r.tracing).toEqual({ attempts: 1, casesTraced: 1, familiesFound: 0 });
    expect(r.identityDocuments.requested).toBe(1);
    // Nobody answered the survey in March: no index, not an IKM of 0.
    expect(r.satisfaction).toEqual({ respondents: 0, ikm: null, grade: null });
  });

  it('service time is counted in working minutes against the target, month by month', async () => {
    const r = expectJson<ServiceTimeReport>(await api(app, head).get('/api/reports/service-time', { query: { from: '2026-03-01', to: '2026-04-30' } }), 200);
    expect(r.closedCases).toBe(3);
    expect(r.withinTarget).toBe(2);
    expect(r.withinTargetShare).toBe(66.67);
    expect(r.medianLeadMinutes).toBe(690);
    expect(r.months).toEqual([
      { month: '2026-03', closedCases: 2, withinTarget: 2, medianLeadMinutes: 405 },
      { month: '2026-04', closedCases: 1, withinTarget: 0, medianLeadMinutes: 1080 },
    ]);
    const reception = r.stages.find((s) => s.key === 'reception')!;
    expect(reception).toMatchObject({ completed: 2, standardMinutes: 15, medianMinutes: 15, late: 1 });
    expect(r.mostLate[0]).toEqual({ key: 'reception', count: 1 });
  });

  it('the SPM indicator counts gelandangan and pengemis per client per year, with configurable basic needs', async () => {
    const r = expectJson<SpmReport>(await api(app, head).get('/api/reports/spm', { query: { year: 2026 } }), 200);
    expect(r.targetClients).toBe(2);
    expect(r.basicNeedsMet).toBe(1);
    expect(r.percentage).toBe(50);
    expect(r.services.find((s) => s.service === 'meals')).toEqual({ service: 'meals', targetClients: 2, allClients: 2 });
    expect(r.services.find((s) => s.service === 'family_tracing')?.targetClients).toBe(1);
    const mealsOnly = expectJson<SpmReport>(await api(app, head).get('/api/reports/spm', { query: { year: 2026, basicNeeds: 'meals' } }), 200);
    expect(mealsOnly.percentage).toBe(100);
    const bad = expectError(await api(app, head).get('/api/reports/spm', { query: { year: 2026, basicNeeds: 'caviar' } }), 400);
    expect(bad.fields?.[0].field).toContain('basicNeeds');
  });

  it('the register lists identities for case workers, filters by official category and pages', async () => {
    const r = expectJson<RegisterPage>(await api(app, worker).get('/api/reports/register', { query: { ...march, category: 'ppks_11', sort: 'arrivedAt' } }), 200);
    expect(r.identityShown).toBe(true);
    expect(r.items.map((i) => i.caseId)).toEqual([ids.D.id, ids.A.id]);
    expect(r.items[1].client?.name).toBe('Pak Ahmad');
    expect(r.items[1].leadWorkingMinutes).toBe(120);
    const paged = expectJson<RegisterPage>(await api(app, worker).get('/api/reports/register', { query: { ...march, limit: 2, offset: 4 } }), 200);
    expect(paged.total).toBe(5);
    expect(paged.items).toHaveLength(1);
    const searched = expectJson<RegisterPage>(await api(app, worker).get('/api/reports/register', { query: { ...march, q: 'sari' } }), 200);
    expect(searched.items.map((i) => i.caseId)).toEqual([ids.B.id]);
  });

  it('a province analyst sees its districts aggregated and compared, never a client identity', async () => {
    const register = expectJson<RegisterPage>(await api(app, provinceViewer).get('/api/reports/register', { query: { ...march, organizationId: provinceId } }), 200);
    expect(register.identityShown).toBe(false);
    expect(register.total).toBe(5);
    expect(register.items.every((i) => i.client === null)).toBe(true);
    expect(JSON.stringify(register)).not.toContain('Pak Ahmad');
    const byName = expectJson<RegisterPage>(await api(app, provinceViewer).get('/api/reports/register', { query: { ...march, organizationId: provinceId, q: 'ahmad' } }), 200);
    expect(byName.total).toBe(0);
    const summary = expectJson<SummaryReport>(await api(app, provinceViewer).get('/api/reports/summary', { query: { ...march, organizationId: provinceId } }), 200);
    expect(summary.casesServed).toBe(5);
    const dash = expectJson<ProvinceDashboard>(await api(app, provinceViewer).get('/api/dashboard/districts', { query: { ...march, organizationId: provinceId } }), 200);
    expect(dash.districts).toHaveLength(1);
    expect(dash.districts[0]).toMatchObject({ casesServed: 5, closedCases: 2, withinTargetShare: 100 });
    // Another province's district is out of reach.
    expectError(await api(app, provinceViewer).get('/api/reports/summary', { query: { ...march, organizationId: other.unitId } }), 404);
  });

  it('another organization gets 404, a role without reports.read gets 403, a bad period gets 400 naming the field', async () => {
    expectError(await api(app, other.adminSession).get('/api/reports/summary', { query: { ...march, organizationId: unitId } }), 404);
    const otherView = expectJson<SummaryReport>(await api(app, other.adminSession).get('/api/reports/summary', { query: march }), 200);
    expect(otherView.casesServed).toBe(0);
    expectError(await api(app, officer).get('/api/reports/summary', { query: march }), 403);
    const bad = expectError(await api(app, head).get('/api/reports/summary', { query: { from: '2026-03-31', to: '2026-03-01' } }), 400);
    expect(bad.fields?.map((f) => f.field)).toContain('to');
  });

  it('workload lists cases and late stages per worker; the office dashboard counts this month', async () => {
    const w = expectJson<WorkloadReport>(await api(app, head).get('/api/reports/workload', { query: march }), 200);
    expect(w.workers.reduce((n, x) => n + x.casesServed, 0)).toBe(5);
    expect(w.workers.reduce((n, x) => n + x.lateStages, 0)).toBe(1);
    const d = expectJson<OfficeDashboard>(await api(app, officer).get('/api/dashboard'), 200);
    expect(d.openCases).toBe(2);
    expect(d.leadTrend).toHaveLength(12);
    expect(d.targetMinutes).toBe(1020);
  });

  it('the monthly report downloads as XLSX with the organization and period in the header, audited', async () => {
    const res = await api(app, head).get('/api/reports/summary/export', { query: { ...march, format: 'xlsx' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toBe('Laporan Pelayanan Rumah Singgah');
    expect(String(sheet.getCell('A2').value)).toContain('Rumah Singgah');
    expect(String(sheet.getCell('A3').value)).toBe('Periode 2026-03-01 s.d. 2026-03-31');
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    expect(rows).toContain('Kasus dilayani|5');
    expect(rows).toContain('Gelandangan|2');
    const audit = expectJson<{ items: { action: string; changes: Record<string, unknown> }[] }>(await api(app, head).get('/api/audit', { query: { action: 'export.downloaded' } }), 200);
    expect(audit.items[0].changes).toMatchObject({ report: 'summary', format: 'xlsx', from: '2026-03-01' });
  });

  it('the register downloads as CSV without identities for a province analyst, and as PDF with its figures', async () => {
    const csv = await api(app, provinceViewer).get('/api/reports/register/export', { query: { ...march, organizationId: provinceId, format: 'csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Buku Register Klien');
    expect(csv.body).not.toContain('Pak Ahmad');
    expect(csv.body.split('\n').filter((l) => /^\d+,/.test(l))).toHaveLength(5);
    const pdf = await api(app, head).get('/api/reports/spm/export', { query: { year: 2026, format: 'pdf' } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (hasPdftotext) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('CAPAIAN SPM BIDANG SOSIAL TAHUN 2026');
      expect(text).toContain('Persentase capaian (%) 50');
      expect(text).toContain('Permakanan');
      // A share with decimals is written as the document's language writes it.
      const serviceTime = (lang: string) => api(app, head).get('/api/reports/service-time/export', { query: { from: '2026-03-01', to: '2026-04-30', format: 'pdf', lang } });
      const read = async (lang: string) => pdfText((await serviceTime(lang)).rawPayload);
      expect(await read('id')).toContain('Persentase dalam target (%) 66,67');
      expect(await read('en')).toMatch(/\(%\) 66\.67/);
    }
  });

  it('a data bundle exports, re-imports without duplicates, restores deleted rows, and never takes over another organization', async () => {
    const res = await api(app, head).get('/api/interchange/export', { query: { organizationId: unitId } });
    expect(res.statusCode).toBe(200);
    const bundle = res.rawPayload;
    const post = (session: TestSession, body: Buffer, query: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/interchange/import', query, payload: body, headers: { 'content-type': 'application/zip', cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    const again = expectJson<ImportResult>(await post(head, bundle), 200);
    expect(again.tables.find((t) => t.table === 'cases')).toEqual({ table: 'cases', rows: 5, inserted: 0, updated: 5 });
    const db = app.testDatabase.db;
    const countCases = async () => ((await db.execute(sql`select count(*)::int as n from cases`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const before = await countCases();
    // Lose case D and its records, then import the bundle: it comes back, once.
    for (const table of ['rehabilitation_services', 'tracing_attempts', 'identity_document_requests', 'case_stages']) {
      await db.execute(sql`delete from ${sql.identifier(table)} where case_id = ${ids.D.id}`);
    }
    await db.execute(sql`delete from cases where id = ${ids.D.id}`);
    const restored = expectJson<ImportResult>(await post(head, bundle), 200);
    expect(restored.tables.find((t) => t.table === 'cases')?.inserted).toBe(1);
    expect(await countCases()).toBe(before);
    const summary = expectJson<SummaryReport>(await api(app, head).get('/api/reports/summary', { query: march }), 200);
    expect(summary.casesServed).toBe(5);
    expect(summary.tracing.attempts).toBe(1);
    // Importing the same rows into another district is refused whole.
    const otherHead = (await buildUserSession(app, other.adminSession, { role: 'head', organizationId: other.unitId })).session;
    expect(expectError(await post(otherHead, bundle, { organizationId: other.unitId }), 409).code).toBe('interchange.id_conflict');
    expect(expectError(await post(head, Buffer.from('not a zip')), 400).code).toBe('interchange.invalid_bundle');
    expectError(await post(worker, bundle), 403);
  });

  it('an imported bundle cannot link a row of its own to another district’s client', async () => {
    const otherHead = (await buildUserSession(app, other.adminSession, { role: 'head', organizationId: other.unitId })).session;
    const theirs = await readZip((await api(app, otherHead).get('/api/interchange/export', { query: { organizationId: other.unitId } })).rawPayload);
    const mine = await readZip((await api(app, head).get('/api/interchange/export', { query: { organizationId: unitId } })).rawPayload);
    // One of this district's cases, copied into the other district's bundle as a new case of its own,
    // still pointing at this district's client.
    const [copied] = (parse(mine.get('cases.csv')!, { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.id === ids.D.id);
    const forged = { ...copied, id: randomUUID(), organization_id: other.unitId, case_number: 'PALSU/1' };
    const casesCsv = Buffer.from(stringify([forged], { header: true, columns: Object.keys(forged) }));
    const manifest = JSON.parse(theirs.get('manifest.json')!.toString()) as { files: { table: string; rows: number; sha256: string }[] };
    const entry = manifest.files.find((f) => f.table === 'cases')!;
    Object.assign(entry, { rows: 1, sha256: createHash('sha256').update(casesCsv).digest('hex') });
    theirs.set('cases.csv', casesCsv);
    theirs.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    const zip = new yazl.ZipFile();
    for (const [name, content] of theirs) zip.addBuffer(content, name);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const res = await app.inject({
      method: 'POST',
      url: '/api/interchange/import',
      query: { organizationId: other.unitId },
      payload: Buffer.concat(chunks),
      headers: { 'content-type': 'application/zip', cookie: otherHead.cookie, 'x-csrf-token': otherHead.csrfToken },
    });
    const err = expectError(res, 409);
    expect(err.code).toBe('interchange.reference_outside_scope');
    expect(err.message).toContain('client_id');
    const stored = (await app.testDatabase.db.execute(sql`select count(*)::int as n from cases where id = ${forged.id}`)) as unknown as { rows: { n: number }[] };
    expect(stored.rows[0].n).toBe(0);
  });

  it('a case closed at an odd second is listed in the register with whole working minutes', async () => {
    const f = await intake({ arrivedAt: wib('2026-05-04T08:00'), categories: ['ppks_12'], client: { name: 'Bu Tarmi', sex: 'female', estimatedAge: 50 } });
    // Terminated at 09:30:27: 90.45 working minutes.
    expectJson(await api(app, worker).post(`/api/cases/${f.id}/terminate`, { outcome: 'reunified_family', at: new Date('2026-05-04T09:30:27+07:00').toISOString() }), 200);
    const may = { from: '2026-05-01', to: '2026-05-31' };
    const register = expectJson<RegisterPage>(await api(app, worker).get('/api/reports/register', { query: may }), 200);
    expect(register.items.find((i) => i.caseId === f.id)?.leadWorkingMinutes).toBe(90);
    const csv = await api(app, worker).get('/api/reports/register/export', { query: { ...may, format: 'csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('90.45');
  });

  it('a name typed as a spreadsheet formula is written to the CSV as text, not run', async () => {
    const name = '=HYPERLINK("http://contoh.test","klik")';
    await intake({ arrivedAt: wib('2026-06-02T08:00'), categories: ['ppks_12'], client: { name, sex: 'male', estimatedAge: 30 } });
    const csv = await api(app, worker).get('/api/reports/register/export', { query: { from: '2026-06-01', to: '2026-06-30', format: 'csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://contoh.test"",""klik"")"`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect([csvSafeText('-5'), csvSafeText('+62 812'), csvSafeText('@x'), csvSafeText('Budi'), csvSafeText(3)]).toEqual(['-5', "'+62 812", "'@x", 'Budi', 3]);
  });
});
