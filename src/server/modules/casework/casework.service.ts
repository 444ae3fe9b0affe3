/**
 * What each stage of a case records: health check, identity documents, family tracing, SPM services,
 * reunification (with its handover record), follow-ups and belongings.
 *
 * Every write loads the case through `loadCaseInScope(…, { forWrite: true })` and writes its audit
 * row in the same transaction, as entity `case` so that it appears in the case timeline. Audit rows
 * carry ids, codes and dates only: the audit log is read by administrators, who may not see client
 * data (health, identity, family), so the details stay in the records themselves.
 */
import type {
  BelongingView,
  CaseRecordsView,
  CreateHealthCheckBody,
  CreateIdentityDocumentBody,
  CreateServiceBody,
  CreateTracingAttemptBody,
  DepositBelongingBody,
  DueFollowUpView,
  FollowUpDoneBody,
  FollowUpView,
  HealthCheckView,
  IdentityDocumentTransitionBody,
  IdentityDocumentView,
  ReturnBelongingBody,
  ReunificationBody,
  ReunificationView,
  ScheduleFollowUpBody,
  ServicesView,
  ServiceView,
  TracingAttemptView,
  TracingView,
} from '../../../shared/contracts/casework.js';
import { SPM_SERVICES } from '../../../shared/domain/enums.js';
import type { Language } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { handoverRecordDefinition } from '../../documents/handover-record.js';
import { renderPdf } from '../../documents/pdf.js';
import { type Actor, scopePrefix } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import { localDate } from '../../local-date.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import { organizationLetterhead } from '../letters/letters.service.js';
import * as repo from './casework.repository.js';
import {
  IDENTITY_DOCUMENT_TRANSITIONS,
  type IdentityDocumentState,
  type IdentityDocumentStatus,
  type IdentityDocumentType,
  planTransition,
} from './identity-documents.js';

type Spm = (typeof SPM_SERVICES)[number];
const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
/** Clocks of phones and servers drift: a moment this close to now is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const numberOrNull = (v: string | null) => (v === null ? null : Number(v));

/** A recorded event may not lie in the future. */
function pastMoment(value: string | undefined, field: string, now = new Date()): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError(400, 'casework.date_in_future', undefined, field);
  return at;
}

/**
 * The latest calendar date anywhere in Indonesia right now (Jayapura, UTC+9, is the first to start a
 * day), so a service given "today" in any of the three time zones is never refused as future.
 */
export function latestIndonesianDate(now = new Date()): string {
  return localDate(now, 'Asia/Jayapura');
}

/**
 * The case's tracing status after an attempt: found once found, otherwise in progress (an attempt
 * after tracing was closed as not found reopens it).
 */
export function tracingStatusAfterAttempt(current: string, result: string): string {
  if (result === 'found' || current === 'found') return 'found';
  return 'in_progress';
}

// ---------------------------------------------------------------------------------------------
// Presenters: exactly the fields that leave the server

export function presentHealthCheck({ row, recordedByName }: repo.Recorded<repo.HealthCheckRow>): HealthCheckView {
  return {
    id: row.id,
    caseId: row.caseId,
    checkedAt: iso(row.checkedAt),
    bloodPressure: row.bloodPressure,
    pulse: row.pulse,
    temperature: numberOrNull(row.temperature),
    respiration: row.respiration,
    weightKg: numberOrNull(row.weightKg),
    visibleConditions: row.visibleConditions,
    mentalState: row.mentalState as HealthCheckView['mentalState'],
    suspectedPsychosis: row.suspectedPsychosis,
    referredTo: row.referredTo,
    insuranceType: row.insuranceType as HealthCheckView['insuranceType'],
    insuranceNumber: row.insuranceNumber,
    notes: row.notes,
    recordedByName,
    createdAt: iso(row.createdAt),
  };
}

function identityState(row: repo.IdentityDocumentRow): IdentityDocumentState {
  return {
    documentType: row.documentType as IdentityDocumentType,
    status: row.status as IdentityDocumentStatus,
    preparedAt: row.preparedAt,
    submittedAt: row.submittedAt,
    recordedAt: row.recordedAt,
    issuedAt: row.issuedAt,
    refusedAt: row.refusedAt,
  };
}

