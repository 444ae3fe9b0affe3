import type {
  AssignableWorker,
  CaseDetail,
  CaseSummary,
  CreateBatchIntakeBody,
  CreateIntakeBody,
  ListCasesQuery,
  StageView,
} from '../../../shared/contracts/cases.js';
import { decideStageAction } from '../../../shared/workflow/stage-rules.js';
import { addWorkingMinutes, workingMinutesBetween } from '../../../shared/workflow/working-time.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { AppError, badRequest } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import * as clientsRepo from '../clients/clients.repository.js';
import { checkNik, getReachableClient, identityValues, presentClient } from '../clients/clients.service.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import { lockSettings } from '../sop/sop.repository.js';
import { ensureCurrentSop, loadServiceSettings, type ServiceSettings } from '../sop/sop.service.js';
import { loadCaseInScope } from './case-access.js';
import * as repo from './cases.repository.js';
import { intakeBatches } from './cases.table.js';

/** Hooks other features run inside the termination transaction (e.g. the shelter discharges the bed). */
type TerminationHook = (tx: Db, caseId: string, at: Date, actorId: string) => Promise<void>;
const terminationHooks: TerminationHook[] = [];
export function onCaseTerminated(hook: TerminationHook) {
  terminationHooks.push(hook);
}

/** Hooks other features run inside the raid-intake transaction (e.g. notifications tell the on-duty officers). */
export type BatchIntakeHook = (
  tx: Db,
  batch: { organizationId: string; batchId: string; caseIds: string[]; foundLocation: string | null; actorId: string },
) => Promise<void>;
const batchIntakeHooks: BatchIntakeHook[] = [];
export function onBatchIntake(hook: BatchIntakeHook) {
  batchIntakeHooks.push(hook);
}

/** Settings per organization, loaded once per request. */
export function settingsCache(db: Db) {
  const cache = new Map<string, Promise<ServiceSettings>>();
  return (organizationId: string) => {
    let s = cache.get(organizationId);
    if (!s) {
      s = loadServiceSettings(db, organizationId);
      cache.set(organizationId, s);
    }
    return s;
  };
}

/** Midnight today in Western Indonesia Time, for the "new today" worklist. */
export function startOfTodayWib(now = new Date()): Date {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate()) - 7 * 3_600_000);
}

export async function presentCaseSummary(row: NonNullable<repo.CaseListRow>, settings: ServiceSettings, now = new Date()): Promise<CaseSummary> {
  const c = row.case;
  const end = c.terminatedAt ?? now;
  const isStageOverdue = c.status === 'open' && Boolean(row.stageDueAt && row.stageDueAt < now);
  const isCaseOverdue = c.status === 'open' ? c.dueAt < now : (c.terminatedAt ?? now) > c.dueAt;
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    organizationId: c.organizationId,
    organizationName: row.organizationName,
    clientId: c.clientId,
    clientName: row.clientName,
    clientAliases: row.clientAliases,
    clientSex: row.clientSex as CaseSummary['clientSex'],
    status: c.status as CaseSummary['status'],
    source: c.source as CaseSummary['source'],
    categories: c.categories,
    arrivedAt: c.arrivedAt.toISOString(),
    currentStageKey: c.status === 'open' ? c.currentStageKey : null,
    currentStageStartedAt: row.stageStartedAt?.toISOString() ?? null,
    currentStageStandardMinutes: row.stageStandardMinutes ?? null,
    assignedWorkerId: c.assignedWorkerId,
    assignedWorkerName: row.assignedWorkerName,
    elapsedMinutes: Math.round(workingMinutesBetween(c.arrivedAt, end, settings.calendar)),
    targetMinutes: c.targetMinutes,
    isOverdue: isCaseOverdue || isStageOverdue,
    isStageOverdue,
  };
}

export async function listCases(db: Db, actor: Actor, q: ListCasesQuery) {
  const now = new Date();
  const scope = scopePrefix(actor);
  const { rows, total } = await repo.findCaseList(
    db,
    { path: scope.path, includeChildren: scope.includeChildren, actorId: actor.id, role: actor.role, startOfToday: startOfTodayWib(now), now },
    q,
  );
  const settingsOf = settingsCache(db);
  const items = await Promise.all(rows.map(async (r) => presentCaseSummary(r, await settingsOf(r.case.organizationId), now)));
  return { items, total };
}

