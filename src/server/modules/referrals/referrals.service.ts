/**
 * Referrals (rujukan): written at the shelter from a case, sent to an institution, answered by it
 * (or, when it has no account in Singgah, recorded by the shelter on its behalf), handed over and
 * completed. Both sides read the same record and thread; every change is audited on the sending
 * case's timeline and notifies the other side.
 */
import type { AttachmentMimeType } from '../../../shared/contracts/attachments.js';
import {
  availableReferralActions,
  type CreateReferralBody,
  decideReferralTransition,
  REFERRAL_ACTIONS,
  type ListReferralsQuery,
  type ReferralAction,
  type ReferralDetail,
  type ReferralEventView,
  type ReferralSide,
  type ReferralStatus,
  type ReferralSummary,
  type RespondReferralBody,
  type UpdateReferralBody,
} from '../../../shared/contracts/referrals.js';
import type { Language } from '../../../shared/i18n/index.js';
import { type PartnerType, ROLE_PERMISSIONS, ROLES } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { renderPdf } from '../../documents/pdf.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { cleanFileName } from '../attachments/attachments.service.js';
import { type AttachmentStorage, detectMimeType, type ReceivedFile } from '../attachments/attachments.storage.js';
import { loadCaseInScope } from '../cases/case-access.js';
import { createIntake } from '../cases/cases.service.js';
import { allocateLetterNumber, organizationLetterFacts } from '../letters/letters.service.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { referralLetterDefinition } from './referral-letter.js';
import * as repo from './referrals.repository.js';
import type { ReferralRow } from './referrals.table.js';

/** Roles that answer referrals addressed to their organization. */
const RESPONDER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('referrals.respond'));

interface Loaded {
  row: repo.ReferralListRow;
  side: ReferralSide;
}

/**
 * Whether the institution was ever sent this referral: not a draft, nor a draft that was cancelled
 * (only sending sets `sentAt`). The receiving side never sees, and is never told about, one that was not.
 */
function wasSent(r: { status: string; sentAt: Date | null }): boolean {
  return r.status !== 'draft' && !(r.status === 'cancelled' && r.sentAt === null);
}

/**
 * A referral the actor may see: the sending side reaches the case's organization, the receiving
 * side reaches the institution (and only once it was sent). Anything else is not found.
 */
async function loadReferral(db: Db, actor: Actor, id: string): Promise<Loaded> {
  const row = await repo.findReferralById(db, id);
  if (!row) throw notFound('referrals.not_found');
  if (canReachOrganization(actor, row.fromPath)) return { row, side: 'sender' };
  if (canReachOrganization(actor, row.toPath) && wasSent(row.referral)) return { row, side: 'receiver' };
  throw notFound('referrals.not_found');
}

/** Whether an institution answers for itself in Singgah (an active user who can respond). */
async function institutionHasAccount(db: Db, toPath: string): Promise<boolean> {
  return (await repo.findActiveUsersUnder(db, toPath, RESPONDER_ROLES)).length > 0;
}

/** The institution a referral may go to: a partner, or another district's Dinas Sosial. */
async function resolveInstitution(db: Db, organizationId: string, caseOrganizationPath: string) {
  const org = await repo.findOrganization(db, organizationId);
  if (!org || (org.kind !== 'partner' && org.kind !== 'regency')) throw badRequest('referrals.not_an_institution', 'toOrganizationId');
  // A Dinas Sosial above the case is the sender's own office, not another district.
  if (org.kind === 'regency' && (caseOrganizationPath === org.path || caseOrganizationPath.startsWith(`${org.path}/`)))
    throw badRequest('referrals.own_district', 'toOrganizationId');
  return org;
}

async function checkDocuments(db: Db, c: { caseId: string; clientId: string }, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await repo.findCaseAttachments(db, c, unique);
  if (found.length !== unique.length) throw badRequest('referrals.document_not_of_case', 'documentIds');
  return unique;
}

