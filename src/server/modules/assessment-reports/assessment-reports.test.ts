/**
 * The assessment report: generated from the latest submitted psychosocial assessment, submitted by
 * the social worker, returned or approved by the head (who alone may), numbered at approval, and
 * printed as an official letter (checked by extracting the PDF's text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { openCase } from '../../../../tests/support/case-fixtures.js';
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from '../../../../tests/support/pdf.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import {
  type AssessmentReportStatus,
  type AssessmentReportView,
  isReportEditable,
  nextReportStatus,
} from '../../../shared/contracts/assessment-reports.js';
import type { AuditEntryView } from '../../../shared/contracts/audit.js';
import type { FormAnswers, FormDefinition } from '../../../shared/contracts/forms.js';
import { attachments } from '../attachments/attachments.table.js';
import { formResponses, formTemplates, formTemplateVersions } from '../forms/forms.table.js';
import { findLatestClientPhoto } from './assessment-reports.repository.js';
import { extractAssessment } from './assessment-reports.findings.js';

/** The DRAFT watermark is drawn diagonally, so pdftotext reads it as loose letters ("T AF DR"). */
function watermarkLetters(text: string): string {
  return [...new Set(text.split(' ').filter((w) => /^[DRAFT]{1,2}$/.test(w)).join(''))].sort().join('');
}

const t = (id: string, en = id) => ({ id, en });

/** A small psychosocial assessment form, shaped like the shipped one. */
const DEFINITION: FormDefinition = {
  format: 1,
  key: 'psychosocial_assessment',
  title: t('Asesmen Psikososial'),
  sections: [
    {
      key: 'presenting_problem',
      title: t('Masalah yang dihadapi', 'Presenting problem'),
      fields: [
        { key: 'problem', type: 'long_text', label: t('Uraian masalah') },
        { key: 'has_family', type: 'yes_no', label: t('Masih memiliki keluarga') },
        { key: 'family_city', type: 'short_text', label: t('Kota keluarga'), showWhen: { field: 'has_family', equals: true } },
        { key: 'unused', type: 'short_text', label: t('Tidak dijawab') },
      ],
    },
    {
      key: 'family',
      title: t('Susunan keluarga'),
      fields: [
        {
          key: 'members',
          type: 'repeating_group',
          label: t('Anggota keluarga'),
          fields: [
            { key: 'name', type: 'short_text', label: t('Nama') },
            { key: 'relation', type: 'single_choice', label: t('Hubungan'), options: [{ value: 'child', label: t('Anak') }] },
          ],
        },
        { key: 'coping', type: 'scale_1_5', label: t('Kemampuan mengatasi masalah') },
      ],
    },
    {
      key: 'analysis',
      title: t('Analisis dan rekomendasi'),
      fields: [
        { key: 'analysis', type: 'long_text', label: t('Analisis pekerja sosial') },
        {
          key: 'recommended_plan',
          type: 'single_choice',
          label: t('Rencana tindak lanjut'),
          options: [{ value: 'return_home', label: t('Dipulangkan ke keluarga/daerah asal') }],
        },
        { key: 'recommendation', type: 'long_text', label: t('Rekomendasi') },
        { key: 'social_worker_signature', type: 'signature', label: t('Tanda tangan') },
      ],
    },
  ],
};

const ANSWERS: FormAnswers = {
  problem: 'Kehabisan bekal perjalanan di Terminal Bayuangga.',
  has_family: true,
  family_city: 'Lumajang',
  members: [{ name: 'Siti Aminah', relation: 'child' }],
  coping: 4,
  analysis: 'Klien orang terlantar yang masih memiliki jaringan keluarga di Lumajang.',
  recommended_plan: 'return_home',
  recommendation: 'Klien direkomendasikan dipulangkan kepada anaknya di Lumajang.',
  social_worker_signature: 'data:image/png;base64,AAAA',
};

