/**
 * The assessment report of a case: generate (from the latest submitted psychosocial assessment, or
 * empty when there is none yet), edit while a draft or returned, submit, approve or return (head).
 *
 * The letter number is allocated at APPROVAL, not at submission: only an approved report is an
 * official letter, and a returned or abandoned draft must not leave a hole in the office's register.
 * At approval the printed facts (client identity, signatories, place) are frozen in `snapshot`.
 */
import {
  ASSESSMENT_TEMPLATE_KEY,
  type AssessmentReportAction,
  type AssessmentReportSnapshot,
  type AssessmentReportStatus,
  type AssessmentReportView,
  type CreateAssessmentReportBody,
  isReportEditable,
  nextReportStatus,
  type UpdateAssessmentReportBody,
} from '../../../shared/contracts/assessment-reports.js';
import type { FormAnswers, FormDefinition } from '../../../shared/contracts/forms.js';
import { type Language, translate } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { renderPdf } from '../../documents/pdf.js';
import type { Actor } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import type { AttachmentStorage } from '../attachments/attachments.storage.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import type { CaseRow } from '../cases/cases.table.js';
import { allocateLetterNumber, organizationLetterFacts } from '../letters/letters.service.js';
import { assessmentReportDefinition } from './assessment-reports.document.js';
import { extractAssessment } from './assessment-reports.findings.js';
import * as repo from './assessment-reports.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentReport({ row, createdByName, submittedByName, decidedByName }: repo.ReportWithNames): AssessmentReportView {
  return {
    id: row.id,
    caseId: row.caseId,
    organizationId: row.organizationId,
    status: row.status as AssessmentReportStatus,
    sourceResponseId: row.sourceResponseId,
    nature: row.nature,
    attachmentsNote: row.attachmentsNote,
    subject: row.subject,
    addressee: row.addressee,
    findings: row.findings,
    analysis: row.analysis,
    recommendation: row.recommendation,
    letterNumber: row.letterNumber,
    letterDate: iso(row.letterDate),
    createdAt: row.createdAt.toISOString(),
    createdByName,
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    submittedByName,
    decidedAt: iso(row.decidedAt),
    decidedByName,
    returnNote: row.returnNote,
    pdfUrl: `/api/cases/${row.caseId}/assessment-reports/${row.id}/pdf`,
  };
}

async function loadReport(db: Db, caseId: string, reportId: string) {
  const found = await repo.findReport(db, caseId, reportId);
  if (!found) throw notFound('assessment_reports.not_found');
  return found;
}

export async function listReports(db: Db, actor: Actor, caseId: string) {
  await loadCaseInScope(db, actor, caseId);
  return { items: (await repo.findReportsOfCase(db, caseId)).map(presentReport) };
}

export async function getReport(db: Db, actor: Actor, caseId: string, reportId: string) {
  await loadCaseInScope(db, actor, caseId);
  return presentReport(await loadReport(db, caseId, reportId));
}

/** Findings, analysis and recommendation from the latest submitted assessment (or a chosen response). */
async function assessmentContent(db: Db, caseId: string, responseId?: string) {
  const source = await repo.findLatestSubmittedResponse(db, caseId, ASSESSMENT_TEMPLATE_KEY, responseId);
  if (!source) {
    if (responseId) throw new AppError(400, 'assessment_reports.response_not_found', undefined, 'responseId');
    return { sourceResponseId: null, findings: [], analysis: '', recommendation: '' };
  }
  // Official documents are written in Indonesian, whatever the language of the person generating them.
  const extracted = extractAssessment(source.definition as FormDefinition, source.response.answers as FormAnswers, 'id');
  return { sourceResponseId: source.response.id, ...extracted };
}

export async function createReport(db: Db, actor: Actor, caseId: string, body: CreateAssessmentReportBody, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    // One generation at a time per case: two people pressing "generate" at once get one report.
    await repo.lockCaseRow(tx, caseId);
    if (await repo.findUnfinishedReport(tx, caseId)) throw new AppError(409, 'assessment_reports.unfinished_exists');
    const content = await assessmentContent(tx, caseId, body.responseId);
    const row = await repo.insertReport(tx, {
      organizationId: found.case.organizationId,
      caseId,
      status: 'draft',
      nature: translate('id', 'assessmentReports.defaults.nature'),
      attachmentsNote: translate('id', 'assessmentReports.defaults.attachments'),
      subject: translate('id', 'assessmentReports.defaults.subject'),
      ...content,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'assessment_report.created',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { reportId: row.id, sourceResponseId: row.sourceResponseId, sections: row.findings.length },
      ip,
    });
    return presentReport({ row, createdByName: actor.name, submittedByName: null, decidedByName: null });
  });
}

