import { PgTransaction } from 'drizzle-orm/pg-core';
import type {
  AssignableWorker,
  CaseDetail,
  CaseSummary,
  CreateBatchIntakeBody,
  CreateIntakeBody,
  ListCasesQuery,
  NikCheck,
  StageView,
} from '../../../shared/contracts/cases.js';
import { decideStageAction } from '../../../shared/workflow/stage-rules.js';
import { addWorkingMinutes, localYear, workingMinutesBetween } from '../../../shared/workflow/working-time.js';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { type Actor, canReachOrganization, scopePrefix } from '../../http/authorize.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { checkNik, getReachableClient, identityValues, presentClient } from '../clients/clients.service.js';
import type { ClientRow } from '../clients/clients.table.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import type { SettingsWithHolidays } from '../sop/sop.repository.js';
import {
  ensureCurrentSop,
  loadServiceSettings,
  loadServiceSettingsOf,
  type ServiceSettings,
  type SopStageRow,
  serviceSettingsFrom,
  sopVersionStages,
} from '../sop/sop.service.js';
import { loadCaseInScope } from './case-access.js';
import * as repo from './cases.repository.js';
import { type CaseRow, intakeBatches } from './cases.table.js';

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

/** Midnight today in Western Indonesia Time, for the "new today" worklist. */
export function startOfTodayWib(now = new Date()): Date {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate()) - 7 * 3_600_000);
}