async function nextCaseNumber(tx: Db, organizationId: string, at: Date): Promise<string> {
  // The settings row lock serializes numbering per organization, on both databases.
  const settings = await lockSettings(tx, organizationId);
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: settings.timeZone, year: 'numeric' }).format(at));
  const seq = (await repo.maxCaseSequence(tx, organizationId, settings.caseNumberPrefix, year)) + 1;
  return `${settings.caseNumberPrefix}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The unit that receives clients must be a shelter unit (or a Dinas Sosial) inside the actor's scope. */
async function receivingOrganization(db: Db, actor: Actor, organizationId: string) {
  const org = await findOrganizationById(db, organizationId);
  if (!org || !canReachOrganization(actor, org.path)) throw badRequest('cases.organization_out_of_scope', 'organizationId');
  if (org.kind !== 'unit' && org.kind !== 'regency') throw badRequest('cases.organization_not_shelter', 'organizationId');
  return org;
}

interface OpenCaseInput {
  organizationId: string;
  clientId: string;
  source: CreateIntakeBody['source'];
  broughtByName?: string | null;
  broughtByAgency?: string | null;
  letterNumber?: string | null;
  foundLocation?: string | null;
  foundAt?: string | null;
  arrivedAt: string;
  receptionCompletedAt?: string | null;
  categories: string[];
  presentingProblem?: string | null;
  batchId?: string | null;
}

/**
 * Open a case: number it, copy the organization's current SOP stages onto it, and take reception as
 * done by the intake itself (the officer receiving the client fills the form), so identification
 * starts at once. Deadlines are computed in the organization's working time.
 */
async function openCase(tx: Db, actor: Actor, input: OpenCaseInput, ip?: string) {
  const settings = await loadServiceSettings(tx, input.organizationId);
  const sop = await ensureCurrentSop(tx, input.organizationId, actor.id);
  const arrivedAt = new Date(input.arrivedAt);
  const now = new Date();
  if (arrivedAt.getTime() > now.getTime() + 5 * 60_000) throw badRequest('cases.arrival_in_future', 'arrivedAt');
  // Reception is done by the intake itself: now, unless the officer registers the client after the
  // fact and says when reception really ended (between arrival and now).
  const stated = input.receptionCompletedAt ? new Date(input.receptionCompletedAt) : null;
  if (stated && (stated < arrivedAt || stated.getTime() > now.getTime() + 5 * 60_000))
    throw badRequest('cases.reception_time_out_of_range', 'receptionCompletedAt');
  const receptionDoneAt = stated ?? (now > arrivedAt ? now : arrivedAt);
  const caseNumber = await nextCaseNumber(tx, input.organizationId, arrivedAt);
  const row = await repo.insertCase(tx, {
    organizationId: input.organizationId,
    clientId: input.clientId,
    caseNumber,
    sopVersionId: sop.version.id,
    source: input.source,
    broughtByName: input.broughtByName ?? null,
    broughtByAgency: input.broughtByAgency ?? null,
    letterNumber: input.letterNumber ?? null,
    foundLocation: input.foundLocation ?? null,
    foundAt: input.foundAt ? new Date(input.foundAt) : null,
    arrivedAt,
    categories: input.categories,
    presentingProblem: input.presentingProblem ?? null,
    batchId: input.batchId ?? null,
    targetMinutes: settings.targetMinutes,
    dueAt: addWorkingMinutes(arrivedAt, settings.targetMinutes, settings.calendar),
    currentStageKey: sop.stages[1]?.key ?? sop.stages[0].key,
    createdBy: actor.id,
    updatedBy: actor.id,
    assignedWorkerId: actor.role === 'social_worker' ? actor.id : null,
  });
  await repo.insertCaseStages(
    tx,
    sop.stages.map((s, i) => {
      const isReception = i === 0 && sop.stages.length > 1;
      const isCurrent = sop.stages.length > 1 ? i === 1 : i === 0;
      return {
        caseId: row.id,
        sopStageId: s.id,
        position: s.position,
        key: s.key,
        standardMinutes: s.standardMinutes,
        responsibleRole: s.responsibleRole,
        skippable: s.skippable,
        status: isReception ? 'completed' : isCurrent ? 'in_progress' : 'pending',
        startedAt: isReception ? arrivedAt : isCurrent ? receptionDoneAt : null,
        dueAt: isReception
          ? addWorkingMinutes(arrivedAt, s.standardMinutes, settings.calendar)
          : isCurrent
            ? addWorkingMinutes(receptionDoneAt, s.standardMinutes, settings.calendar)
            : null,
        completedAt: isReception ? receptionDoneAt : null,
        completedBy: isReception ? actor.id : null,
      };
    }),
  );
  await insertAuditEvent(tx, {
    action: 'case.created',
    actorUserId: actor.id,
    organizationId: input.organizationId,
    entityType: 'case',
    entityId: row.id,
    changes: { caseNumber, clientId: input.clientId, source: input.source, categories: input.categories, batchId: input.batchId ?? null },
    ip,
  });
  return row;
}

/** Register one client (new or returning) and open their case. */
export async function createIntake(db: Db, actor: Actor, body: CreateIntakeBody, ip?: string) {
  if (!body.existingClientId && !body.client) throw badRequest('cases.client_required', 'client.name');
  return db.transaction(async (tx) => {
    const org = await receivingOrganization(tx, actor, body.organizationId);
    let clientId: string;
    if (body.existingClientId) {
      const existing = await getReachableClient(tx, actor, body.existingClientId);
      clientId = existing.id;
    } else {
      const input = body.client!;
      const values = identityValues(input);
      const client = await clientsRepo.insertClient(tx, {
        ...values,
        aliases: input.aliases ?? [],
        organizationId: org.id,
        createdBy: actor.id,
        updatedBy: actor.id,
      } as Parameters<typeof clientsRepo.insertClient>[1]);
      clientId = client.id;
      await insertAuditEvent(tx, {
        action: 'client.created',
        actorUserId: actor.id,
        organizationId: org.id,
        entityType: 'client',
        entityId: client.id,
        changes: { name: client.name, nik: client.nik ? 'set' : null },
        ip,
      });
    }
    return openCase(tx, actor, { ...body, organizationId: org.id, clientId }, ip);
  });
}

/** A raid: one shared source, place and time; every person becomes a client with their own case. */
export async function createBatchIntake(db: Db, actor: Actor, body: CreateBatchIntakeBody, ip?: string) {
  return db.transaction(async (tx) => {
    const org = await receivingOrganization(tx, actor, body.organizationId);
    const [batch] = await tx
      .insert(intakeBatches)
      .values({
        organizationId: org.id,
        source: body.source,
        broughtByName: body.broughtByName ?? null,
        broughtByAgency: body.broughtByAgency ?? null,
        letterNumber: body.letterNumber ?? null,
        foundLocation: body.foundLocation ?? null,
        foundAt: body.foundAt ? new Date(body.foundAt) : null,
        arrivedAt: new Date(body.arrivedAt),
        createdBy: actor.id,
      })
      .returning();
    const created = [];
    for (const person of body.people) {
      const client = await clientsRepo.insertClient(tx, {
        organizationId: org.id,
        name: person.name,
        nameQuality: person.nameQuality,
        sex: person.sex,
        estimatedAge: person.estimatedAge ?? null,
        birthDateQuality: person.estimatedAge != null ? 'partial' : 'unknown',
        physicalDescription: person.physicalDescription ?? null,
        createdBy: actor.id,
        updatedBy: actor.id,
      });
      await insertAuditEvent(tx, {
        action: 'client.created',
        actorUserId: actor.id,
        organizationId: org.id,
        entityType: 'client',
        entityId: client.id,
        changes: { name: client.name, batchId: batch.id },
        ip,
      });
      created.push(
        await openCase(
          tx,
          actor,
          {
            ...body,
            organizationId: org.id,
            clientId: client.id,
            categories: person.categories?.length ? person.categories : body.categories,
            batchId: batch.id,
          },
          ip,
        ),
      );
    }
    const caseIds = created.map((c) => c.id);
    for (const hook of batchIntakeHooks)
      await hook(tx, { organizationId: org.id, batchId: batch.id, caseIds, foundLocation: body.foundLocation ?? null, actorId: actor.id });
    return { batchId: batch.id, caseIds };
  });
}

function presentStage(
  r: Awaited<ReturnType<typeof repo.findCaseStages>>[number],
  settings: ServiceSettings,
  now: Date,
): StageView {
  const s = r.stage;
  const elapsed = s.startedAt ? workingMinutesBetween(s.startedAt, s.completedAt ?? now, settings.calendar) : null;
  return {
    id: s.id,
    key: s.key,
    position: s.position,
    nameId: r.nameId,
    nameEn: r.nameEn,
    responsibleRole: s.responsibleRole,
    skippable: s.skippable,
    standardMinutes: s.standardMinutes,
    status: s.status as StageView['status'],
    startedAt: s.startedAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
    completedByName: r.completedByName,
    skipReason: s.skipReason,
    notes: s.notes,
    elapsedMinutes: elapsed === null ? null : Math.round(elapsed),
    isOverdue: s.status === 'in_progress' ? Boolean(s.dueAt && s.dueAt < now) : s.status === 'completed' && elapsed !== null && elapsed > s.standardMinutes,
  };
}

/** The full case with its client, stages and earlier cases. Viewing it is audited (PDP: access to specific data). */
export async function getCaseDetail(db: Db, actor: Actor, caseId: string, ip?: string): Promise<CaseDetail> {
  const { case: c } = await loadCaseInScope(db, actor, caseId);
  const now = new Date();
  const [row, stages, previous, clientFound, settings] = await Promise.all([
    repo.findCaseSummaryRow(db, caseId),
    repo.findCaseStages(db, caseId),
    repo.findPreviousCases(db, c.clientId, caseId),
    clientsRepo.findClientWithOrganization(db, c.clientId),
    loadServiceSettings(db, c.organizationId),
  ]);
  const client = clientFound!.client;
  const nikCheck = client.nik ? await checkNik(db, actor, { nik: client.nik, sex: client.sex, birthDate: client.birthDate, excludeClientId: client.id }) : null;
  await insertAuditEvent(db, {
    action: 'client.viewed',
    actorUserId: actor.id,
    organizationId: c.organizationId,
    entityType: 'client',
    entityId: c.clientId,
    changes: { caseId },
    ip,
  });
  return {
    ...(await presentCaseSummary(row!, settings, now)),
    client: presentClient(client, nikCheck),
    broughtByName: c.broughtByName,
    broughtByAgency: c.broughtByAgency,
    letterNumber: c.letterNumber,
    foundLocation: c.foundLocation,
    foundAt: c.foundAt?.toISOString() ?? null,
    presentingProblem: c.presentingProblem,
    batchId: c.batchId,
    civilRegistration: c.civilRegistration as CaseDetail['civilRegistration'],
    tracingStatus: c.tracingStatus as CaseDetail['tracingStatus'],
    terminatedAt: c.terminatedAt?.toISOString() ?? null,
    terminationOutcome: c.terminationOutcome as CaseDetail['terminationOutcome'],
    terminationNotes: c.terminationNotes,
    stages: stages.map((s) => presentStage(s, settings, now)),
    previousCases: previous.map((p) => ({ id: p.id, caseNumber: p.caseNumber, arrivedAt: p.arrivedAt.toISOString(), status: p.status as 'open' | 'closed' })),
  };
}

export async function updateCaseDetails(
  db: Db,
  actor: Actor,
  caseId: string,
  body: Partial<{
    categories: string[];
    presentingProblem: string | null;
    assignedWorkerId: string | null;
    civilRegistration: string;
    broughtByName: string | null;
    broughtByAgency: string | null;
    letterNumber: string | null;
    foundLocation: string | null;
  }>,
  ip?: string,
) {
  return db.transaction(async (tx) => {
    const { case: before, organizationPath } = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    if (body.assignedWorkerId) {
      const [worker] = await repo.findUsersByIds(tx, [body.assignedWorkerId]);
      const workerOrg = worker ? await findOrganizationById(tx, worker.organizationId) : undefined;
      // The assignee must work in the case's organization or above it (e.g. a Dinas Sosial social worker).
      if (!workerOrg || !(organizationPath === workerOrg.path || organizationPath.startsWith(`${workerOrg.path}/`)))
        throw badRequest('cases.assignee_out_of_scope', 'assignedWorkerId');
      // Only someone who does casework and can still sign in can take the case.
      const eligible = await repo.findAssignableWorkers(tx, organizationPath);
      if (!eligible.some((w) => w.id === body.assignedWorkerId)) throw badRequest('cases.assignee_not_eligible', 'assignedWorkerId');
    }
    const row = await repo.updateCase(tx, caseId, { ...body, updatedBy: actor.id });
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const old = (before as unknown as Record<string, unknown>)[k];
      if (v !== undefined && JSON.stringify(old) !== JSON.stringify(v)) changes[k] = [old ?? null, v];
    }
    await insertAuditEvent(tx, { action: 'case.updated', actorUserId: actor.id, organizationId: row.organizationId, entityType: 'case', entityId: caseId, changes, ip });
    return row;
  });
}

/** Who may be assigned to the case: active casework users of its organization and the organizations above it. */
export async function listAssignableWorkers(db: Db, actor: Actor, caseId: string): Promise<AssignableWorker[]> {
  const { organizationPath } = await loadCaseInScope(db, actor, caseId);
  const rows = await repo.findAssignableWorkers(db, organizationPath);
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as AssignableWorker['role'] }));
}

/** Complete or skip the stage in progress; the next pending stage starts at the same moment. */
export async function advanceStage(
  db: Db,
  actor: Actor,
  caseId: string,
  stageKey: string,
  action: 'complete' | 'skip',
  opts: { notes?: string | null; reason?: string; at?: string },
  ip?: string,
) {
  return db.transaction(async (tx) => {
    const { case: c } = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const stages = await repo.findStagesForUpdate(tx, caseId);
    const decision = decideStageAction(
      stages.map((s) => ({ key: s.key, position: s.position, status: s.status as 'pending', skippable: s.skippable })),
      stageKey,
      action,
    );
    if (!decision.ok) {
      // Name the stage as the user knows it ("Asesmen klien"), in their language, not by its key.
      const named = (await repo.findCaseStages(tx, caseId)).find((s) => s.stage.key === stageKey);
      const stageName = named ? { id: named.nameId, en: named.nameEn } : stageKey;
      throw new AppError(409, `cases.stage_${decision.problem}`, { stage: stageKey, stageName });
    }
    const stage = stages.find((s) => s.key === stageKey)!;
    const at = opts.at ? new Date(opts.at) : new Date();
    if (stage.startedAt && at < stage.startedAt) throw badRequest('cases.completed_before_start', 'at');
    if (at.getTime() > Date.now() + 5 * 60_000) throw badRequest('cases.completed_in_future', 'at');
    await repo.updateCaseStage(tx, stage.id, {
      status: action === 'complete' ? 'completed' : 'skipped',
      completedAt: at,
      completedBy: actor.id,
      notes: opts.notes ?? null,
      skipReason: action === 'skip' ? (opts.reason ?? null) : null,
    });
    const settings = await loadServiceSettings(tx, c.organizationId);
    if (decision.next) {
      const next = stages.find((s) => s.key === decision.next!.key)!;
      await repo.updateCaseStage(tx, next.id, {
        status: 'in_progress',
        startedAt: at,
        dueAt: addWorkingMinutes(at, next.standardMinutes, settings.calendar),
      });
    }
    await repo.updateCase(tx, caseId, { currentStageKey: decision.next?.key ?? null, updatedBy: actor.id });
    await insertAuditEvent(tx, {
      action: action === 'complete' ? 'case.stage_completed' : 'case.stage_skipped',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: {
        stage: stageKey,
        at: at.toISOString(),
        ...(opts.notes ? { notes: opts.notes } : {}),
        ...(opts.reason ? { reason: opts.reason } : {}),
        next: decision.next?.key ?? null,
      },
      ip,
    });
  });
}

/**
 * Terminate the case with a coded outcome: the termination stage completes, stages never reached
 * are marked skipped ("case terminated"), and the case closes. Possible from any stage, because a
 * client may run away or die at any point.
 */
export async function terminateCase(
  db: Db,
  actor: Actor,
  caseId: string,
  body: { outcome: string; notes?: string | null; at?: string },
  ip?: string,
) {
  return db.transaction(async (tx) => {
    const { case: c } = await loadCaseInScope(tx, actor, caseId, { forWrite: true });
    const at = body.at ? new Date(body.at) : new Date();
    if (at < c.arrivedAt) throw badRequest('cases.terminated_before_arrival', 'at');
    if (at.getTime() > Date.now() + 5 * 60_000) throw badRequest('cases.completed_in_future', 'at');
    const stages = await repo.findStagesForUpdate(tx, caseId);
    for (const s of stages) {
      if (s.status === 'completed' || s.status === 'skipped') continue;
      const isTermination = s.key === 'termination';
      await repo.updateCaseStage(tx, s.id, {
        status: isTermination ? 'completed' : 'skipped',
        startedAt: s.startedAt ?? (isTermination ? at : null),
        completedAt: at,
        completedBy: actor.id,
        skipReason: isTermination ? null : 'case_terminated',
        notes: isTermination ? (body.notes ?? null) : null,
      });
    }
    await repo.updateCase(tx, caseId, {
      status: 'closed',
      currentStageKey: null,
      terminatedAt: at,
      terminationOutcome: body.outcome,
      terminationNotes: body.notes ?? null,
      updatedBy: actor.id,
    });
    for (const hook of terminationHooks) await hook(tx, caseId, at, actor.id);
    await insertAuditEvent(tx, {
      action: 'case.terminated',
      actorUserId: actor.id,
      organizationId: c.organizationId,
      entityType: 'case',
      entityId: caseId,
      changes: { outcome: body.outcome, at: at.toISOString(), ...(body.notes ? { notes: body.notes } : {}) },
      ip,
    });
  });
}