describe('the findings of an assessment', () => {
  it('keep answered questions per section, follow conditions, and take the analysis and recommendation out', () => {
    const { findings, analysis, recommendation } = extractAssessment(DEFINITION, ANSWERS);
    expect(findings).toEqual([
      {
        title: 'Masalah yang dihadapi',
        items: [
          { label: 'Uraian masalah', value: 'Kehabisan bekal perjalanan di Terminal Bayuangga.' },
          { label: 'Masih memiliki keluarga', value: 'Ya' },
          { label: 'Kota keluarga', value: 'Lumajang' },
        ],
      },
      {
        title: 'Susunan keluarga',
        items: [
          { label: 'Anggota keluarga', value: '1. Nama: Siti Aminah; Hubungan: Anak' },
          { label: 'Kemampuan mengatasi masalah', value: '4/5' },
        ],
      },
    ]);
    expect(analysis).toBe('Klien orang terlantar yang masih memiliki jaringan keluarga di Lumajang.');
    expect(recommendation).toBe('Rencana tindak lanjut: Dipulangkan ke keluarga/daerah asal\n\nKlien direkomendasikan dipulangkan kepada anaknya di Lumajang.');
    // A hidden question is left out even when an old answer is still stored.
    expect(JSON.stringify(extractAssessment(DEFINITION, { ...ANSWERS, has_family: false }).findings)).not.toContain('Lumajang');
  });

  it.each([
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['draft', 'approve', null],
    ['approved', 'return', null],
    ['approved', 'submit', null],
    ['returned', 'approve', null],
  ] as const)('a %s report on %s becomes %s', (from, action, to) => {
    expect(nextReportStatus(from as AssessmentReportStatus, action)).toBe(to);
  });

  it('only drafts and returned reports can be edited', () => {
    expect((['draft', 'submitted', 'approved', 'returned'] as const).filter(isReportEditable)).toEqual(['draft', 'returned']);
  });
});