export async function updateReport(db: Db, actor: Actor, caseId: string, reportId: string, body: UpdateAssessmentReportBody, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await loadReport(tx, caseId, reportId);
    if (!isReportEditable(before.row.status as AssessmentReportStatus)) throw new AppError(409, 'assessment_reports.not_editable', { status: before.row.status });
    const { refreshFromAssessment, ...fields } = body;
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) values[k] = typeof v === 'string' && k === 'addressee' && !v.trim() ? null : v;
    if (refreshFromAssessment) Object.assign(values, await assessmentContent(tx, caseId));
    const row = await repo.updateReportFromStatus(tx, reportId, ['draft', 'returned'], { ...values, updatedBy: actor.id });
    if (!row) throw new AppError(409, 'assessment_reports.not_editable', { status: before.row.status });
    await insertAuditEvent(tx, {
      action: 'assessment_report.updated',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      // Which parts changed, not their text: the audit log is read by administrators without access to client data.
      changes: { reportId, fields: Object.keys(values).filter((k) => k !== 'sourceResponseId'), ...(refreshFromAssessment ? { refreshedFrom: row.sourceResponseId } : {}) },
      ip,
    });
    return presentReport({ ...before, row });
  });
}

function refuse(status: string, action: AssessmentReportAction): never {
  throw new AppError(409, 'assessment_reports.transition_not_allowed', { status, action });
}

export async function submitReport(db: Db, actor: Actor, caseId: string, reportId: string, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await loadReport(tx, caseId, reportId);
    const status = before.row.status as AssessmentReportStatus;
    if (!nextReportStatus(status, 'submit')) refuse(status, 'submit');
    if (!before.row.recommendation.trim()) throw new AppError(400, 'assessment_reports.recommendation_required', undefined, 'recommendation');
    const now = new Date();
    const row = await repo.updateReportFromStatus(tx, reportId, ['draft', 'returned'], {
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.id,
      updatedBy: actor.id,
    });
    if (!row) refuse(status, 'submit');
    await insertAuditEvent(tx, {
      action: 'assessment_report.submitted',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { reportId, status: [status, 'submitted'] },
      ip,
    });
    return presentReport({ ...before, row, submittedByName: actor.name });
  });
}

export async function returnReport(db: Db, actor: Actor, caseId: string, reportId: string, note: string, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await loadReport(tx, caseId, reportId);
    const status = before.row.status as AssessmentReportStatus;
    if (!nextReportStatus(status, 'return')) refuse(status, 'return');
    const row = await repo.updateReportFromStatus(tx, reportId, ['submitted'], {
      status: 'returned',
      decidedAt: new Date(),
      decidedBy: actor.id,
      returnNote: note,
      updatedBy: actor.id,
    });
    if (!row) refuse(status, 'return');
    await insertAuditEvent(tx, {
      action: 'assessment_report.returned',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { reportId, status: [status, 'returned'] },
      ip,
    });
    return presentReport({ ...before, row, decidedByName: actor.name });
  });
}

