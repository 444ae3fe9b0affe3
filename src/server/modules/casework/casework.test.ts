/**
 * The stage records of a case through the real HTTP API: health check, identity documents, family
 * tracing, SPM services, reunification with its handover record (PDF), follow-ups and belongings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { openCase } from '../../../../tests/support/case-fixtures.js';
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from '../../../../tests/support/pdf.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type {
  BelongingView,
  CaseRecordsView,
  DueFollowUpView,
  FollowUpView,
  HealthCheckView,
  IdentityDocumentView,
  ReunificationView,
  ServicesView,
  ServiceView,
  TracingAttemptView,
} from '../../../shared/contracts/casework.js';

type AuditPage = { items: { action: string; entityType: string; entityId: string; changes: Record<string, unknown> | null }[]; total: number };

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
/** A calendar date `days` from today in Jakarta. */
const jakartaDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

describe('what each stage of a case records', () => {
  let app: TestApp;
  let admin: TestSession;
  let officer: TestSession;
  let worker: TestSession;
  let viewer: TestSession;
  let head: TestSession;
  let otherOfficer: TestSession;
  let unitId: string;
  let workerName: string;

  const audit = async (caseId: string, action: string) =>
    // Read by the head: the administrator may not read the changes of a case (client data).
    expectJson<AuditPage>(await api(app, head).get('/api/audit', { query: { entityType: 'case', entityId: caseId, action, limit: 200 } }), 200).items;

  beforeAll(async () => {
    app = await createTestApp();
    const setup = await setupInstance(app);
    admin = setup.session;
    unitId = await firstUnitId(app, admin);
    expectJson(await api(app, admin).patch(`/api/organizations/${unitId}`, { email: 'rumahsinggah@probolinggokota.go.id' }), 200);
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    const w = await buildUserSession(app, admin, {
      role: 'social_worker',
      organizationId: unitId,
      name: 'Rina Kartikasari, S.Sos.',
      nip: '198702142010012003',
      position: 'Pekerja Sosial Ahli Pertama',
    });
    worker = w.session;
    workerName = w.user.name;
    head = (
      await buildUserSession(app, admin, {
        role: 'head',
        organizationId: unitId,
        name: 'Drs. Bambang Sutrisno',
      nip: '196805121994031007',
      position: 'Kepala UPTD Rumah Singgah',
      })
    ).session;
    viewer = (await buildUserSession(app, admin, { role: 'viewer' })).session;
    const other = await createSecondDistrict(app);
    otherOfficer = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: other.unitId })).session;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  describe('health check', () => {
    it('a shelter officer records the health check of a client suspected of psychosis, referred to the puskesmas, with BPJS PBI', async () => {
      const c = await openCase(app, officer, unitId);
      const check = expectJson<HealthCheckView>(
        await api(app, officer).post(`/api/cases/${c.id}/health-checks`, {
          checkedAt: ago(0.5),
          bloodPressure: '150/95',
          pulse: 96,
          temperature: 37.8,
          respiration: 22,
          weightKg: 48.5,
          visibleConditions: 'Luka di kaki kiri, kulit kotor',
          mentalState: 'suspected_psychosis',
          referredTo: 'Puskesmas Kanigaran',
          insuranceType: 'bpjs_pbi',
          insuranceNumber: '0001234567890',
        }),
        201,
      );
      expect(check).toMatchObject({ temperature: 37.8, weightKg: 48.5, pulse: 96, suspectedPsychosis: true, insuranceType: 'bpjs_pbi' });
      expect(check.recordedByName).toBe(officer.me.user.name);

      const records = expectJson<CaseRecordsView>(await api(app, worker).get(`/api/cases/${c.id}/records`), 200);
      expect(records.healthChecks.map((h) => h.id)).toEqual([check.id]);

      // The audit row is written, as an event of the case, without the health details themselves.
      const [row] = await audit(c.id, 'case.health_check_recorded');
      expect(row.changes).toEqual({ healthCheckId: check.id, checkedAt: check.checkedAt });
    });

    it('bad health input is refused naming each field, in Indonesian by default', async () => {
      const c = await openCase(app, officer, unitId);
      const err = expectError(await api(app, officer).post(`/api/cases/${c.id}/health-checks`, { bloodPressure: '150-95', pulse: 500, mentalState: 'grumpy' }), 400);
      expect(err.code).toBe('validation');
      expect(err.fields?.map((f) => f.field).sort()).toEqual(['bloodPressure', 'mentalState', 'pulse']);
      expect(err.message).toContain('Tekanan darah');
      expect(err.message).toContain('120/80');

      const noType = expectError(await api(app, officer).post(`/api/cases/${c.id}/health-checks`, { insuranceNumber: '0001234567890' }), 400);
      expect(noType).toMatchObject({ code: 'casework.insurance_type_required', fields: [{ field: 'insuranceType' }] });

      const future = expectError(await api(app, officer).post(`/api/cases/${c.id}/health-checks`, { checkedAt: ago(-3), pulse: 80 }), 400);
      expect(future).toMatchObject({ code: 'casework.date_in_future', fields: [{ field: 'checkedAt' }] });

      // A check with nothing in it is not a record.
      for (const empty of [{}, { checkedAt: ago(1), suspectedPsychosis: false, bloodPressure: null, notes: null }]) {
        const nothing = expectError(await api(app, officer).post(`/api/cases/${c.id}/health-checks`, empty), 400);
        expect(nothing.fields).toEqual([{ field: 'notes', message: expect.stringContaining('minimal satu hasil') }]);
      }

      const records = expectJson<CaseRecordsView>(await api(app, officer).get(`/api/cases/${c.id}/records`), 200);
      expect(records.healthChecks).toEqual([]);
    });
  });

  describe('identity documents', () => {
    it('a social worker takes a KTP-el request from prepared through Dukcapil to issued; every step stamps its date', async () => {
      const c = await openCase(app, officer, unitId);
      const doc = expectJson<IdentityDocumentView>(
        await api(app, worker).post(`/api/cases/${c.id}/identity-documents`, { documentType: 'ktp_el', preparedAt: ago(72) }),
        201,
      );
      expect(doc).toMatchObject({ status: 'prepared', allowedTransitions: ['submitted', 'refused'], submittedAt: null });
      const move = (body: object) => api(app, worker).post(`/api/cases/${c.id}/identity-documents/${doc.id}/transition`, body);

      const submittedAt = ago(48);
      const submitted = expectJson<IdentityDocumentView>(await move({ to: 'submitted', at: submittedAt }), 200);
      expect(submitted).toMatchObject({ status: 'submitted', submittedAt, allowedTransitions: ['recorded', 'refused'] });
      const recorded = expectJson<IdentityDocumentView>(await move({ to: 'recorded', at: ago(24) }), 200);
      expect(recorded.status).toBe('recorded');
      const issued = expectJson<IdentityDocumentView>(await move({ to: 'issued', documentNumber: '3574015207850001' }), 200);
      expect(issued).toMatchObject({ status: 'issued', documentNumber: '3574015207850001', allowedTransitions: [] });
      expect(issued.submittedAt && issued.recordedAt && issued.issuedAt).toBeTruthy();
      expect(new Date(issued.submittedAt!) < new Date(issued.recordedAt!)).toBe(true);
      expect(new Date(issued.recordedAt!) < new Date(issued.issuedAt!)).toBe(true);

      // Issued is final.
      const again = expectError(await move({ to: 'refused', refusalReason: 'Salah data' }), 409);
      expect(again).toMatchObject({ code: 'identity_documents.transition_not_allowed', fields: [{ field: 'to' }] });
      expect(again.message).toContain('disiapkan → diajukan → direkam → terbit');

      const rows = await audit(c.id, 'case.identity_document_updated');
      expect(rows.map((r) => r.changes?.status)).toEqual([
        ['recorded', 'issued'],
        ['submitted', 'recorded'],
        ['prepared', 'submitted'],
      ]);
      expect(await audit(c.id, 'case.identity_document_requested')).toHaveLength(1);
    });

    it('a skipped step is refused with a clear 409; a refusal needs a reason and ends the request', async () => {
      const c = await openCase(app, officer, unitId);
      const doc = expectJson<IdentityDocumentView>(await api(app, officer).post(`/api/cases/${c.id}/identity-documents`, { documentType: 'birth_certificate' }), 201);
      const move = (body: object) => api(app, officer).post(`/api/cases/${c.id}/identity-documents/${doc.id}/transition`, body);

      expect(expectError(await move({ to: 'issued' }), 409).code).toBe('identity_documents.transition_not_allowed');
      expect(expectError(await move({ to: 'prepared' }), 409).code).toBe('identity_documents.transition_not_allowed');
      expectJson(await move({ to: 'submitted' }), 200);
      const noReason = expectError(await move({ to: 'refused' }), 400);
      expect(noReason).toMatchObject({ code: 'identity_documents.refusal_reason_required', fields: [{ field: 'refusalReason' }] });
      const refused = expectJson<IdentityDocumentView>(await move({ to: 'refused', refusalReason: 'Belum ada surat keterangan lahir' }), 200);
      expect(refused).toMatchObject({ status: 'refused', refusalReason: 'Belum ada surat keterangan lahir', allowedTransitions: [] });
      expect(refused.refusedAt).toBeTruthy();
      expect(expectError(await move({ to: 'recorded' }), 409).code).toBe('identity_documents.transition_not_allowed');

      // Bad input: an unknown status, a malformed NIK-type number.
      expect(expectError(await move({ to: 'lost' }), 400).fields?.[0].field).toBe('to');
      const nik = expectJson<IdentityDocumentView>(await api(app, officer).post(`/api/cases/${c.id}/identity-documents`, { documentType: 'nik' }), 201);
      const badNumber = expectError(
        await api(app, officer).post(`/api/cases/${c.id}/identity-documents/${nik.id}/transition`, { to: 'submitted', documentNumber: '12345' }),
        400,
      );
      expect(badNumber).toMatchObject({ code: 'identity_documents.document_number_format', fields: [{ field: 'documentNumber' }] });

      // A request of another case is not found under this one.
      const otherCase = await openCase(app, officer, unitId);
      const foreign = expectError(await api(app, officer).post(`/api/cases/${otherCase.id}/identity-documents/${doc.id}/transition`, { to: 'submitted' }), 404);
      expect(foreign.code).toBe('identity_documents.not_found');
    });
  });

  describe('family tracing', () => {
    it('a social worker records a family tracing attempt that finds the family, and the case shows tracing found', async () => {
      const c = await openCase(app, officer, unitId);
      expect(c.tracingStatus).toBe('not_started');

      const lead = expectJson<{ attempt: TracingAttemptView; tracingStatus: string }>(
        await api(app, worker).post(`/api/cases/${c.id}/tracing-attempts`, { attemptedAt: ago(5), channel: 'social_pillar', byName: 'TKSK Kec. Kademangan', result: 'lead' }),
        201,
      );
      expect(lead.tracingStatus).toBe('in_progress');
      expect(lead.attempt).toMatchObject({ channel: 'social_pillar', byName: 'TKSK Kec. Kademangan', result: 'lead', recordedByName: workerName });

      const found = expectJson<{ tracingStatus: string }>(
        await api(app, worker).post(`/api/cases/${c.id}/tracing-attempts`, { channel: 'phone', result: 'found', notes: 'Kakak kandung di Desa Pilang' }),
        201,
      );
      expect(found.tracingStatus).toBe('found');
      const detail = expectJson<CaseDetail>(await api(app, worker).get(`/api/cases/${c.id}`), 200);
      expect(detail.tracingStatus).toBe('found');

      // A later attempt that finds nothing does not undo "found"; nor can tracing be closed as not found.
      const later = expectJson<{ tracingStatus: string }>(await api(app, worker).post(`/api/cases/${c.id}/tracing-attempts`, { channel: 'visit', result: 'not_found' }), 201);
      expect(later.tracingStatus).toBe('found');
      expect(expectError(await api(app, worker).post(`/api/cases/${c.id}/tracing/close`, {}), 409).code).toBe('casework.tracing_already_found');

      const records = expectJson<CaseRecordsView>(await api(app, worker).get(`/api/cases/${c.id}/records`), 200);
      expect(records.tracing.status).toBe('found');
      expect(records.tracing.attempts.map((a) => a.result)).toEqual(['not_found', 'found', 'lead']);

      const rows = await audit(c.id, 'case.tracing_attempt_recorded');
      expect(rows.map((r) => r.changes?.tracingStatus ?? null)).toEqual([null, ['in_progress', 'found'], ['not_started', 'in_progress']]);
    });

    it('tracing that finds nobody is closed as not found; a new lead reopens it', async () => {
      const c = await openCase(app, officer, unitId);
      expectJson(await api(app, worker).post(`/api/cases/${c.id}/tracing-attempts`, { channel: 'police', result: 'not_found' }), 201);
      const closed = expectJson<{ tracingStatus: string }>(await api(app, worker).post(`/api/cases/${c.id}/tracing/close`, {}), 200);
      expect(closed.tracingStatus).toBe('closed_not_found');
      expect(expectJson<CaseDetail>(await api(app, worker).get(`/api/cases/${c.id}`), 200).tracingStatus).toBe('closed_not_found');
      expect(expectError(await api(app, worker).post(`/api/cases/${c.id}/tracing/close`, {}), 409).code).toBe('casework.tracing_already_closed');
      expect(await audit(c.id, 'case.tracing_closed')).toHaveLength(1);

      const reopened = expectJson<{ tracingStatus: string }>(await api(app, worker).post(`/api/cases/${c.id}/tracing-attempts`, { channel: 'social_media', result: 'lead' }), 201);
      expect(reopened.tracingStatus).toBe('in_progress');

      const bad = expectError(await api(app, worker).post(`/api/cases/${c.id}/tracing-attempts`, { channel: 'pigeon' }), 400);
      expect(bad.fields?.map((f) => f.field).sort()).toEqual(['channel', 'result']);
    });
  });

  describe('rehabilitation services', () => {
    it('meals on three days, clothing and a referral: the list, and totals per service in SPM order', async () => {
      const c = await openCase(app, officer, unitId);
      const give = (service: string, serviceDate: string, quantity?: number) =>
        api(app, officer).post(`/api/cases/${c.id}/services`, { service, serviceDate, ...(quantity !== undefined ? { quantity } : {}) });
      for (const day of [-2, -1, 0]) expectJson<ServiceView>(await give('meals', jakartaDate(day), 3), 201);
      expectJson(await give('meals', jakartaDate(0), 1), 201);
      expectJson(await give('referral', jakartaDate(0)), 201);
      const clothing = expectJson<ServiceView>(await give('clothing', jakartaDate(-1), 2), 201);
      expect(clothing).toMatchObject({ service: 'clothing', quantity: 2, recordedByName: officer.me.user.name });

      const services = expectJson<ServicesView>(await api(app, worker).get(`/api/cases/${c.id}/services`), 200);
      expect(services.items).toHaveLength(6);
      expect(services.totals).toEqual([
        { service: 'meals', quantity: 10, days: 3, firstDate: jakartaDate(-2), lastDate: jakartaDate(0) },
        { service: 'clothing', quantity: 2, days: 1, firstDate: jakartaDate(-1), lastDate: jakartaDate(-1) },
        { service: 'referral', quantity: 1, days: 1, firstDate: jakartaDate(0), lastDate: jakartaDate(0) },
      ]);
      const records = expectJson<CaseRecordsView>(await api(app, worker).get(`/api/cases/${c.id}/records`), 200);
      expect(records.services).toEqual(services);
      expect(await audit(c.id, 'case.service_recorded')).toHaveLength(6);

      const bad = expectError(await give('massage', jakartaDate(0), 0), 400);
      expect(bad.fields?.map((f) => f.field).sort()).toEqual(['quantity', 'service']);
      const future = expectError(await give('meals', jakartaDate(3)), 400);
      expect(future).toMatchObject({ code: 'casework.date_in_future', fields: [{ field: 'serviceDate' }] });
    });
  });

  describe('belongings', () => {
    it('belongings deposited at intake are returned at discharge, once', async () => {
      const c = await openCase(app, officer, unitId);
      const phone = expectJson<BelongingView>(await api(app, officer).post(`/api/cases/${c.id}/belongings`, { description: 'Telepon genggam Nokia', depositedAt: ago(30) }), 201);
      expect(phone).toMatchObject({ quantity: 1, returnedAt: null, returnedTo: null });
      expectJson(await api(app, officer).post(`/api/cases/${c.id}/belongings`, { description: 'Tas ransel berisi pakaian', quantity: 1 }), 201);

      const back = (body: object) => api(app, officer).post(`/api/cases/${c.id}/belongings/${phone.id}/return`, body);
      const early = expectError(await back({ returnedTo: 'Klien', returnedAt: ago(40) }), 400);
      expect(early).toMatchObject({ code: 'casework.returned_before_deposit', fields: [{ field: 'returnedAt' }] });
      expect(expectError(await back({}), 400).fields?.[0].field).toBe('returnedTo');
      const returned = expectJson<BelongingView>(await back({ returnedTo: 'Klien sendiri' }), 200);
      expect(returned.returnedTo).toBe('Klien sendiri');
      expect(returned.returnedAt).toBeTruthy();
      expect(returned.recordedByName).toBe(officer.me.user.name);
      expect(expectError(await back({ returnedTo: 'Klien sendiri' }), 409).code).toBe('casework.belonging_already_returned');

      const records = expectJson<CaseRecordsView>(await api(app, officer).get(`/api/cases/${c.id}/records`), 200);
      expect(records.belongings.map((b) => [b.description, b.returnedTo])).toEqual([
        ['Telepon genggam Nokia', 'Klien sendiri'],
        ['Tas ransel berisi pakaian', null],
      ]);
      expect(await audit(c.id, 'case.belonging_deposited')).toHaveLength(2);
      expect(await audit(c.id, 'case.belonging_returned')).toHaveLength(1);
    });
  });

  describe('reunification and the handover record', () => {
    let caseId: string;
    let pdf: Buffer;

    beforeAll(async () => {
      const c = await openCase(app, officer, unitId, {
        arrivedAt: '2026-05-08T01:30:00Z',
        client: { name: 'Sutrisno', nameQuality: 'full', aliases: ['Pak Tris'], sex: 'male', birthPlace: 'Lumajang', birthDate: '1971-03-02', nik: '3508010203710004', originAddress: 'Dusun Krajan RT 02 RW 01, Desa Pasirian, Lumajang' } as never,
      });
      caseId = c.id;
      await api(app, officer).post(`/api/cases/${caseId}/belongings`, { description: 'Dompet berisi KTP lama', quantity: 1 });
      await api(app, officer).post(`/api/cases/${caseId}/belongings`, { description: 'Sarung', quantity: 2 });
    });

    it('the handover record cannot be printed before the return home is recorded', async () => {
      expect(expectError(await api(app, worker).get(`/api/cases/${caseId}/reunification/handover.pdf`), 404).code).toBe('casework.reunification_not_found');
    });

    it('a social worker records the return home to the family; recording again corrects it', async () => {
      const body = {
        destinationType: 'family',
        destinationName: 'Keluarga Bapak Sutrisno',
        destinationAddress: 'Dusun Krajan RT 02 RW 01, Desa Pasirian, Kec. Pasirian, Kab. Lumajang',
        destinationRegionCode: '35.08',
        travelMode: 'Diantar mobil dinas',
        travelCost: 350000,
        receivedByName: 'Siti Maryam',
        receivedByRelation: 'Adik kandung',
        receivedByIdNumber: '3508014506750002',
        handedOverAt: '2026-05-11T03:00:00Z',
        handoverNumber: '400.9/015/425.108/2026',
      };
      const created = expectJson<ReunificationView>(await api(app, worker).post(`/api/cases/${caseId}/reunification`, body), 201);
      expect(created).toMatchObject({ destinationType: 'family', travelCost: 350000, receivedByName: 'Siti Maryam', recordedByName: workerName });
      const corrected = expectJson<ReunificationView>(await api(app, worker).post(`/api/cases/${caseId}/reunification`, { ...body, travelCost: 400000 }), 200);
      expect(corrected).toMatchObject({ id: created.id, travelCost: 400000 });
      const records = expectJson<CaseRecordsView>(await api(app, worker).get(`/api/cases/${caseId}/records`), 200);
      expect(records.reunification).toMatchObject({ id: created.id, travelCost: 400000 });
      expect(await audit(caseId, 'case.reunification_recorded')).toHaveLength(1);
      expect(await audit(caseId, 'case.reunification_updated')).toHaveLength(1);

      const early = expectError(await api(app, worker).post(`/api/cases/${caseId}/reunification`, { ...body, handedOverAt: '2026-05-07T03:00:00Z' }), 400);
      expect(early).toMatchObject({ code: 'casework.handover_before_arrival', fields: [{ field: 'handedOverAt' }] });
      const bad = expectError(await api(app, worker).post(`/api/cases/${caseId}/reunification`, { ...body, destinationType: 'moon', receivedByName: '' }), 400);
      expect(bad.fields?.map((f) => f.field).sort()).toEqual(['destinationType', 'receivedByName']);
    });

    it('the handover record downloads as a PDF, and the download is audited', async () => {
      const res = await api(app, worker).get(`/api/cases/${caseId}/reunification/handover.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="berita-acara-serah-terima-RS-\d{4}-\d{4}\.pdf"$/);
      pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const rows = await audit(caseId, 'export.downloaded');
      expect(rows).toHaveLength(1);
      expect(rows[0].changes).toMatchObject({ document: 'handover_record', lang: 'id' });
    });

    it('the handover record reads as a berita acara serah terima: letterhead, parties, client, belongings, signatures', async (ctx) => {
      ctx.skip(!hasPdftotext, PDFTOTEXT_MISSING);
      const text = pdfText(pdf);
      for (const expected of [
        'PEMERINTAH KOTA PROBOLINGGO',
        'DINAS SOSIAL KOTA PROBOLINGGO',
        'RUMAH SINGGAH KOTA PROBOLINGGO',
        'Jl. Panglima Sudirman No. 1, Probolinggo',
        'rumahsinggah@probolinggokota.go.id',
        'BERITA ACARA SERAH TERIMA KLIEN',
        'Nomor: 400.9/015/425.108/2026',
        // 03:00 UTC on 11 May 2026 is a Monday morning in Probolinggo.
        'Pada hari ini Senin tanggal sebelas bulan Mei tahun dua ribu dua puluh enam (11-05-2026)',
        'Rina Kartikasari, S.Sos.',
        '198702142010012003',
        'Pekerja Sosial Ahli Pertama',
        'PIHAK PERTAMA',
        'Siti Maryam',
        'Adik kandung',
        'PIHAK KEDUA',
        'Sutrisno',
        'Pak Tris',
        '3508010203710004',
        'Lumajang, 2 Maret 1971',
        'Dompet berisi KTP lama',
        'Sarung',
        'Diserahkan bersama klien',
        'Diterima di shelter : 8 Mei 2026',
        'Mengetahui,',
        'Kepala UPTD Rumah Singgah',
        'Drs. Bambang Sutrisno',
        'NIP. 196805121994031007',
      ]) {
        expect(text, expected).toContain(expected);
      }
    });

    it('an English working copy can be printed too', async (ctx) => {
      const res = await api(app, worker).get(`/api/cases/${caseId}/reunification/handover.pdf`, { query: { lang: 'en' } });
      expect(res.statusCode).toBe(200);
      ctx.skip(!hasPdftotext, PDFTOTEXT_MISSING);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('CLIENT HANDOVER RECORD');
      expect(text).toContain('On this day, Monday 11 May 2026');
      expect(text).toContain('FIRST PARTY');
    });
  });

  describe('monitoring and evaluation follow-ups', () => {
    it('follow-ups due within a week or overdue are listed as reminders until recorded as done', async () => {
      const c = await openCase(app, officer, unitId, { client: { name: 'Klien Monev' } as never });
      const schedule = (dueDate: string) => api(app, worker).post(`/api/cases/${c.id}/follow-ups`, { dueDate, notes: 'Kunjungan ke rumah keluarga' });
      const overdue = expectJson<FollowUpView>(await schedule(jakartaDate(-2)), 201);
      const soon = expectJson<FollowUpView>(await schedule(jakartaDate(3)), 201);
      const far = expectJson<FollowUpView>(await schedule(jakartaDate(20)), 201);

      const due = async (session: TestSession, days?: number) =>
        expectJson<{ items: DueFollowUpView[]; total: number }>(await api(app, session).get('/api/follow-ups/due', { query: { days } }), 200);
      const week = await due(worker);
      const mine = week.items.filter((i) => i.caseId === c.id);
      expect(mine.map((i) => [i.id, i.isOverdue])).toEqual([
        [overdue.id, true],
        [soon.id, false],
      ]);
      expect(mine[0]).toMatchObject({ caseNumber: c.caseNumber, clientName: 'Klien Monev', organizationId: unitId });
      expect((await due(worker, 30)).items.map((i) => i.id)).toContain(far.id);

      const done = expectJson<FollowUpView>(
        await api(app, worker).post(`/api/cases/${c.id}/follow-ups/${overdue.id}/done`, { channel: 'visit', situation: 'Klien sehat, tinggal bersama adiknya' }),
        200,
      );
      expect(done).toMatchObject({ channel: 'visit', situation: 'Klien sehat, tinggal bersama adiknya', notes: 'Kunjungan ke rumah keluarga' });
      expect(done.doneAt).toBeTruthy();
      expect((await due(worker)).items.map((i) => i.id)).not.toContain(overdue.id);
      expect(expectError(await api(app, worker).post(`/api/cases/${c.id}/follow-ups/${overdue.id}/done`, { channel: 'visit', situation: 'lagi' }), 409).code).toBe(
        'casework.follow_up_already_done',
      );
      const bad = expectError(await api(app, worker).post(`/api/cases/${c.id}/follow-ups/${soon.id}/done`, { channel: 'telepathy', situation: '' }), 400);
      expect(bad.fields?.map((f) => f.field).sort()).toEqual(['channel', 'situation']);
      expect(expectError(await api(app, worker).get('/api/follow-ups/due', { query: { days: 'soon' } }), 400).fields?.[0].field).toBe('days');

      // Another district's reminders never show this district's follow-ups.
      const theirs = await due(otherOfficer, 90);
      expect(theirs.items.map((i) => i.caseId)).not.toContain(c.id);

      expect(await audit(c.id, 'case.follow_up_scheduled')).toHaveLength(3);
      expect(await audit(c.id, 'case.follow_up_done')).toHaveLength(1);
    });
  });

  describe('the case page, the timeline and closed cases', () => {
    it('the case page gets every stage record in one response, and the timeline shows each event', async () => {
      const c = await openCase(app, officer, unitId);
      const post = (suffix: string, body: object) => api(app, officer).post(`/api/cases/${c.id}/${suffix}`, body);
      expectJson(await post('health-checks', { mentalState: 'calm', insuranceType: 'none' }), 201);
      expectJson(await post('identity-documents', { documentType: 'nik' }), 201);
      expectJson(await post('tracing-attempts', { channel: 'phone', result: 'lead' }), 201);
      expectJson(await post('services', { service: 'meals', serviceDate: jakartaDate(0) }), 201);
      expectJson(await post('belongings', { description: 'KTP lama' }), 201);
      expectJson(await post('follow-ups', { dueDate: jakartaDate(14) }), 201);
      expectJson(
        await post('reunification', { destinationType: 'home_dinsos', destinationName: 'Dinas Sosial Kabupaten Lumajang', receivedByName: 'Andi Wijaya', handedOverAt: ago(1) }),
        201,
      );

      const records = expectJson<CaseRecordsView>(await api(app, officer).get(`/api/cases/${c.id}/records`), 200);
      expect(records).toMatchObject({ caseId: c.id, civilRegistration: 'unknown', tracing: { status: 'in_progress' } });
      expect(records.healthChecks).toHaveLength(1);
      expect(records.identityDocuments.map((d) => d.status)).toEqual(['prepared']);
      expect(records.services.totals).toEqual([expect.objectContaining({ service: 'meals', quantity: 1 })]);
      expect(records.belongings).toHaveLength(1);
      expect(records.followUps).toHaveLength(1);
      expect(records.reunification?.destinationType).toBe('home_dinsos');

      const timeline = expectJson<{ items: { action: string }[] }>(await api(app, officer).get(`/api/cases/${c.id}/timeline`), 200);
      expect(timeline.items.map((i) => i.action)).toEqual(
        expect.arrayContaining([
          'case.health_check_recorded',
          'case.identity_document_requested',
          'case.tracing_attempt_recorded',
          'case.service_recorded',
          'case.belonging_deposited',
          'case.follow_up_scheduled',
          'case.reunification_recorded',
        ]),
      );
    });

    it('a closed case refuses new records but its records stay readable', async () => {
      const c = await openCase(app, officer, unitId);
      const item = expectJson<BelongingView>(await api(app, officer).post(`/api/cases/${c.id}/belongings`, { description: 'Jam tangan' }), 201);
      expectJson(await api(app, worker).post(`/api/cases/${c.id}/terminate`, { outcome: 'independent' }), 200);
      expect(expectError(await api(app, officer).post(`/api/cases/${c.id}/health-checks`, { pulse: 80 }), 409).code).toBe('cases.closed');
      expect(expectError(await api(app, officer).post(`/api/cases/${c.id}/belongings/${item.id}/return`, { returnedTo: 'Klien' }), 409).code).toBe('cases.closed');
      expect(expectJson<CaseRecordsView>(await api(app, officer).get(`/api/cases/${c.id}/records`), 200).belongings).toHaveLength(1);
    });
  });

  it('the API documentation describes every stage-record endpoint', async () => {
    const doc = expectJson<{ paths: Record<string, Record<string, unknown>> }>(await api(app).get('/api/docs/json'), 200);
    for (const [route, method] of [
      ['/api/cases/{caseId}/records', 'get'],
      ['/api/cases/{caseId}/health-checks', 'post'],
      ['/api/cases/{caseId}/identity-documents/{id}/transition', 'post'],
      ['/api/cases/{caseId}/tracing/close', 'post'],
      ['/api/cases/{caseId}/reunification/handover.pdf', 'get'],
      ['/api/follow-ups/due', 'get'],
      ['/api/cases/{caseId}/belongings/{id}/return', 'post'],
    ]) {
      expect(doc.paths[route]?.[method], `${method} ${route}`).toBeTruthy();
    }
  });

  describe('who may do what', () => {
    /** One request per endpoint, each valid for a case that has one record of every kind. */
    type Call = { name: string; send: (s: TestSession | null) => ReturnType<ReturnType<typeof api>['get']> };
    let calls: Call[];

    beforeAll(async () => {
      const c = await openCase(app, officer, unitId);
      const post = (suffix: string, body: object) => api(app, officer).post(`/api/cases/${c.id}/${suffix}`, body);
      const doc = expectJson<IdentityDocumentView>(await post('identity-documents', { documentType: 'kk' }), 201);
      const followUp = expectJson<FollowUpView>(await post('follow-ups', { dueDate: jakartaDate(1) }), 201);
      const item = expectJson<BelongingView>(await post('belongings', { description: 'Topi' }), 201);
      expectJson(await post('reunification', { destinationType: 'family', destinationName: 'Keluarga', receivedByName: 'Ibu Ani', handedOverAt: ago(1) }), 201);
      const base = `/api/cases/${c.id}`;
      calls = [
        { name: 'GET records', send: (s) => api(app, s).get(`${base}/records`) },
        { name: 'POST health-checks', send: (s) => api(app, s).post(`${base}/health-checks`, { mentalState: 'calm' }) },
        { name: 'POST identity-documents', send: (s) => api(app, s).post(`${base}/identity-documents`, { documentType: 'nik' }) },
        { name: 'POST identity-documents/:id/transition', send: (s) => api(app, s).post(`${base}/identity-documents/${doc.id}/transition`, { to: 'submitted' }) },
        { name: 'POST tracing-attempts', send: (s) => api(app, s).post(`${base}/tracing-attempts`, { channel: 'phone', result: 'lead' }) },
        { name: 'POST tracing/close', send: (s) => api(app, s).post(`${base}/tracing/close`, {}) },
        { name: 'GET services', send: (s) => api(app, s).get(`${base}/services`) },
        { name: 'POST services', send: (s) => api(app, s).post(`${base}/services`, { service: 'meals', serviceDate: jakartaDate(0) }) },
        {
          name: 'POST reunification',
          send: (s) => api(app, s).post(`${base}/reunification`, { destinationType: 'family', destinationName: 'Keluarga', receivedByName: 'Ibu Ani', handedOverAt: ago(1) }),
        },
        { name: 'GET reunification/handover.pdf', send: (s) => api(app, s).get(`${base}/reunification/handover.pdf`) },
        { name: 'POST follow-ups', send: (s) => api(app, s).post(`${base}/follow-ups`, { dueDate: jakartaDate(7) }) },
        { name: 'POST follow-ups/:id/done', send: (s) => api(app, s).post(`${base}/follow-ups/${followUp.id}/done`, { channel: 'phone', situation: 'Baik' }) },
        { name: 'POST belongings', send: (s) => api(app, s).post(`${base}/belongings`, { description: 'Payung' }) },
        { name: 'POST belongings/:id/return', send: (s) => api(app, s).post(`${base}/belongings/${item.id}/return`, { returnedTo: 'Klien' }) },
      ];
    });

    it("another organization's user gets 404 on every endpoint, and the records are untouched", async () => {
      const before = await calls[0].send(officer);
      for (const call of calls) {
        const res = await call.send(otherOfficer);
        expect(res.statusCode, call.name).toBe(404);
        expect(res.json().error.code, call.name).toBe('cases.not_found');
      }
      expect((await calls[0].send(officer)).json()).toEqual(before.json());
    });

    it('a viewer and an administrator get 403 on every endpoint, the due list included', async () => {
      for (const session of [viewer, admin]) {
        for (const call of calls) {
          const res = await call.send(session);
          expect(res.statusCode, call.name).toBe(403);
          expect(res.json().error.code, call.name).toBe('forbidden');
        }
        expect(expectError(await api(app, session).get('/api/follow-ups/due'), 403).code).toBe('forbidden');
      }
    });

    it('a shelter officer can do all of it', async () => {
      for (const call of calls) {
        const res = await call.send(officer);
        expect(res.statusCode, `${call.name}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
        expect(res.statusCode, `${call.name}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
      }
      expectJson(await api(app, officer).get('/api/follow-ups/due'), 200);
    });

    it('signed-out requests are refused with 401', async () => {
      expect(expectError(await calls[0].send(null), 401).code).toBe('auth.unauthenticated');
      expect(expectError(await api(app).get('/api/follow-ups/due'), 401).code).toBe('auth.unauthenticated');
    });
  });
});