export function presentCaseSummary(row: NonNullable<repo.CaseListRow>, settings: ServiceSettings, now = new Date()): CaseSummary {
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

/** A worklist page: one statement for the rows and their total, one for the settings of the organizations on it. */
export async function listCases(db: Db, actor: Actor, q: ListCasesQuery) {
  const now = new Date();
  const scope = scopePrefix(actor);
  const { rows, total } = await repo.findCaseList(
    db,
    { path: scope.path, includeChildren: scope.includeChildren, actorId: actor.id, role: actor.role, startOfToday: startOfTodayWib(now), now },
    q,
  );
  const settings = await loadServiceSettingsOf(
    db,
    rows.map((r) => r.case.organizationId),
  );
  const items = rows.map((r) => presentCaseSummary(r, settings.get(r.case.organizationId)!, now));
  return { items, total };
}

/** What an intake needs about the receiving organization, read in one statement (plus the SOP's stages, kept in memory). */
interface IntakeContext {
  organization: { id: string; path: string; name: string; kind: string };
  settings: ServiceSettings;
  sopVersionId: string;
  sopStages: readonly Readonly<SopStageRow>[];
  /** Of the row it was read from (repo.IntakeContextRow); null when it changed since (a first SOP was created). */
  fingerprint: string | null;
}

/**
 * Intake contexts remembered per database handle and organization, so that an intake costs one round
 * trip fewer. Never trusted blindly: the intake's write statement checks the context's fingerprint in
 * its own snapshot and fails without writing when the organization's place, settings, holidays or SOP
 * changed (on this server or any other); the intake then reads the context again and is planned anew.
 */
const rememberedContexts = new WeakMap<Db, Map<string, IntakeContext>>();
const REMEMBERED_CONTEXTS_LIMIT = 1_000;

function forgetIntakeContext(db: Db, organizationId: string) {
  rememberedContexts.get(db)?.delete(organizationId);
}

async function readIntakeContext(db: Db, actor: Actor, organizationId: string): Promise<IntakeContext | null> {
  const row = await repo.findIntakeContext(db, organizationId);
  if (!row) return null;
  let sopVersionId = row.sopVersionId;
  let sopStages: readonly Readonly<SopStageRow>[];
  let fingerprint: string | null = row.fingerprint;
  if (sopVersionId) sopStages = await sopVersionStages(db, sopVersionId);
  else {
    // First intake of an organization without an SOP: version 1 from the default.
    const sop = await db.transaction((tx) => ensureCurrentSop(tx, row.organizationId, actor.id));
    sopVersionId = sop.version.id;
    sopStages = sop.stages;
    fingerprint = null;
  }
  return {
    organization: { id: row.organizationId, path: row.path, name: row.name, kind: row.kind },
    settings: serviceSettingsFrom(row),
    sopVersionId,
    sopStages,
    fingerprint,
  };
}

/**
 * The unit that receives clients must be a shelter unit (or a Dinas Sosial) inside the actor's scope.
 * With `remembered`, a context this server read before may be used (see rememberedContexts); the
 * caller must then pass its fingerprint to the write.
 */
async function intakeContext(db: Db, actor: Actor, organizationId: string, remembered = false): Promise<IntakeContext> {
  let ctx = remembered ? rememberedContexts.get(db)?.get(organizationId) : undefined;
  // A remembered context is only trusted for what the write checks; a refusal is decided on a fresh read.
  if (ctx && refusal(actor, ctx)) ctx = undefined;
  if (!ctx) {
    const read = await readIntakeContext(db, actor, organizationId);
    if (!read) throw badRequest('cases.organization_out_of_scope', 'organizationId');
    ctx = read;
    if (remembered && ctx.fingerprint) {
      let byOrganization = rememberedContexts.get(db);
      if (!byOrganization) {
        byOrganization = new Map();
        rememberedContexts.set(db, byOrganization);
      }
      if (byOrganization.size >= REMEMBERED_CONTEXTS_LIMIT) byOrganization.clear();
      byOrganization.set(organizationId, ctx);
    }
  }
  const refused = refusal(actor, ctx);
  if (refused) throw badRequest(refused, 'organizationId');
  return ctx;
}

/** Why the actor may not register a client into this organization, or null when they may. */
function refusal(actor: Actor, ctx: IntakeContext): 'cases.organization_out_of_scope' | 'cases.organization_not_shelter' | null {
  if (!canReachOrganization(actor, ctx.organization.path)) return 'cases.organization_out_of_scope';
  if (ctx.organization.kind !== 'unit' && ctx.organization.kind !== 'regency') return 'cases.organization_not_shelter';
  return null;
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
 * Plan a new case: copy the organization's current SOP stages onto it, and take reception as done
 * by the intake itself (the officer receiving the client fills the form), so identification starts
 * at once. Deadlines are computed in the organization's working time. The number is assigned when
 * the case is written (`repo.insertIntake`).
 */
function planCase(actor: Actor, ctx: IntakeContext, input: OpenCaseInput, caseId: string) {
  const { settings, sopStages: sop } = ctx;
  const arrivedAt = new Date(input.arrivedAt);
  const now = new Date();
  if (arrivedAt.getTime() > now.getTime() + 5 * 60_000) throw badRequest('cases.arrival_in_future', 'arrivedAt');
  // Reception is done by the intake itself: now, unless the officer registers the client after the
  // fact and says when reception really ended (between arrival and now).
  const stated = input.receptionCompletedAt ? new Date(input.receptionCompletedAt) : null;
  if (stated && (stated < arrivedAt || stated.getTime() > now.getTime() + 5 * 60_000))
    throw badRequest('cases.reception_time_out_of_range', 'receptionCompletedAt');
  const receptionDoneAt = stated ?? (now > arrivedAt ? now : arrivedAt);
  const caseValues = {
    id: caseId,
    organizationId: input.organizationId,
    clientId: input.clientId,
    sopVersionId: ctx.sopVersionId,
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
    currentStageKey: sop[1]?.key ?? sop[0].key,
    createdBy: actor.id,
    updatedBy: actor.id,
    assignedWorkerId: actor.role === 'social_worker' ? actor.id : null,
  };
  const stages: repo.NewCaseStage[] = sop.map((s, i) => {
    const isReception = i === 0 && sop.length > 1;
    const isCurrent = sop.length > 1 ? i === 1 : i === 0;
    return {
      id: newId(),
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
  });
  const numbering = { prefix: settings.caseNumberPrefix, year: localYear(arrivedAt, settings.calendar.timeZone) };
  return { caseValues, stages, numbering };
}

type CaseCreatedChanges = { clientId: string; source: string; categories: string[]; batchId: string | null };

/** The first of the settled results that failed, in the order given (so errors do not depend on timing). */
function firstFailure(results: PromiseSettledResult<unknown>[]) {
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

/**
 * Register one client (new or returning) and open their case: one read of the receiving
 * organization (with a NIK check or the returning client beside it) and one statement that writes
 * the client, the numbered case, its stages and the audit rows. With `view`, the answer is the case
 * as the case page shows it, and its view is audited in the same statement (as opening the case
 * page would).
 */
async function receiveClient(db: Db, actor: Actor, body: CreateIntakeBody, ip: string | undefined, view: boolean) {
  if (!body.existingClientId && !body.client) throw badRequest('cases.client_required', 'client.name');
  const caseId = newId();
  const clientId = body.existingClientId ?? newId();
  const newClient = body.existingClientId ? null : { ...identityValues(body.client!), aliases: body.client!.aliases ?? [] };
  // Inside a caller's transaction a failed statement would abort the transaction, so there the
  // context is read, not remembered.
  const useMemory = !(db instanceof PgTransaction);
  const settled = await Promise.allSettled([
    intakeContext(db, actor, body.organizationId, useMemory),
    body.existingClientId ? getReachableClient(db, actor, body.existingClientId) : Promise.resolve(null),
    body.existingClientId && view ? repo.findPreviousCases(db, body.existingClientId, caseId) : Promise.resolve([]),
    newClient?.nik && view
      ? checkNik(db, actor, { nik: newClient.nik, sex: newClient.sex, birthDate: newClient.birthDate, excludeClientId: clientId })
      : Promise.resolve(null),
  ] as const);
  firstFailure(settled);
  const [remembered, existing, previous, newNikCheck] = settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    IntakeContext,
    ClientRow | null,
    Awaited<ReturnType<typeof repo.findPreviousCases>>,
    NikCheck | null,
  ];
  let ctx = remembered;
  // Planned from the context; written with its fingerprint. When the context was remembered and has
  // changed since (repo.isStaleIntakeContext: nothing was written), read it again and plan anew.
  const planAndWrite = async (c: IntakeContext) => {
    const org = c.organization;
    const plan = planCase(actor, c, { ...body, organizationId: org.id, clientId }, caseId);
    const audits: repo.NewIntake['audits'] = [];
    if (newClient)
      audits.push({
        event: { action: 'client.created', actorUserId: actor.id, organizationId: org.id, entityType: 'client', entityId: clientId, changes: { name: newClient.name, nik: newClient.nik ? 'set' : null }, ip },
      });
    const created: CaseCreatedChanges = { clientId, source: body.source, categories: body.categories, batchId: null };
    audits.push({ event: { action: 'case.created', actorUserId: actor.id, organizationId: org.id, entityType: 'case', entityId: caseId, changes: created, ip }, withCaseNumber: true });
    if (view) audits.push({ event: { action: 'client.viewed', actorUserId: actor.id, organizationId: org.id, entityType: 'client', entityId: clientId, changes: { caseId }, ip } });
    const written = await repo.insertIntake(db, {
      client: newClient ? ({ ...newClient, id: clientId, organizationId: org.id, createdBy: actor.id, updatedBy: actor.id } as NonNullable<repo.NewIntake['client']>) : undefined,
      case: plan.caseValues,
      numbering: plan.numbering,
      stages: plan.stages,
      audits,
      contextFingerprint: useMemory ? c.fingerprint : null,
    });
    return { plan, written };
  };
  let result: Awaited<ReturnType<typeof planAndWrite>>;
  for (let attempt = 1; ; attempt++) {
    try {
      result = await planAndWrite(ctx);
      break;
    } catch (error) {
      if (attempt >= 3 || !repo.isStaleIntakeContext(error)) throw error;
      forgetIntakeContext(db, body.organizationId);
      ctx = await intakeContext(db, actor, body.organizationId, useMemory);
    }
  }
  const { plan, written } = result;
  const org = ctx.organization;
  if (!view) return { case: written.case, detail: null };
  const client = written.client ?? existing!;
  const nikCheck = newClient ? newNikCheck : client.nik ? await checkNik(db, actor, { nik: client.nik, sex: client.sex, birthDate: client.birthDate, excludeClientId: client.id }) : null;
  const names = new Map(ctx.sopStages.map((s) => [s.id, s]));
  const current = plan.stages.find((s) => s.status === 'in_progress');
  const detail = presentCaseDetail({
    summary: {
      case: written.case,
      organizationName: org.name,
      clientName: client.name,
      clientAliases: client.aliases,
      clientSex: client.sex,
      stageStartedAt: current?.startedAt ?? null,
      stageDueAt: current?.dueAt ?? null,
      stageStandardMinutes: current?.standardMinutes ?? null,
      assignedWorkerName: written.case.assignedWorkerId === actor.id ? actor.name : null,
    },
    client,
    nikCheck,
    settings: ctx.settings,
    stages: plan.stages.map((s) => ({
      ...s,
      nameId: names.get(s.sopStageId)!.nameId,
      nameEn: names.get(s.sopStageId)!.nameEn,
      completedByName: s.completedBy ? actor.name : null,
      skipReason: null,
      notes: null,
    })),
    previous,
    now: new Date(),
  });
  return { case: written.case, detail };
}

/** Register one client (new or returning) and open their case. */
export async function createIntake(db: Db, actor: Actor, body: CreateIntakeBody, ip?: string) {
  return (await receiveClient(db, actor, body, ip, false)).case;
}

/** `createIntake`, answered with the case as the case page shows it (the view is audited, as on the case page). */
export async function createIntakeDetail(db: Db, actor: Actor, body: CreateIntakeBody, ip?: string): Promise<CaseDetail> {
  return (await receiveClient(db, actor, body, ip, true)).detail!;
}

/** A raid: one shared source, place and time; every person becomes a client with their own case. */
export async function createBatchIntake(db: Db, actor: Actor, body: CreateBatchIntakeBody, ip?: string) {
  return db.transaction(async (tx) => {
    const ctx = await intakeContext(tx, actor, body.organizationId);
    const org = ctx.organization;
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
    const caseIds: string[] = [];
    for (const person of body.people) {
      const clientId = newId();
      const caseId = newId();
      const categories = person.categories?.length ? person.categories : body.categories;
      const plan = planCase(actor, ctx, { ...body, organizationId: org.id, clientId, categories, batchId: batch.id }, caseId);
      const created: CaseCreatedChanges = { clientId, source: body.source, categories, batchId: batch.id };
      await repo.insertIntake(tx, {
        client: {
          id: clientId,
          organizationId: org.id,
          name: person.name,
          nameQuality: person.nameQuality,
          sex: person.sex,
          estimatedAge: person.estimatedAge ?? null,
          birthDateQuality: person.estimatedAge != null ? 'partial' : 'unknown',
          physicalDescription: person.physicalDescription ?? null,
          createdBy: actor.id,
          updatedBy: actor.id,
        },
        case: plan.caseValues,
        numbering: plan.numbering,
        stages: plan.stages,
        audits: [
          {
            event: { action: 'client.created', actorUserId: actor.id, organizationId: org.id, entityType: 'client', entityId: clientId, changes: { name: person.name, batchId: batch.id }, ip },
          },
          { event: { action: 'case.created', actorUserId: actor.id, organizationId: org.id, entityType: 'case', entityId: caseId, changes: created, ip }, withCaseNumber: true },
        ],
      });
      caseIds.push(caseId);
    }
    for (const hook of batchIntakeHooks)
      await hook(tx, { organizationId: org.id, batchId: batch.id, caseIds, foundLocation: body.foundLocation ?? null, actorId: actor.id });
    return { batchId: batch.id, caseIds };
  });
}

/** A stage as the case page shows it, from the case's copy of the SOP stage. */
interface StageParts {
  id: string;
  key: string;
  position: number;
  nameId: string;
  nameEn: string;
  responsibleRole: string;
  skippable: boolean;
  standardMinutes: number;
  status: string;
  startedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date | null;
  completedByName: string | null;
  skipReason: string | null;
  notes: string | null;
}

function presentStage(s: StageParts, settings: ServiceSettings, now: Date): StageView {
  const elapsed = s.startedAt ? workingMinutesBetween(s.startedAt, s.completedAt ?? now, settings.calendar) : null;
  return {
    id: s.id,
    key: s.key,
    position: s.position,
    nameId: s.nameId,
    nameEn: s.nameEn,
    responsibleRole: s.responsibleRole,
    skippable: s.skippable,
    standardMinutes: s.standardMinutes,
    status: s.status as StageView['status'],
    startedAt: s.startedAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
    completedByName: s.completedByName,
    skipReason: s.skipReason,
    notes: s.notes,
    elapsedMinutes: elapsed === null ? null : Math.round(elapsed),
    isOverdue: s.status === 'in_progress' ? Boolean(s.dueAt && s.dueAt < now) : s.status === 'completed' && elapsed !== null && elapsed > s.standardMinutes,
  };
}

interface DetailParts {
  summary: Omit<NonNullable<repo.CaseListRow>, 'case'> & { case: CaseRow };
  client: ClientRow;
  nikCheck: NikCheck | null;
  settings: ServiceSettings;
  stages: StageParts[];
  previous: { id: string; caseNumber: string; arrivedAt: Date; status: string }[];
  now: Date;
}

function presentCaseDetail(p: DetailParts): CaseDetail {
  const c = p.summary.case;
  return {
    ...presentCaseSummary(p.summary, p.settings, p.now),
    client: presentClient(p.client, p.nikCheck),
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
    stages: p.stages.map((s) => presentStage(s, p.settings, p.now)),
    previousCases: p.previous.map((x) => ({ id: x.id, caseNumber: x.caseNumber, arrivedAt: x.arrivedAt.toISOString(), status: x.status as 'open' | 'closed' })),
  };
}

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The full case with its client, stages and earlier cases, read in one statement that also audits the
 * view (PDP: access to specific data), plus the NIK check when the client has a NIK.
 */
export async function getCaseDetail(db: Db, actor: Actor, caseId: string, ip?: string): Promise<CaseDetail> {
  const row = await repo.findCaseDetailRow(db, caseId, scopePrefix(actor), { actorUserId: actor.id, ip: ip ?? null });
  // `audited` is the statement's own scope check; canReachOrganization is the same rule in code.
  if (!row?.audited || !canReachOrganization(actor, row.organizationPath)) throw notFound('cases.not_found');
  const now = new Date();
  const settings = serviceSettingsFrom({ organizationId: row.case.organizationId, ...(row.settings ?? {}), holidays: row.holidays } as SettingsWithHolidays);
  const client = row.client;
  const nikCheck = client.nik ? await checkNik(db, actor, { nik: client.nik, sex: client.sex, birthDate: client.birthDate, excludeClientId: client.id }) : null;
  return presentCaseDetail({
    summary: row,
    client,
    nikCheck,
    settings,
    stages: (row.stages ?? []).map((s) => ({ ...s, startedAt: dateOrNull(s.startedAt), completedAt: dateOrNull(s.completedAt), dueAt: dateOrNull(s.dueAt) })),
    previous: (row.previous ?? []).map((x) => ({ ...x, arrivedAt: new Date(x.arrivedAt) })),
    now,
  });
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
