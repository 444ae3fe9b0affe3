import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  type ComplaintList,
  type ComplaintStatus,
  type ComplaintView,
  type CreateComplaintBody,
  type CreatedComplaint,
  type PublicComplaintStatus,
  TRACKING_ALPHABET,
} from '../../../shared/contracts/complaints.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { AppError, badRequest } from '../../http/errors.js';
import { type AttachmentStorage, detectMimeType } from '../attachments/attachments.storage.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import { notifyOnDutyFirst } from '../notifications/notifications.service.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import { challengeKey, photoToken, verifyChallenge, verifyPhotoToken } from './complaints.challenge.js';
import * as repo from './complaints.repository.js';
import type { ComplaintRow } from './complaints.table.js';

/** A new tracking code: `ADU-` and 6 characters from an alphabet without look-alikes. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `ADU-${code}`;
}

/** Minutes from receipt to the first triage (dismissal or intake), null while untouched. */
export function responseMinutes(c: Pick<ComplaintRow, 'receivedAt' | 'triagedAt'>): number | null {
  return c.triagedAt ? Math.max(0, Math.round((c.triagedAt.getTime() - c.receivedAt.getTime()) / 60_000)) : null;
}

function present(c: ComplaintRow, triagedByName: string | null): ComplaintView {
  return {
    id: c.id,
    organizationId: c.organizationId,
    trackingCode: c.trackingCode,
    status: c.status as ComplaintStatus,
    description: c.description,
    address: c.address,
    latitude: c.latitude,
    longitude: c.longitude,
    gpsAccuracyMeters: c.gpsAccuracyMeters,
    seenAt: c.seenAt?.toISOString() ?? null,
    reporterName: c.reporterName,
    reporterPhone: c.reporterPhone,
    reporterEmail: c.reporterEmail,
    hasPhoto: Boolean(c.photoStorageKey),
    receivedAt: c.receivedAt.toISOString(),
    triagedAt: c.triagedAt?.toISOString() ?? null,
    triagedByName,
    dismissReason: c.dismissReason,
    caseId: c.caseId,
    responseMinutes: responseMinutes(c),
  };
}

/**
 * File a complaint from the public form. The honeypot and the challenge are checked first; the
 * complaint, its audit row and the notifications to the on-duty officers are one transaction.
 */
export async function fileComplaint(db: Db, body: CreateComplaintBody, ip?: string): Promise<CreatedComplaint> {
  // A bot fills in every field, the hidden one too: answer as if accepted, keep nothing.
  if (body.website && body.website.trim() !== '') throw badRequest('complaints.rejected');
  const key = await challengeKey(db);
  const check = verifyChallenge(key, body.challengeToken, body.challengeAnswer);
  if (check !== 'ok') throw badRequest(`complaints.challenge_${check}`, 'challengeAnswer');
  const unit = await repo.findUnit(db, body.organizationId);
  if (unit?.kind !== 'unit') throw badRequest('complaints.unknown_unit', 'organizationId');
  return db.transaction(async (tx) => {
    let row: ComplaintRow | undefined;
    for (let attempt = 0; !row && attempt < 5; attempt++) {
      row = await repo.insertComplaint(tx, {
        organizationId: unit.id,
        trackingCode: newTrackingCode(),
        description: body.description,
        address: body.address,
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        gpsAccuracyMeters: body.gpsAccuracyMeters ?? null,
        seenAt: body.seenAt ? new Date(body.seenAt) : null,
        reporterName: body.reporterName || null,
        reporterPhone: body.reporterPhone || null,
        reporterEmail: body.reporterEmail || null,
      });
    }
    if (!row) throw new AppError(503, 'complaints.try_again');
    await insertAuditEvent(tx, {
      action: 'complaint.received',
      organizationId: unit.id,
      entityType: 'complaint',
      entityId: row.id,
      changes: { trackingCode: row.trackingCode, hasGps: row.latitude !== null, hasContact: Boolean(row.reporterPhone || row.reporterEmail) },
      ip,
    });
    await notifyOnDutyFirst(tx, {
      organizationId: unit.id,
      kind: 'complaint_new',
      titleKey: 'notifications.kinds.complaint_new.title',
      bodyKey: 'notifications.kinds.complaint_new.body',
      vars: { code: row.trackingCode, address: row.address.slice(0, 80) },
      link: `/complaints?open=${row.id}`,
    });
    return { trackingCode: row.trackingCode, photoToken: photoToken(key, row.id) };
  });
}

