/**
 * Assessment forms through the real HTTP API: shipped templates, the designer's drafts and
 * publishing, export and import between offices, and filling a form in a case up to the stage it
 * completes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { openCase } from '../../../../tests/support/case-fixtures.js';
import { createSecondDistrict, type SecondDistrict } from '../../../../tests/support/second-district.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import type { FormAnswers, FormDefinition, FormExportFile, FormResponseView, FormTemplateView, FormVersionView } from '../../../shared/contracts/forms.js';
import type { ClientRow } from '../clients/clients.table.js';
import { prefillFromClient } from './forms.service.js';

type AuditPage = { items: { action: string; entityType: string; entityId: string; changes: Record<string, unknown> | null }[] };
type Fields = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };

/** Everything the shipped psychosocial assessment requires, with the conditional questions left hidden. */
const COMPLETE_PSYCHOSOCIAL: FormAnswers = {
  full_name: 'Sutrisno',
  sex: 'male',
  estimated_age: 52,
  referral_source: 'satpol_pp',
  presenting_problem: 'Ditemukan tidur di emperan pasar, kehabisan bekal setelah merantau.',
  family_members: [{ name: 'Sumiati', relation: 'sibling', alive: true, whereabouts: 'Lumajang' }],
  physical_condition: 'fair',
  orientation: 'good',
  psychotic_signs: false,
  civil_documents: 'registered_no_card',
  problems: 'Kehabisan bekal, tidak punya KTP.',
  potentials: 'Sehat, mau bekerja, ingat alamat kakak.',
  resources: 'Kakak di Lumajang, Dinas Sosial Lumajang.',
  analysis: 'Orang terlantar dengan keluarga yang dapat ditelusuri.',
  recommended_plan: 'return_home',
  recommendation: 'Pemulangan ke keluarga di Lumajang setelah penelusuran.',
};

