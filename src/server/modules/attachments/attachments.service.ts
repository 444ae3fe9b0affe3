import {
  type AttachmentKind,
  type AttachmentMimeType,
  type AttachmentView,
  DEFAULT_UPLOAD_MAX_BYTES,
  KIND_MIME_TYPES,
  type UpdateAttachmentBody,
  type UploadAttachmentFields,
} from '../../../shared/contracts/attachments.js';
import type { AuditAction } from '../../../shared/contracts/audit.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { badRequest, notFound } from '../../http/errors.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import type { AttachmentRow } from './attachments.repository.js';
import * as repo from './attachments.repository.js';
import { type AttachmentStorage, detectMimeType, type ReceivedFile } from './attachments.storage.js';

/** Clock skew tolerated for a photo's date ("taken now" sent from a phone whose clock runs fast). */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const FILE_NAME_MAX = 200;

const EXTENSIONS: Record<AttachmentMimeType, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
};

/**
 * The upload limit in bytes: UPLOAD_MAX_BYTES through the configuration, 10 MB by default.
 * (Read defensively until `uploadMaxBytes` is part of AppConfig.)
 */
export function uploadLimitBytes(config: AppConfig & { uploadMaxBytes?: number }): number {
  const n = Number(config.uploadMaxBytes);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_UPLOAD_MAX_BYTES;
}

/** The uploaded file's name made safe to show and to send back: no path, no control characters, not too long. */
export function cleanFileName(name: string | undefined | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  let clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length > FILE_NAME_MAX) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, FILE_NAME_MAX - ext.length) + ext;
  }
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/** The name to download under: the uploaded name, with the right extension added when it lies about the type. */
export function downloadFileName(fileName: string, mimeType: AttachmentMimeType): string {
  const lower = fileName.toLowerCase();
  return EXTENSIONS[mimeType].some((ext) => lower.endsWith(ext)) ? fileName : `${fileName}${EXTENSIONS[mimeType][0]}`;
}

/** A Content-Disposition value that keeps non-ASCII names (RFC 6266 / 5987) with an ASCII fallback. */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function presentAttachment(row: AttachmentRow, uploadedByName: string | null): AttachmentView {
  const isImage = row.mimeType.startsWith('image/');
  return {
    id: row.id,
    organizationId: row.organizationId,
    clientId: row.clientId,
    caseId: row.caseId,
    kind: row.kind as AttachmentKind,
    fileName: row.fileName,
    mimeType: row.mimeType as AttachmentMimeType,
    sizeBytes: row.sizeBytes,
    caption: row.caption,
    takenAt: row.takenAt?.toISOString() ?? null,
    uploadedBy: row.uploadedBy,
    uploadedByName,
    createdAt: row.createdAt.toISOString(),
    fileUrl: `/api/attachments/${row.id}/file`,
    thumbnailUrl: isImage ? `/api/attachments/${row.id}/thumbnail` : null,
  };
}

/**
 * The client and case an attachment is for, if the actor's scope reaches them; otherwise not found.
 * A case's attachment also belongs to the case's client. Writes to a closed case are refused.
 */
async function resolveTarget(db: Db, actor: Actor, target: { clientId?: string | null; caseId?: string | null }, forWrite: boolean) {
  if (target.caseId) {
    const { case: c } = await loadCaseInScope(db, actor, target.caseId, { forWrite });
    return { organizationId: c.organizationId, clientId: c.clientId, caseId: c.id };
  }
  const client = target.clientId ? await repo.findClientWithOrganization(db, target.clientId) : undefined;
  if (!client || !canReachOrganization(actor, client.organizationPath)) throw notFound('clients.not_found');
  return { organizationId: client.organizationId, clientId: client.id, caseId: null };
}

/** The audit subject of an attachment's changes: its case, so they show in the case timeline, else its client. */
function auditSubject(row: { clientId: string | null; caseId: string | null }) {
  return row.caseId ? { entityType: 'case', entityId: row.caseId } : { entityType: 'client', entityId: row.clientId ?? undefined };
}

async function reachableAttachment(db: Db, actor: Actor, id: string) {
  const found = await repo.findAttachmentById(db, id);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw notFound('attachments.not_found');
  return found;
}

function checkTakenAt(takenAt: string | null | undefined): Date | null {
  if (!takenAt) return null;
  const at = new Date(takenAt);
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw badRequest('attachments.taken_in_future', 'takenAt');
  return at;
}

function checkKindAllowsType(kind: AttachmentKind, mimeType: AttachmentMimeType, field: string) {
  if (!KIND_MIME_TYPES[kind].includes(mimeType)) throw badRequest('attachments.photo_not_image', field);
}

export interface IncomingFile extends ReceivedFile {
  fileName: string;
}

/**
 * Keep an uploaded file as an attachment of a client or case. The type comes from the file's first
 * bytes; the row and its audit entry are written in one transaction, and the file is removed again
 * if that transaction fails.
 */