/** Add the one photo to a just-filed complaint: an image (JPEG, PNG, WebP) recognised from its bytes. */
export async function addComplaintPhoto(db: Db, storage: AttachmentStorage, code: string, token: string, data: Buffer, ip?: string) {
  const key = await challengeKey(db);
  const complaintId = verifyPhotoToken(key, token);
  const found = await repo.findByTrackingCode(db, code);
  if (!complaintId || !found || found.complaint.id !== complaintId) throw new AppError(403, 'complaints.photo_not_allowed');
  if (found.complaint.photoStorageKey) throw new AppError(409, 'complaints.photo_exists');
  const mimeType = detectMimeType(data.subarray(0, 16));
  if (!mimeType?.startsWith('image/')) throw badRequest('complaints.photo_type', 'photo');
  const received = await storage.receive(Readable.from([data]));
  const storageKey = await storage.keep(received);
  try {
    await db.transaction(async (tx) => {
      await repo.updateComplaint(tx, complaintId, { photoStorageKey: storageKey, photoContentType: mimeType, photoSizeBytes: received.sizeBytes });
      await insertAuditEvent(tx, {
        action: 'complaint.photo_added',
        organizationId: found.complaint.organizationId,
        entityType: 'complaint',
        entityId: complaintId,
        changes: { contentType: mimeType, sizeBytes: received.sizeBytes },
        ip,
      });
    });
  } catch (err) {
    await storage.remove(storageKey);
    throw err;
  }
}

/** What the public may see with a tracking code: the status and dates, nothing the reporter wrote. */
export async function publicStatus(db: Db, code: string): Promise<PublicComplaintStatus> {
  const found = await repo.findByTrackingCode(db, code);
  if (!found) throw new AppError(404, 'complaints.not_found');
  const c = found.complaint;
  return {
    trackingCode: c.trackingCode,
    status: c.status as ComplaintStatus,
    receivedAt: c.receivedAt.toISOString(),
    triagedAt: c.triagedAt?.toISOString() ?? null,
    unitName: found.unitName,
  };
}

export async function listComplaints(
  db: Db,
  actor: Actor,
  q: { organizationId?: string; status?: ComplaintStatus; limit: number; offset: number },
): Promise<ComplaintList> {
  // A unit outside the actor's scope is not found, as everywhere else.
  if (q.organizationId) await getReachableOrganization(db, actor, q.organizationId);
  const scope = scopePrefix(actor);
  const { rows, total, average } = await repo.findComplaints(db, { scopePath: scope.path, includeChildren: scope.includeChildren, ...q });
  return {
    items: rows.map((r) => present(r.complaint, r.triagedByName)),
    total,
    averageResponseMinutes: average === null ? null : Math.round(average),
  };
}

async function loadComplaint(db: Db, actor: Actor, id: string) {
  const found = await repo.findComplaintById(db, id);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw new AppError(404, 'complaints.not_found');
  return found;
}

export async function getComplaint(db: Db, actor: Actor, id: string) {
  const found = await loadComplaint(db, actor, id);
  return present(found.complaint, found.triagedByName);
}

/** The complaint's photo, for officers. */
export async function openComplaintPhoto(db: Db, storage: AttachmentStorage, actor: Actor, id: string, ip?: string) {
  const found = await loadComplaint(db, actor, id);
  const c = found.complaint;
  if (!c.photoStorageKey) throw new AppError(404, 'complaints.no_photo');
  const opened = await storage.open(c.photoStorageKey);
  if (!opened) throw new AppError(404, 'complaints.no_photo');
  await insertAuditEvent(db, { action: 'complaint.viewed', actorUserId: actor.id, organizationId: c.organizationId, entityType: 'complaint', entityId: c.id, changes: { photo: true }, ip });
  return { ...opened, contentType: c.photoContentType ?? 'application/octet-stream' };
}

export async function dismissComplaint(db: Db, actor: Actor, id: string, reason: string, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadComplaint(tx, actor, id);
    if (found.complaint.status !== 'new') throw new AppError(409, 'complaints.already_triaged');
    const now = new Date();
    const row = await repo.updateComplaint(tx, id, { status: 'dismissed', dismissReason: reason, triagedAt: now, triagedBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'complaint.dismissed',
      actorUserId: actor.id,
      organizationId: row.organizationId,
      entityType: 'complaint',
      entityId: id,
      changes: { reason, responseMinutes: responseMinutes(row) },
      ip,
    });
    return present(row, actor.name);
  });
}

/** Link the case opened from the complaint (one click on the complaints page → intake → here). */
export async function linkComplaintCase(db: Db, actor: Actor, id: string, caseId: string, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadComplaint(tx, actor, id);
    const { case: c } = await loadCaseInScope(tx, actor, caseId);
    if (c.organizationId !== found.complaint.organizationId) throw badRequest('complaints.case_other_unit', 'caseId');
    if (found.complaint.caseId && found.complaint.caseId !== caseId) throw new AppError(409, 'complaints.already_linked');
    const first = found.complaint.triagedAt === null;
    const row = await repo.updateComplaint(tx, id, {
      status: 'handled',
      caseId,
      triagedAt: found.complaint.triagedAt ?? new Date(),
      triagedBy: found.complaint.triagedBy ?? actor.id,
    });
    const changes = { complaintId: id, trackingCode: row.trackingCode, responseMinutes: first ? responseMinutes(row) : undefined };
    await insertAuditEvent(tx, { action: 'complaint.case_linked', actorUserId: actor.id, organizationId: row.organizationId, entityType: 'complaint', entityId: id, changes: { caseId }, ip });
    // Also on the case's timeline.
    await insertAuditEvent(tx, { action: 'complaint.case_linked', actorUserId: actor.id, organizationId: row.organizationId, entityType: 'case', entityId: caseId, changes, ip });
    return present(row, found.triagedByName ?? actor.name);
  });
}