describe('assessment report through the API', () => {
  let app: TestApp;
  let admin: TestSession;
  let worker: TestSession;
  let head: TestSession;
  let officer: TestSession;
  let otherOfficer: TestSession;
  let unitId: string;
  let templateId: string;
  let versionId: string;

  const audit = async (caseId: string, action: string) =>
    expectJson<{ items: AuditEntryView[] }>(await api(app, head).get('/api/audit', { query: { entityType: 'case', entityId: caseId, action, limit: 200 } }), 200).items;

  async function submitAssessment(caseId: string, answers: FormAnswers) {
    await app.testDatabase.db.insert(formResponses).values({
      organizationId: unitId,
      caseId,
      templateId,
      templateVersionId: versionId,
      stageKey: 'assessment',
      status: 'submitted',
      answers,
      submittedAt: new Date(),
      submittedBy: worker.me.user.id,
    });
  }

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    unitId = await firstUnitId(app, admin);
    worker = (
      await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId, name: 'Rina Kartikasari, S.Sos.', nip: '198702142010012003', position: 'Pekerja Sosial Ahli Pertama' })
    ).session;
    head = (await buildUserSession(app, admin, { role: 'head', organizationId: unitId, name: 'Drs. Bambang Sutrisno', nip: '196805121994031007', position: 'Kepala UPTD' })).session;
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    const other = await createSecondDistrict(app);
    otherOfficer = (await buildUserSession(app, other.adminSession, { role: 'shelter_officer', organizationId: other.unitId })).session;
    expectJson(
      await api(app, admin).put(
        '/api/letters/settings',
        {
          placeName: 'Probolinggo',
          headPosition: 'Kepala UPTD Rumah Singgah',
          headRank: 'Pembina (IV/a)',
          patterns: { assessment_report: { pattern: '400.9/{seq}/425.108/{year}', seqPadding: 3, code: '' } },
        },
        { query: { organizationId: unitId } },
      ),
      200,
    );
    const db = app.testDatabase.db;
    const [template] = await db.insert(formTemplates).values({ organizationId: unitId, key: 'psychosocial_assessment', titleId: 'Asesmen Psikososial', titleEn: 'Psychosocial assessment', origin: 'shipped' }).returning();
    const [version] = await db.insert(formTemplateVersions).values({ templateId: template.id, version: 1, definition: DEFINITION, status: 'published', publishedAt: new Date() }).returning();
    templateId = template.id;
    versionId = version.id;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('social worker drafts from the assessment, the head returns it, then approves it: numbered, official, audited', async (ctx) => {
    const c = await openCase(app, officer, unitId, { client: { name: 'Sukardi bin Salim', nameQuality: 'full', sex: 'male', estimatedAge: 58 } as never });
    await submitAssessment(c.id, ANSWERS);
    const base = `/api/cases/${c.id}/assessment-reports`;

    const draft = expectJson<AssessmentReportView>(await api(app, worker).post(base, {}), 201);
    expect(draft).toMatchObject({ status: 'draft', letterNumber: null, subject: 'Laporan Hasil Asesmen Sosial', nature: 'Biasa' });
    expect(draft.findings.map((f) => f.title)).toEqual(['Masalah yang dihadapi', 'Susunan keluarga']);
    expect(draft.recommendation).toContain('dipulangkan kepada anaknya di Lumajang');
    expect(expectError(await api(app, worker).post(base, {}), 409).code).toBe('assessment_reports.unfinished_exists');

    const draftPdf = await api(app, worker).get(`${base}/${draft.id}/pdf`);
    expect(draftPdf.statusCode).toBe(200);
    expect(draftPdf.headers['content-type']).toBe('application/pdf');

    const submitted = expectJson<AssessmentReportView>(await api(app, worker).post(`${base}/${draft.id}/submit`, {}), 200);
    expect(submitted).toMatchObject({ status: 'submitted', submittedByName: 'Rina Kartikasari, S.Sos.' });
    expect(expectError(await api(app, worker).patch(`${base}/${draft.id}`, { addressee: 'Kepala Dinas Kependudukan dan Pencatatan Sipil' }), 409).code).toBe('assessment_reports.not_editable');

    // Only the head approves or returns.
    expect(expectError(await api(app, worker).post(`${base}/${draft.id}/approve`, {}), 403).code).toBe('forbidden');
    expect(expectError(await api(app, officer).post(`${base}/${draft.id}/return`, { note: 'Lengkapi' }), 403).code).toBe('forbidden');
    expect(expectError(await api(app, head).post(`${base}/${draft.id}/return`, { note: '' }), 400).fields?.[0].field).toBe('note');

    const returned = expectJson<AssessmentReportView>(await api(app, head).post(`${base}/${draft.id}/return`, { note: 'Tambahkan tujuan surat ke Dukcapil.' }), 200);
    expect(returned).toMatchObject({ status: 'returned', returnNote: 'Tambahkan tujuan surat ke Dukcapil.', decidedByName: 'Drs. Bambang Sutrisno' });

    expectJson(await api(app, worker).patch(`${base}/${draft.id}`, { addressee: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo' }), 200);
    expectJson(await api(app, worker).post(`${base}/${draft.id}/submit`, {}), 200);
    const approved = expectJson<AssessmentReportView>(await api(app, head).post(`${base}/${draft.id}/approve`, {}), 200);
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());
    expect(approved).toMatchObject({ status: 'approved', letterNumber: `400.9/001/425.108/${year}`, returnNote: null });
    expect(expectError(await api(app, head).post(`${base}/${draft.id}/approve`, {}), 409).code).toBe('assessment_reports.transition_not_allowed');
    expect(expectError(await api(app, worker).patch(`${base}/${draft.id}`, { analysis: 'x' }), 409).code).toBe('assessment_reports.not_editable');

    for (const action of ['assessment_report.created', 'assessment_report.submitted', 'assessment_report.returned', 'assessment_report.approved']) {
      expect((await audit(c.id, action)).length, action).toBeGreaterThan(0);
    }
    expect((await audit(c.id, 'assessment_report.approved'))[0].changes).toMatchObject({ letterNumber: `400.9/001/425.108/${year}` });

    const res = await api(app, worker).get(`${base}/${draft.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`laporan-asesmen-400.9-001-425.108-${year}.pdf`);
    const downloads = await audit(c.id, 'export.downloaded');
    expect(downloads.filter((d) => d.changes?.document === 'assessment_report').length).toBe(2);

    ctx.skip(!hasPdftotext, PDFTOTEXT_MISSING);
    const draftText = pdfText(draftPdf.rawPayload);
    expect(watermarkLetters(draftText)).toBe('ADFRT');
    expect(draftText).toContain('(diberikan saat disetujui)');
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'PEMERINTAH KOTA PROBOLINGGO',
      `Nomor : 400.9/001/425.108/${year}`,
      'Sifat : Biasa',
      'Hal : Laporan Hasil Asesmen Sosial',
      'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo',
      'LAPORAN HASIL ASESMEN SOSIAL',
      'Nama : Sukardi bin Salim',
      'Perkiraan umur : ± 58 tahun',
      'Uraian masalah : Kehabisan bekal perjalanan di Terminal Bayuangga.',
      'Klien direkomendasikan dipulangkan kepada anaknya di Lumajang.',
      'Klien orang terlantar yang masih memiliki jaringan keluarga di Lumajang.',
      'Mengetahui/Menyetujui,',
      'Kepala UPTD Rumah Singgah',
      'Drs. Bambang Sutrisno',
      'Pembina (IV/a)',
      'NIP. 196805121994031007',
      'Rina Kartikasari, S.Sos.',
      'NIP. 198702142010012003',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Probolinggo, \d{1,2} \w+ \d{4}/);
    expect(watermarkLetters(text)).toBe('');
  });

  it('without a submitted assessment the report starts empty, and cannot be submitted without a recommendation', async () => {
    const c = await openCase(app, officer, unitId);
    const base = `/api/cases/${c.id}/assessment-reports`;
    const draft = expectJson<AssessmentReportView>(await api(app, worker).post(base, {}), 201);
    expect(draft).toMatchObject({ sourceResponseId: null, findings: [], recommendation: '' });
    const refused = expectError(await api(app, worker).post(`${base}/${draft.id}/submit`, {}), 400);
    expect(refused).toMatchObject({ code: 'assessment_reports.recommendation_required', fields: [{ field: 'recommendation' }] });
    // Once the assessment is submitted, the draft can take its content.
    await submitAssessment(c.id, ANSWERS);
    const refreshed = expectJson<AssessmentReportView>(await api(app, worker).patch(`${base}/${draft.id}`, { refreshFromAssessment: true }), 200);
    expect(refreshed.findings.length).toBe(2);
    expect(refreshed.sourceResponseId).not.toBeNull();
    const bad = expectError(await api(app, worker).patch(`${base}/${draft.id}`, { subject: '' }), 400);
    expect(bad.fields?.[0].field).toBe('subject');
  });

  it('prints the client’s photo taken by this office, never one another unit took of the same client', async () => {
    const c = await openCase(app, officer, unitId, { client: { name: 'Warsito', nameQuality: 'full', sex: 'male', estimatedAge: 61 } as never });
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
    const regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    // A sibling unit of the same district registered the same (returning) client earlier and took a newer photo.
    const sibling = expectJson<{ id: string }>(await api(app, admin).post('/api/organizations', { parentId: regencyId, kind: 'unit', name: 'UPTD Panti Lain' }), 201);
    const photo = (organizationId: string, takenAt: string) => ({
      organizationId,
      clientId: c.client.id,
      kind: 'photo',
      fileName: 'foto.jpg',
      mimeType: 'image/jpeg',
      sizeBytes: 1000,
      storageKey: `test/${organizationId}/${takenAt}`,
      takenAt: new Date(takenAt),
    });
    const db = app.testDatabase.db;
    const [theirs] = await db.insert(attachments).values(photo(sibling.id, '2026-11-20T09:00:00Z')).returning();
    expect(await findLatestClientPhoto(db, c.client.id, unitId)).toBeUndefined();
    const [ours] = await db.insert(attachments).values(photo(unitId, '2026-10-01T09:00:00Z')).returning();
    expect((await findLatestClientPhoto(db, c.client.id, unitId))?.id).toBe(ours.id);
    // The sibling unit's own report would print its own photo.
    expect((await findLatestClientPhoto(db, c.client.id, sibling.id))?.id).toBe(theirs.id);
  });

  it('another district sees nothing: 404 for the list, the report and its PDF', async () => {
    const c = await openCase(app, officer, unitId);
    const draft = expectJson<AssessmentReportView>(await api(app, worker).post(`/api/cases/${c.id}/assessment-reports`, {}), 201);
    expectError(await api(app, otherOfficer).get(`/api/cases/${c.id}/assessment-reports`), 404);
    expectError(await api(app, otherOfficer).get(`/api/cases/${c.id}/assessment-reports/${draft.id}`), 404);
    expectError(await api(app, otherOfficer).get(`/api/cases/${c.id}/assessment-reports/${draft.id}/pdf`), 404);
    expectError(await api(app, otherOfficer).post(`/api/cases/${c.id}/assessment-reports/${draft.id}/submit`, {}), 404);
  });
});