/** What the report prints about the client and the signatories, as of now. */
async function currentSnapshot(db: Db, c: CaseRow, report: repo.ReportWithNames['row'], head: { id: string } | null, lang: Language): Promise<AssessmentReportSnapshot> {
  const client = await repo.findClientOfCase(db, c.id);
  if (!client) throw notFound('cases.not_found');
  const letter = await organizationLetterFacts(db, c.organizationId, lang);
  const photo = await repo.findLatestClientPhoto(db, client.id, c.organizationId);
  const workerId = report.submittedBy ?? report.createdBy;
  const worker = workerId ? await repo.findSignatory(db, workerId) : undefined;
  const headUser = head ? await repo.findSignatory(db, head.id) : await repo.findHeadOfOrganization(db, c.organizationId);
  return {
    caseNumber: c.caseNumber,
    client: {
      name: client.name,
      aliases: client.aliases,
      nik: client.nik,
      kkNumber: client.kkNumber,
      sex: client.sex,
      birthPlace: client.birthPlace,
      birthDate: client.birthDate,
      estimatedAge: client.estimatedAge,
      religion: client.religion,
      education: client.education,
      occupation: client.occupation,
      maritalStatus: client.maritalStatus,
      originAddress: client.originAddress,
    },
    photoAttachmentId: photo?.id ?? null,
    arrivedAt: c.arrivedAt.toISOString(),
    placeName: letter.placeName,
    worker: { name: worker?.name ?? null, nip: worker?.nip ?? null, position: worker?.position ?? null, rank: null },
    head: {
      name: headUser?.name ?? null,
      nip: headUser?.nip ?? null,
      // The letter settings name the head's title and rank; the user's own position is the fallback.
      position: letter.headPosition ?? headUser?.position ?? null,
      rank: letter.headRank,
    },
  };
}

export async function approveReport(db: Db, actor: Actor, caseId: string, reportId: string, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await loadReport(tx, caseId, reportId);
    const status = before.row.status as AssessmentReportStatus;
    if (!nextReportStatus(status, 'approve')) refuse(status, 'approve');
    const now = new Date();
    const snapshot = await currentSnapshot(tx, found.case, before.row, { id: actor.id }, 'id');
    const number = await allocateLetterNumber(tx, found.case.organizationId, 'assessment_report', now);
    const row = await repo.updateReportFromStatus(tx, reportId, ['submitted'], {
      status: 'approved',
      decidedAt: now,
      decidedBy: actor.id,
      returnNote: null,
      letterNumber: number.number,
      letterYear: number.year,
      letterSeq: number.seq,
      letterDate: now,
      snapshot,
      updatedBy: actor.id,
    });
    // The rollback of this transaction also gives the number back.
    if (!row) refuse(status, 'approve');
    await insertAuditEvent(tx, {
      action: 'assessment_report.approved',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { reportId, status: [status, 'approved'], letterNumber: number.number },
      ip,
    });
    return presentReport({ ...before, row, decidedByName: actor.name });
  });
}

async function photoDataUrl(db: Db, storage: AttachmentStorage, attachmentId: string | null): Promise<string | null> {
  if (!attachmentId) return null;
  const file = await repo.findAttachmentFile(db, attachmentId);
  if (!file) return null;
  const opened = await storage.open(file.storageKey);
  if (!opened) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  return `data:${file.mimeType};base64,${Buffer.concat(chunks).toString('base64')}`;
}

/**
 * The report as PDF bytes and a file name. An approved report prints its frozen snapshot; a draft
 * prints the facts as they are now under a DRAFT watermark. The download is audited.
 */
export async function renderReportPdf(db: Db, storage: AttachmentStorage, actor: Actor, caseId: string, reportId: string, lang: Language, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId);
    const { row } = await loadReport(tx, caseId, reportId);
    const isApproved = row.status === 'approved';
    const snapshot = isApproved && row.snapshot ? row.snapshot : await currentSnapshot(tx, found.case, row, null, lang);
    const letter = await organizationLetterFacts(tx, found.case.organizationId, lang);
    const definition = assessmentReportDefinition({
      lang,
      timeZone: letter.timeZone,
      letterhead: letter.letterhead,
      isDraft: !isApproved,
      letterNumber: row.letterNumber,
      date: row.letterDate ?? new Date(),
      nature: row.nature,
      attachmentsNote: row.attachmentsNote,
      subject: row.subject,
      addressee: row.addressee,
      snapshot,
      photo: await photoDataUrl(tx, storage, snapshot.photoAttachmentId),
      findings: row.findings,
      analysis: row.analysis,
      recommendation: row.recommendation,
    });
    const pdf = await renderPdf(definition);
    await insertAuditEvent(tx, {
      action: 'export.downloaded',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { document: 'assessment_report', reportId, status: row.status, letterNumber: row.letterNumber, lang },
      ip,
    });
    const safe = (row.letterNumber ?? `draft-${found.case.caseNumber}`).replace(/[^A-Za-z0-9._-]+/g, '-');
    return { pdf, fileName: `laporan-asesmen-${safe}.pdf` };
  });
}
