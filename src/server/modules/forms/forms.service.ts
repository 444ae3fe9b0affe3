import type {
  CreateFormTemplateBody,
  FormAnswers,
  FormAnswerValue,
  FormDefinition,
  FormExportFile,
  FormProblem,
  FormResponseSummary,
  FormResponseView,
  FormTemplateView,
  FormVersionSummary,
  FormVersionView,
  ImportFormBody,
  StartFormResponseBody,
} from '../../../shared/contracts/forms.js';
import { changedFieldKeys, cleanAnswers, validateAnswers } from '../../../shared/forms/answers.js';
import { allFields, parseDefinition } from '../../../shared/forms/definition.js';
import type { Db } from '../../db/client.js';
import { localDate } from '../../local-date.js';
import type { Actor } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import { listAttachments } from '../attachments/attachments.service.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import { findClientWithOrganization } from '../clients/clients.repository.js';
import type { ClientRow } from '../clients/clients.table.js';
import { advanceStage } from '../cases/cases.service.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import * as repo from './forms.repository.js';
import type { FormTemplateRow, FormTemplateVersionRow } from './forms.table.js';
import { SHIPPED_TEMPLATES } from './shipped-templates.js';

/**
 * A request refused because of problems found by the pure validators (definition or answers). The
 * routes render each problem as a `{ field, message }` with the question's or section's label.
 */