describe('assessment forms', () => {
  let app: TestApp;
  let admin: TestSession;
  let worker: TestSession;
  let viewer: TestSession;
  let head: TestSession;
  let other: SecondDistrict;
  let otherWorker: TestSession;
  let unitId: string;

  // Read by the head: the administrator may not read the changes of a case (client data).
  const audit = async (query: Record<string, string>) =>
    expectJson<AuditPage>(await api(app, head).get('/api/audit', { query: { limit: '200', ...query } }), 200).items;
  const templates = async (session: TestSession, organizationId = unitId) =>
    expectJson<{ items: FormTemplateView[] }>(await api(app, session).get('/api/forms/templates', { query: { organizationId } }), 200).items;
  const template = async (key: string) => (await templates(admin)).find((t) => t.key === key)!;

  /** A case of the unit whose stage in progress is the assessment. */
  async function caseAtAssessment(): Promise<CaseDetail> {
    const c = await openCase(app, worker, unitId);
    for (const stage of ['initial_identification', 'health_civil_check', 'family_tracing'])
      expectJson(await api(app, worker).post(`/api/cases/${c.id}/stages/${stage}/complete`, {}), 200);
    const detail = expectJson<CaseDetail>(await api(app, worker).get(`/api/cases/${c.id}`), 200);
    expect(detail.currentStageKey).toBe('assessment');
    return detail;
  }

  beforeAll(async () => {
    app = await createTestApp();
    const setup = await setupInstance(app);
    admin = setup.session;
    unitId = await firstUnitId(app, admin);
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
    viewer = (await buildUserSession(app, admin, { role: 'viewer', organizationId: unitId })).session;
    head = (await buildUserSession(app, admin, { role: 'head', organizationId: unitId })).session;
    other = await createSecondDistrict(app);
    otherWorker = (await buildUserSession(app, other.adminSession, { role: 'social_worker', organizationId: other.unitId })).session;
  });
  afterAll(() => app?.close());

  describe('templates', () => {
    it('gives each organization the shipped templates, published, on first use', async () => {
      const list = await templates(worker);
      expect(list.map((t) => t.key).sort()).toEqual(
        ['family_tracing_interview', 'follow_up_visit', 'health_screening', 'initial_identification', 'psychosocial_assessment'].sort(),
      );
      const psycho = list.find((t) => t.key === 'psychosocial_assessment')!;
      expect(psycho).toMatchObject({ origin: 'shipped', completesStage: 'assessment', published: { version: 1 }, draft: null });
      expect(psycho.title).toEqual({ id: 'Asesmen Psikososial', en: 'Psychosocial assessment' });
      // A second look does not seed twice.
      expect((await templates(worker)).length).toBe(5);
    });

    it('does not show templates to a role without forms, nor another district', async () => {
      expectError(await api(app, viewer).get('/api/forms/templates'), 403);
      const psycho = await template('psychosocial_assessment');
      expect(expectError(await api(app, other.adminSession).get(`/api/forms/templates/${psycho.id}`), 404).code).toBe('forms.template_not_found');
      expectError(await api(app, other.adminSession).get('/api/forms/templates', { query: { organizationId: unitId } }), 404);
    });

    it('lets an administrator design a template: a bad definition is refused naming the place, a good one is published', async () => {
      const created = expectJson<FormVersionView>(
        await api(app, admin).post('/api/forms/templates', { key: 'home_visit', title: { id: 'Kunjungan rumah', en: 'Home visit' } }, { query: { organizationId: unitId } }),
        201,
      );
      expect(created).toMatchObject({ version: 1, status: 'draft', templateKey: 'home_visit' });
      expect(expectError(await api(app, worker).post('/api/forms/templates', { key: 'x_form', title: { id: 'X', en: 'X' } }), 403).code).toBe('forbidden');
      expect(
        expectError(await api(app, admin).post('/api/forms/templates', { key: 'Bad Key', title: { id: 'X', en: 'X' } }, { query: { organizationId: unitId } }), 400)
          .fields?.[0]?.field,
      ).toBe('key');

      const bad: FormDefinition = {
        ...created.definition,
        sections: [
          {
            key: 'visit',
            title: { id: 'Kunjungan', en: 'Visit' },
            fields: [
              { key: 'met', type: 'single_choice', label: { id: 'Bertemu siapa', en: 'Met whom' } },
              { key: 'notes', type: 'long_text', label: { id: 'Catatan', en: 'Notes' }, showWhen: { field: 'later', equals: true } },
              { key: 'later', type: 'yes_no', label: { id: 'Nanti', en: 'Later' } },
            ],
          },
        ],
      };
      const refused = expectJson<Fields>(await api(app, admin).put(`/api/forms/versions/${created.id}`, { definition: bad }), 400).error;
      expect(refused.code).toBe('forms.definition_invalid');
      expect(refused.fields?.map((f) => f.field)).toEqual(['definition.sections.0.fields.0.options', 'definition.sections.0.fields.1.showWhen.field']);
      expect(refused.fields?.[0]?.message).toContain('Bertemu siapa');

      const good: FormDefinition = {
        ...bad,
        completesStage: 'monitoring_evaluation',
        sections: [
          {
            ...bad.sections[0]!,
            fields: [
              {
                key: 'met',
                type: 'single_choice',
                label: { id: 'Bertemu siapa', en: 'Met whom' },
                required: true,
                options: [
                  { value: 'client', label: { id: 'Klien', en: 'Client' } },
                  { value: 'family', label: { id: 'Keluarga', en: 'Family' } },
                ],
              },
              { key: 'notes', type: 'long_text', label: { id: 'Catatan', en: 'Notes' }, showWhen: { field: 'met', equals: 'family' } },
            ],
          },
        ],
      };
      const saved = expectJson<FormVersionView>(await api(app, admin).put(`/api/forms/versions/${created.id}`, { definition: good }), 200);
      expect(saved.definition.sections[0]!.fields).toHaveLength(2);
      const published = expectJson<FormVersionView>(await api(app, admin).post(`/api/forms/versions/${created.id}/publish`, {}), 200);
      expect(published).toMatchObject({ status: 'published', publishedByName: expect.any(String) });
      expect(expectError(await api(app, admin).put(`/api/forms/versions/${created.id}`, { definition: good }), 409).code).toBe('forms.version_published');
      const events = await audit({ entityType: 'form_template', entityId: created.templateId });
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['form.template_created', 'form.draft_saved', 'form.published']));
    });

    it('exports a template as a file and imports it into another office as a draft; a bad file is refused', async () => {
      const psycho = await template('psychosocial_assessment');
      const res = await api(app, admin).get(`/api/forms/templates/${psycho.id}/export`);
      const file = expectJson<FormExportFile>(res, 200);
      expect(res.headers['content-disposition']).toContain('formulir-psychosocial_assessment-v1.json');
      expect(file).toMatchObject({ singgahFormTemplate: 1, version: 1, definition: { key: 'psychosocial_assessment' } });

      // The other office already has its own shipped copy: the import becomes its draft version 2.
      const imported = expectJson<{ createdTemplate: boolean; draft: FormVersionView }>(
        await api(app, other.adminSession).post('/api/forms/import', file, { query: { organizationId: other.unitId } }),
        201,
      );
      expect(imported).toMatchObject({ createdTemplate: false, draft: { version: 2, status: 'draft' } });
      expect(expectError(await api(app, other.adminSession).post('/api/forms/import', file, { query: { organizationId: other.unitId } }), 409).code).toBe(
        'forms.draft_exists',
      );

      // A renamed copy becomes a new template.
      const renamed = { ...file, definition: { ...file.definition, key: 'asesmen_temanggung' } };
      expect(
        expectJson<{ createdTemplate: boolean }>(await api(app, other.adminSession).post('/api/forms/import', renamed, { query: { organizationId: other.unitId } }), 201)
          .createdTemplate,
      ).toBe(true);

      const broken = { ...file, definition: { ...file.definition, key: 'broken_form', sections: [{ ...file.definition.sections[0]!, fields: [] }] } };
      const refused = expectJson<Fields>(await api(app, other.adminSession).post('/api/forms/import', broken, { query: { organizationId: other.unitId } }), 400).error;
      expect(refused.code).toBe('forms.definition_invalid');
      expect(refused.fields?.[0]?.field).toBe('definition.sections.0.fields');
    });
  });

  describe('filling in a form in a case', () => {
    it('saves a draft as the worker types, refuses a submit naming the missing questions, and completes the assessment stage on submit', async () => {
      const c = await caseAtAssessment();
      const psycho = await template('psychosocial_assessment');
      const started = await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: psycho.id });
      const draft = expectJson<FormResponseView>(started, 201);
      // It starts with what the client record already says (name, sex, age), for the worker to check.
      expect(draft).toMatchObject({ status: 'draft', stageKey: 'assessment', version: 1, answers: { full_name: 'Klien Uji', sex: 'male', estimated_age: 45 } });
      // Starting again opens the same draft.
      expect(expectJson<FormResponseView>(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: psycho.id }), 200).id).toBe(draft.id);

      const url = `/api/cases/${c.id}/forms/${draft.id}`;
      const partial = expectJson<FormResponseView>(await api(app, worker).put(url, { answers: { full_name: 'Sutrisno', estimated_age: 52 } }), 200);
      expect(partial.answers).toEqual({ full_name: 'Sutrisno', estimated_age: 52 });
      const wrongType = expectJson<Fields>(await api(app, worker).put(url, { answers: { sex: 'unknown' } }), 400).error;
      expect(wrongType.fields?.map((f) => f.field)).toEqual(['answers.sex']);

      const incomplete = expectJson<Fields>(await api(app, worker).post(`${url}/submit`, {}), 400).error;
      expect(incomplete.code).toBe('forms.answers_invalid');
      expect(incomplete.fields?.map((f) => f.field)).toEqual(expect.arrayContaining(['answers.sex', 'answers.presenting_problem', 'answers.recommendation']));
      expect(incomplete.fields?.find((f) => f.field === 'answers.sex')?.message).toBe('Jenis kelamin: wajib diisi');

      // A condition makes a question required only when it is shown.
      const psychotic = expectJson<Fields>(await api(app, worker).post(`${url}/submit`, { answers: { ...COMPLETE_PSYCHOSOCIAL, psychotic_signs: true } }), 400).error;
      expect(psychotic.fields?.map((f) => f.field)).toEqual(['answers.psychotic_description']);
      const badRow = expectJson<Fields>(
        await api(app, worker).post(`${url}/submit`, { answers: { ...COMPLETE_PSYCHOSOCIAL, family_members: [{ relation: 'sibling' }] } }),
        400,
      ).error;
      expect(badRow.fields?.map((f) => f.field)).toEqual(['answers.family_members.0.name']);
      expect(badRow.fields?.[0]?.message).toBe('Nama (baris 1): wajib diisi');
      // A birth date after today is refused, naming the question.
      const unborn = expectJson<Fields>(await api(app, worker).post(`${url}/submit`, { answers: { ...COMPLETE_PSYCHOSOCIAL, birth_date: '2030-10-20' } }), 400).error;
      expect(unborn.fields).toEqual([{ field: 'answers.birth_date', message: 'Tanggal lahir: tidak boleh setelah hari ini' }]);

      const submitted = expectJson<FormResponseView>(await api(app, worker).post(`${url}/submit`, { answers: COMPLETE_PSYCHOSOCIAL }), 200);
      expect(submitted).toMatchObject({ status: 'submitted', stageCompleted: true, submittedByName: expect.any(String) });
      const after = expectJson<CaseDetail>(await api(app, worker).get(`/api/cases/${c.id}`), 200);
      expect(after.currentStageKey).toBe('assessment_report');
      expect(expectError(await api(app, worker).put(url, { answers: {} }), 409).code).toBe('forms.response_submitted');

      const events = await audit({ entityType: 'case', entityId: c.id });
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['case.form_started', 'case.form_submitted', 'case.stage_completed']));
      expect(events.find((e) => e.action === 'case.stage_completed' && e.changes?.stage === 'assessment')).toBeTruthy();
    });

    it('records a correction of a submitted form with the changed questions only, never the answers', async () => {
      const c = await caseAtAssessment();
      const psycho = await template('psychosocial_assessment');
      const draft = expectJson<FormResponseView>(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: psycho.id }), 201);
      const url = `/api/cases/${c.id}/forms/${draft.id}`;
      expectJson(await api(app, worker).post(`${url}/submit`, { answers: COMPLETE_PSYCHOSOCIAL }), 200);

      const secret = 'Riwayat dirawat di RSJ Lawang tahun 2019';
      const corrected = expectJson<FormResponseView>(
        await api(app, worker).post(`${url}/correct`, { answers: { ...COMPLETE_PSYCHOSOCIAL, analysis: secret, estimated_age: 53 } }),
        200,
      );
      expect(corrected.answers.analysis).toBe(secret);
      const bad = expectJson<Fields>(await api(app, worker).post(`${url}/correct`, { answers: { ...COMPLETE_PSYCHOSOCIAL, recommendation: '' } }), 400).error;
      expect(bad.fields?.map((f) => f.field)).toEqual(['answers.recommendation']);

      const events = await audit({ entityType: 'case', entityId: c.id, action: 'case.form_corrected' });
      expect(events).toHaveLength(1);
      expect(events[0]!.changes).toEqual({ responseId: draft.id, template: 'psychosocial_assessment', fields: ['analysis', 'estimated_age'] });
      expect(JSON.stringify(await audit({}))).not.toContain('RSJ Lawang');
    });

    it('keeps the version a form was filled in after a new version is published', async () => {
      const c = await caseAtAssessment();
      const followUp = await template('follow_up_visit');
      const draft = expectJson<FormResponseView>(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: followUp.id }), 201);
      expect(draft.version).toBe(1);

      const v2 = expectJson<FormVersionView>(await api(app, admin).post(`/api/forms/templates/${followUp.id}/drafts`, {}), 201);
      const definition = structuredClone(v2.definition);
      definition.sections[0]!.fields.push({ key: 'visitor_count', type: 'number', label: { id: 'Jumlah pengunjung', en: 'Visitors' }, required: true, min: 1 });
      expectJson(await api(app, admin).put(`/api/forms/versions/${v2.id}`, { definition }), 200);
      expectJson(await api(app, admin).post(`/api/forms/versions/${v2.id}/publish`, {}), 200);

      const url = `/api/cases/${c.id}/forms/${draft.id}`;
      const answers = { visit_date: '2026-05-02', channel: 'phone', client_met: false, not_met_reason: 'Nomor tidak aktif', result: 'resolved' };
      const submitted = expectJson<FormResponseView>(await api(app, worker).post(`${url}/submit`, { answers }), 200);
      expect(submitted).toMatchObject({ status: 'submitted', version: 1 });
      expect(submitted.definition.sections[0]!.fields.map((f) => f.key)).not.toContain('visitor_count');
      // The monitoring stage is not in progress, so nothing is completed.
      expect(submitted.stageCompleted).toBe(false);

      // A form started now uses version 2 and asks the new question.
      const fresh = expectJson<FormResponseView>(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: followUp.id }), 201);
      expect(fresh.version).toBe(2);
      const refused = expectJson<Fields>(await api(app, worker).post(`/api/cases/${c.id}/forms/${fresh.id}/submit`, { answers }), 400).error;
      expect(refused.fields?.map((f) => f.field)).toEqual(['answers.visitor_count']);
    });

    it('refuses a photo that is not an attachment of the case', async () => {
      const c = await caseAtAssessment();
      const initial = await template('initial_identification');
      const draft = expectJson<FormResponseView>(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: initial.id }), 201);
      const res = await api(app, worker).post(`/api/cases/${c.id}/forms/${draft.id}/submit`, {
        answers: {
          name: 'Mr. X',
          sex: 'male',
          referral_source: 'police',
          condition_on_arrival: 'Lemah',
          knows_origin: false,
          client_photo: '6c1f4f0e-3b7e-4b8e-9a53-2d0c0f5b9a11',
        },
      });
      expect(expectJson<Fields>(res, 400).error.fields?.map((f) => f.field)).toEqual(['answers.client_photo']);
    });

    it('hides a case form from another district and from roles without case access', async () => {
      const c = await caseAtAssessment();
      const psycho = await template('psychosocial_assessment');
      const draft = expectJson<FormResponseView>(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: psycho.id }), 201);
      expect(expectError(await api(app, otherWorker).get(`/api/cases/${c.id}/forms/${draft.id}`), 404).code).toBe('cases.not_found');
      expectError(await api(app, otherWorker).put(`/api/cases/${c.id}/forms/${draft.id}`, { answers: {} }), 404);
      expectError(await api(app, viewer).get(`/api/cases/${c.id}/forms`), 403);
      expectError(await api(app, admin).post(`/api/cases/${c.id}/forms`, { templateId: psycho.id }), 403);
      // Another district's template cannot be filled in this case.
      const theirs = (await templates(other.adminSession, other.unitId))[0]!;
      expect(expectError(await api(app, worker).post(`/api/cases/${c.id}/forms`, { templateId: theirs.id }), 404).code).toBe('forms.template_not_found');
      const list = expectJson<{ items: { id: string; status: string }[] }>(await api(app, worker).get(`/api/cases/${c.id}/forms`), 200).items;
      expect(list).toEqual([expect.objectContaining({ id: draft.id, status: 'draft' })]);
      expectJson(await api(app, worker).delete(`/api/cases/${c.id}/forms/${draft.id}`), 200);
      expect(expectJson<{ items: unknown[] }>(await api(app, worker).get(`/api/cases/${c.id}/forms`), 200).items).toEqual([]);
    });
  });
});