export function presentIdentityDocument(row: repo.IdentityDocumentRow): IdentityDocumentView {
  const status = row.status as IdentityDocumentStatus;
  return {
    id: row.id,
    caseId: row.caseId,
    documentType: row.documentType as IdentityDocumentType,
    status,
    preparedAt: iso(row.preparedAt),
    submittedAt: isoOrNull(row.submittedAt),
    recordedAt: isoOrNull(row.recordedAt),
    issuedAt: isoOrNull(row.issuedAt),
    refusedAt: isoOrNull(row.refusedAt),
    refusalReason: row.refusalReason,
    documentNumber: row.documentNumber,
    notes: row.notes,
    allowedTransitions: [...IDENTITY_DOCUMENT_TRANSITIONS[status]],
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentTracingAttempt({ row, recordedByName }: repo.Recorded<repo.TracingAttemptRow>): TracingAttemptView {
  return {
    id: row.id,
    caseId: row.caseId,
    attemptedAt: iso(row.attemptedAt),
    channel: row.channel as TracingAttemptView['channel'],
    byName: row.byName,
    result: row.result as TracingAttemptView['result'],
    notes: row.notes,
    recordedByName,
    createdAt: iso(row.createdAt),
  };
}

export function presentService({ row, recordedByName }: repo.Recorded<repo.ServiceRow>): ServiceView {
  return {
    id: row.id,
    caseId: row.caseId,
    service: row.service as Spm,
    serviceDate: row.serviceDate,
    quantity: row.quantity,
    notes: row.notes,
    recordedByName,
    createdAt: iso(row.createdAt),
  };
}

export function presentReunification({ row, recordedByName }: repo.Recorded<repo.ReunificationRow>): ReunificationView {
  return {
    id: row.id,
    caseId: row.caseId,
    destinationType: row.destinationType as ReunificationView['destinationType'],
    destinationName: row.destinationName,
    destinationAddress: row.destinationAddress,
    destinationRegionCode: row.destinationRegionCode,
    travelMode: row.travelMode,
    travelCost: numberOrNull(row.travelCost),
    receivedByName: row.receivedByName,
    receivedByRelation: row.receivedByRelation,
    receivedByIdNumber: row.receivedByIdNumber,
    handedOverAt: iso(row.handedOverAt),
    handoverNumber: row.handoverNumber,
    notes: row.notes,
    recordedByName,
    createdAt: iso(row.createdAt),
  };
}

export function presentFollowUp({ row, recordedByName }: repo.Recorded<repo.FollowUpRow>): FollowUpView {
  return {
    id: row.id,
    caseId: row.caseId,
    dueDate: row.dueDate,
    doneAt: isoOrNull(row.doneAt),
    channel: row.channel as FollowUpView['channel'],
    situation: row.situation,
    notes: row.notes,
    recordedByName,
    createdAt: iso(row.createdAt),
  };
}

export function presentBelonging({ row, recordedByName }: repo.Recorded<repo.BelongingRow>): BelongingView {
  return {
    id: row.id,
    caseId: row.caseId,
    description: row.description,
    quantity: row.quantity,
    depositedAt: iso(row.depositedAt),
    returnedAt: isoOrNull(row.returnedAt),
    returnedTo: row.returnedTo,
    recordedByName,
  };
}

/** Who recorded something just now, for the view returned by a write. */
const byActor = <T>(row: T, actor: Actor): repo.Recorded<T> => ({ row, recordedByName: actor.name });

// ---------------------------------------------------------------------------------------------
// Health check

export async function recordHealthCheck(db: Db, actor: Actor, caseId: string, body: CreateHealthCheckBody, ip?: string): Promise<HealthCheckView> {
  const checkedAt = pastMoment(body.checkedAt, 'checkedAt');
  if (body.insuranceNumber && (!body.insuranceType || body.insuranceType === 'none'))
    throw new AppError(400, 'casework.insurance_type_required', undefined, 'insuranceType');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const row = await repo.insertHealthCheck(tx, {
      caseId,
      checkedAt,
      bloodPressure: body.bloodPressure ?? null,
      pulse: body.pulse ?? null,
      temperature: body.temperature == null ? null : String(body.temperature),
      respiration: body.respiration ?? null,
      weightKg: body.weightKg == null ? null : String(body.weightKg),
      visibleConditions: body.visibleConditions ?? null,
      mentalState: body.mentalState ?? null,
      suspectedPsychosis: Boolean(body.suspectedPsychosis) || body.mentalState === 'suspected_psychosis',
      referredTo: body.referredTo ?? null,
      insuranceType: body.insuranceType ?? null,
      insuranceNumber: body.insuranceNumber ?? null,
      notes: body.notes ?? null,
      recordedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'case.health_check_recorded',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { healthCheckId: row.id, checkedAt: iso(row.checkedAt) },
      ip,
    });
    return presentHealthCheck(byActor(row, actor));
  });
}