export class FormProblemsError extends AppError {
  constructor(
    code: 'forms.definition_invalid' | 'forms.answers_invalid',
    readonly problems: FormProblem[],
    readonly definition: FormDefinition | null,
    readonly pathPrefix: string,
  ) {
    super(400, code, { count: problems.length });
  }
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

// ---------------------------------------------------------------------------------------------
// Shipped templates

/**
 * The organization's templates, adding any shipped template it does not have yet (as published
 * version 1). Runs on first use, like the SOP; a template the organization edited is left alone.
 */
export async function ensureShippedTemplates(tx: Db, organizationId: string): Promise<void> {
  const existing = new Set((await repo.findTemplates(tx, organizationId)).map((t) => t.key));
  for (const def of SHIPPED_TEMPLATES) {
    if (existing.has(def.key)) continue;
    const template = await repo.insertTemplate(tx, {
      organizationId,
      key: def.key,
      titleId: def.title.id,
      titleEn: def.title.en,
      origin: 'shipped',
    });
    await repo.insertVersion(tx, {
      templateId: template.id,
      version: 1,
      definition: def,
      status: 'published',
      completesStageKey: def.completesStage ?? null,
      publishedAt: new Date(),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Presenters

function presentVersionSummary(v: repo.VersionWithNames): FormVersionSummary {
  return {
    id: v.row.id,
    version: v.row.version,
    status: v.row.status as FormVersionSummary['status'],
    publishedAt: isoOrNull(v.row.publishedAt),
    publishedByName: v.publishedByName,
    updatedAt: iso(v.row.updatedAt),
  };
}

function presentTemplate(t: FormTemplateRow, versions: repo.VersionWithNames[]): FormTemplateView {
  const mine = versions.filter((v) => v.row.templateId === t.id).sort((a, b) => b.row.version - a.row.version);
  const published = mine.find((v) => v.row.status === 'published') ?? null;
  const draft = mine.find((v) => v.row.status === 'draft') ?? null;
  return {
    id: t.id,
    organizationId: t.organizationId,
    key: t.key,
    title: { id: t.titleId, en: t.titleEn },
    origin: t.origin as FormTemplateView['origin'],
    completesStage: published?.row.completesStageKey ?? null,
    published: published ? presentVersionSummary(published) : null,
    draft: draft ? presentVersionSummary(draft) : null,
    versions: mine.map(presentVersionSummary),
  };
}

function presentVersion(v: repo.VersionWithNames, template: FormTemplateRow): FormVersionView {
  return {
    ...presentVersionSummary(v),
    templateId: template.id,
    templateKey: template.key,
    definition: v.row.definition,
    createdAt: iso(v.row.createdAt),
  };
}

function presentResponseSummary(r: repo.ResponseWithContext): FormResponseSummary {
  return {
    id: r.row.id,
    caseId: r.row.caseId,
    templateId: r.template.id,
    templateKey: r.template.key,
    title: r.version.definition.title,
    templateVersionId: r.version.id,
    version: r.version.version,
    stageKey: r.row.stageKey,
    status: r.row.status as FormResponseSummary['status'],
    submittedAt: isoOrNull(r.row.submittedAt),
    submittedByName: r.submittedByName,
    createdAt: iso(r.row.createdAt),
    createdByName: r.createdByName,
    updatedAt: iso(r.row.updatedAt),
    updatedByName: r.updatedByName,
  };
}

function presentResponse(r: repo.ResponseWithContext, extra: { stageCompleted?: boolean } = {}): FormResponseView {
  return { ...presentResponseSummary(r), answers: r.row.answers, definition: r.version.definition, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Templates

async function reachableTemplate(db: Db, actor: Actor, templateId: string) {
  const template = await repo.findTemplateById(db, templateId);
  if (!template) throw notFound('forms.template_not_found');
  await reachable(db, actor, template.organizationId, 'forms.template_not_found');
  return template;
}

async function reachableVersion(db: Db, actor: Actor, versionId: string) {
  const found = await repo.findVersionById(db, versionId);
  if (!found) throw notFound('forms.version_not_found');
  await reachable(db, actor, found.template.organizationId, 'forms.version_not_found');
  return found;
}

async function reachable(db: Db, actor: Actor, organizationId: string, code: string) {
  try {
    return await getReachableOrganization(db, actor, organizationId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw notFound(code);
    throw err;
  }
}

/** The templates of an organization (seeding the shipped ones on first use), with their versions. */
export async function listTemplates(db: Db, actor: Actor, organizationId: string | undefined): Promise<FormTemplateView[]> {
  const org = await getReachableOrganization(db, actor, organizationId ?? actor.organizationId);
  return db.transaction(async (tx) => {
    await ensureShippedTemplates(tx, org.id);
    const templates = await repo.findTemplates(tx, org.id);
    const versions = await repo.findVersions(
      tx,
      templates.map((t) => t.id),
    );
    return templates.map((t) => presentTemplate(t, versions));
  });
}

export async function getTemplate(db: Db, actor: Actor, templateId: string): Promise<FormTemplateView> {
  const template = await reachableTemplate(db, actor, templateId);
  return presentTemplate(template, await repo.findVersions(db, [template.id]));
}

export async function getVersion(db: Db, actor: Actor, versionId: string): Promise<FormVersionView> {
  const found = await reachableVersion(db, actor, versionId);
  return presentVersion(found, found.template);
}

function checkDefinition(raw: unknown, templateKey: string | null, pathPrefix: string): FormDefinition {
  const parsed = parseDefinition(raw);
  if (!parsed.ok) throw new FormProblemsError('forms.definition_invalid', parsed.problems, raw as FormDefinition, pathPrefix);
  if (templateKey && parsed.definition.key !== templateKey)
    throw new AppError(400, 'forms.key_mismatch', { key: templateKey }, `${pathPrefix}key`);
  return parsed.definition;
}

/** A first definition for a new template: one section with one question, for the designer to grow. */
function starterDefinition(body: CreateFormTemplateBody): FormDefinition {
  return {
    format: 1,
    key: body.key,
    title: body.title,
    completesStage: null,
    sections: [
      {
        key: 'section_1',
        title: { id: 'Bagian 1', en: 'Section 1' },
        fields: [{ key: 'question_1', type: 'short_text', label: { id: 'Pertanyaan 1', en: 'Question 1' } }],
      },
    ],
  };
}

/** Create a template of the organization with a draft version 1. */
export async function createTemplate(
  db: Db,
  actor: Actor,
  organizationId: string | undefined,
  body: CreateFormTemplateBody,
  ip?: string,
): Promise<FormVersionView> {
  const org = await getReachableOrganization(db, actor, organizationId ?? actor.organizationId);
  return db.transaction(async (tx) => {
    await ensureShippedTemplates(tx, org.id);
    if (await repo.findTemplateByKey(tx, org.id, body.key)) throw new AppError(409, 'forms.key_taken', { key: body.key }, 'key');
    const definition = starterDefinition(body);
    const template = await repo.insertTemplate(tx, {
      organizationId: org.id,
      key: body.key,
      titleId: body.title.id,
      titleEn: body.title.en,
      origin: 'custom',
      createdBy: actor.id,
    });
    const version = await repo.insertVersion(tx, {
      templateId: template.id,
      version: 1,
      definition,
      status: 'draft',
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'form.template_created',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: body.key, version: 1 },
      ip,
    });
    return presentVersion({ row: version, publishedByName: null }, template);
  });
}

async function insertDraft(tx: Db, actor: Actor, template: FormTemplateRow, definition: FormDefinition): Promise<FormTemplateVersionRow> {
  const locked = await repo.lockTemplate(tx, template.id);
  if (!locked) throw notFound('forms.template_not_found');
  if (await repo.findLatestVersion(tx, template.id, 'draft')) throw new AppError(409, 'forms.draft_exists');
  const latest = await repo.findLatestVersion(tx, template.id);
  return repo.insertVersion(tx, {
    templateId: template.id,
    version: (latest?.version ?? 0) + 1,
    definition,
    status: 'draft',
    completesStageKey: definition.completesStage ?? null,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
}

/** Start editing a template: a new draft version, a copy of the latest version. */
export async function createDraft(db: Db, actor: Actor, templateId: string, ip?: string): Promise<FormVersionView> {
  return db.transaction(async (tx) => {
    const template = await reachableTemplate(tx, actor, templateId);
    const latest = await repo.findLatestVersion(tx, template.id);
    if (!latest) throw notFound('forms.version_not_found');
    const draft = await insertDraft(tx, actor, template, latest.definition);
    await insertAuditEvent(tx, {
      action: 'form.draft_created',
      actorUserId: actor.id,
      organizationId: template.organizationId,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: template.key, version: draft.version, from: latest.version },
      ip,
    });
    return presentVersion({ row: draft, publishedByName: null }, template);
  });
}

async function lockDraft(tx: Db, actor: Actor, versionId: string) {
  const found = await reachableVersion(tx, actor, versionId);
  const row = await repo.lockVersion(tx, versionId);
  if (row?.status !== 'draft') throw new AppError(409, 'forms.version_published');
  return { template: found.template, row };
}

/** Save the designer's work on a draft version; a definition with problems is refused. */
export async function saveDraft(db: Db, actor: Actor, versionId: string, rawDefinition: unknown, ip?: string): Promise<FormVersionView> {
  return db.transaction(async (tx) => {
    const { template, row } = await lockDraft(tx, actor, versionId);
    const definition = checkDefinition(rawDefinition, template.key, 'definition.');
    const updated = await repo.updateVersion(tx, row.id, {
      definition,
      completesStageKey: definition.completesStage ?? null,
      updatedAt: new Date(),
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'form.draft_saved',
      actorUserId: actor.id,
      organizationId: template.organizationId,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: template.key, version: row.version, fields: allFields(definition).length },
      ip,
    });
    return presentVersion({ row: updated, publishedByName: null }, template);
  });
}

/** Publish a draft: new responses use it from now on; responses already started keep their version. */
export async function publishVersion(db: Db, actor: Actor, versionId: string, ip?: string): Promise<FormVersionView> {
  return db.transaction(async (tx) => {
    const { template, row } = await lockDraft(tx, actor, versionId);
    const definition = checkDefinition(row.definition, template.key, 'definition.');
    const now = new Date();
    const updated = await repo.updateVersion(tx, row.id, {
      status: 'published',
      publishedAt: now,
      publishedBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
    });
    await repo.updateTemplate(tx, template.id, { titleId: definition.title.id, titleEn: definition.title.en, updatedAt: now });
    await insertAuditEvent(tx, {
      action: 'form.published',
      actorUserId: actor.id,
      organizationId: template.organizationId,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: template.key, version: row.version },
      ip,
    });
    return presentVersion({ row: updated, publishedByName: actor.name }, { ...template, titleId: definition.title.id, titleEn: definition.title.en });
  });
}

/** Throw away a draft version (never used by a response: responses use published versions only). */
export async function discardDraft(db: Db, actor: Actor, versionId: string, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { template, row } = await lockDraft(tx, actor, versionId);
    await repo.deleteDraftVersion(tx, row.id);
    await insertAuditEvent(tx, {
      action: 'form.draft_discarded',
      actorUserId: actor.id,
      organizationId: template.organizationId,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: template.key, version: row.version },
      ip,
    });
  });
}

/** The template as a file another office can import: one version's definition. */
export async function exportTemplate(
  db: Db,
  actor: Actor,
  templateId: string,
  versionId: string | undefined,
  ip?: string,
): Promise<{ file: FormExportFile; fileName: string }> {
  return db.transaction(async (tx) => {
    const template = await reachableTemplate(tx, actor, templateId);
    const version = versionId
      ? (await repo.findVersionById(tx, versionId))?.row
      : ((await repo.findLatestVersion(tx, template.id, 'published')) ?? (await repo.findLatestVersion(tx, template.id)));
    if (!version || version.templateId !== template.id) throw notFound('forms.version_not_found');
    await insertAuditEvent(tx, {
      action: 'form.exported',
      actorUserId: actor.id,
      organizationId: template.organizationId,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: template.key, version: version.version },
      ip,
    });
    return {
      file: { singgahFormTemplate: 1, exportedAt: new Date().toISOString(), version: version.version, definition: version.definition },
      fileName: `formulir-${template.key}-v${version.version}.json`,
    };
  });
}

/**
 * Import a template file as a new draft: of the template with the same key when the organization
 * has one (refused while another draft is open), else of a new template. Nothing is published.
 */
export async function importTemplate(
  db: Db,
  actor: Actor,
  organizationId: string | undefined,
  body: ImportFormBody,
  ip?: string,
): Promise<{ template: FormTemplateView; draft: FormVersionView; createdTemplate: boolean }> {
  const org = await getReachableOrganization(db, actor, organizationId ?? actor.organizationId);
  const definition = checkDefinition(body.definition, null, 'definition.');
  return db.transaction(async (tx) => {
    await ensureShippedTemplates(tx, org.id);
    let template = await repo.findTemplateByKey(tx, org.id, definition.key);
    const createdTemplate = !template;
    if (!template) {
      template = await repo.insertTemplate(tx, {
        organizationId: org.id,
        key: definition.key,
        titleId: definition.title.id,
        titleEn: definition.title.en,
        origin: 'custom',
        createdBy: actor.id,
      });
    }
    const draft = await insertDraft(tx, actor, template, definition);
    await insertAuditEvent(tx, {
      action: 'form.imported',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'form_template',
      entityId: template.id,
      changes: { key: template.key, version: draft.version, createdTemplate },
      ip,
    });
    const versions = await repo.findVersions(tx, [template.id]);
    return { template: presentTemplate(template, versions), draft: presentVersion({ row: draft, publishedByName: null }, template), createdTemplate };
  });
}

// ---------------------------------------------------------------------------------------------
// Responses

export async function listCaseResponses(db: Db, actor: Actor, caseId: string): Promise<FormResponseSummary[]> {
  await loadCaseInScope(db, actor, caseId);
  return (await repo.findResponsesOfCase(db, caseId)).map(presentResponseSummary);
}

export async function getCaseResponse(db: Db, actor: Actor, caseId: string, id: string): Promise<FormResponseView> {
  await loadCaseInScope(db, actor, caseId);
  const found = await repo.findResponse(db, caseId, id);
  if (!found) throw notFound('forms.response_not_found');
  return presentResponse(found);
}

/**
 * The latest submitted response of a template (by key) in a case, or null: what the assessment
 * report and the case conference read (e.g. `psychosocial_assessment`). Scope-checked.
 */
export async function findLatestSubmittedResponse(db: Db, actor: Actor, caseId: string, templateKey: string): Promise<FormResponseView | null> {
  await loadCaseInScope(db, actor, caseId);
  const found = await repo.findLatestSubmitted(db, caseId, templateKey);
  return found ? presentResponse(found) : null;
}

/**
 * Start filling a template in a case, on its latest published version. A draft of the same template
 * already open in the case is returned instead of a second one.
 */
export async function startResponse(
  db: Db,
  actor: Actor,
  caseId: string,
  body: StartFormResponseBody,
  ip?: string,
): Promise<{ response: FormResponseView; created: boolean }> {
  return db.transaction(async (tx) => {
    const { case: c } = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    await ensureShippedTemplates(tx, c.organizationId);
    const template = await repo.findTemplateById(tx, body.templateId);
    // Templates of another organization are not offered, even when the actor could reach it.
    if (!template || template.organizationId !== c.organizationId) throw new AppError(404, 'forms.template_not_found', undefined, 'templateId');
    const open = (await repo.findResponsesOfCase(tx, caseId)).find((r) => r.template.id === template.id && r.row.status === 'draft');
    if (open) return { response: presentResponse(open), created: false };
    const version = await repo.findLatestVersion(tx, template.id, 'published');
    if (!version) throw new AppError(409, 'forms.not_published', undefined, 'templateId');
    const client = (await findClientWithOrganization(tx, c.clientId))?.client;
    const row = await repo.insertResponse(tx, {
      organizationId: c.organizationId,
      caseId,
      templateId: template.id,
      templateVersionId: version.id,
      stageKey: body.stageKey ?? c.currentStageKey ?? null,
      status: 'draft',
      answers: client ? prefillFromClient(version.definition, client) : {},
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'case.form_started',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { responseId: row.id, template: template.key, version: version.version },
      ip,
    });
    const found = await repo.findResponse(tx, caseId, row.id);
    return { response: presentResponse(found!), created: true };
  });
}

async function lockResponseForWrite(tx: Db, actor: Actor, caseId: string, id: string) {
  const { case: c } = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
  const row = await repo.lockResponse(tx, caseId, id);
  if (!row) throw notFound('forms.response_not_found');
  const found = (await repo.findResponse(tx, caseId, id))!;
  return { c, row, definition: found.version.definition, found };
}

/**
 * What the client record already says, for the questions that ask it again (the identity section of
 * the shipped forms: name, alias, sex, place and date of birth, age, marital status, address): a new
 * draft starts with it, so the worker checks it instead of typing it twice on a phone, and the two
 * cannot disagree by a typo. Only answers the question can take are given (a choice among its options,
 * the type it asks for); the worker may change them, it is a draft.
 */
export function prefillFromClient(definition: FormDefinition, client: ClientRow): FormAnswers {
  const known: Record<string, FormAnswerValue | null | undefined> = {
    full_name: client.nameQuality === 'unknown' ? null : client.name,
    name: client.name,
    alias: client.aliases.join(', ') || null,
    sex: client.sex,
    birth_place: client.birthPlace,
    birth_date: client.birthDate,
    estimated_age: client.estimatedAge,
    marital_status: client.maritalStatus,
    last_address: client.lastKnownAddress ?? client.originAddress,
  };
  const answers: FormAnswers = {};
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    const value = known[field.key];
    if (value === null || value === undefined || value === '') continue;
    const fits =
      (field.type === 'short_text' && typeof value === 'string') ||
      (field.type === 'date' && typeof value === 'string') ||
      (field.type === 'number' && typeof value === 'number') ||
      (field.type === 'single_choice' && (field.options ?? []).some((o) => o.value === value));
    if (fits) answers[field.key] = value;
  }
  // Whatever the question would refuse (too long, out of range) is left for the worker to fill.
  // (checked as at submit, ranges included; the questions left empty are not the ones looked at).
  const refused = new Set(validateAnswers(definition, answers, 'submit', latestToday()).map((p) => p.path));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !refused.has(key)));
}

