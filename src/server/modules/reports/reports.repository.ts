/**
 * Read-only queries of the reports. Scope is an organization path prefix (the organization and its
 * children). Tables of features built alongside (referrals, complaints, survey) are read with plain
 * SQL only when they exist in the database, so reports work before and after those migrations.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { RegisterQuery } from '../../../shared/contracts/reports.js';
import { LOCAL_SUBTYPES } from '../../../shared/domain/ppks.js';
import type { Db } from '../../db/client.js';
import { caseStages, cases } from '../cases/cases.table.js';
import { identityDocumentRequests, rehabilitationServices, reunifications, tracingAttempts } from '../casework/casework.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { beds, rooms, stays } from '../shelter/shelter.table.js';
import { users } from '../users/users.table.js';

/** Rows of a plain SQL query, on PGlite and node-postgres alike (both answer `{ rows }`). */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface Scope {
  path: string;
}

/**
 * `column = any($1::uuid[])`: one array parameter however many ids. (An `in ($1, …, $30000)` list of a
 * province's year of cases takes PostgreSQL longer to parse and plan than to run.)
 */
const anyOf = (column: SQLWrapper, ids: string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`;

const inScope = (s: Scope) => or(eq(organizations.path, s.path), sql`${organizations.path} like ${`${s.path}/%`}`)!;

/** Cases active at any moment of [start, end): arrived before the end, not terminated before the start. */
const activeIn = (start: Date, end: Date) => and(lt(cases.arrivedAt, end), or(isNull(cases.terminatedAt), gte(cases.terminatedAt, start)))!;

const caseFields = {
  id: cases.id,
  organizationId: cases.organizationId,
  organizationName: organizations.name,
  clientId: cases.clientId,
  caseNumber: cases.caseNumber,
  status: cases.status,
  source: cases.source,
  categories: cases.categories,
  arrivedAt: cases.arrivedAt,
  dueAt: cases.dueAt,
  targetMinutes: cases.targetMinutes,
  terminatedAt: cases.terminatedAt,
  terminationOutcome: cases.terminationOutcome,
  assignedWorkerId: cases.assignedWorkerId,
  currentStageKey: cases.currentStageKey,
  sex: clients.sex,
  birthDate: clients.birthDate,
  estimatedAge: clients.estimatedAge,
  originRegionCode: clients.originRegionCode,
};

/** Every case of the scope active in the period, with the client's demographic facts (no identity). */
export async function findCasesActiveIn(db: Db, scope: Scope, start: Date, end: Date) {
  return db
    .select(caseFields)
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(and(inScope(scope), isNull(cases.deletedAt), activeIn(start, end)))
    .orderBy(asc(cases.arrivedAt));
}
export type ReportCase = Awaited<ReturnType<typeof findCasesActiveIn>>[number];

/**
 * The few columns of the scope's cases active in [start, end) that the dashboards and the SPM count:
 * categories, arrival and termination (lead times), the client (SPM per client). No client join.
 */
export async function findCaseFactsActiveIn(db: Db, scope: Scope, start: Date, end: Date) {
  return db
    .select({
      id: cases.id,
      organizationId: cases.organizationId,
      clientId: cases.clientId,
      categories: cases.categories,
      arrivedAt: cases.arrivedAt,
      terminatedAt: cases.terminatedAt,
      terminationOutcome: cases.terminationOutcome,
      targetMinutes: cases.targetMinutes,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(inScope(scope), isNull(cases.deletedAt), activeIn(start, end)));
}
export type CaseFacts = Awaited<ReturnType<typeof findCaseFactsActiveIn>>[number];

/**
 * What the office dashboard counts, in one read of the scope's cases active since `trendStart`: this
 * month's cases ([monthStart, end)) grouped by their categories, and each case closed in
 * [trendStart, end) with what its lead time is computed from. Times come as epoch milliseconds
 * (float8), the same on PGlite and node-postgres.
 */
export async function findDashboardCases(db: Db, scope: Scope, { trendStart, monthStart, end }: { trendStart: Date; monthStart: Date; end: Date }) {
  const rows = await rowsOf<{
    kind: 'month' | 'closed';
    categories: string[] | null;
    n: number;
    organization_id: string | null;
    arrived_ms: number | null;
    terminated_ms: number | null;
    target_minutes: number | null;
  }>(db, sql`
    with active as materialized (
      select c.organization_id, c.categories, c.arrived_at, c.terminated_at, c.target_minutes
      from cases c join organizations o on o.id = c.organization_id
      where (o.path = ${scope.path} or o.path like ${`${scope.path}/%`}) and c.deleted_at is null
        and c.arrived_at < ${end.toISOString()}::timestamptz
        and (c.terminated_at is null or c.terminated_at >= ${trendStart.toISOString()}::timestamptz)
    )
    select 'month' as kind, categories, count(*)::int as n, null::uuid as organization_id,
           null::float8 as arrived_ms, null::float8 as terminated_ms, null::int as target_minutes
    from active where terminated_at is null or terminated_at >= ${monthStart.toISOString()}::timestamptz
    group by categories
    union all
    select 'closed', null, 1, organization_id, (extract(epoch from arrived_at) * 1000)::float8,
           (extract(epoch from terminated_at) * 1000)::float8, target_minutes
    from active where terminated_at < ${end.toISOString()}::timestamptz`);
  return {
    monthCategories: rows.filter((r) => r.kind === 'month').map((r) => ({ categories: r.categories ?? [], count: Number(r.n) })),
    closed: rows
      .filter((r) => r.kind === 'closed')
      .map((r) => ({
        organizationId: r.organization_id!,
        arrivedAt: new Date(Number(r.arrived_ms)),
        terminatedAt: new Date(Number(r.terminated_ms)),
        targetMinutes: Number(r.target_minutes),
      })),
  };
}

/** Every organization of the scope (itself and its descendants), with its path. */
export async function findOrganizationsIn(db: Db, scope: Scope) {
  return db.select({ id: organizations.id, path: organizations.path }).from(organizations).where(inScope(scope));
}

/** The stage rows of some cases. */
export async function findStagesOf(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: caseStages.caseId,
      key: caseStages.key,
      position: caseStages.position,
      status: caseStages.status,
      standardMinutes: caseStages.standardMinutes,
      startedAt: caseStages.startedAt,
      dueAt: caseStages.dueAt,
      completedAt: caseStages.completedAt,
      completedBy: caseStages.completedBy,
      skipReason: caseStages.skipReason,
    })
    .from(caseStages)
    .where(anyOf(caseStages.caseId, caseIds))
    .orderBy(asc(caseStages.caseId), asc(caseStages.position));
}
export type ReportStage = Awaited<ReturnType<typeof findStagesOf>>[number];

/** Case ids (of those given) whose client had a case that arrived earlier. */
export async function findRepeatCaseIds(db: Db, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await rowsOf<{ id: string }>(db, sql`
    select c.id from cases c
    where c.id = any(${sql.param(caseIds)}::uuid[])
      and exists (select 1 from cases p where p.client_id = c.client_id and p.id <> c.id and p.deleted_at is null and p.arrived_at < c.arrived_at)`);
  return new Set(rows.map((r) => r.id));
}

/** Identity document requests of some cases prepared or issued in the period. */
export async function findIdentityDocuments(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: identityDocumentRequests.caseId, documentType: identityDocumentRequests.documentType, preparedAt: identityDocumentRequests.preparedAt, issuedAt: identityDocumentRequests.issuedAt })
    .from(identityDocumentRequests)
    .where(anyOf(identityDocumentRequests.caseId, caseIds));
}

export async function findTracingAttempts(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: tracingAttempts.caseId, attemptedAt: tracingAttempts.attemptedAt, result: tracingAttempts.result })
    .from(tracingAttempts)
    .where(anyOf(tracingAttempts.caseId, caseIds));
}

export async function findReunifications(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: reunifications.caseId, destinationType: reunifications.destinationType, handedOverAt: reunifications.handedOverAt })
    .from(reunifications)
    .where(anyOf(reunifications.caseId, caseIds));
}

export async function findServices(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: rehabilitationServices.caseId, service: rehabilitationServices.service, serviceDate: rehabilitationServices.serviceDate })
    .from(rehabilitationServices)
    .where(anyOf(rehabilitationServices.caseId, caseIds));
}

/** Whether a table of another feature exists yet (its migration may still be in the works). */
export async function tableExists(db: Db, name: string): Promise<boolean> {
  const rows = await rowsOf<{ t: string | null }>(db, sql`select to_regclass(${`public.${name}`})::text as t`);
  return rows[0]?.t != null;
}

/** Referrals sent from the scope in the period, with the receiving institution's name. */
export async function findReferrals(db: Db, scope: Scope, start: Date, end: Date) {
  return rowsOf<{ status: string; to_id: string; to_name: string; case_id: string; from_id: string }>(db, sql`
    select r.status, r.to_organization_id as to_id, o2.name as to_name, r.case_id, r.from_organization_id as from_id
    from referrals r
    join organizations o on o.id = r.from_organization_id
    join organizations o2 on o2.id = r.to_organization_id
    where (o.path = ${scope.path} or o.path like ${`${scope.path}/%`})
      and r.created_at < ${end.toISOString()}::timestamptz
      and coalesce(r.completed_at, r.cancelled_at, ${end.toISOString()}::timestamptz) >= ${start.toISOString()}::timestamptz`);
}

/** Complaints received by the scope in the period. */
export async function findComplaints(db: Db, scope: Scope, start: Date, end: Date) {
  return rowsOf<{ status: string; response_minutes: number | string | null }>(db, sql`
    select c.status, extract(epoch from (c.triaged_at - c.received_at)) / 60 as response_minutes
    from complaints c join organizations o on o.id = c.organization_id
    where (o.path = ${scope.path} or o.path like ${`${scope.path}/%`})
      and c.received_at >= ${start.toISOString()}::timestamptz and c.received_at < ${end.toISOString()}::timestamptz`);
}

/** Survey answers submitted to the scope in the period. */
export async function findSurveyAnswers(db: Db, scope: Scope, start: Date, end: Date) {
  return rowsOf<Record<'u1' | 'u2' | 'u3' | 'u4' | 'u5' | 'u6' | 'u7' | 'u8' | 'u9', number | null>>(db, sql`
    select s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9
    from survey_responses s join organizations o on o.id = s.organization_id
    where (o.path = ${scope.path} or o.path like ${`${scope.path}/%`})
      and s.submitted_at >= ${start.toISOString()}::timestamptz and s.submitted_at < ${end.toISOString()}::timestamptz`);
}

export async function findUserNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}

/** Active beds and open stays of the scope right now. */
export async function findOccupancy(db: Db, scope: Scope) {
  const [bedRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .innerJoin(organizations, eq(organizations.id, rooms.organizationId))
    .where(and(inScope(scope), eq(beds.isActive, true), eq(rooms.isActive, true)));
  const [stayRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stays)
    .innerJoin(organizations, eq(organizations.id, stays.organizationId))
    .where(and(inScope(scope), isNull(stays.dischargedAt)));
  return { beds: bedRow?.n ?? 0, occupied: stayRow?.n ?? 0 };
}

/**
 * Stages in progress past their due time now, per organization of the scope (those with any). Only an
 * open case has a stage in progress (termination completes or skips the rest), so the count starts
 * from the scope's open cases (`cases_org_status_arrived_idx`) rather than from all its cases.
 */
export async function findOverdueStagesByOrganization(db: Db, scope: Scope, now: Date) {
  return db
    .select({ organizationId: cases.organizationId, n: sql<number>`count(*)::int` })
    .from(caseStages)
    .innerJoin(cases, eq(cases.id, caseStages.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(inScope(scope), isNull(cases.deletedAt), eq(cases.status, 'open'), eq(caseStages.status, 'in_progress'), lt(caseStages.dueAt, now)))
    .groupBy(cases.organizationId);
}

/**
 * Open cases past their target and stages in progress past their due time, in scope, now: one pass
 * over the scope's open cases (a stage in progress belongs to an open case, see
 * `findOverdueStagesByOrganization`), each probing its stages in progress.
 */
export async function findOverdueCounts(db: Db, scope: Scope, now: Date) {
  const at = now.toISOString();
  const [c] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${cases.dueAt} < ${at}::timestamptz)::int`,
      overdueStages: sql<number>`coalesce(sum((select count(*) from case_stages s where s.case_id = "cases"."id" and s.status = 'in_progress' and s.due_at < ${at}::timestamptz)), 0)::int`,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(inScope(scope), isNull(cases.deletedAt), eq(cases.status, 'open')));
  return { openCases: c?.open ?? 0, overdueCases: c?.overdue ?? 0, overdueStages: c?.overdueStages ?? 0 };
}

