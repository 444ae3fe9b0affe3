/**
 * Case conferences (rapat kasus) and their intervention plans.
 *
 * A conference belongs to the organization of the cases it discusses (all of them in one unit), so
 * the scope rules of cases apply to it unchanged. Its events are written to the audit log once per
 * case discussed (entity `case`), so they appear in each case's timeline. Recording it as held can
 * complete the "case conference" stage of the cases in the same transaction.
 */
import type {
  CaseConferenceSummary,
  CaseConferenceView,
  ConferenceParticipantInput,
  CreateCaseConferenceBody,
  ListCaseConferencesQuery,
  PlanItemInput,
  PlanItemView,
  RecordConferenceHeldBody,
  UpdateCaseConferenceBody,
  UpdatePlanItemBody,
} from '../../../shared/contracts/case-conferences.js';
import { type Language, translate } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { renderPdf } from '../../documents/pdf.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { localDate } from '../../local-date.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { loadCaseInScope } from '../cases/case-access.js';
import { advanceStage } from '../cases/cases.service.js';
import { organizationLetterFacts } from '../letters/letters.service.js';
import { minutesDefinition } from './case-conferences.document.js';
import * as repo from './case-conferences.repository.js';

const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
const CONFERENCE_STAGE = 'case_conference';

/** Today's date (YYYY-MM-DD) in a time zone: an item due today is not late until tomorrow. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDate(now, timeZone);
}

/** Whether an open plan item is past its due date. */
export function isPlanItemLate(item: { status: string; dueDate: string }, today: string): boolean {
  return item.status === 'open' && item.dueDate < today;
}

export function presentPlanItem(r: repo.PlanItemRow, now = new Date()): PlanItemView {
  const today = todayIn(r.timeZone ?? DEFAULT_TIME_ZONE, now);
  return {
    id: r.row.id,
    conferenceId: r.row.conferenceId,
    conferenceHeldAt: r.conferenceHeldAt.toISOString(),
    caseId: r.row.caseId,
    caseNumber: r.caseNumber,
    clientName: r.clientName,
    activity: r.row.description,
    responsibleUserId: r.row.responsibleUserId,
    responsibleName: r.responsibleName,
    dueDate: r.row.dueDate,
    status: r.row.status as PlanItemView['status'],
    isLate: isPlanItemLate(r.row, today),
    doneAt: r.row.doneAt?.toISOString() ?? null,
  };
}

async function loadConference(db: Db, actor: Actor, id: string) {
  const found = await repo.findConference(db, id);
  if (!found || !canReachOrganization(actor, found.organizationPath)) throw notFound('case_conferences.not_found');
  return found;
}

async function presentConference(db: Db, found: NonNullable<Awaited<ReturnType<typeof repo.findConference>>>): Promise<CaseConferenceView> {
  const c = found.conference;
  const [participants, discussed, items] = await Promise.all([
    repo.findParticipants(db, c.id),
    repo.findConferenceCases(db, [c.id]),
    repo.findPlanItemsOfConference(db, c.id),
  ]);
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName: found.organizationName,
    heldAt: c.heldAt.toISOString(),
    place: c.place,
    summary: c.summary,
    status: c.status as CaseConferenceView['status'],
    recordedHeldAt: c.recordedHeldAt?.toISOString() ?? null,
    participants: participants.map(({ row }) => ({ id: row.id, userId: row.userId, name: row.name, institution: row.institution, role: row.role })),
    cases: discussed.map((d) => ({ caseId: d.caseId, caseNumber: d.caseNumber, clientName: d.clientName, currentStageKey: d.currentStageKey, decision: d.decision })),
    planItems: items.map((i) => presentPlanItem(i)),
    createdAt: c.createdAt.toISOString(),
    createdByName: found.createdByName,
    minutesUrl: `/api/case-conferences/${c.id}/minutes.pdf`,
  };
}

export async function getConference(db: Db, actor: Actor, id: string) {
  return presentConference(db, await loadConference(db, actor, id));
}

export async function listConferences(db: Db, actor: Actor, q: ListCaseConferencesQuery): Promise<{ items: CaseConferenceSummary[]; total: number }> {
  if (q.caseId) await loadCaseInScope(db, actor, q.caseId);
  const { rows, total } = await repo.findConferenceList(db, scopePrefix(actor), q);
  const ids = rows.map((r) => r.conference.id);
  const [discussed, counts] = await Promise.all([repo.findConferenceCases(db, ids), repo.countConferenceParts(db, ids, todayIn(DEFAULT_TIME_ZONE))]);
  return {
    total,
    items: rows.map(({ conference: c, organizationName }) => {
      const n = counts.get(c.id) ?? { participants: 0, open: 0, late: 0 };
      return {
        id: c.id,
        organizationId: c.organizationId,
        organizationName,
        heldAt: c.heldAt.toISOString(),
        place: c.place,
        status: c.status as CaseConferenceSummary['status'],
        cases: discussed.filter((d) => d.conferenceId === c.id).map((d) => ({ caseId: d.caseId, caseNumber: d.caseNumber, clientName: d.clientName })),
        participantCount: n.participants,
        openPlanItems: n.open,
        latePlanItems: n.late,
      };
    }),
  };
}