/**
 * Today in Indonesia's easternmost zone (WIT), the latest date it is anywhere in the country: a
 * past-only date answer after it is refused, whatever the office's own zone (an answer at most a
 * couple of hours ahead of a western office's day is let through, never a real future date).
 */
function latestToday(): string {
  return localDate(new Date(), 'Asia/Jayapura');
}

function refuseProblems(problems: FormProblem[], definition: FormDefinition) {
  if (problems.length) throw new FormProblemsError('forms.answers_invalid', problems, definition, 'answers.');
}

/** Photo answers must be attachments of this case or its client (uploaded through the attachments API). */
async function checkPhotos(tx: Db, actor: Actor, c: { id: string; clientId: string }, definition: FormDefinition, answers: FormAnswers) {
  const wanted: { path: string; id: string }[] = [];
  for (const field of allFields(definition)) {
    const value = answers[field.key];
    if (field.type === 'photo' && typeof value === 'string') wanted.push({ path: field.key, id: value });
    if (field.type === 'repeating_group' && Array.isArray(value))
      value.forEach((row, i) => {
        for (const sub of field.fields ?? []) {
          const v = (row as Record<string, unknown>)[sub.key];
          if (sub.type === 'photo' && typeof v === 'string') wanted.push({ path: `${field.key}.${i}.${sub.key}`, id: v });
        }
      });
  }
  if (wanted.length === 0) return;
  const known = new Set((await listAttachments(tx, actor, { clientId: c.clientId })).map((a) => a.id));
  for (const a of await listAttachments(tx, actor, { caseId: c.id })) known.add(a.id);
  refuseProblems(
    wanted.filter((w) => !known.has(w.id)).map((w) => ({ path: w.path, code: 'photo_not_found' })),
    definition,
  );
}