function presentSummary(row: repo.ReferralListRow, side: ReferralSide): ReferralSummary {
  const r = row.referral;
  return {
    id: r.id,
    status: r.status as ReferralStatus,
    urgency: r.urgency as ReferralSummary['urgency'],
    letterNumber: r.letterNumber,
    fromOrganizationId: r.fromOrganizationId,
    fromOrganizationName: row.fromName,
    toOrganizationId: r.toOrganizationId,
    toOrganizationName: row.toName,
    toOrganizationKind: row.toKind,
    toPartnerType: (row.toPartnerType as PartnerType | null) ?? null,
    clientName: row.clientName,
    side,
    // The receiving side never learns the sending case's identifiers.
    caseId: side === 'sender' ? r.caseId : null,
    caseNumber: side === 'sender' ? row.caseNumber : null,
    sentAt: r.sentAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listReferrals(db: Db, actor: Actor, q: ListReferralsQuery) {
  const scope = scopePrefix(actor);
  const { rows, total } = await repo.findReferrals(db, scope, q);
  const items = rows.map((row) => presentSummary(row, canReachOrganization(actor, row.fromPath) ? 'sender' : 'receiver'));
  return { items, total };
}

export async function referralOverview(db: Db, actor: Actor) {
  const rows = await repo.countReferralsByInstitution(db, scopePrefix(actor));
  return { items: rows.map((r) => ({ ...r, status: r.status as ReferralStatus, count: Number(r.count) })) };
}

function sideOfOrganization(row: repo.ReferralListRow, organizationId: string | null): ReferralSide | null {
  if (!organizationId) return null;
  return organizationId === row.referral.toOrganizationId ? 'receiver' : 'sender';
}

/**
 * The referral as the actor's side sees it. The receiving side gets the client presenter (name, sex,
 * birth date or age, categories) and the shared documents, never the case record.
 */
export async function getReferral(db: Db, actor: Actor, id: string): Promise<ReferralDetail> {
  const { row, side } = await loadReferral(db, actor, id);
  const r = row.referral;
  const [client, docs, thread, hasAccount, receivingCase] = await Promise.all([
    repo.findClient(db, r.clientId),
    repo.findCaseAttachments(db, { caseId: r.caseId, clientId: r.clientId }, r.documentIds),
    repo.findReferralEvents(db, r.id),
    institutionHasAccount(db, row.toPath),
    r.receivingCaseId ? repo.findCase(db, r.receivingCaseId) : undefined,
  ]);
  const sourceCase = await repo.findCase(db, r.caseId);
  const answering = side === 'receiver' || !hasAccount ? 'receiver' : null;
  const possible = new Set([
    ...(side === 'sender' ? availableReferralActions(r.status as ReferralStatus, 'sender') : []),
    ...(answering ? availableReferralActions(r.status as ReferralStatus, 'receiver') : []),
  ]);
  const actions = REFERRAL_ACTIONS.filter((a) => possible.has(a));
  const events: ReferralEventView[] = thread.rows.map(({ event, authorName, authorOrganizationName }) => ({
    id: event.id,
    kind: event.kind as ReferralEventView['kind'],
    fromStatus: (event.fromStatus as ReferralStatus | null) ?? null,
    toStatus: (event.toStatus as ReferralStatus | null) ?? null,
    body: event.body,
    authorName,
    authorOrganizationName,
    side: sideOfOrganization(row, event.authorOrganizationId),
    createdAt: event.createdAt.toISOString(),
    files: thread.files
      .filter((f) => f.eventId === event.id)
      .map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, url: `/api/referrals/${r.id}/files/${f.id}` })),
  }));
  return {
    ...presentSummary(row, side),
    reason: r.reason,
    services: r.services,
    servicesNote: r.servicesNote,
    consent: r.consent as ReferralDetail['consent'],
    legalBasis: r.legalBasis,
    client: {
      name: client!.name,
      sex: client!.sex as ReferralDetail['client']['sex'],
      birthDate: client!.birthDate,
      estimatedAge: client!.estimatedAge,
      categories: sourceCase?.categories ?? [],
    },
    documents: docs.map((d) => ({ id: d.id, fileName: d.fileName, mimeType: d.mimeType, caption: d.caption, url: `/api/referrals/${r.id}/documents/${d.id}` })),
    respondedAt: r.respondedAt?.toISOString() ?? null,
    declineReason: r.declineReason,
    handedOverAt: r.handedOverAt?.toISOString() ?? null,
    receivedByName: r.receivedByName,
    completedAt: r.completedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    cancelReason: r.cancelReason,
    receivingCaseId: receivingCase && canReachOrganization(actor, row.toPath) ? receivingCase.id : null,
    receivingCaseNumber: receivingCase?.caseNumber ?? null,
    institutionHasAccount: hasAccount,
    actions,
    canEdit: side === 'sender' && r.status === 'draft',
    canPost: wasSent(r),
    events,
    createdAt: r.createdAt.toISOString(),
  };
}