// ---------------------------------------------------------------------------------------------
// Identity documents

export async function requestIdentityDocument(
  db: Db,
  actor: Actor,
  caseId: string,
  body: CreateIdentityDocumentBody,
  ip?: string,
): Promise<IdentityDocumentView> {
  const preparedAt = pastMoment(body.preparedAt, 'preparedAt');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const row = await repo.insertIdentityDocument(tx, {
      caseId,
      documentType: body.documentType,
      status: 'prepared',
      preparedAt,
      notes: body.notes ?? null,
      createdBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'case.identity_document_requested',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { identityDocumentId: row.id, documentType: row.documentType, status: row.status },
      ip,
    });
    return presentIdentityDocument(row);
  });
}

export async function transitionIdentityDocument(
  db: Db,
  actor: Actor,
  caseId: string,
  id: string,
  body: IdentityDocumentTransitionBody,
  ip?: string,
): Promise<IdentityDocumentView> {
  const at = pastMoment(body.at, 'at');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await repo.findIdentityDocument(tx, caseId, id);
    if (!before) throw notFound('identity_documents.not_found');
    const plan = planTransition(identityState(before), { to: body.to, at, documentNumber: body.documentNumber, refusalReason: body.refusalReason });
    if (!plan.ok) throw new AppError(plan.problem.status, plan.problem.code, plan.problem.vars, plan.problem.field);
    const row = await repo.updateIdentityDocumentFromStatus(tx, id, before.status, plan.changes);
    // Someone else moved it between our read and our write.
    if (!row) throw new AppError(409, 'identity_documents.transition_not_allowed', { from: before.status, to: body.to }, 'to');
    await insertAuditEvent(tx, {
      action: 'case.identity_document_updated',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: {
        identityDocumentId: id,
        documentType: row.documentType,
        status: [before.status, row.status],
        at: iso(at),
        ...(plan.changes.documentNumber ? { documentNumberRecorded: true } : {}),
      },
      ip,
    });
    return presentIdentityDocument(row);
  });
}

// ---------------------------------------------------------------------------------------------
// Family tracing

export async function recordTracingAttempt(db: Db, actor: Actor, caseId: string, body: CreateTracingAttemptBody, ip?: string) {
  const attemptedAt = pastMoment(body.attemptedAt, 'attemptedAt');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const row = await repo.insertTracingAttempt(tx, {
      caseId,
      attemptedAt,
      channel: body.channel,
      byName: body.byName ?? null,
      result: body.result,
      notes: body.notes ?? null,
      recordedBy: actor.id,
    });
    const tracingStatus = await repo.updateTracingStatusAfterAttempt(tx, caseId, body.result === 'found', actor.id);
    await insertAuditEvent(tx, {
      action: 'case.tracing_attempt_recorded',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: {
        tracingAttemptId: row.id,
        channel: row.channel,
        result: row.result,
        ...(found.case.tracingStatus !== tracingStatus ? { tracingStatus: [found.case.tracingStatus, tracingStatus] } : {}),
      },
      ip,
    });
    return { attempt: presentTracingAttempt(byActor(row, actor)), tracingStatus: tracingStatus as TracingView['status'] };
  });
}