describe('a new form starts with what the client record says', () => {
  const label = (id: string) => ({ id, en: id });
  const definition: FormDefinition = {
    format: 1,
    key: 'identity',
    title: label('Identitas'),
    sections: [
      {
        key: 'main',
        title: label('Utama'),
        fields: [
          { key: 'full_name', type: 'short_text', label: label('Nama') },
          { key: 'alias', type: 'short_text', label: label('Alias'), maxLength: 5 },
          { key: 'sex', type: 'single_choice', label: label('Jenis kelamin'), options: [{ value: 'male', label: label('L') }, { value: 'female', label: label('P') }] },
          { key: 'birth_date', type: 'date', label: label('Lahir'), pastOnly: true },
          { key: 'estimated_age', type: 'number', label: label('Usia'), min: 0, max: 120, integer: true },
          { key: 'last_address', type: 'long_text', label: label('Alamat') },
        ],
      },
    ],
  };
  const client = (over: Partial<ClientRow>) =>
    ({ name: 'Sutrisno', nameQuality: 'full', aliases: [], sex: 'male', birthDate: null, estimatedAge: 52, birthPlace: null, maritalStatus: null, lastKnownAddress: null, originAddress: null, ...over }) as ClientRow;

  it('fills the questions that ask it again, only with answers they take', () => {
    expect(prefillFromClient(definition, client({ birthDate: '1974-05-01' }))).toEqual({ full_name: 'Sutrisno', sex: 'male', birth_date: '1974-05-01', estimated_age: 52 });
    // An unknown name, a sex not among the options, an alias too long for the question, an age out
    // of range, an address asked in another type: left for the worker.
    expect(prefillFromClient(definition, client({ nameQuality: 'unknown', name: 'Ibu berkerudung biru', sex: 'unknown', aliases: ['Mbok Darmi'], estimatedAge: 150, lastKnownAddress: 'Pasar Baru' }))).toEqual({});
  });
});