/** The cases discussed: each in scope and open, all in one organization (the conference's). */
async function checkCases(tx: Db, actor: Actor, caseIds: string[]): Promise<string> {
  if (new Set(caseIds).size !== caseIds.length) throw badRequest('case_conferences.case_twice', 'cases');
  let organizationId: string | undefined;
  for (const [i, caseId] of caseIds.entries()) {
    const found = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    organizationId ??= found.case.organizationId;
    if (found.case.organizationId !== organizationId) throw badRequest('case_conferences.cases_in_different_units', `cases.${i}.caseId`);
  }
  return organizationId!;
}

/** Users named in a conference must exist, be active and lie inside the actor's scope. */
async function checkUsers(tx: Db, actor: Actor, ids: { id: string; field: string }[]) {
  const found = new Map((await repo.findUsersByIds(tx, [...new Set(ids.map((u) => u.id))])).map((u) => [u.id, u]));
  for (const { id, field } of ids) {
    const u = found.get(id);
    if (!u?.isActive || !canReachOrganization(actor, u.organizationPath)) throw badRequest('case_conferences.user_not_found', field);
  }
  return found;
}

async function participantRows(tx: Db, actor: Actor, list: ConferenceParticipantInput[]) {
  const userRefs = list.flatMap((p, i) => ('userId' in p ? [{ id: p.userId, field: `participants.${i}.userId` }] : []));
  const usersById = await checkUsers(tx, actor, userRefs);
  const seen = new Set<string>();
  return list.map((p, i) => {
    if ('userId' in p) {
      if (seen.has(p.userId)) throw badRequest('case_conferences.participant_twice', `participants.${i}.userId`);
      seen.add(p.userId);
      return { userId: p.userId, name: usersById.get(p.userId)!.name, institution: null, role: p.role?.trim() || null };
    }
    return { userId: null, name: p.name, institution: p.institution, role: p.role?.trim() || null };
  });
}

async function planItemRows(tx: Db, actor: Actor, items: PlanItemInput[], caseIds: string[], fieldPrefix = 'planItems') {
  await checkUsers(
    tx,
    actor,
    items.map((p, i) => ({ id: p.responsibleUserId, field: `${fieldPrefix}.${i}.responsibleUserId` })),
  );
  return items.map((p, i) => {
    if (!caseIds.includes(p.caseId)) throw badRequest('case_conferences.plan_case_not_discussed', `${fieldPrefix}.${i}.caseId`);
    return { caseId: p.caseId, description: p.activity, responsibleUserId: p.responsibleUserId, dueDate: p.dueDate };
  });
}

async function auditPerCase(tx: Db, actor: Actor, organizationId: string, caseIds: string[], action: Parameters<typeof insertAuditEvent>[1]['action'], changes: Record<string, unknown>, ip?: string) {
  for (const caseId of caseIds) {
    await insertAuditEvent(tx, { action, actorUserId: actor.id, organizationId, entityType: 'case', entityId: caseId, changes, ip });
  }
}