export async function closeTracing(db: Db, actor: Actor, caseId: string, ip?: string): Promise<{ tracingStatus: TracingView['status'] }> {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    if (found.case.tracingStatus === 'found') throw new AppError(409, 'casework.tracing_already_found');
    if (found.case.tracingStatus === 'closed_not_found') throw new AppError(409, 'casework.tracing_already_closed');
    const status = await repo.closeTracingNotFound(tx, caseId, actor.id);
    if (!status) throw new AppError(409, 'casework.tracing_already_found');
    await insertAuditEvent(tx, {
      action: 'case.tracing_closed',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { tracingStatus: [found.case.tracingStatus, status] },
      ip,
    });
    return { tracingStatus: 'closed_not_found' as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Rehabilitation services (SPM)

export async function recordService(db: Db, actor: Actor, caseId: string, body: CreateServiceBody, ip?: string): Promise<ServiceView> {
  if (body.serviceDate > latestIndonesianDate()) throw new AppError(400, 'casework.date_in_future', undefined, 'serviceDate');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const row = await repo.insertService(tx, {
      caseId,
      service: body.service,
      serviceDate: body.serviceDate,
      quantity: body.quantity,
      notes: body.notes ?? null,
      recordedBy: actor.id,
    });
    await insertAuditEvent(tx, {
      action: 'case.service_recorded',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { serviceId: row.id, service: row.service, serviceDate: row.serviceDate, quantity: row.quantity },
      ip,
    });
    return presentService(byActor(row, actor));
  });
}

async function servicesOfCase(db: Db, caseId: string): Promise<ServicesView> {
  const [items, sums] = await Promise.all([repo.findServices(db, caseId), repo.sumServices(db, caseId)]);
  const order = (s: string) => SPM_SERVICES.indexOf(s as Spm);
  return {
    items: items.map(presentService),
    totals: sums
      .map((s) => ({ ...s, service: s.service as Spm }))
      .sort((a, b) => order(a.service) - order(b.service)),
  };
}

export async function listServices(db: Db, actor: Actor, caseId: string): Promise<ServicesView> {
  await loadCaseInScope(db, actor, caseId);
  return servicesOfCase(db, caseId);
}

// ---------------------------------------------------------------------------------------------
// Reunification and its handover record

/** Record the return home; a case has one, and recording again corrects it. */
export async function saveReunification(
  db: Db,
  actor: Actor,
  caseId: string,
  body: ReunificationBody,
  ip?: string,
): Promise<{ created: boolean; view: ReunificationView }> {
  const handedOverAt = pastMoment(body.handedOverAt, 'handedOverAt');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    if (handedOverAt.getTime() < found.case.arrivedAt.getTime()) throw new AppError(400, 'casework.handover_before_arrival', undefined, 'handedOverAt');
    await repo.lockCaseRow(tx, caseId);
    const existing = await repo.findReunification(tx, caseId);
    const values = {
      destinationType: body.destinationType,
      destinationName: body.destinationName,
      destinationAddress: body.destinationAddress ?? null,
      destinationRegionCode: body.destinationRegionCode ?? null,
      travelMode: body.travelMode ?? null,
      travelCost: body.travelCost == null ? null : String(body.travelCost),
      receivedByName: body.receivedByName,
      receivedByRelation: body.receivedByRelation ?? null,
      receivedByIdNumber: body.receivedByIdNumber ?? null,
      handedOverAt,
      handoverNumber: body.handoverNumber ?? null,
      notes: body.notes ?? null,
      recordedBy: actor.id,
    };
    const row = existing ? await repo.updateReunification(tx, existing.row.id, values) : await repo.insertReunification(tx, { caseId, ...values });
    await insertAuditEvent(tx, {
      action: existing ? 'case.reunification_updated' : 'case.reunification_recorded',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: {
        reunificationId: row.id,
        destinationType: row.destinationType,
        handedOverAt: iso(row.handedOverAt),
        handoverNumber: row.handoverNumber,
      },
      ip,
    });
    return { created: !existing, view: presentReunification(byActor(row, actor)) };
  });
}

