/**
 * The public face of a shelter: the server-rendered service page, the satisfaction survey from the
 * public form to the staff results and report, and the printed/shareable material.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, type SetupResult, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { hasPdftotext, pdfText } from '../../../../tests/support/pdf.js';
import { createSecondDistrict, type SecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type { SurveyPeriodView, SurveyResultsView } from '../../../shared/contracts/survey.js';

function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PROFILE = {
  slug: 'rumah-singgah-probolinggo',
  description: 'Rumah singgah menerima dan melayani PPKS terlantar selama 24 jam, gratis, sampai kembali ke keluarga.',
  servesWhom: 'Gelandangan, pengemis, orang terlantar di perjalanan, lansia dan anak terlantar.',
  requirements: 'Surat pengantar dari instansi pengantar\nBila ada: KTP atau Kartu Keluarga',
  handoverInstructions: 'Hubungi telepon piket sebelum berangkat\nBawa surat keterangan orang terlantar dari Polsek',
  dutyPhone: '(0335) 421 112',
  whatsapp: '6281234567890',
  openingHours: 'Setiap hari, 24 jam',
  latitude: -7.7543,
  longitude: 113.2159,
  isPublished: true,
};

const ANSWERS = { u1: '4', u2: '3', u3: '4', u4: '4', u5: '3', u6: '4', u7: '4', u8: '3', u9: '3', ageGroup: '30_39', sex: 'female', education: 'sma', respondentType: 'family', suggestion: 'Ruang tunggu keluarga diperbanyak kursinya.' };

describe('the public face of a shelter', () => {
  let app: TestApp;
  let admin: SetupResult;
  let unitId: string;
  let regencyId: string;
  let officer: TestSession;
  let head: TestSession;
  let other: SecondDistrict;
  let periodId: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await setupInstance(app);
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin.session).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    officer = (await buildUserSession(app, admin.session, { role: 'shelter_officer', organizationId: unitId })).session;
    head = (await buildUserSession(app, admin.session, { role: 'head', organizationId: unitId, name: 'Drs. Slamet Riyadi', nip: '196805121990031004' } as never)).session;
    other = await createSecondDistrict(app);
    // Two clients this year: the names must never appear on the public page.
    for (const [name, categories] of [['Mbah Sastro Rahasia', ['local_neglected_elderly']], ['Joko Tersembunyi', ['ppks_12', 'ppks_11']]] as const) {
      expectJson<CaseDetail>(
        await api(app, officer).post('/api/intakes', { organizationId: unitId, source: 'satpol_pp_raid', arrivedAt: new Date().toISOString(), categories, client: { name } }),
        201,
      );
    }
  }, 120_000);
  afterAll(() => app?.close());

  describe('the public service page', () => {
    it('does not exist until the administrator sets it up', async () => {
      expect((await app.inject({ method: 'GET', url: '/layanan/rumah-singgah-probolinggo' })).statusCode).toBe(404);
      const view = expectJson<{ profile: unknown }>(await api(app, admin.session).get('/api/public-profile', { query: { organizationId: unitId } }), 200);
      expect(view.profile).toBeNull();
    });

    it('the administrator publishes it; the change is audited', async () => {
      const res = expectJson<{ profile: { publicPath: string } }>(await api(app, admin.session).put('/api/public-profile', PROFILE, { query: { organizationId: unitId } }), 200);
      expect(res.profile.publicPath).toBe('/layanan/rumah-singgah-probolinggo');
      const audit = expectJson<{ items: { action: string; entityId: string }[] }>(await api(app, admin.session).get('/api/audit', { query: { action: 'public_profile.updated' } }), 200);
      expect(audit.items.map((i) => i.entityId)).toContain(unitId);
    });

    it('a bad address is refused naming the field', async () => {
      const err = expectError(await api(app, admin.session).put('/api/public-profile', { ...PROFILE, slug: 'Bukan Slug!' }, { query: { organizationId: unitId } }), 400);
      expect(err.fields?.map((f) => f.field)).toContain('slug');
    });

    it('another district cannot take the same address, nor edit this unit (404)', async () => {
      expectError(await api(app, other.adminSession).put('/api/public-profile', PROFILE, { query: { organizationId: other.unitId } }), 409);
      expectError(await api(app, other.adminSession).put('/api/public-profile', PROFILE, { query: { organizationId: unitId } }), 404);
      expectError(await api(app, other.adminSession).get('/api/public-profile', { query: { organizationId: unitId } }), 404);
    });

    it('a shelter officer cannot change it (403)', async () => {
      expectError(await api(app, officer).put('/api/public-profile', PROFILE, { query: { organizationId: unitId } }), 403);
    });

    it('anyone reads it as small server-rendered HTML with title, description, link-preview tags, the SOP stages and no client', async () => {
      const res = await app.inject({ method: 'GET', url: '/layanan/rumah-singgah-probolinggo', headers: { host: 'singgah.example.id' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      const page = res.body;
      expect(Buffer.byteLength(page)).toBeLessThan(100 * 1024);
      expect(page).toContain('<title>Rumah Singgah Kota Probolinggo — Layanan Rumah Singgah</title>');
      expect(page).toContain('<meta name="description" content="Rumah singgah menerima');
      expect(page).toContain('<meta property="og:title"');
      expect(page).toContain('<meta property="og:image" content="http://singgah.example.id/layanan/rumah-singgah-probolinggo/og.png">');
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
      for (const stage of ['Penerimaan klien', 'Identifikasi awal', 'Asesmen klien', 'Rapat kasus', 'Terminasi']) expect(page).toContain(stage);
      expect(page).toContain('href="tel:0335421112"');
      expect(page).toContain('https://wa.me/6281234567890');
      expect(page).toContain('href="/aduan"');
      expect(page).toContain('href="/survei/rumah-singgah-probolinggo"');
      expect(page).toContain('https://www.openstreetmap.org/?mlat=-7.754300&amp;mlon=113.215900');
      expect(page).not.toContain('<script');
      // This year's numbers: two clients served; categories counted once per case (Gelandangan, Pengemis, Lanjut Usia)
      expect(page).toMatch(/<b>2<\/b>klien dilayani/);
      expect(page).toContain('Lanjut Usia Terlantar: <b>1</b>');
      expect(page).toContain('Gelandangan: <b>1</b>');
      expect(page).not.toContain('Mbah Sastro');
      expect(page).not.toContain('Joko Tersembunyi');
    });

    it('speaks English when asked, and its JSON twin carries the same flow', async () => {
      const en = await app.inject({ method: 'GET', url: '/layanan/rumah-singgah-probolinggo?lang=en' });
      expect(en.body).toContain('Client reception');
      const json = expectJson<{ stages: { name: string }[]; stats: { arrived: number } }>(await app.inject({ method: 'GET', url: '/api/public/services/rumah-singgah-probolinggo' }), 200);
      expect(json.stages).toHaveLength(12);
      expect(json.stats.arrived).toBe(2);
      expect(JSON.stringify(json)).not.toContain('Joko');
    });

    it('never publishes the personal phone of the officer on duty: the office’s numbers only', async () => {
      const officerId = officer.me.user.id;
      expectJson(await api(app, admin.session).patch(`/api/users/${officerId}`, { phone: '0812 9999 1111' }), 200);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
      expectJson(await api(app, head).post('/api/roster/shifts', { organizationId: unitId, shiftDate: today, startTime: '00:00', endTime: '00:00', officerUserId: officerId }), 201);
      // Neither a published duty phone nor the unit's own number.
      expectJson(await api(app, admin.session).put('/api/public-profile', { ...PROFILE, dutyPhone: null }, { query: { organizationId: unitId } }), 200);
      expectJson(await api(app, admin.session).patch(`/api/organizations/${unitId}`, { phone: null }), 200);
      try {
        // The officer is on duty now, with the phone on their account.
        const onDuty = expectJson<{ officers: { userId: string; phone: string | null }[] }>(await api(app, head).get('/api/roster/on-duty', { query: { organizationId: unitId } }), 200);
        expect(onDuty.officers.find((o) => o.userId === officerId)?.phone).toBe('0812 9999 1111');
        const json = expectJson<{ phone: string | null }>(await app.inject({ method: 'GET', url: '/api/public/services/rumah-singgah-probolinggo' }), 200);
        expect(json.phone).not.toBe('0812 9999 1111');
        expect((await app.inject({ method: 'GET', url: '/layanan/rumah-singgah-probolinggo' })).body).not.toContain('9999');
      } finally {
        // As the tests after this one expect it.
        expectJson(await api(app, admin.session).put('/api/public-profile', PROFILE, { query: { organizationId: unitId } }), 200);
        expectJson(await api(app, admin.session).patch(`/api/organizations/${unitId}`, { phone: '0335-421000' }), 200);
      }
    });

    it('its link-preview image is a 1200×630 PNG', async () => {
      const res = await app.inject({ method: 'GET', url: '/layanan/rumah-singgah-probolinggo/og.png' });
      expect(res.statusCode).toBe(200);
      expect(pngSize(res.rawPayload)).toEqual({ width: 1200, height: 630 });
    });

    it('the web app fallback does not swallow an unknown public page', async () => {
      expect((await app.inject({ method: 'GET', url: '/layanan/tidak-ada' })).statusCode).toBe(404);
    });
  });

  describe('the satisfaction survey', () => {
    it('the form says no period is open until the administrator opens one', async () => {
      const res = await app.inject({ method: 'GET', url: '/survei/rumah-singgah-probolinggo' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('tidak ada periode survei');
    });

    it('only the administrator opens a period; bad dates name the field; the opening is audited', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const body = { name: `Tahun ${today.slice(0, 4)}`, startsOn: `${today.slice(0, 4)}-01-01`, endsOn: `${today.slice(0, 4)}-12-31` };
      expectError(await api(app, officer).post('/api/survey/periods', body, { query: { organizationId: unitId } }), 403);
      const bad = expectError(await api(app, admin.session).post('/api/survey/periods', { ...body, endsOn: '2000-01-01' }, { query: { organizationId: unitId } }), 400);
      expect(bad.fields?.map((f) => f.field)).toContain('endsOn');
      expectError(await api(app, other.adminSession).post('/api/survey/periods', body, { query: { organizationId: unitId } }), 404);
      const period = expectJson<SurveyPeriodView>(await api(app, admin.session).post('/api/survey/periods', body, { query: { organizationId: unitId } }), 201);
      expect(period).toMatchObject({ isOpen: true, responses: 0 });
      periodId = period.id;
      const audit = expectJson<{ items: { entityId: string }[] }>(await api(app, admin.session).get('/api/audit', { query: { action: 'survey.period_created' } }), 200);
      expect(audit.items.map((i) => i.entityId)).toContain(periodId);
    });

    async function openForm(): Promise<string> {
      const res = await app.inject({ method: 'GET', url: '/survei/rumah-singgah-probolinggo' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('name="u9"');
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      expect(cookie).toMatch(/^singgah_survey_device=/);
      return cookie;
    }
    const post = (cookie: string | undefined, answers: Record<string, string>, remoteAddress = '10.9.0.1') =>
      app.inject({
        method: 'POST',
        url: '/survei/rumah-singgah-probolinggo',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        payload: new URLSearchParams(answers).toString(),
        remoteAddress,
      });

    it('a family answers from a phone; the same device cannot answer twice in the period', async () => {
      const cookie = await openForm();
      const first = await post(cookie, ANSWERS);
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toBe('/survei/rumah-singgah-probolinggo?done=1');
      const again = await post(cookie, { ...ANSWERS, u1: '1' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('sudah mengisi survei');
      const page = await app.inject({ method: 'GET', url: '/survei/rumah-singgah-probolinggo', headers: { cookie } });
      expect(page.body).toContain('id="answered"');
    });

    it('an incomplete answer is refused naming the missing element, keeping what was filled', async () => {
      const cookie = await openForm();
      const { u3: _missing, ...rest } = ANSWERS;
      const res = await post(cookie, rest);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Waktu penyelesaian');
      expect(res.body).toContain('value="4" required checked');
    });

    it('a post without the device cookie is not counted', async () => {
      const res = await post(undefined, ANSWERS);
      expect(res.statusCode).toBe(400);
    });

    it('staff see the IKM computed exactly; another district cannot (404); a pillar has no access (403)', async () => {
      const second = await openForm();
      expect((await post(second, { ...ANSWERS, u1: '2', u2: '2', u3: '2', u4: '4', u5: '2', u6: '3', u7: '3', u8: '2', u9: '2', respondentType: 'partner_agency', suggestion: '' })).statusCode).toBe(303);
      const results = expectJson<SurveyResultsView>(await api(app, head).get(`/api/survey/periods/${periodId}/results`), 200);
      // U1 (4+2)/2 = 3 · U2 2.5 · U3 3 · U4 4 · U5 2.5 · U6 3.5 · U7 3.5 · U8 2.5 · U9 2.5 → Σ 27 → /9 = 3 → IKM 75.00 → C
      expect(results.respondents).toBe(2);
      const listed = expectJson<{ items: SurveyPeriodView[] }>(await api(app, head).get('/api/survey/periods', { query: { organizationId: unitId } }), 200);
      expect(listed.items.find((p) => p.id === periodId)?.responses).toBe(2);
      const qr = await api(app, head).get('/api/publications/qr.svg', { query: { organizationId: unitId, target: 'survey' } });
      expect(qr.statusCode).toBe(200);
      expect(qr.body).toMatch(/^<svg [^>]*width="320"/);
      expect(results.elements.map((e) => e.nrr)).toEqual([3, 2.5, 3, 4, 2.5, 3.5, 3.5, 2.5, 2.5]);
      expect(results.ikmRounded).toBe(75);
      expect(results.grade).toBe('C');
      expect(results.profile.respondentType).toEqual([{ value: 'family', count: 1 }, { value: 'partner_agency', count: 1 }]);
      expect(results.suggestions.map((s) => s.text)).toEqual(['Ruang tunggu keluarga diperbanyak kursinya.']);
      expectError(await api(app, other.adminSession).get(`/api/survey/periods/${periodId}/results`), 404);
      const pillar = (await buildUserSession(app, admin.session, { role: 'social_pillar', organizationId: unitId })).session;
      expectError(await api(app, pillar).get(`/api/survey/periods/${periodId}/results`), 403);
    });

    it('the report PDF shows the elements, the IKM and its grade', async (ctx) => {
      const res = await api(app, head).get(`/api/survey/periods/${periodId}/report.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      ctx.skip(!hasPdftotext);
      const text = pdfText(res.rawPayload);
      for (const expected of ['LAPORAN SURVEI KEPUASAN MASYARAKAT', 'Persyaratan', 'Sarana dan Prasarana', '75,00', 'C (Kurang Baik)', 'Ruang tunggu keluarga', 'Drs. Slamet Riyadi']) expect(text, expected).toContain(expected);
    });
  });

  describe('printed and shareable material', () => {
    const q = () => ({ organizationId: unitId });

    it('the SOP document lists the stages with the actors as columns, the identity and the head', async (ctx) => {
      const res = await api(app, head).get('/api/publications/sop.pdf', { query: q() });
      expect(res.statusCode).toBe(200);
      ctx.skip(!hasPdftotext);
      const text = pdfText(res.rawPayload);
      for (const expected of ['Nomor SOP', 'Tanggal Efektif', 'Disahkan oleh', 'Drs. Slamet Riyadi', 'NIP. 196805121990031004', 'Dasar Hukum', 'Undang-Undang Nomor 11 Tahun 2009', 'Kualifikasi Pelaksana', 'Peralatan/Perlengkapan', 'Pencatatan dan Pendataan', 'Kegiatan', 'Pelaksana', 'Mutu Baku', 'Kelengkapan', 'Output', 'Petugas Shelter', 'Pekerja Sosial', 'Penerimaan klien', 'Reunifikasi', 'Terminasi', '15 menit', '12 jam']) {
        expect(text, expected).toContain(expected);
      }
    });

    it('the administrator numbers the SOP; a bad date names the field', async (ctx) => {
      const settings = expectJson<Record<string, unknown>>(await api(app, admin.session).get('/api/publications/sop-document', { query: q() }), 200);
      expect(settings.isDefault).toBe(true);
      const bad = expectError(await api(app, admin.session).put('/api/publications/sop-document', { ...settings, organizationId: undefined, isDefault: undefined, madeOn: 'kemarin' }, { query: q() }), 400);
      expect(bad.fields?.map((f) => f.field)).toContain('madeOn');
      const body = { ...settings, organizationId: undefined, isDefault: undefined, number: '400.9/01/SOP/2026', madeOn: '2026-01-05', effectiveOn: '2026-02-01' };
      expectJson(await api(app, admin.session).put('/api/publications/sop-document', body, { query: q() }), 200);
      ctx.skip(!hasPdftotext);
      const text = pdfText((await api(app, admin.session).get('/api/publications/sop.pdf', { query: q() })).rawPayload);
      expect(text).toContain('400.9/01/SOP/2026');
      expect(text).toContain('1 Februari 2026');
    });

    it.for(['a3', 'roll'] as const)('the %s banner has the flow, the contacts and is one page', async (size, ctx) => {
      const res = await api(app, admin.session).get('/api/publications/banner.pdf', { query: { ...q(), size } });
      expect(res.statusCode).toBe(200);
      ctx.skip(!hasPdftotext);
      const text = pdfText(res.rawPayload);
      for (const expected of ['ALUR LAYANAN', 'Penerimaan klien', 'Terminasi', '(0335) 421 112', '+6281234567890', '/layanan/rumah-singgah-probolinggo']) expect(text, expected).toContain(expected);
      const info = spawnSync('pdfinfo', ['-'], { input: res.rawPayload }).stdout.toString();
      expect(info).toMatch(/Pages:\s+1\b/);
    });

    it('the family leaflet and its WhatsApp text explain what happens next', async (ctx) => {
      const wa = expectJson<{ text: string; shareUrl: string }>(await api(app, head).get('/api/publications/whatsapp-text', { query: q() }), 200);
      expect(wa.text).toContain('Penerimaan klien');
      expect(wa.text).toContain('(0335) 421 112');
      expect(wa.shareUrl).toMatch(/^https:\/\/wa\.me\/\?text=/);
      const res = await api(app, head).get('/api/publications/leaflet.pdf', { query: q() });
      ctx.skip(!hasPdftotext);
      const text = pdfText(res.rawPayload);
      for (const expected of ['Informasi untuk Keluarga', 'Apa yang terjadi selanjutnya?', 'Asesmen klien', '(0335) 421 112']) expect(text, expected).toContain(expected);
    });

    it.each([
      ['flow', 'square', 1080, 1080],
      ['flow', 'story', 1080, 1920],
      ['stats', 'square', 1080, 1080],
      ['stats', 'story', 1080, 1920],
    ] as const)('the %s image (%s) is a valid %d×%d PNG', async (kind, format, width, height) => {
      const res = await api(app, admin.session).get('/api/publications/image.png', { query: { ...q(), kind, format } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(pngSize(res.rawPayload)).toEqual({ width, height });
    });

    it('downloads are audited', async () => {
      const audit = expectJson<{ items: { action: string; changes: { document?: string } | null }[] }>(
        await api(app, admin.session).get('/api/audit', { query: { action: 'export.downloaded', limit: 200 } }),
        200,
      );
      const docs = new Set(audit.items.map((i) => i.changes?.document));
      for (const d of ['banner', 'social_image', 'sop_document']) expect(docs).toContain(d);
    });

    it('a shelter officer may not download them (403); another district gets 404; the Dinas Sosial itself has no public page (409)', async () => {
      expectError(await api(app, officer).get('/api/publications/banner.pdf', { query: q() }), 403);
      expectError(await api(app, other.adminSession).get('/api/publications/banner.pdf', { query: q() }), 404);
      expectError(await api(app, other.adminSession).get('/api/publications/sop.pdf', { query: q() }), 404);
      expectError(await api(app, admin.session).get('/api/publications/leaflet.pdf', { query: { organizationId: regencyId } }), 409);
    });
  });
});