/**
 * Auto-save of a draft: the answers as they are now replace the stored ones. Only the types are
 * checked (a half-filled form must save). Nothing changed → nothing written. The audit row names
 * the changed questions only, never the answers, and is kept off the case timeline.
 */
export async function saveResponse(db: Db, actor: Actor, caseId: string, id: string, answers: FormAnswers, ip?: string): Promise<FormResponseView> {
  return db.transaction(async (tx) => {
    const { c, row, definition, found } = await lockResponseForWrite(tx, actor, caseId, id);
    if (row.status !== 'draft') throw new AppError(409, 'forms.response_submitted');
    refuseProblems(validateAnswers(definition, answers, 'draft', latestToday()), definition);
    const changed = changedFieldKeys(row.answers, answers);
    if (changed.length === 0) return presentResponse(found);
    await repo.updateResponse(tx, id, { answers, updatedAt: new Date(), updatedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'case.form_saved',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'form_response',
      entityId: id,
      changes: { caseId, template: found.template.key, fields: changed },
      ip,
    });
    return presentResponse((await repo.findResponse(tx, caseId, id))!);
  });
}

/**
 * Submit a draft: validated against the version it was started on (required questions only when
 * shown), hidden and empty answers dropped. When the template completes an SOP stage and that stage
 * is in progress, the stage completes in the same transaction.
 */