export async function createConference(db: Db, actor: Actor, body: CreateCaseConferenceBody, ip?: string) {
  const id = await db.transaction(async (tx) => {
    const caseIds = body.cases.map((c) => c.caseId);
    const organizationId = await checkCases(tx, actor, caseIds);
    const participants = await participantRows(tx, actor, body.participants);
    const items = await planItemRows(tx, actor, body.planItems, caseIds);
    const conference = await repo.insertConference(tx, {
      organizationId,
      heldAt: new Date(body.heldAt),
      place: body.place,
      summary: body.summary?.trim() || null,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await repo.replaceParticipants(tx, conference.id, participants);
    await repo.replaceConferenceCases(tx, conference.id, body.cases.map((c) => ({ caseId: c.caseId, decision: c.decision?.trim() || null })));
    const inserted = await repo.insertPlanItems(tx, items.map((i) => ({ ...i, conferenceId: conference.id, createdBy: actor.id })));
    await auditPerCase(
      tx,
      actor,
      organizationId,
      caseIds,
      'case_conference.created',
      {
        conferenceId: conference.id,
        heldAt: conference.heldAt.toISOString(),
        participants: participants.length,
        planItems: inserted.map((p) => ({ id: p.id, caseId: p.caseId, responsibleUserId: p.responsibleUserId, dueDate: p.dueDate })),
      },
      ip,
    );
    return conference.id;
  });
  return getConference(db, actor, id);
}

export async function updateConference(db: Db, actor: Actor, id: string, body: UpdateCaseConferenceBody, ip?: string) {
  await db.transaction(async (tx) => {
    const found = await loadConference(tx, actor, id);
    const before = await repo.findConferenceCases(tx, [id]);
    const caseIds = body.cases ? body.cases.map((c) => c.caseId) : before.map((c) => c.caseId);
    if (body.cases) {
      const organizationId = await checkCases(tx, actor, caseIds);
      if (organizationId !== found.conference.organizationId) throw badRequest('case_conferences.cases_in_different_units', 'cases');
      const planned = await repo.findPlanItemsOfConference(tx, id);
      const orphan = planned.find((p) => !caseIds.includes(p.row.caseId));
      if (orphan) throw new AppError(409, 'case_conferences.case_has_plan_items', { caseNumber: orphan.caseNumber }, 'cases');
      await repo.replaceConferenceCases(tx, id, body.cases.map((c) => ({ caseId: c.caseId, decision: c.decision?.trim() || null })));
    }
    if (body.participants) await repo.replaceParticipants(tx, id, await participantRows(tx, actor, body.participants));
    const values = {
      ...(body.heldAt ? { heldAt: new Date(body.heldAt) } : {}),
      ...(body.place ? { place: body.place } : {}),
      ...(body.summary !== undefined ? { summary: body.summary?.trim() || null } : {}),
    };
    await repo.updateConference(tx, id, { ...values, updatedBy: actor.id });
    const allCases = [...new Set([...before.map((c) => c.caseId), ...caseIds])];
    await auditPerCase(tx, actor, found.conference.organizationId, allCases, 'case_conference.updated', { conferenceId: id, fields: Object.keys(body) }, ip);
  });
  return getConference(db, actor, id);
}

/** Record the conference as held, and complete the "case conference" stage of the chosen cases. */
export async function recordHeld(db: Db, actor: Actor, id: string, body: RecordConferenceHeldBody, ip?: string) {
  await db.transaction(async (tx) => {
    const found = await loadConference(tx, actor, id);
    const discussed = (await repo.findConferenceCases(tx, [id])).map((c) => c.caseId);
    for (const [i, caseId] of body.completeStageForCaseIds.entries()) {
      if (!discussed.includes(caseId)) throw badRequest('case_conferences.case_not_discussed', `completeStageForCaseIds.${i}`);
    }
    const row = await repo.markConferenceHeld(tx, id, actor.id);
    if (!row) throw new AppError(409, 'case_conferences.already_held');
    await auditPerCase(tx, actor, found.conference.organizationId, discussed, 'case_conference.held', { conferenceId: id, heldAt: row.heldAt.toISOString() }, ip);
    const notes = translate('id', 'caseConferences.stage_note', { date: row.heldAt.toISOString().slice(0, 10) });
    // The stage completes now, when the conference is recorded (its start may lie after the meeting's planned time).
    for (const caseId of body.completeStageForCaseIds) {
      await advanceStage(tx, actor, caseId, CONFERENCE_STAGE, 'complete', { notes }, ip);
    }
  });
  return getConference(db, actor, id);
}

export async function addPlanItem(db: Db, actor: Actor, conferenceId: string, body: PlanItemInput, ip?: string) {
  await db.transaction(async (tx) => {
    const found = await loadConference(tx, actor, conferenceId);
    const discussed = (await repo.findConferenceCases(tx, [conferenceId])).map((c) => c.caseId);
    await loadCaseInScope(tx, actor, body.caseId, { forWrite: true });
    const [values] = await planItemRows(tx, actor, [body], discussed, 'items');
    const [item] = await repo.insertPlanItems(tx, [{ ...values, conferenceId, createdBy: actor.id }]);
    await insertAuditEvent(tx, {
      action: 'plan_item.created',
      actorUserId: actor.id,
      organizationId: found.conference.organizationId,
      entityType: 'case',
      entityId: item.caseId,
      changes: { conferenceId, planItemId: item.id, responsibleUserId: item.responsibleUserId, dueDate: item.dueDate },
      ip,
    });
  });
  return getConference(db, actor, conferenceId);
}

export async function updatePlanItem(db: Db, actor: Actor, id: string, body: UpdatePlanItemBody, ip?: string): Promise<PlanItemView> {
  return db.transaction(async (tx) => {
    const before = await repo.findPlanItem(tx, id);
    if (!before || !canReachOrganization(actor, before.organizationPath)) throw notFound('case_conferences.plan_item_not_found');
    await loadCaseInScope(tx, actor, before.row.caseId, { forWrite: true });
    if (body.responsibleUserId) await checkUsers(tx, actor, [{ id: body.responsibleUserId, field: 'responsibleUserId' }]);
    const values: Record<string, unknown> = {};
    if (body.activity !== undefined) values.description = body.activity;
    if (body.responsibleUserId !== undefined) values.responsibleUserId = body.responsibleUserId;
    if (body.dueDate !== undefined) values.dueDate = body.dueDate;
    if (body.status !== undefined && body.status !== before.row.status) {
      values.status = body.status;
      values.doneAt = body.status === 'done' ? new Date() : null;
      values.doneBy = body.status === 'done' ? actor.id : null;
    }
    await repo.updatePlanItem(tx, id, values);
    const changes: Record<string, unknown> = { planItemId: id, conferenceId: before.row.conferenceId };
    for (const k of ['status', 'responsibleUserId', 'dueDate'] as const) {
      if (values[k] !== undefined) changes[k] = [before.row[k], values[k]];
    }
    if (values.description !== undefined) changes.descriptionChanged = true;
    await insertAuditEvent(tx, {
      action: 'plan_item.updated',
      actorUserId: actor.id,
      organizationId: before.organizationId,
      entityType: 'case',
      entityId: before.row.caseId,
      changes,
      ip,
    });
    const after = await repo.findPlanItem(tx, id);
    return presentPlanItem(after!);
  });
}

/** The signed-in user's intervention-plan items: open ones (late first by due date), optionally recently done. */
export async function myPlanItems(db: Db, actor: Actor, includeDone: boolean) {
  const since = includeDone ? new Date(Date.now() - 30 * 24 * 3_600_000) : undefined;
  const rows = await repo.findPlanItemsOfUser(db, actor.id, since);
  // Only what the user's scope still reaches (a user moved to another unit keeps no view of the old one).
  return { items: rows.filter((r) => canReachOrganization(actor, r.organizationPath)).map((r) => presentPlanItem(r)) };
}

/**
 * People who can take part or be responsible: the casework users of the organization. Others (the
 * Dinas Sosial, partners) are recorded as outside participants with their institution.
 */
export async function conferencePeople(db: Db, organizationId: string) {
  const rows = await repo.findActiveUsersOf(db, [organizationId]);
  return { items: rows.map((u) => ({ id: u.id, name: u.name, role: u.role, position: u.position })) };
}

export async function renderMinutes(db: Db, actor: Actor, id: string, lang: Language, ip?: string) {
  return db.transaction(async (tx) => {
    const found = await loadConference(tx, actor, id);
    const c = found.conference;
    const [participants, discussed, items] = await Promise.all([
      repo.findParticipants(tx, id),
      repo.findConferenceCases(tx, [id]),
      repo.findPlanItemsOfConference(tx, id),
    ]);
    const letter = await organizationLetterFacts(tx, c.organizationId, lang);
    const head = await repo.findHeadOfOrganization(tx, c.organizationId);
    const creator = c.createdBy ? (await repo.findUsersByIds(tx, [c.createdBy]))[0] : undefined;
    const creatorParticipant = participants.find((p) => p.row.userId === c.createdBy);
    const pdf = await renderPdf(
      minutesDefinition({
        lang,
        timeZone: letter.timeZone,
        letterhead: letter.letterhead,
        organizationName: found.organizationName,
        heldAt: c.heldAt,
        place: c.place,
        isHeld: c.status === 'held',
        summary: c.summary,
        participants: participants.map(({ row, position }) => ({
          name: row.name,
          institution: row.userId ? found.organizationName : row.institution,
          role: row.role ?? position,
        })),
        cases: discussed.map((d) => ({ caseNumber: d.caseNumber, clientName: d.clientName, decision: d.decision })),
        planItems: items.map((i) => ({
          caseNumber: i.caseNumber,
          description: i.row.description,
          responsibleName: i.responsibleName,
          dueDate: i.row.dueDate,
          status: i.row.status as 'open' | 'done',
        })),
        minuteTaker: { name: creator?.name, nip: creatorParticipant?.nip ?? null },
        head: head ? { ...head, position: letter.headPosition ?? head.position } : undefined,
        placeName: letter.placeName,
      }),
    );
    await auditPerCase(tx, actor, c.organizationId, discussed.map((d) => d.caseId), 'export.downloaded', { document: 'case_conference_minutes', conferenceId: id, lang }, ip);
    return { pdf, fileName: `notulen-rapat-kasus-${c.heldAt.toISOString().slice(0, 10)}.pdf` };
  });
}