export async function createAttachment(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  fields: UploadAttachmentFields,
  file: IncomingFile,
  ip?: string,
): Promise<AttachmentView> {
  if (file.sizeBytes === 0) throw badRequest('attachments.empty_file', 'file');
  const mimeType = detectMimeType(file.head);
  if (!mimeType) throw badRequest('attachments.unsupported_type', 'file');
  checkKindAllowsType(fields.kind, mimeType, 'file');
  const takenAt = checkTakenAt(fields.takenAt);
  const fileName = cleanFileName(file.fileName);

  let storageKey: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const target = await resolveTarget(tx, actor, fields, true);
      storageKey = await storage.keep(file);
      const row = await repo.insertAttachment(tx, {
        ...target,
        kind: fields.kind,
        fileName,
        mimeType,
        sizeBytes: file.sizeBytes,
        storageKey,
        takenAt,
        caption: fields.caption || null,
        uploadedBy: actor.id,
      });
      await insertAuditEvent(tx, {
        action: 'attachment.uploaded',
        actorUserId: actor.id,
        organizationId: row.organizationId,
        ...auditSubject(row),
        changes: {
          attachmentId: row.id,
          kind: row.kind,
          fileName: row.fileName,
          mimeType: row.mimeType,
          sizeBytes: row.sizeBytes,
          ...(row.caption ? { caption: row.caption } : {}),
          ...(row.takenAt ? { takenAt: row.takenAt.toISOString() } : {}),
        },
        ip,
      });
      return presentAttachment(row, actor.name);
    });
  } catch (err) {
    if (storageKey) await storage.remove(storageKey);
    throw err;
  }
}

/** The attachments of a client (from all its cases) or of one case. */
export async function listAttachments(db: Db, actor: Actor, query: { clientId?: string; caseId?: string; kind?: AttachmentKind }) {
  const target = await resolveTarget(db, actor, query, false);
  const rows = await repo.findAttachments(db, query.caseId ? { caseId: target.caseId!, kind: query.kind } : { clientId: target.clientId, kind: query.kind });
  // A client's cases may have been handled by other units: show only what the actor's scope reaches.
  return rows.filter((r) => canReachOrganization(actor, r.organizationPath)).map((r) => presentAttachment(r.attachment, r.uploadedByName));
}

export async function getAttachment(db: Db, actor: Actor, id: string): Promise<AttachmentView> {
  const found = await reachableAttachment(db, actor, id);
  return presentAttachment(found.attachment, found.uploadedByName);
}

/**
 * Open an attachment's file for sending, after writing the `attachment.downloaded` audit row: every
 * time the bytes of a client's photo or document leave the server is on record. The thumbnail is the
 * image itself (see the routes), so it is recorded too, as `variant: 'thumbnail'`.
 */
export async function openAttachmentFile(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  id: string,
  variant: 'file' | 'thumbnail',
  ip?: string,
) {
  const { attachment: row } = await reachableAttachment(db, actor, id);
  const mimeType = row.mimeType as AttachmentMimeType;
  if (variant === 'thumbnail' && !mimeType.startsWith('image/')) throw notFound('attachments.no_thumbnail');
  const opened = await storage.open(row.storageKey);
  if (!opened) throw notFound('attachments.file_missing');
  try {
    await insertAuditEvent(db, {
      action: 'attachment.downloaded',
      actorUserId: actor.id,
      organizationId: row.organizationId,
      entityType: 'attachment',
      entityId: row.id,
      changes: { variant, fileName: row.fileName, clientId: row.clientId, caseId: row.caseId },
      ip,
    });
  } catch (err) {
    opened.stream.destroy();
    throw err;
  }
  return { row, mimeType, fileName: downloadFileName(row.fileName, mimeType), ...opened };
}

/** Change an attachment's kind, caption or date. */
export async function updateAttachmentDetails(db: Db, actor: Actor, id: string, body: UpdateAttachmentBody, ip?: string): Promise<AttachmentView> {
  return db.transaction(async (tx) => {
    const { attachment: before, uploadedByName } = await reachableAttachment(tx, actor, id);
    await resolveTarget(tx, actor, before, true);
    if (body.kind) checkKindAllowsType(body.kind, before.mimeType as AttachmentMimeType, 'kind');
    const values: Partial<AttachmentRow> = {};
    if (body.kind !== undefined) values.kind = body.kind;
    if (body.caption !== undefined) values.caption = body.caption || null;
    if (body.takenAt !== undefined) values.takenAt = checkTakenAt(body.takenAt);
    const changes = diffFields(before as unknown as Record<string, unknown>, values as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return presentAttachment(before, uploadedByName);
    const row = await repo.updateAttachment(tx, id, values);
    await audit(tx, 'attachment.updated', actor, row, { attachmentId: id, ...changes }, ip);
    return presentAttachment(row, uploadedByName);
  });
}

/**
 * Delete an attachment: the row is marked deleted and disappears from lists and downloads; the file
 * stays on disk (kept with the record for retention and the audit trail).
 */
export async function deleteAttachment(db: Db, actor: Actor, id: string, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { attachment: before } = await reachableAttachment(tx, actor, id);
    await resolveTarget(tx, actor, before, true);
    const row = await repo.softDeleteAttachment(tx, id, new Date());
    if (!row) throw notFound('attachments.not_found');
    await audit(tx, 'attachment.deleted', actor, row, { attachmentId: id, kind: row.kind, fileName: row.fileName }, ip);
  });
}

async function audit(tx: Db, action: AuditAction, actor: Actor, row: AttachmentRow, changes: Record<string, unknown>, ip?: string) {
  await insertAuditEvent(tx, { action, actorUserId: actor.id, organizationId: row.organizationId, ...auditSubject(row), changes, ip });
}