async function audit(tx: Db, actor: Actor, r: ReferralRow, action: Parameters<typeof insertAuditEvent>[1]['action'], changes: Record<string, unknown>, ip?: string) {
  await insertAuditEvent(tx, {
    action,
    actorUserId: actor.id,
    organizationId: r.fromOrganizationId,
    entityType: 'case',
    entityId: r.caseId,
    changes: { referralId: r.id, ...changes },
    ip,
  });
}

/** Write a referral for a case (a draft: nothing is shown to the institution yet). */
export async function createReferral(db: Db, actor: Actor, body: CreateReferralBody, ip?: string) {
  return db.transaction(async (tx) => {
    const { case: c, organizationPath } = await loadCaseInScope(tx, actor, body.caseId, { forWrite: true });
    const institution = await resolveInstitution(tx, body.toOrganizationId, organizationPath);
    const documentIds = await checkDocuments(tx, { caseId: c.id, clientId: c.clientId }, body.documentIds);
    const row = await repo.insertReferral(tx, {
      caseId: c.id,
      clientId: c.clientId,
      fromOrganizationId: c.organizationId,
      toOrganizationId: institution.id,
      status: 'draft',
      reason: body.reason,
      services: body.services,
      servicesNote: body.servicesNote ?? null,
      urgency: body.urgency,
      documentIds,
      consent: body.consent,
      legalBasis: body.consent === 'given' ? (body.legalBasis ?? null) : body.legalBasis!.trim(),
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await repo.insertReferralEvent(tx, { referralId: row.id, kind: 'status', toStatus: 'draft', authorUserId: actor.id, authorOrganizationId: c.organizationId });
    await audit(tx, actor, row, 'referral.created', { to: institution.name, urgency: row.urgency, consent: row.consent, documents: documentIds.length }, ip);
    return row;
  });
}

/** Change a draft. */
export async function updateReferralDraft(db: Db, actor: Actor, id: string, body: UpdateReferralBody, ip?: string) {
  return db.transaction(async (tx) => {
    const { row, side } = await loadReferral(tx, actor, id);
    if (side !== 'sender') throw notFound('referrals.not_found');
    const locked = (await repo.lockReferral(tx, id))!;
    if (locked.status !== 'draft') throw new AppError(409, 'referrals.not_draft');
    const { organizationPath } = await loadCaseInScope(tx, actor, locked.caseId, { forWrite: true });
    const values: Partial<ReferralRow> = {};
    if (body.toOrganizationId) values.toOrganizationId = (await resolveInstitution(tx, body.toOrganizationId, organizationPath)).id;
    if (body.documentIds) values.documentIds = await checkDocuments(tx, { caseId: locked.caseId, clientId: locked.clientId }, body.documentIds);
    for (const key of ['reason', 'services', 'servicesNote', 'urgency', 'consent', 'legalBasis'] as const) {
      if (body[key] !== undefined) (values as Record<string, unknown>)[key] = body[key];
    }
    const consent = values.consent ?? locked.consent;
    const basis = values.legalBasis !== undefined ? values.legalBasis : locked.legalBasis;
    if (consent !== 'given' && (basis ?? '').trim().length < 5) throw badRequest('referrals.legal_basis_required', 'legalBasis');
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      const old = (locked as unknown as Record<string, unknown>)[k];
      if (JSON.stringify(old) !== JSON.stringify(v)) changes[k] = [old ?? null, v];
    }
    const updated = await repo.updateReferral(tx, id, { ...values, updatedBy: actor.id });
    if (Object.keys(changes).length) await audit(tx, actor, updated, 'referral.updated', changes, ip);
    return { ...row, referral: updated };
  });
}

/** Users of the sending side to tell: the case's assignee and creator, and who wrote the referral. */
async function senderRecipients(tx: Db, r: ReferralRow): Promise<string[]> {
  const c = await repo.findCase(tx, r.caseId);
  return [c?.assignedWorkerId, c?.createdBy, r.createdBy].filter((x): x is string => Boolean(x));
}

async function receiverRecipients(tx: Db, toPath: string): Promise<string[]> {
  return (await repo.findActiveUsersUnder(tx, toPath, RESPONDER_ROLES)).map((u) => u.id);
}

async function notifySide(tx: Db, row: repo.ReferralListRow, r: ReferralRow, to: ReferralSide, kind: string, actor: Actor, vars: Record<string, string | number | null> = {}) {
  const ids = (to === 'receiver' ? await receiverRecipients(tx, row.toPath) : await senderRecipients(tx, r)).filter((id) => id !== actor.id);
  if (ids.length === 0) return;
  await notifyUsers(tx, ids, {
    organizationId: to === 'receiver' ? r.toOrganizationId : r.fromOrganizationId,
    kind: `referral_${kind}`,
    titleKey: `referrals.notifications.${kind}.title`,
    bodyKey: `referrals.notifications.${kind}.body`,
    vars: { institution: row.toName, sender: row.fromName, client: row.clientName, ...vars },
    link: `/referrals/${r.id}`,
  });
}

async function recordTransition(
  tx: Db,
  actor: Actor,
  before: ReferralRow,
  to: ReferralStatus,
  values: Partial<ReferralRow>,
  note: string | null,
  extra: Record<string, unknown>,
  ip?: string,
) {
  const updated = await repo.updateReferral(tx, before.id, { ...values, status: to, updatedBy: actor.id });
  await repo.insertReferralEvent(tx, {
    referralId: before.id,
    kind: 'status',
    fromStatus: before.status,
    toStatus: to,
    body: note,
    authorUserId: actor.id,
    authorOrganizationId: actor.organizationId,
  });
  await audit(tx, actor, updated, 'referral.status_changed', { from: before.status, to, ...extra, ...(note ? { note } : {}) }, ip);
  return updated;
}

function refuse(decision: { ok: false; problem: string }): never {
  throw new AppError(409, decision.problem === 'wrong_side' ? 'referrals.wrong_side' : 'referrals.transition_not_allowed');
}

/** Send a draft: it gets its letter number and appears in the institution's inbox. */
export async function sendReferral(db: Db, actor: Actor, id: string, note: string | null | undefined, ip?: string) {
  return db.transaction(async (tx) => {
    const { row, side } = await loadReferral(tx, actor, id);
    if (side !== 'sender') throw new AppError(409, 'referrals.wrong_side');
    const before = (await repo.lockReferral(tx, id))!;
    const decision = decideReferralTransition(before.status as ReferralStatus, 'send', 'sender');
    if (!decision.ok) refuse(decision);
    await loadCaseInScope(tx, actor, before.caseId, { forWrite: true });
    const now = new Date();
    const { number } = await allocateLetterNumber(tx, before.fromOrganizationId, 'referral_letter', now);
    const updated = await recordTransition(tx, actor, before, decision.to, { sentAt: now, letterNumber: number }, note ?? null, { letterNumber: number }, ip);
    await notifySide(tx, row, updated, 'receiver', 'sent', actor, { urgency: updated.urgency });
    return updated;
  });
}

export async function cancelReferral(db: Db, actor: Actor, id: string, reason: string, ip?: string) {
  return db.transaction(async (tx) => {
    const { row, side } = await loadReferral(tx, actor, id);
    if (side !== 'sender') throw new AppError(409, 'referrals.wrong_side');
    const before = (await repo.lockReferral(tx, id))!;
    const decision = decideReferralTransition(before.status as ReferralStatus, 'cancel', 'sender');
    if (!decision.ok) refuse(decision);
    const updated = await recordTransition(tx, actor, before, decision.to, { cancelledAt: new Date(), cancelReason: reason }, reason, {}, ip);
    if (before.status !== 'draft') await notifySide(tx, row, updated, 'receiver', 'cancelled', actor);
    return updated;
  });
}

/**
 * The institution's answer: accept, decline (with a reason), confirm the client's arrival (handed
 * over: when and who received them), complete. Taken by the institution's own officers, or by the
 * sending shelter when the institution has no account. When another district's Dinas Sosial
 * accepts, the client arrives there as a new incoming case with the shared history.
 */
export async function respondToReferral(db: Db, actor: Actor, id: string, body: RespondReferralBody, ip?: string) {
  return db.transaction(async (tx) => {
    const { row, side } = await loadReferral(tx, actor, id);
    const onBehalf = side === 'sender';
    if (onBehalf && (await institutionHasAccount(tx, row.toPath))) throw new AppError(409, 'referrals.institution_answers_itself');
    const before = (await repo.lockReferral(tx, id))!;
    const decision = decideReferralTransition(before.status as ReferralStatus, body.action as ReferralAction, 'receiver');
    if (!decision.ok) refuse(decision);
    const now = new Date();
    const values: Partial<ReferralRow> = {};
    const extra: Record<string, unknown> = onBehalf ? { recordedOnBehalf: true } : {};
    if (body.action === 'accept' || body.action === 'decline') values.respondedAt = now;
    if (body.action === 'decline') values.declineReason = body.note!.trim();
    if (body.action === 'hand_over') {
      const at = body.handedOverAt ? new Date(body.handedOverAt) : now;
      if (at.getTime() > now.getTime() + 5 * 60_000) throw badRequest('referrals.date_in_future', 'handedOverAt');
      // Times are entered to the minute: a handover in the minute the referral was sent is fine.
      if (before.sentAt && at.getTime() < before.sentAt.getTime() - 60_000) throw badRequest('referrals.handover_before_sent', 'handedOverAt');
      values.handedOverAt = at;
      values.receivedByName = body.receivedByName!.trim();
      extra.handedOverAt = at.toISOString();
      extra.receivedByName = values.receivedByName;
    }
    if (body.action === 'complete') values.completedAt = now;
    if (body.action === 'accept' && row.toKind === 'regency' && !onBehalf) {
      values.receivingCaseId = await openReceivingCase(tx, actor, row, before, ip);
      extra.receivingCaseId = values.receivingCaseId;
    }
    const updated = await recordTransition(tx, actor, before, decision.to, values, body.note ?? null, extra, ip);
    if (!onBehalf) {
      const kind = body.action === 'hand_over' ? 'handed_over' : body.action === 'accept' ? 'accepted' : body.action === 'decline' ? 'declined' : 'completed';
      await notifySide(tx, row, updated, 'sender', kind, actor, { reason: updated.declineReason });
    }
    return updated;
  });
}

/**
 * Between districts: the receiving Dinas Sosial opens a case for a copy of the client, registered in
 * its own organization, with a summary of the sending case as the presenting problem and the
 * referral's letter number, so its team starts with the shared history.
 */
async function openReceivingCase(tx: Db, actor: Actor, row: repo.ReferralListRow, r: ReferralRow, ip?: string): Promise<string> {
  const [client, sourceCase] = await Promise.all([repo.findClient(tx, r.clientId), repo.findCase(tx, r.caseId)]);
  // The case opens where the accepting officer works when that is a shelter unit of the district; else at the Dinas Sosial.
  const receivingOrganizationId = actor.organizationKind === 'unit' || actor.organizationKind === 'regency' ? actor.organizationId : r.toOrganizationId;
  const summary = [
    `Rujukan dari ${row.fromName} (kasus ${sourceCase!.caseNumber}${r.letterNumber ? `, surat ${r.letterNumber}` : ''}).`,
    `Alasan rujukan: ${r.reason}`,
    sourceCase!.presentingProblem ? `Masalah saat diterima: ${sourceCase!.presentingProblem}` : null,
    `ID rujukan: ${r.id}`,
  ]
    .filter(Boolean)
    .join('\n');
  const c = client!;
  const created = await createIntake(
    tx,
    actor,
    {
      organizationId: receivingOrganizationId,
      source: 'agency_referral',
      broughtByAgency: row.fromName,
      letterNumber: r.letterNumber,
      arrivedAt: new Date().toISOString(),
      categories: sourceCase!.categories.length ? sourceCase!.categories : ['local_stranded_traveller'],
      presentingProblem: summary.slice(0, 2000),
      client: {
        name: c.name,
        nameQuality: c.nameQuality as 'full',
        aliases: c.aliases,
        sex: c.sex as 'male',
        birthDate: c.birthDate,
        birthDateQuality: c.birthDateQuality as 'full',
        estimatedAge: c.estimatedAge,
        birthPlace: c.birthPlace,
        nik: c.nik,
        nikQuality: c.nikQuality as 'full',
        kkNumber: c.kkNumber,
        originRegionCode: c.originRegionCode,
        originAddress: c.originAddress,
      },
    },
    ip,
  );
  return created.id;
}

/** A message or progress note in the referral's thread, from either side. */
export async function postReferralMessage(db: Db, actor: Actor, id: string, body: { kind: 'message' | 'progress_note'; body: string }, ip?: string) {
  return db.transaction(async (tx) => {
    const { row, side } = await loadReferral(tx, actor, id);
    if (!wasSent(row.referral)) throw new AppError(409, 'referrals.not_sent');
    const event = await repo.insertReferralEvent(tx, {
      referralId: id,
      kind: body.kind,
      body: body.body,
      authorUserId: actor.id,
      authorOrganizationId: actor.organizationId,
    });
    await repo.updateReferral(tx, id, {});
    await audit(tx, actor, row.referral, 'referral.message_posted', { kind: body.kind, side, eventId: event.id }, ip);
    await notifySide(tx, row, row.referral, side === 'sender' ? 'receiver' : 'sender', 'message', actor, { author: actor.name });
    return event;
  });
}

/** A file posted in the thread (the bytes go to the attachments storage). */
export async function postReferralFile(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  id: string,
  file: ReceivedFile & { fileName: string },
  caption: string | null,
  ip?: string,
) {
  if (file.sizeBytes === 0) throw badRequest('attachments.empty_file', 'file');
  const mimeType = detectMimeType(file.head);
  if (!mimeType) throw badRequest('attachments.unsupported_type', 'file');
  let storageKey: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const { row, side } = await loadReferral(tx, actor, id);
      if (!wasSent(row.referral)) throw new AppError(409, 'referrals.not_sent');
      storageKey = await storage.keep(file);
      const fileName = cleanFileName(file.fileName);
      const event = await repo.insertReferralEvent(tx, {
        referralId: id,
        kind: 'message',
        body: caption || fileName,
        authorUserId: actor.id,
        authorOrganizationId: actor.organizationId,
      });
      const saved = await repo.insertReferralFile(tx, {
        referralId: id,
        eventId: event.id,
        fileName,
        mimeType,
        sizeBytes: file.sizeBytes,
        storageKey,
        uploadedBy: actor.id,
      });
      await repo.updateReferral(tx, id, {});
      await audit(tx, actor, row.referral, 'referral.message_posted', { kind: 'file', side, eventId: event.id, fileId: saved.id, fileName }, ip);
      await notifySide(tx, row, row.referral, side === 'sender' ? 'receiver' : 'sender', 'message', actor, { author: actor.name });
      return saved;
    });
  } catch (err) {
    if (storageKey) await storage.remove(storageKey);
    throw err;
  }
}

