/**
 * Field reports from social pillars and Satpol PP/police officers: a pending intake for the shelter
 * of the submitter's district. Staff open a case from it (or decline it); the submitter sees only the
 * outcome of their own reports.
 */
import type { FieldReportView, OwnFieldReportView, SubmitFieldReportFields } from '../../../shared/contracts/field-reports.js';
import type { CaseSource } from '../../../shared/domain/enums.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { type AttachmentStorage, detectMimeType, type ReceivedFile } from '../attachments/attachments.storage.js';
import { createIntake } from '../cases/cases.service.js';
import { notifyOnDutyFirst, notifyUsers } from '../notifications/notifications.service.js';
import * as repo from './field-reports.repository.js';

/** Partner officers who may report from the field: Satpol PP and police. */
const FIELD_PARTNER_TYPES = ['satpol_pp', 'police'];

/** The shelter receiving reports from an organization: the nearest unit, or its Dinas Sosial's first unit, or the Dinas Sosial. */
async function destinationShelter(db: Db, actor: Actor) {
  const ids = actor.organizationPath.split('/');
  const chain = await repo.findOrganizationsByIds(db, ids);
  const byId = new Map(chain.map((o) => [o.id, o]));
  for (const id of [...ids].reverse()) {
    const org = byId.get(id);
    if (!org) continue;
    if (org.kind === 'unit') return org;
    if (org.kind === 'regency') return (await repo.findUnitsUnder(db, org.id))[0] ?? org;
  }
  throw badRequest('field_reports.no_shelter');
}

function presentOwn(row: repo.FieldReportListRow): OwnFieldReportView {
  const r = row.report;
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    description: r.description,
    categories: r.categories,
    locationText: r.locationText,
    status: r.status as OwnFieldReportView['status'],
    declineReason: r.declineReason,
    organizationName: row.organizationName,
    caseStatus: (row.caseStatus as OwnFieldReportView['caseStatus']) ?? null,
    caseStageKey: row.caseStatus === 'open' ? row.caseStageKey : null,
    caseOutcome: row.caseOutcome,
  };
}

function present(row: repo.FieldReportListRow): FieldReportView {
  const r = row.report;
  return {
    ...presentOwn(row),
    organizationId: r.organizationId,
    personName: r.personName,
    sex: r.sex as FieldReportView['sex'],
    estimatedAge: r.estimatedAge,
    latitude: r.latitude,
    longitude: r.longitude,
    foundAt: r.foundAt.toISOString(),
    submittedByName: row.submittedByName,
    submitterOrganizationName: row.submitterOrganizationName,
    photoUrl: r.photoStorageKey ? `/api/field-reports/${r.id}/photo` : null,
    caseId: r.caseId,
  };
}

export async function submitFieldReport(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  fields: SubmitFieldReportFields,
  photo: (ReceivedFile & { fileName: string }) | null,
  ip?: string,
) {
  if (actor.role === 'partner_officer') {
    const [own] = await repo.findOrganizationsByIds(db, [actor.organizationId]);
    if (!own || !FIELD_PARTNER_TYPES.includes(own.partnerType ?? '')) throw new AppError(403, 'field_reports.not_field_partner');
  }
  let mimeType: string | null = null;
  if (photo) {
    if (photo.sizeBytes === 0) throw badRequest('attachments.empty_file', 'photo');
    mimeType = detectMimeType(photo.head);
    if (!mimeType?.startsWith('image/')) throw badRequest('attachments.photo_not_image', 'photo');
  }
  const foundAt = fields.foundAt ? new Date(fields.foundAt) : new Date();
  if (foundAt.getTime() > Date.now() + 10 * 60_000) throw badRequest('field_reports.found_in_future', 'foundAt');
  let storageKey: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const shelter = await destinationShelter(tx, actor);
      if (photo) storageKey = await storage.keep(photo);
      const row = await repo.insertFieldReport(tx, {
        organizationId: shelter.id,
        submittedBy: actor.id,
        submitterOrganizationId: actor.organizationId,
        description: fields.description,
        categories: fields.categories,
        personName: fields.personName || null,
        sex: fields.sex,
        estimatedAge: fields.estimatedAge ?? null,
        latitude: fields.latitude ?? null,
        longitude: fields.longitude ?? null,
        locationText: fields.locationText || null,
        foundAt,
        photoStorageKey: storageKey,
        photoMimeType: photo ? mimeType : null,
        photoSizeBytes: photo?.sizeBytes ?? null,
      });
      await insertAuditEvent(tx, {
        action: 'field_report.submitted',
        actorUserId: actor.id,
        organizationId: shelter.id,
        entityType: 'field_report',
        entityId: row.id,
        changes: { categories: row.categories, hasPhoto: Boolean(storageKey), hasLocation: row.latitude != null },
        ip,
      });
      await notifyOnDutyFirst(tx, {
        organizationId: shelter.id,
        kind: 'field_report',
        titleKey: 'referrals.notifications.field_report.title',
        bodyKey: 'referrals.notifications.field_report.body',
        vars: { submitter: actor.name, location: row.locationText ?? '' },
        link: '/field-report/inbox',
      });
      return presentOwn((await repo.findFieldReport(tx, row.id))!);
    });
  } catch (err) {
    if (storageKey) await storage.remove(storageKey);
    throw err;
  }
}