/** Codes that count under an official category (itself and its local sub-types). */
function codesCountingAs(official: string): string[] {
  return [official, ...LOCAL_SUBTYPES.filter((s) => s.mapsTo === official).map((s) => s.code)];
}

const REGISTER_ORDER = { arrivedAt: cases.arrivedAt, caseNumber: cases.caseNumber, terminatedAt: cases.terminatedAt } as const;

/** One page of the client register: cases active in the period, filtered, searched and sorted. */
export async function findRegisterPage(db: Db, scope: Scope, start: Date, end: Date, q: RegisterQuery, canSearchIdentity: boolean) {
  const conds: SQL[] = [inScope(scope), isNull(cases.deletedAt), activeIn(start, end)];
  if (q.category) conds.push(sql`${cases.categories} && ${sql`array[${sql.join(codesCountingAs(q.category).map((c) => sql`${c}`), sql`, `)}]::text[]`}`);
  if (q.source) conds.push(eq(cases.source, q.source));
  if (q.status) conds.push(eq(cases.status, q.status));
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(canSearchIdentity ? or(sql`lower(${cases.caseNumber}) like ${like}`, sql`${clients.searchText} like ${like}`)! : sql`lower(${cases.caseNumber}) like ${like}`);
  }
  const where = and(...conds);
  const column = REGISTER_ORDER[q.sort];
  const [totalRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(where);
  const rows = await db
    .select({
      ...caseFields,
      clientName: clients.name,
      nik: clients.nik,
      stagesCompleted: sql<number>`(select count(*)::int from case_stages s where s.case_id = ${cases.id} and s.status = 'completed')`,
      stagesTotal: sql<number>`(select count(*)::int from case_stages s where s.case_id = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(where)
    .orderBy(q.order === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`, q.order === 'asc' ? asc(cases.id) : desc(cases.id))
    .limit(q.limit)
    .offset(q.offset);
  return { total: totalRow?.n ?? 0, rows };
}
export type RegisterDbRow = Awaited<ReturnType<typeof findRegisterPage>>['rows'][number];

/** Direct children of an organization (a province's districts). */
export async function findChildOrganizations(db: Db, parentId: string) {
  return db.select().from(organizations).where(eq(organizations.parentId, parentId)).orderBy(asc(organizations.name));
}