/** Open a file of the thread, or a shared case document, for download (audited). */
export async function openReferralFile(db: Db, storage: AttachmentStorage, actor: Actor, id: string, fileId: string, source: 'thread' | 'document', ip?: string) {
  const { row } = await loadReferral(db, actor, id);
  let meta: { storageKey: string; fileName: string; mimeType: string };
  if (source === 'thread') {
    const f = await repo.findReferralFile(db, id, fileId);
    if (!f) throw notFound('referrals.file_not_found');
    meta = f;
  } else {
    // Only documents the referral lists are shared: any other attachment id is not found.
    if (!row.referral.documentIds.includes(fileId)) throw notFound('referrals.file_not_found');
    const [doc] = await repo.findCaseAttachments(db, { caseId: row.referral.caseId, clientId: row.referral.clientId }, [fileId]);
    if (!doc) throw notFound('referrals.file_not_found');
    meta = doc;
  }
  const opened = await storage.open(meta.storageKey);
  if (!opened) throw notFound('attachments.file_missing');
  await audit(db, actor, row.referral, 'referral.file_downloaded', { source, fileId, fileName: meta.fileName }, ip);
  return { ...opened, fileName: meta.fileName, mimeType: meta.mimeType as AttachmentMimeType };
}

/** The referral letter (surat rujukan) as PDF bytes; downloading it is audited. */
export async function renderReferralLetter(db: Db, actor: Actor, id: string, lang: Language, ip?: string) {
  const { row } = await loadReferral(db, actor, id);
  const r = row.referral;
  const [client, sourceCase, docs, facts, head, institution] = await Promise.all([
    repo.findClient(db, r.clientId),
    repo.findCase(db, r.caseId),
    repo.findCaseAttachments(db, { caseId: r.caseId, clientId: r.clientId }, r.documentIds),
    organizationLetterFacts(db, r.fromOrganizationId, lang),
    headSignatory(db, r.fromOrganizationId, row.fromPath),
    repo.findOrganization(db, r.toOrganizationId),
  ]);
  const definition = referralLetterDefinition({
    lang,
    timeZone: facts.timeZone,
    letterhead: facts.letterhead,
    placeName: facts.placeName,
    letterNumber: r.letterNumber,
    date: r.sentAt ?? new Date(),
    urgency: r.urgency,
    institution: { name: institution!.name, address: institution!.address },
    client: {
      name: client!.name,
      sex: client!.sex,
      birthDate: client!.birthDate,
      estimatedAge: client!.estimatedAge,
      nik: client!.nik,
      categories: sourceCase!.categories,
    },
    caseNumber: sourceCase!.caseNumber,
    reason: r.reason,
    services: r.services,
    servicesNote: r.servicesNote,
    consent: r.consent,
    legalBasis: r.legalBasis,
    documents: docs.map((d) => d.caption || d.fileName),
    head: { name: head?.name ?? null, nip: head?.nip ?? null, rank: facts.headRank },
    headPosition: facts.headPosition ?? head?.position ?? `Kepala ${facts.organizationName}`,
  });
  const pdf = await renderPdf(definition);
  await audit(db, actor, r, 'export.downloaded', { document: 'referral_letter', lang }, ip);
  const fileName = `surat-rujukan-${(r.letterNumber ?? r.id.slice(0, 8)).replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
  return { pdf, fileName };
}

/** The head of the sending unit; the regency's head when the unit has none. */
async function headSignatory(db: Db, organizationId: string, path: string) {
  const own = await repo.findHeadOfOrganization(db, organizationId);
  if (own) return own;
  const parts = path.split('/');
  const parentId = parts.length > 1 ? parts[parts.length - 2] : undefined;
  return parentId ? repo.findHeadOfOrganization(db, parentId) : undefined;
}