export async function submitResponse(
  db: Db,
  actor: Actor,
  caseId: string,
  id: string,
  answers: FormAnswers | undefined,
  ip?: string,
): Promise<FormResponseView> {
  return db.transaction(async (tx) => {
    const { c, row, definition, found } = await lockResponseForWrite(tx, actor, caseId, id);
    if (row.status !== 'draft') throw new AppError(409, 'forms.response_submitted');
    const given = answers ?? row.answers;
    refuseProblems(validateAnswers(definition, given, 'submit', latestToday()), definition);
    const kept = cleanAnswers(definition, given);
    await checkPhotos(tx, actor, c, definition, kept);
    const now = new Date();
    await repo.updateResponse(tx, id, {
      answers: kept,
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'case.form_submitted',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { responseId: id, template: found.template.key, version: found.version.version },
      ip,
    });
    const stage = found.version.completesStageKey;
    const stageCompleted = Boolean(stage && c.currentStageKey === stage);
    if (stageCompleted) await advanceStage(tx, actor, caseId, stage!, 'complete', { notes: null }, ip);
    return presentResponse((await repo.findResponse(tx, caseId, id))!, { stageCompleted });
  });
}

/**
 * Correct a submitted response: the full corrected answers, validated like a submit. The audit row
 * names the changed questions only: it is read by administrators, who must not see client data.
 */