/**
 * The handover record (berita acara serah terima) as PDF bytes, and a file name. Downloading it is
 * audited (`export.downloaded`): it carries the client's identity.
 */
export async function renderHandoverRecord(db: Db, actor: Actor, caseId: string, lang: Language, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId);
    const reunification = await repo.findReunification(tx, caseId);
    if (!reunification) throw notFound('casework.reunification_not_found');
    const facts = await repo.findCaseDocumentFacts(tx, caseId);
    if (!facts) throw notFound('cases.not_found');
    const r = reunification.row;
    const items = await repo.findBelongings(tx, caseId);
    const firstParty = r.recordedBy ? await repo.findSignatory(tx, r.recordedBy) : undefined;
    const unitHead = await repo.findHeadOfOrganization(tx, facts.unit.id);
    const head = unitHead ?? (facts.parent ? await repo.findHeadOfOrganization(tx, facts.parent.id) : undefined);
    const definition = handoverRecordDefinition({
      lang,
      timeZone: facts.timeZone ?? DEFAULT_TIME_ZONE,
      letterhead: await organizationLetterhead(tx, facts.unit.id, lang),
      unitName: facts.unit.name,
      caseNumber: found.case.caseNumber,
      arrivedAt: found.case.arrivedAt,
      client: {
        name: facts.client.name,
        aliases: facts.client.aliases,
        nik: facts.client.nik,
        sex: facts.client.sex,
        birthPlace: facts.client.birthPlace,
        birthDate: facts.client.birthDate,
        estimatedAge: facts.client.estimatedAge,
        originAddress: facts.client.originAddress,
      },
      reunification: {
        destinationType: r.destinationType as ReunificationView['destinationType'],
        destinationName: r.destinationName,
        destinationAddress: r.destinationAddress,
        receivedByName: r.receivedByName,
        receivedByRelation: r.receivedByRelation,
        receivedByIdNumber: r.receivedByIdNumber,
        handedOverAt: r.handedOverAt,
        handoverNumber: r.handoverNumber,
        notes: r.notes,
      },
      belongings: items.map(({ row }) => ({ description: row.description, quantity: row.quantity, returnedAt: row.returnedAt, returnedTo: row.returnedTo })),
      firstParty: firstParty ?? { name: actor.name },
      head,
    });
    const pdf = await renderPdf(definition);
    await insertAuditEvent(tx, {
      action: 'export.downloaded',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { document: 'handover_record', reunificationId: r.id, lang },
      ip,
    });
    const fileName = `berita-acara-serah-terima-${found.case.caseNumber.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
    return { pdf, fileName };
  });
}

// ---------------------------------------------------------------------------------------------
// Follow-ups (monitoring & evaluation)

export async function scheduleFollowUp(db: Db, actor: Actor, caseId: string, body: ScheduleFollowUpBody, ip?: string): Promise<FollowUpView> {
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const row = await repo.insertFollowUp(tx, { caseId, dueDate: body.dueDate, notes: body.notes ?? null, recordedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'case.follow_up_scheduled',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { followUpId: row.id, dueDate: row.dueDate },
      ip,
    });
    return presentFollowUp(byActor(row, actor));
  });
}

export async function recordFollowUpDone(db: Db, actor: Actor, caseId: string, id: string, body: FollowUpDoneBody, ip?: string): Promise<FollowUpView> {
  const doneAt = pastMoment(body.doneAt, 'doneAt');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await repo.findFollowUp(tx, caseId, id);
    if (!before) throw notFound('casework.follow_up_not_found');
    if (before.doneAt) throw new AppError(409, 'casework.follow_up_already_done');
    const row = await repo.markFollowUpDone(tx, id, {
      doneAt,
      channel: body.channel,
      situation: body.situation,
      notes: body.notes ?? before.notes,
      recordedBy: actor.id,
    });
    if (!row) throw new AppError(409, 'casework.follow_up_already_done');
    await insertAuditEvent(tx, {
      action: 'case.follow_up_done',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { followUpId: id, dueDate: row.dueDate, doneAt: iso(doneAt), channel: row.channel },
      ip,
    });
    return presentFollowUp(byActor(row, actor));
  });
}

/** Reminders: follow-ups due within `days` days or overdue, on open cases in the actor's scope. */
export async function listDueFollowUps(db: Db, actor: Actor, q: { days: number; limit: number; offset: number }) {
  const scope = scopePrefix(actor);
  const { rows, total } = await repo.findDueFollowUps(db, { scopePath: scope.path, includeChildren: scope.includeChildren, ...q });
  const items: DueFollowUpView[] = rows.map((r) => ({
    id: r.followUp.id,
    caseId: r.followUp.caseId,
    caseNumber: r.caseNumber,
    clientName: r.clientName,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    dueDate: r.followUp.dueDate,
    notes: r.followUp.notes,
    isOverdue: Boolean(r.isOverdue),
  }));
  return { items, total };
}

// ---------------------------------------------------------------------------------------------
// Belongings

export async function depositBelonging(db: Db, actor: Actor, caseId: string, body: DepositBelongingBody, ip?: string): Promise<BelongingView> {
  const depositedAt = pastMoment(body.depositedAt, 'depositedAt');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const row = await repo.insertBelonging(tx, { caseId, description: body.description, quantity: body.quantity, depositedAt, recordedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'case.belonging_deposited',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { belongingId: row.id, description: row.description, quantity: row.quantity },
      ip,
    });
    return presentBelonging(byActor(row, actor));
  });
}

export async function returnBelonging(db: Db, actor: Actor, caseId: string, id: string, body: ReturnBelongingBody, ip?: string): Promise<BelongingView> {
  const returnedAt = pastMoment(body.returnedAt, 'returnedAt');
  return db.transaction(async (tx) => {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const before = await repo.findBelonging(tx, caseId, id);
    if (!before) throw notFound('casework.belonging_not_found');
    if (before.returnedAt) throw new AppError(409, 'casework.belonging_already_returned');
    if (returnedAt.getTime() < before.depositedAt.getTime()) throw new AppError(400, 'casework.returned_before_deposit', undefined, 'returnedAt');
    const row = await repo.markBelongingReturned(tx, id, { returnedAt, returnedTo: body.returnedTo });
    if (!row) throw new AppError(409, 'casework.belonging_already_returned');
    await insertAuditEvent(tx, {
      action: 'case.belonging_returned',
      actorUserId: actor.id,
      organizationId: found.case.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { belongingId: id, returnedAt: iso(returnedAt) },
      ip,
    });
    const depositor = row.recordedBy ? await repo.findSignatory(tx, row.recordedBy) : undefined;
    return presentBelonging({ row, recordedByName: depositor?.name ?? null });
  });
}

// ---------------------------------------------------------------------------------------------
// Everything for the case page

export async function getCaseRecords(db: Db, actor: Actor, caseId: string): Promise<CaseRecordsView> {
  const found = await loadCaseInScope(db, actor, caseId);
  const [health, documents, attempts, services, reunification, followUpRows, items] = await Promise.all([
    repo.findHealthChecks(db, caseId),
    repo.findIdentityDocuments(db, caseId),
    repo.findTracingAttempts(db, caseId),
    servicesOfCase(db, caseId),
    repo.findReunification(db, caseId),
    repo.findFollowUps(db, caseId),
    repo.findBelongings(db, caseId),
  ]);
  return {
    caseId,
    civilRegistration: found.case.civilRegistration as CaseRecordsView['civilRegistration'],
    healthChecks: health.map(presentHealthCheck),
    identityDocuments: documents.map(presentIdentityDocument),
    tracing: { status: found.case.tracingStatus as TracingView['status'], attempts: attempts.map(presentTracingAttempt) },
    services,
    reunification: reunification ? presentReunification(reunification) : null,
    followUps: followUpRows.map(presentFollowUp),
    belongings: items.map(presentBelonging),
  };
}
