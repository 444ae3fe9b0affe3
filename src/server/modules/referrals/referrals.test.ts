import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { pdfText } from '../../../../tests/support/pdf.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import type { AttachmentView } from '../../../shared/contracts/attachments.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type { InstitutionView } from '../../../shared/contracts/institutions.js';
import type { ReferralDetail, ReferralSummary } from '../../../shared/contracts/referrals.js';
import { auditLog as auditEvents } from '../audit/audit.table.js';
import { notifications } from '../notifications/notifications.table.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('referrals and the partner network', () => {
  let app: TestApp;
  let admin: TestSession;
  let worker: TestSession;
  let officer: TestSession;
  let partner: TestSession;
  let otherPartner: TestSession;
  let unitId: string;
  let regencyId: string;
  let pantiId: string;
  let otherPantiId: string;
  let kase: CaseDetail;
  let otherCase: CaseDetail;
  let document: AttachmentView;
  let other: { regencyId: string; unitId: string; admin: TestSession; worker: TestSession };

  async function notificationsOf(userId: string) {
    return app.testDatabase.db.select().from(notifications).where(eq(notifications.userId, userId));
  }

  async function intake(session: TestSession, organizationId: string, name: string) {
    return expectJson<CaseDetail>(
      await api(app, session).post('/api/intakes', {
        organizationId,
        source: 'police',
        arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        categories: ['local_psychotic_homeless'],
        presentingProblem: 'Ditemukan di terminal, bicara tidak runtut',
        client: { name, sex: 'male', estimatedAge: 40, nik: '3574011204860001', originAddress: 'Desa Kledung, Temanggung' },
      }),
      201,
    );
  }

  beforeAll(async () => {
    app = await createTestApp();
    const setup = await setupInstance(app);
    admin = setup.session;
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    const panti = expectJson<{ id: string }>(await api(app, admin).post('/api/organizations', { parentId: regencyId, kind: 'partner', partnerType: 'panti', name: 'Panti Werdha Bahagia' }), 201);
    pantiId = panti.id;
    const otherPanti = expectJson<{ id: string }>(await api(app, admin).post('/api/organizations', { parentId: regencyId, kind: 'partner', partnerType: 'hospital', name: 'RSUD Dr. Mohamad Saleh' }), 201);
    otherPantiId = otherPanti.id;
    partner = (await buildUserSession(app, admin, { role: 'partner_officer', organizationId: pantiId })).session;
    otherPartner = (await buildUserSession(app, admin, { role: 'partner_officer', organizationId: otherPantiId })).session;
    kase = await intake(worker, unitId, 'Pak Darmo');
    otherCase = await intake(worker, unitId, 'Bu Sumi');
    const fd = new FormData();
    fd.append('caseId', kase.id);
    fd.append('kind', 'document');
    fd.append('caption', 'Laporan hasil asesmen');
    fd.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'asesmen.pdf');
    document = expectJson<AttachmentView>(await api(app, worker).post('/api/attachments', fd), 201);
    const second = await createSecondDistrict(app);
    other = {
      regencyId: second.regencyId,
      unitId: second.unitId,
      admin: second.adminSession,
      worker: (await buildUserSession(app, second.adminSession, { role: 'social_worker', organizationId: second.regencyId })).session,
    };
  }, 120_000);
  afterAll(() => app?.close());

  describe('institution directory', () => {
    it('lists the real example institutions once, without invented contact details', async () => {
      const first = expectJson<{ items: InstitutionView[] }>(await api(app, worker).get('/api/institutions'), 200);
      const again = expectJson<{ items: InstitutionView[] }>(await api(app, worker).get('/api/institutions'), 200);
      const names = again.items.map((i) => i.name);
      for (const name of [
        'UPT Rehabilitasi Sosial Gelandangan dan Pengemis Sidoarjo',
        'UPT Rehabilitasi Sosial Bina Laras Pasuruan',
        'UPT Rehabilitasi Sosial Bina Laras Kediri',
        'Balai Rehabilitasi Sosial "Mardi Utomo" Semarang',
        'BRSPDM "Margo Laras" Pati',
      ])
        expect(names.filter((n) => n === name), name).toHaveLength(1);
      expect(again.items.length).toBe(first.items.length);
      const sidoarjo = again.items.find((i) => i.name.includes('Sidoarjo'))!;
      expect(sidoarjo).toMatchObject({ phone: null, email: null, contacts: [], regionName: 'Kabupaten Sidoarjo', hasAccount: false, canEdit: false });
      expect(sidoarjo.categories).toEqual(['ppks_11', 'ppks_12']);
    });

    it('filters by type, category and region, and lists other districts’ Dinas Sosial', async () => {
      const mental = expectJson<{ items: InstitutionView[] }>(await api(app, worker).get('/api/institutions', { query: { category: 'local_psychotic_homeless', regionCode: '33' } }), 200);
      expect(mental.items.map((i) => i.name)).toEqual(['BRSPDM "Margo Laras" Pati']);
      const dinsos = expectJson<{ items: InstitutionView[] }>(await api(app, worker).get('/api/institutions', { query: { type: 'dinsos_district' } }), 200);
      expect(dinsos.items.map((i) => i.id)).toContain(other.regencyId);
      const hospitals = expectJson<{ items: InstitutionView[] }>(await api(app, worker).get('/api/institutions', { query: { type: 'hospital', q: 'saleh' } }), 200);
      expect(hospitals.items.map((i) => i.id)).toEqual([otherPantiId]);
    });

    it('is edited by administrators, and the availability by the institution’s own officers', async () => {
      const edited = expectJson<InstitutionView>(
        await api(app, admin).put(`/api/institutions/${pantiId}`, {
          services: ['meals', 'guidance'],
          categories: ['ppks_08', 'local_neglected_elderly'],
          capacity: 40,
          contacts: [{ name: 'Ibu Ratna', role: 'Pekerja Sosial', phone: '0335 421000' }],
        }),
        200,
      );
      expect(edited).toMatchObject({ capacity: 40, canEdit: true, contacts: [{ name: 'Ibu Ratna' }] });
      expect(expectError(await api(app, admin).put(`/api/institutions/${pantiId}`, { contacts: [{ name: 'X', phone: 'abc' }] }), 400).fields?.[0].field).toBe('contacts.0.phone');
      expect(expectError(await api(app, partner).put(`/api/institutions/${pantiId}`, { capacity: 1 }), 403).code).toBe('forbidden');
      const mine = expectJson<InstitutionView>(await api(app, partner).put(`/api/institutions/${pantiId}/availability`, { availablePlaces: 3, availabilityNote: 'Kamar laki-laki penuh' }), 200);
      expect(mine).toMatchObject({ availablePlaces: 3, canUpdateAvailability: true });
      expect(expectJson<InstitutionView>(await api(app, partner).get('/api/institutions/mine'), 200).id).toBe(pantiId);
      expect(expectError(await api(app, partner).put(`/api/institutions/${otherPantiId}/availability`, { availablePlaces: 9 }), 404).code).toBe('institutions.not_found');
      expect(expectError(await api(app, partner).get('/api/institutions'), 403).code).toBe('forbidden');
      const [row] = await app.testDatabase.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'institution.availability_updated'), eq(auditEvents.entityId, pantiId)));
      expect(row.actorUserId).toBe(partner.me.user.id);
    });
  });

  describe('a referral to a panti with its own account', () => {
    let referral: ReferralDetail;

    it('refuses a referral without consent and without a legal basis, naming the field', async () => {
      const err = expectError(
        await api(app, worker).post('/api/referrals', { caseId: kase.id, toOrganizationId: pantiId, reason: 'Perlu rehabilitasi jangka panjang', consent: 'unable' }),
        400,
      );
      expect(err.fields?.map((f) => f.field)).toContain('legalBasis');
    });

    it('refuses documents that are not the case’s own', async () => {
      const err = expectError(
        await api(app, worker).post('/api/referrals', {
          caseId: otherCase.id,
          toOrganizationId: pantiId,
          reason: 'Perlu rehabilitasi jangka panjang',
          consent: 'given',
          documentIds: [document.id],
        }),
        400,
      );
      expect(err).toMatchObject({ code: 'referrals.document_not_of_case', fields: [{ field: 'documentIds' }] });
    });

    it('is written as a draft the institution cannot see yet', async () => {
      referral = expectJson<ReferralDetail>(
        await api(app, worker).post('/api/referrals', {
          caseId: kase.id,
          toOrganizationId: pantiId,
          reason: 'Klien psikotik, keluarga belum ditemukan; perlu rehabilitasi sosial di panti',
          services: ['guidance', 'family_tracing'],
          urgency: 'urgent',
          documentIds: [document.id],
          consent: 'unable',
          legalBasis: 'Klien dalam kondisi psikotik; rujukan dalam rangka pelayanan publik (UU 27/2022 Pasal 20 ayat 2 huruf d)',
        }),
        201,
      );
      expect(referral).toMatchObject({ status: 'draft', side: 'sender', caseId: kase.id, actions: ['send', 'cancel'], canEdit: true });
      expect(expectError(await api(app, partner).get(`/api/referrals/${referral.id}`), 404).code).toBe('referrals.not_found');
      expect(expectJson<{ items: ReferralSummary[] }>(await api(app, partner).get('/api/referrals'), 200).items).toEqual([]);
    });

    it('never shows the institution a draft that was cancelled before it was sent', async () => {
      const mistaken = expectJson<ReferralDetail>(
        await api(app, worker).post('/api/referrals', {
          caseId: kase.id,
          toOrganizationId: pantiId,
          reason: 'Dibuat untuk panti yang salah, dibatalkan sebelum dikirim',
          services: ['guidance'],
          urgency: 'routine',
          documentIds: [document.id],
          consent: 'unable',
          legalBasis: 'Klien dalam kondisi psikotik; rujukan dalam rangka pelayanan publik (UU 27/2022 Pasal 20 ayat 2 huruf d)',
        }),
        201,
      );
      const cancelled = expectJson<ReferralDetail>(await api(app, worker).post(`/api/referrals/${mistaken.id}/cancel`, { reason: 'Salah alamat panti' }), 200);
      expect(cancelled).toMatchObject({ status: 'cancelled', sentAt: null, canPost: false });
      // The institution cannot open it, list it, or print its letter; nobody there was told of it.
      expect(expectError(await api(app, partner).get(`/api/referrals/${mistaken.id}`), 404).code).toBe('referrals.not_found');
      expect(expectError(await api(app, partner).get(`/api/referrals/${mistaken.id}/letter.pdf`), 404).code).toBe('referrals.not_found');
      for (const box of ['all', 'received']) {
        const seen = expectJson<{ items: ReferralSummary[]; total: number }>(await api(app, partner).get(`/api/referrals?box=${box}`), 200);
        expect(seen.items.map((i) => i.id)).not.toContain(mistaken.id);
        expect(seen.total).toBe(0);
      }
      expect((await notificationsOf(partner.me.user.id)).filter((n) => n.link === `/referrals/${mistaken.id}`)).toEqual([]);
      // Nor can the sender start a thread the institution would be told about.
      expect(expectError(await api(app, worker).post(`/api/referrals/${mistaken.id}/messages`, { kind: 'message', body: 'Halo panti' }), 409).code).toBe('referrals.not_sent');
      // The sending side still has it, cancelled, in its list.
      const sent = expectJson<{ items: ReferralSummary[] }>(await api(app, worker).get('/api/referrals?box=sent'), 200);
      expect(sent.items.find((i) => i.id === mistaken.id)).toMatchObject({ status: 'cancelled' });
    });

    it('is sent with a letter number and notifies the institution’s officers', async () => {
      const sent = expectJson<ReferralDetail>(await api(app, worker).post(`/api/referrals/${referral.id}/send`, {}), 200);
      expect(sent.status).toBe('sent');
      expect(sent.letterNumber).toBeTruthy();
      const got = await notificationsOf(partner.me.user.id);
      expect(got.map((n) => n.kind)).toContain('referral_sent');
      expect(got.find((n) => n.kind === 'referral_sent')!.link).toBe(`/referrals/${referral.id}`);
      expect((await notificationsOf(otherPartner.me.user.id)).filter((n) => n.kind.startsWith('referral_'))).toEqual([]);
      referral = sent;
    });

    it('shows the institution only the shared part of the client record', async () => {
      const inbox = expectJson<{ items: ReferralSummary[] }>(await api(app, partner).get('/api/referrals'), 200);
      expect(inbox.items.map((i) => i.id)).toEqual([referral.id]);
      const seen = expectJson<ReferralDetail>(await api(app, partner).get(`/api/referrals/${referral.id}`), 200);
      expect(seen).toMatchObject({ side: 'receiver', caseId: null, caseNumber: null, actions: ['accept', 'decline'] });
      expect(seen.client).toEqual({ name: 'Pak Darmo', sex: 'male', birthDate: null, estimatedAge: 40, categories: ['local_psychotic_homeless'] });
      expect(JSON.stringify(seen)).not.toContain('3574011204860001');
      expect(JSON.stringify(seen)).not.toContain('Kledung');
      expect(seen.documents.map((d) => d.id)).toEqual([document.id]);
      const file = await api(app, partner).get(`/api/referrals/${referral.id}/documents/${document.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('keeps every other record away from the partner officer', async () => {
      const p = api(app, partner);
      const refused = [
        await p.get(`/api/cases/${kase.id}`),
        await p.get('/api/cases'),
        await p.get(`/api/clients/${kase.client.id}`),
        await p.get(`/api/cases/${kase.id}/records`),
        await p.get('/api/attachments', { query: { caseId: kase.id } }),
        await p.get(`/api/attachments/${document.id}/file`),
        await p.get('/api/field-reports'),
        await p.get('/api/referrals/overview'),
        await p.post('/api/referrals', { caseId: kase.id, toOrganizationId: otherPantiId, reason: 'Coba rujuk', consent: 'given' }),
      ];
      for (const res of refused) expect([403, 404], res.raw.req?.url).toContain(res.statusCode);
      // Another institution's referral is not found, and neither are its documents.
      const toHospital = expectJson<ReferralDetail>(
        await api(app, worker).post('/api/referrals', { caseId: otherCase.id, toOrganizationId: otherPantiId, reason: 'Pemeriksaan kejiwaan', consent: 'given' }),
        201,
      );
      await api(app, worker).post(`/api/referrals/${toHospital.id}/send`, {});
      expect(expectError(await p.get(`/api/referrals/${toHospital.id}`), 404).code).toBe('referrals.not_found');
      expect((await p.get(`/api/referrals/${toHospital.id}/letter.pdf`)).statusCode).toBe(404);
      expect((await p.post(`/api/referrals/${toHospital.id}/respond`, { action: 'accept' })).statusCode).toBe(404);
      expect((await p.post(`/api/referrals/${toHospital.id}/messages`, { body: 'halo' })).statusCode).toBe(404);
      expect((await p.get(`/api/referrals/${referral.id}/documents/${crypto.randomUUID()}`)).statusCode).toBe(404);
      // Another district's staff cannot see the referral either.
      expect((await api(app, other.worker).get(`/api/referrals/${referral.id}`)).statusCode).toBe(404);
      expect((await api(app, other.admin).get(`/api/referrals/${referral.id}`)).statusCode).toBe(403);
    });

    it('the shelter cannot answer for an institution that answers itself', async () => {
      expect(expectError(await api(app, worker).post(`/api/referrals/${referral.id}/respond`, { action: 'accept' }), 409).code).toBe('referrals.institution_answers_itself');
    });

    it('is accepted, handed over and completed by the panti, and the shelter hears of it', async () => {
      const accepted = expectJson<ReferralDetail>(await api(app, partner).post(`/api/referrals/${referral.id}/respond`, { action: 'accept', note: 'Silakan diantar besok pagi' }), 200);
      expect(accepted.status).toBe('accepted');
      expect((await notificationsOf(worker.me.user.id)).map((n) => n.kind)).toContain('referral_accepted');
      // Arrival needs who received the client.
      expect(expectError(await api(app, partner).post(`/api/referrals/${referral.id}/respond`, { action: 'hand_over' }), 400).fields?.[0].field).toBe('receivedByName');
      const handedOver = expectJson<ReferralDetail>(
        await api(app, partner).post(`/api/referrals/${referral.id}/respond`, { action: 'hand_over', receivedByName: 'Ibu Ratna', handedOverAt: new Date().toISOString() }),
        200,
      );
      expect(handedOver).toMatchObject({ status: 'handed_over', receivedByName: 'Ibu Ratna' });
      expect(expectError(await api(app, partner).post(`/api/referrals/${referral.id}/respond`, { action: 'accept' }), 409).code).toBe('referrals.transition_not_allowed');
      expect(expectError(await api(app, worker).post(`/api/referrals/${referral.id}/cancel`, { reason: 'salah kirim' }), 409).code).toBe('referrals.transition_not_allowed');
      const progress = expectJson<ReferralDetail>(await api(app, partner).post(`/api/referrals/${referral.id}/messages`, { kind: 'progress_note', body: 'Klien mulai mengikuti bimbingan' }), 201);
      expect(progress.events.at(-1)).toMatchObject({ kind: 'progress_note', side: 'receiver', body: 'Klien mulai mengikuti bimbingan' });
      expect((await notificationsOf(worker.me.user.id)).map((n) => n.kind)).toContain('referral_message');
      const reply = expectJson<ReferralDetail>(await api(app, worker).post(`/api/referrals/${referral.id}/messages`, { body: 'Terima kasih' }), 201);
      expect(reply.events.at(-1)).toMatchObject({ kind: 'message', side: 'sender' });
      const done = expectJson<ReferralDetail>(await api(app, partner).post(`/api/referrals/${referral.id}/respond`, { action: 'complete' }), 200);
      expect(done.status).toBe('completed');
      const statuses = done.events.filter((e) => e.kind === 'status').map((e) => e.toStatus);
      expect(statuses).toEqual(['draft', 'sent', 'accepted', 'handed_over', 'completed']);
      // The sending side sees the same thread.
      const shelterView = expectJson<ReferralDetail>(await api(app, worker).get(`/api/referrals/${referral.id}`), 200);
      expect(shelterView.events.map((e) => e.id)).toEqual(done.events.map((e) => e.id));
      // Every change is on the case's timeline.
      const audit = await app.testDatabase.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'case'), eq(auditEvents.entityId, kase.id)))
        .orderBy(asc(auditEvents.id));
      const changes = audit
        .filter((a) => a.action === 'referral.status_changed' && (a.changes as { referralId: string }).referralId === referral.id)
        .map((a) => (a.changes as { to: string }).to);
      expect(changes).toEqual(['sent', 'accepted', 'handed_over', 'completed']);
      expect(audit.map((a) => a.action)).toContain('referral.created');
    });

    it('prints a numbered referral letter on the letterhead, signed by the head of unit', async () => {
      const res = await api(app, worker).get(`/api/referrals/${referral.id}/letter.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      const text = pdfText(res.rawPayload);
      expect(text).toContain('PEMERINTAH KOTA PROBOLINGGO');
      expect(text).toContain(referral.letterNumber!);
      expect(text).toContain('Rujukan Klien');
      expect(text).toContain('Panti Werdha Bahagia');
      expect(text).toContain('Pak Darmo');
      expect(text).toContain('Dasar hukum');
      expect(text).toContain('Laporan hasil asesmen');
    });
  });

  describe('an institution without an account', () => {
    it('the shelter sends the letter and records the answers itself', async () => {
      const list = expectJson<{ items: InstitutionView[] }>(await api(app, officer).get('/api/institutions', { query: { q: 'Sidoarjo' } }), 200);
      const sidoarjo = list.items[0];
      const r = expectJson<ReferralDetail>(
        await api(app, officer).post('/api/referrals', { caseId: otherCase.id, toOrganizationId: sidoarjo.id, reason: 'Pengemis berulang, perlu rehabilitasi', consent: 'given' }),
        201,
      );
      await api(app, officer).post(`/api/referrals/${r.id}/send`, {});
      const seen = expectJson<ReferralDetail>(await api(app, officer).get(`/api/referrals/${r.id}`), 200);
      expect(seen).toMatchObject({ institutionHasAccount: false, actions: ['accept', 'decline', 'cancel'] });
      const declined = expectJson<ReferralDetail>(await api(app, officer).post(`/api/referrals/${r.id}/respond`, { action: 'decline', note: 'Kuota penuh bulan ini (telepon)' }), 200);
      expect(declined).toMatchObject({ status: 'declined', declineReason: 'Kuota penuh bulan ini (telepon)' });
      const [row] = await app.testDatabase.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'referral.status_changed'), eq(auditEvents.entityId, otherCase.id)));
      expect(row).toBeTruthy();
    });

    it('a role without referral permissions is refused', async () => {
      const viewer = (await buildUserSession(app, admin, { role: 'viewer', organizationId: regencyId })).session;
      expect(expectError(await api(app, viewer).get('/api/referrals'), 403).code).toBe('forbidden');
      expect(expectError(await api(app, admin).post('/api/referrals', { caseId: kase.id, toOrganizationId: pantiId, reason: 'xxxxx', consent: 'given' }), 403).code).toBe('forbidden');
    });
  });

  describe('between districts', () => {
    it('a stranded traveller returns home as a new case at the home district, and the sender sees the outcome', async () => {
      const traveller = await intake(worker, unitId, 'Mas Joko');
      expect(expectError(await api(app, worker).post('/api/referrals', { caseId: traveller.id, toOrganizationId: regencyId, reason: 'Pulang ke daerah asal', consent: 'given' }), 400).code).toBe(
        'referrals.own_district',
      );
      const r = expectJson<ReferralDetail>(
        await api(app, worker).post('/api/referrals', {
          caseId: traveller.id,
          toOrganizationId: other.regencyId,
          reason: 'Kehabisan bekal perjalanan; keluarga di Temanggung bersedia menerima',
          services: ['reunification'],
          consent: 'given',
        }),
        201,
      );
      await api(app, worker).post(`/api/referrals/${r.id}/send`, {});
      expect((await notificationsOf(other.worker.me.user.id)).map((n) => n.kind)).toContain('referral_sent');
      const inbox = expectJson<{ items: ReferralSummary[] }>(await api(app, other.worker).get('/api/referrals', { query: { box: 'received' } }), 200);
      expect(inbox.items.map((i) => i.id)).toEqual([r.id]);
      const accepted = expectJson<ReferralDetail>(await api(app, other.worker).post(`/api/referrals/${r.id}/respond`, { action: 'accept' }), 200);
      expect(accepted.receivingCaseId).toBeTruthy();
      const newCase = expectJson<CaseDetail>(await api(app, other.worker).get(`/api/cases/${accepted.receivingCaseId}`), 200);
      expect(newCase.organizationId).toBe(other.regencyId);
      expect(newCase.source).toBe('agency_referral');
      expect(newCase.client.name).toBe('Mas Joko');
      expect(newCase.client.id).not.toBe(traveller.client.id);
      expect(newCase.letterNumber).toBe(accepted.letterNumber);
      expect(newCase.presentingProblem).toContain(traveller.caseNumber);
      expect(newCase.presentingProblem).toContain(r.id);
      // The home district cannot open the sending case; the sender sees the outcome.
      expect((await api(app, other.worker).get(`/api/cases/${traveller.id}`)).statusCode).toBe(404);
      const outcome = expectJson<ReferralDetail>(await api(app, worker).get(`/api/referrals/${r.id}`), 200);
      expect(outcome).toMatchObject({ status: 'accepted', receivingCaseNumber: newCase.caseNumber, receivingCaseId: null });
      expect((await notificationsOf(worker.me.user.id)).filter((n) => n.kind === 'referral_accepted').length).toBeGreaterThanOrEqual(2);
      const overview = expectJson<{ items: { institutionId: string; status: string; count: number }[] }>(await api(app, worker).get('/api/referrals/overview'), 200);
      expect(overview.items).toContainEqual(expect.objectContaining({ institutionId: other.regencyId, status: 'accepted', count: 1 }));
    });
  });
});