export async function correctResponse(db: Db, actor: Actor, caseId: string, id: string, answers: FormAnswers, ip?: string): Promise<FormResponseView> {
  return db.transaction(async (tx) => {
    const { c, row, definition, found } = await lockResponseForWrite(tx, actor, caseId, id);
    if (row.status !== 'submitted') throw new AppError(409, 'forms.response_not_submitted');
    refuseProblems(validateAnswers(definition, answers, 'submit', latestToday()), definition);
    const kept = cleanAnswers(definition, answers);
    await checkPhotos(tx, actor, c, definition, kept);
    const changed = changedFieldKeys(row.answers, kept);
    if (changed.length === 0) return presentResponse(found);
    await repo.updateResponse(tx, id, { answers: kept, updatedAt: new Date(), updatedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'case.form_corrected',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { responseId: id, template: found.template.key, fields: changed },
      ip,
    });
    return presentResponse((await repo.findResponse(tx, caseId, id))!);
  });
}

/** Throw away a draft response (a submitted one stays: it is corrected, not deleted). */
export async function discardResponse(db: Db, actor: Actor, caseId: string, id: string, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { c, row, found } = await lockResponseForWrite(tx, actor, caseId, id);
    if (row.status !== 'draft') throw new AppError(409, 'forms.response_submitted');
    await repo.deleteResponse(tx, id);
    await insertAuditEvent(tx, {
      action: 'case.form_discarded',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { responseId: id, template: found.template.key },
      ip,
    });
  });
}