export async function listOwnFieldReports(db: Db, actor: Actor, q: { limit: number; offset: number }) {
  const { rows, total } = await repo.findFieldReportsBySubmitter(db, actor.id, q);
  return { items: rows.map(presentOwn), total };
}

export async function listFieldReports(db: Db, actor: Actor, q: { status: string; limit: number; offset: number }) {
  const { rows, total } = await repo.findFieldReportsInScope(db, scopePrefix(actor), q);
  return { items: rows.map(present), total };
}

async function loadInScope(db: Db, actor: Actor, id: string) {
  const row = await repo.findFieldReport(db, id);
  if (!row || !canReachOrganization(actor, row.organizationPath)) throw notFound('field_reports.not_found');
  return row;
}

function sourceOf(role: string, partnerType: string | null | undefined): CaseSource {
  if (role === 'social_pillar') return 'social_pillar';
  if (partnerType === 'police') return 'police';
  if (partnerType === 'satpol_pp') return 'satpol_pp_raid';
  return 'other';
}

/** Open a case from a pending report: the person arrived at the shelter. */
export async function acceptFieldReport(db: Db, actor: Actor, id: string, body: { arrivedAt?: string }, ip?: string) {
  return db.transaction(async (tx) => {
    const row = await loadInScope(tx, actor, id);
    const r = (await repo.lockFieldReport(tx, id))!;
    if (r.status !== 'pending') throw new AppError(409, 'field_reports.already_reviewed');
    const [submitter] = await repo.findOrganizationsByIds(tx, [r.submitterOrganizationId]);
    const submitterRole = submitter?.kind === 'partner' ? 'partner_officer' : 'social_pillar';
    const location = [r.locationText, r.latitude != null && r.longitude != null ? `${r.latitude.toFixed(6)}, ${r.longitude.toFixed(6)}` : null]
      .filter(Boolean)
      .join(' — ');
    const created = await createIntake(
      tx,
      actor,
      {
        organizationId: r.organizationId,
        source: sourceOf(submitterRole, submitter?.partnerType),
        broughtByName: row.submittedByName,
        broughtByAgency: row.submitterOrganizationName,
        foundLocation: location || null,
        foundAt: r.foundAt.toISOString(),
        arrivedAt: body.arrivedAt ?? new Date().toISOString(),
        categories: r.categories,
        presentingProblem: r.description,
        client: {
          name: r.personName || 'Tanpa nama (laporan lapangan)',
          nameQuality: r.personName ? 'partial' : 'unknown',
          aliases: [],
          sex: r.sex as 'male',
          birthDateQuality: r.estimatedAge != null ? 'partial' : 'unknown',
          estimatedAge: r.estimatedAge,
          nikQuality: 'unknown',
          physicalDescription: r.description,
        },
      },
      ip,
    );
    await repo.updateFieldReport(tx, id, { status: 'accepted', caseId: created.id, reviewedBy: actor.id, reviewedAt: new Date() });
    await insertAuditEvent(tx, {
      action: 'field_report.accepted',
      actorUserId: actor.id,
      organizationId: r.organizationId,
      entityType: 'case',
      entityId: created.id,
      changes: { fieldReportId: id, submittedBy: r.submittedBy },
      ip,
    });
    await notifyUsers(tx, [r.submittedBy], {
      organizationId: r.submitterOrganizationId,
      kind: 'field_report_accepted',
      titleKey: 'referrals.notifications.field_report_accepted.title',
      bodyKey: 'referrals.notifications.field_report_accepted.body',
      vars: { shelter: row.organizationName },
      link: '/field-report',
    });
    return { caseId: created.id };
  });
}

export async function declineFieldReport(db: Db, actor: Actor, id: string, reason: string, ip?: string) {
  return db.transaction(async (tx) => {
    const row = await loadInScope(tx, actor, id);
    const r = (await repo.lockFieldReport(tx, id))!;
    if (r.status !== 'pending') throw new AppError(409, 'field_reports.already_reviewed');
    await repo.updateFieldReport(tx, id, { status: 'declined', declineReason: reason, reviewedBy: actor.id, reviewedAt: new Date() });
    await insertAuditEvent(tx, {
      action: 'field_report.declined',
      actorUserId: actor.id,
      organizationId: r.organizationId,
      entityType: 'field_report',
      entityId: id,
      changes: { reason },
      ip,
    });
    await notifyUsers(tx, [r.submittedBy], {
      organizationId: r.submitterOrganizationId,
      kind: 'field_report_declined',
      titleKey: 'referrals.notifications.field_report_declined.title',
      bodyKey: 'referrals.notifications.field_report_declined.body',
      vars: { shelter: row.organizationName, reason },
      link: '/field-report',
    });
  });
}

/** The report's photo, for the shelter (audited: it shows a person). */
export async function openFieldReportPhoto(db: Db, storage: AttachmentStorage, actor: Actor, id: string, ip?: string) {
  const row = await loadInScope(db, actor, id);
  const r = row.report;
  if (!r.photoStorageKey) throw notFound('field_reports.no_photo');
  const opened = await storage.open(r.photoStorageKey);
  if (!opened) throw notFound('attachments.file_missing');
  await insertAuditEvent(db, {
    action: 'field_report.photo_viewed',
    actorUserId: actor.id,
    organizationId: r.organizationId,
    entityType: 'field_report',
    entityId: id,
    changes: null,
    ip,
  });
  return { ...opened, mimeType: r.photoMimeType! };
}
