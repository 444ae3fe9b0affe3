import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { ListCasesQuery } from '../../../shared/contracts/cases.js';
import type { Role } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { type AuditEvent, type AuditEventWithSqlChanges, auditInsert } from '../audit/audit.repository.js';
import { auditLog } from '../audit/audit.table.js';
import { clientSearchText, foldSpelling } from '../clients/clients.repository.js';
import { type ClientRow, clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import type { SettingsWithHolidays } from '../sop/sop.repository.js';
import { organizationSettings, sopStages } from '../sop/sop.table.js';
import { users } from '../users/users.table.js';
import { type CaseRow, type CaseStageRow, caseStages, cases } from './cases.table.js';

export async function insertCase(tx: Db, values: typeof cases.$inferInsert) {
  const [row] = await tx.insert(cases).values(values).returning();
  return row;
}

export async function insertCaseStages(tx: Db, values: (typeof caseStages.$inferInsert)[]) {
  return tx.insert(caseStages).values(values).returning();
}

export async function updateCase(tx: Db, id: string, values: Partial<typeof cases.$inferInsert>) {
  const [row] = await tx
    .update(cases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(cases.id, id))
    .returning();
  return row;
}

export async function updateCaseStage(tx: Db, id: string, values: Partial<typeof caseStages.$inferInsert>) {
  const [row] = await tx.update(caseStages).set(values).where(eq(caseStages.id, id)).returning();
  return row;
}

/** The stages of a case in SOP order, with the SOP's names and the completing user's name. */
export async function findCaseStages(db: Db, caseId: string) {
  return db
    .select({ stage: caseStages, nameId: sopStages.nameId, nameEn: sopStages.nameEn, completedByName: users.name })
    .from(caseStages)
    .innerJoin(sopStages, eq(sopStages.id, caseStages.sopStageId))
    .leftJoin(users, eq(users.id, caseStages.completedBy))
    .where(eq(caseStages.caseId, caseId))
    .orderBy(asc(caseStages.position));
}

export async function findStagesForUpdate(tx: Db, caseId: string): Promise<CaseStageRow[]> {
  return tx.select().from(caseStages).where(eq(caseStages.caseId, caseId)).orderBy(asc(caseStages.position)).for('update');
}

export async function findPreviousCases(db: Db, clientId: string, excludeCaseId: string) {
  return db
    .select({ id: cases.id, caseNumber: cases.caseNumber, arrivedAt: cases.arrivedAt, status: cases.status })
    .from(cases)
    .where(and(eq(cases.clientId, clientId), ne(cases.id, excludeCaseId), isNull(cases.deletedAt)))
    .orderBy(desc(cases.arrivedAt));
}

/** What a worklist row and a case summary show: the case, its client, current stage and assignee. */
const summaryFields = {
  // Only the case columns a summary shows: fewer columns to send, parse and map per worklist row.
  case: {
    id: cases.id,
    caseNumber: cases.caseNumber,
    organizationId: cases.organizationId,
    clientId: cases.clientId,
    status: cases.status,
    source: cases.source,
    categories: cases.categories,
    arrivedAt: cases.arrivedAt,
    currentStageKey: cases.currentStageKey,
    assignedWorkerId: cases.assignedWorkerId,
    targetMinutes: cases.targetMinutes,
    dueAt: cases.dueAt,
    terminatedAt: cases.terminatedAt,
  },
  organizationName: organizations.name,
  clientName: clients.name,
  clientAliases: clients.aliases,
  clientSex: clients.sex,
  stageStartedAt: caseStages.startedAt,
  stageDueAt: caseStages.dueAt,
  stageStandardMinutes: caseStages.standardMinutes,
  assignedWorkerName: users.name,
};

const currentStage = sql`${caseStages.caseId} = ${cases.id} and ${caseStages.status} = 'in_progress'`;

export interface CaseListScope {
  path: string;
  includeChildren: boolean;
  actorId: string;
  role: Role;
  startOfToday: Date;
  now: Date;
}

/** Which worklist statement a request needs: the list, the scope kind and the filters given. */
interface WorklistShape {
  list: ListCasesQuery['list'];
  includeChildren: boolean;
  q: boolean;
  category: boolean;
  source: boolean;
  stage: boolean;
  from: boolean;
  to: boolean;
}

function prepareWorklist(db: Db, shape: WorklistShape, name: string) {
  const P = sql.placeholder;
  const conds: SQL[] = [
    isNull(cases.deletedAt),
    shape.includeChildren ? (or(eq(organizations.path, P('path')), sql`${organizations.path} like ${P('pathLike')}`) as SQL) : eq(organizations.path, P('path')),
  ];
  let order: SQL[] = [desc(cases.arrivedAt)];
  switch (shape.list) {
    case 'open':
      conds.push(eq(cases.status, 'open'));
      break;
    case 'mine':
      conds.push(eq(cases.status, 'open'), or(eq(cases.assignedWorkerId, P('actorId')), eq(cases.createdBy, P('actorId'))) as SQL);
      break;
    case 'overdue':
      conds.push(eq(cases.status, 'open'), or(sql`${cases.dueAt} < ${P('now')}::timestamptz`, sql`${caseStages.dueAt} < ${P('now')}::timestamptz`) as SQL);
      order = [asc(sql`least(${cases.dueAt}, coalesce(${caseStages.dueAt}, ${cases.dueAt}))`)];
      break;
    case 'waiting_for_me':
      conds.push(eq(cases.status, 'open'), eq(caseStages.responsibleRole, P('role')));
      order = [asc(caseStages.dueAt)];
      break;
    case 'new_today':
      conds.push(sql`${cases.arrivedAt} >= ${P('startOfToday')}::timestamptz`);
      break;
    case 'closed':
      conds.push(eq(cases.status, 'closed'));
      order = [desc(cases.terminatedAt)];
      break;
    case 'all':
      break;
  }
  if (shape.q)
    conds.push(
      or(
        sql`${clients.searchText} like ${P('needleLike')}`,
        sql`${P('needleFolded')}::text <% ${clients.searchText}`,
        sql`lower(${cases.caseNumber}) = ${P('needle')}::text`,
      ) as SQL,
    );
  if (shape.category) conds.push(sql`${cases.categories} @> array[${P('category')}::text]`);
  if (shape.source) conds.push(eq(cases.source, P('source')));
  if (shape.stage) conds.push(eq(cases.currentStageKey, P('stage')));
  if (shape.from) conds.push(sql`${cases.arrivedAt} >= ${P('from')}::timestamptz`);
  if (shape.to) conds.push(sql`${cases.arrivedAt} < ${P('to')}::timestamptz`);
  const where = and(...conds);
  // Two layers: the filter, order and page run over the narrow join the conditions need (the total
  // rides along as a window count, computed before LIMIT: one statement instead of two); the client,
  // current stage and assignee are joined for the page's rows only.
  let filter = db
    .select({ id: cases.id, total: sql<number>`(count(*) over ())::int`.as('total') })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .$dynamic();
  if (shape.q) filter = filter.innerJoin(clients, eq(clients.id, cases.clientId));
  if (shape.list === 'overdue' || shape.list === 'waiting_for_me') filter = filter.leftJoin(caseStages, currentStage);
  const page = db.$with('worklist_page').as(
    filter
      .where(where)
      .orderBy(...order, desc(cases.id))
      .limit(P('limit'))
      .offset(P('offset')),
  );
  const rows = db
    .with(page)
    .select({ ...summaryFields, total: page.total })
    .from(page)
    .innerJoin(cases, eq(cases.id, page.id))
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(caseStages, currentStage)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .orderBy(...order, desc(cases.id))
    .prepare(name);
  const count = db
    .select({ total: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(caseStages, currentStage)
    .where(where)
    .prepare(`${name}_count`);
  return { rows, count };
}

const worklistStatements = new WeakMap<Db, Map<string, ReturnType<typeof prepareWorklist>>>();

/**
 * One page of a worklist, with what the list row shows (client, current stage, assignee). A prepared
 * statement per kind of list and set of filters given: built once, planned once per connection.
 */
export async function findCaseList(db: Db, scope: CaseListScope, q: ListCasesQuery) {
  const shape: WorklistShape = {
    list: q.list,
    includeChildren: scope.includeChildren,
    q: Boolean(q.q),
    category: Boolean(q.category),
    source: Boolean(q.source),
    stage: Boolean(q.stage),
    from: Boolean(q.from),
    to: Boolean(q.to),
  };
  const signature = [shape.list, shape.includeChildren, shape.q, shape.category, shape.source, shape.stage, shape.from, shape.to].map((v) => (v === true ? 1 : v === false ? 0 : v)).join('_');
  let byShape = worklistStatements.get(db);
  if (!byShape) {
    byShape = new Map();
    worklistStatements.set(db, byShape);
  }
  let statement = byShape.get(signature);
  if (!statement) {
    statement = prepareWorklist(db, shape, `cases_worklist_${signature}`);
    byShape.set(signature, statement);
  }
  const needle = q.q?.toLowerCase();
  const params: Record<string, unknown> = {
    path: scope.path,
    pathLike: `${scope.path}/%`,
    actorId: scope.actorId,
    now: scope.now.toISOString(),
    role: scope.role,
    startOfToday: scope.startOfToday.toISOString(),
    needle,
    // The client's search text has the old spellings folded (clientSearchText): so has the search.
    needleFolded: q.q === undefined ? undefined : foldSpelling(q.q),
    needleLike: q.q === undefined ? undefined : `%${foldSpelling(q.q)}%`,
    category: q.category,
    source: q.source,
    stage: q.stage,
    from: q.from ? new Date(`${q.from}T00:00:00+07:00`).toISOString() : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000).toISOString() : undefined,
    limit: q.limit,
    offset: q.offset,
  };
  const rows = await statement.rows.execute(params);
  if (rows.length > 0 || q.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total.
  const [{ total }] = await statement.count.execute(params);
  return { rows, total };
}

/** One case with what its summary shows. */
export async function findCaseSummaryRow(db: Db, caseId: string) {
  const [row] = await db
    .select(summaryFields)
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(caseStages, currentStage)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(eq(cases.id, caseId));
  return row;
}
export type CaseListRow = Awaited<ReturnType<typeof findCaseSummaryRow>>;

/** The case's timeline: every audited event recorded against the case, oldest first. */
export async function findCaseTimeline(db: Db, caseId: string) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.occurredAt,
      action: auditLog.action,
      actorName: users.name,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, 'case'), eq(auditLog.entityId, caseId)))
    .orderBy(asc(auditLog.occurredAt), asc(auditLog.id));
}

export async function findUsersByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, organizationId: users.organizationId }).from(users).where(inArray(users.id, ids));
}

/** Roles that carry casework and may be assigned to a case. */
export const ASSIGNABLE_ROLES = ['social_worker', 'shelter_officer', 'head'] as const;

/**
 * Active users with a casework role working in the organization at `organizationPath` or in one of
 * its parents (a Dinas Sosial social worker may take a case of its shelter unit), by name.
 */
export async function findAssignableWorkers(db: Db, organizationPath: string) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.isActive, true),
        inArray(users.role, [...ASSIGNABLE_ROLES]),
        or(eq(organizations.path, organizationPath), sql`${organizationPath} like ${organizations.path} || '/%'`),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * Claim the stages that went past their standard time and were not yet announced, marking them so
 * each is announced once even with several app servers (rows locked by another server are skipped).
 */
export async function claimNewlyOverdueStages(tx: Db, now: Date, limit = 200) {
  const result = (await tx.execute(sql`
    update case_stages set overdue_notified_at = ${now}
    where id in (
      select cs.id from case_stages cs join cases c on c.id = cs.case_id
      where cs.status = 'in_progress' and cs.due_at < ${now} and cs.overdue_notified_at is null
        and c.status = 'open' and c.deleted_at is null
      order by cs.due_at
      limit ${limit}
      for update of cs skip locked
    )
    returning case_id as "caseId", key, responsible_role as "responsibleRole"`)) as unknown as {
    rows: { caseId: string; key: string; responsibleRole: string }[];
  };
  if (result.rows.length === 0) return [];
  const caseRows = await tx
    .select({ id: cases.id, organizationId: cases.organizationId, caseNumber: cases.caseNumber, assignedWorkerId: cases.assignedWorkerId, clientName: clients.name })
    .from(cases)
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .where(inArray(cases.id, result.rows.map((r) => r.caseId)));
  const byId = new Map(caseRows.map((c) => [c.id, c]));
  return result.rows.map((r) => ({ ...r, ...byId.get(r.caseId)! }));
}

// ---------------------------------------------------------------------------------------------
// Intake and case detail in one statement each: every round trip to the database costs CPU on both
// sides (a few tenths of a millisecond each), which is what bounded intake throughput.

/**
 * What an intake needs about the receiving organization: itself, its settings and holidays, its current
 * SOP version. A field added here must also go into `intake_context_fingerprint()` (a new migration),
 * or a change to it would not be noticed by servers that remember the context; case-numbering.test.ts
 * checks that every field moves the fingerprint.
 */
export interface IntakeContextRow extends SettingsWithHolidays {
  path: string;
  kind: string;
  name: string;
  sopVersionId: string | null;
  /** `intake_context_fingerprint()` of all the above (migration 0015), for checking a remembered context at write time. */
  fingerprint: string;
}

function prepareIntakeContext(db: Db) {
  return db
    .select({
      organizationId: organizations.id,
      path: organizations.path,
      kind: organizations.kind,
      name: organizations.name,
      timeZone: organizationSettings.timeZone,
      alwaysOn: organizationSettings.alwaysOn,
      workingHours: organizationSettings.workingHours,
      targetWorkingDays: organizationSettings.targetWorkingDays,
      maxStayDays: organizationSettings.maxStayDays,
      stayWarningDays: organizationSettings.stayWarningDays,
      caseNumberPrefix: organizationSettings.caseNumberPrefix,
      holidays: sql<string[]>`coalesce((select array_agg(h.date::text order by h.date) from holidays h where h.organization_id = ${organizations.id}), '{}'::text[])`,
      sopVersionId: sql<string | null>`(select v.id from sop_versions v where v.organization_id = ${organizations.id} order by v.version desc limit 1)`,
      fingerprint: sql<string>`intake_context_fingerprint(${organizations.id})`,
    })
    .from(organizations)
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id))
    .where(eq(organizations.id, sql.placeholder('organizationId')))
    .prepare('cases_intake_context');
}

/**
 * Statements every intake or case view runs are prepared: built once per database handle, and
 * PostgreSQL parses and plans them once per connection instead of on every request.
 */
function preparedFor<T>(cache: WeakMap<Db, T>, db: Db, prepare: (db: Db) => T): T {
  let statement = cache.get(db);
  if (!statement) {
    statement = prepare(db);
    cache.set(db, statement);
  }
  return statement;
}
const intakeContextStatements = new WeakMap<Db, ReturnType<typeof prepareIntakeContext>>();

export async function findIntakeContext(db: Db, organizationId: string): Promise<IntakeContextRow | undefined> {
  const [row] = await preparedFor(intakeContextStatements, db, prepareIntakeContext).execute({ organizationId });
  return row;
}

/** A stage row of a new case, with its id chosen by the caller. */
export type NewCaseStage = Pick<
  CaseStageRow,
  'id' | 'sopStageId' | 'position' | 'key' | 'standardMinutes' | 'status' | 'startedAt' | 'dueAt' | 'completedAt' | 'completedBy' | 'responsibleRole' | 'skippable'
>;

export interface NewIntake {
  /** A new client to register with the case (omit for a returning client). */
  client?: Omit<typeof clients.$inferInsert, 'searchText'> & { id: string };
  /** The case, with its id chosen by the caller; its number is assigned by the statement. */
  case: Omit<typeof cases.$inferInsert, 'caseNumber'> & { id: string; organizationId: string };
  /** `PREFIX-YYYY-`: the number is this followed by the organization's next running number of that year. */
  numbering: { prefix: string; year: number };
  stages: NewCaseStage[];
  /** Audit rows, in this order; `withCaseNumber` adds `caseNumber` (assigned by the statement) to the changes. */
  audits: { event: AuditEvent; withCaseNumber?: boolean }[];
  /**
   * The fingerprint of the intake context the case was planned from, when that context was remembered
   * rather than read just now: the statement fails with SQLSTATE SG001 (isStaleIntakeContext) and writes
   * nothing if the organization's context is no longer that.
   */
  contextFingerprint?: string | null;
}

/** The first PostgreSQL error (SQLSTATE `code`, and the constraint when given) in an error's cause chain. */
function hasPgError(error: unknown, code: string, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === code && (constraint === undefined || e.constraint === constraint)) return true;
  return false;
}

/** The intake was planned from a remembered context that has since changed (nothing was written). */
export function isStaleIntakeContext(error: unknown): boolean {
  return hasPgError(error, 'SG001');
}

/**
 * Register the client (when new), number and insert the case, its stages and the audit rows: one
 * statement, so it is atomic on its own and costs one round trip.
 *
 * Numbering: the counter row of (organization, prefix, year) is incremented in this statement; its
 * row lock serializes concurrent intakes of one organization until their transaction ends (for a
 * plain intake: this statement). A rolled-back intake rolls its increment back, so numbers have no
 * gaps. Without a counter row (first case of the year, a database from before the counter), the
 * first number follows the highest one already in `cases`; two first intakes at once meet on the
 * primary key and the second one increments the row the first created. When the counter's next
 * number is already taken (cases written by other means), it catches up with the highest in use.
 */
/** Parameters for the non-null values (nulls are written into the statement: column encoders do not take null). */
function paramsOf(prefix: string, values: object, into: Record<string, unknown>) {
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) into[prefix + k] = v;
}
/** The columns given (`key`, or `key:null` when null), sorted: undefined ones keep their column defaults. */
const givenKeys = (values: object) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (v === null ? `${k}:null` : k))
    .sort();

/** The shape of an intake statement: which columns it writes and which audit rows it adds. */
interface IntakeShape {
  clientKeys: string[] | null;
  caseKeys: string[];
  audits: boolean[];
}

function prepareIntakeStatement(db: Db, shape: IntakeShape, name: string) {
  const p = (n: string) => sql.placeholder(n);
  const highestInUse = sql`coalesce((select max(case when substr(c.case_number, ${p('headLength')}::int + 1) ~ '^[0-9]{1,9}$' then substr(c.case_number, ${p('headLength')}::int + 1)::int end)
      from cases c where c.organization_id = ${p('organizationId')}::uuid and left(c.case_number, ${p('headLength')}::int) = ${p('head')}::text), 0)`;
  // The number as text: at least four digits (`0007`), more when needed (`12345`).
  const padded = (n: SQL) => sql`case when ${n} < 1000 then lpad((${n})::text, 4, '0') else (${n})::text end`;
  const next = db.$with('number_next', {}).as(
    sql`update case_number_counters k set last_sequence = k.last_sequence + 1
        where k.organization_id = ${p('organizationId')}::uuid and k.prefix = ${p('prefix')}::text and k.year = ${p('year')}::int
        returning k.last_sequence`,
  );
  const first = db.$with('number_first', {}).as(
    sql`insert into case_number_counters as k (organization_id, prefix, year, last_sequence)
        select ${p('organizationId')}::uuid, ${p('prefix')}::text, ${p('year')}::int, ${highestInUse} + 1
        where not exists (select 1 from number_next)
        on conflict (organization_id, prefix, year) do update set last_sequence = k.last_sequence + 1
        returning last_sequence`,
  );
  // The counter's number, unless a case already has it (written by other means: an app server of an
  // older release during a rolling update, a bulk load): then the highest in use plus one, and the
  // counter catches up (insertIntake). The check runs on the counter's returned (post-lock) value;
  // inside the UPDATE's SET it would also run on the pre-lock row version whenever the row was contended.
  const number = db
    .$with('case_number', { sequence: sql<number>`sequence`.as('sequence'), counted: sql<number>`counted`.as('counted') })
    .as(
      sql`select s.sequence, s.counted, ${p('head')}::text || ${padded(sql`s.sequence`)} as case_number
          from (select n.last_sequence as counted,
                  case when exists (select 1 from cases c where c.organization_id = ${p('organizationId')}::uuid and c.case_number = ${p('head')}::text || ${padded(sql`n.last_sequence`)})
                    then ${highestInUse} + 1 else n.last_sequence end as sequence
                from (select last_sequence from number_next union all select last_sequence from number_first) n) s
          where assert_intake_context(${p('organizationId')}::uuid, ${p('contextFingerprint')}::text)`,
    );
  const assigned = sql`(select case_number from case_number)`;
  const placeholdersFor = (prefix: string, keys: string[]) =>
    Object.fromEntries(keys.map((k) => (k.endsWith(':null') ? [k.slice(0, -5), sql`null`] : [k, p(prefix + k)])));
  const client = shape.clientKeys
    ? db.$with('intake_client').as(
        db
          .insert(clients)
          .values({ ...(placeholdersFor('client_', shape.clientKeys) as unknown as typeof clients.$inferInsert), searchText: p('client_searchText') })
          .returning(),
      )
    : null;
  const kase = db.$with('intake_case').as(
    db
      .insert(cases)
      .values({ ...(placeholdersFor('case_', shape.caseKeys) as unknown as typeof cases.$inferInsert), caseNumber: assigned })
      .returning(),
  );
  const stages = db.$with('intake_stages', {}).as(
    sql`insert into case_stages (id, case_id, sop_stage_id, position, key, standard_minutes, status, started_at, due_at, completed_at, completed_by, responsible_role, skippable)
        select s.id, ${p('case_id')}::uuid, s.sop_stage_id, s.position, s.key, s.standard_minutes, s.status, s.started_at, s.due_at, s.completed_at, s.completed_by, s.responsible_role, s.skippable
        from unnest(${p('stage_ids')}::uuid[], ${p('stage_sop_ids')}::uuid[], ${p('stage_positions')}::int[], ${p('stage_keys')}::text[],
                    ${p('stage_minutes')}::int[], ${p('stage_statuses')}::text[], ${p('stage_started')}::timestamptz[], ${p('stage_due')}::timestamptz[],
                    ${p('stage_completed')}::timestamptz[], ${p('stage_completed_by')}::uuid[], ${p('stage_roles')}::text[], ${p('stage_skippable')}::boolean[])
          as s(id, sop_stage_id, position, key, standard_minutes, status, started_at, due_at, completed_at, completed_by, responsible_role, skippable)`,
  );
  const audit = db.$with('intake_audit').as(
    auditInsert(
      db,
      shape.audits.map((withCaseNumber, i): AuditEvent | AuditEventWithSqlChanges => ({
        action: p(`audit${i}_action`) as unknown as AuditEvent['action'],
        actorUserId: p(`audit${i}_actorUserId`) as unknown as string,
        organizationId: p(`audit${i}_organizationId`) as unknown as string,
        entityType: p(`audit${i}_entityType`) as unknown as string,
        entityId: p(`audit${i}_entityId`) as unknown as string,
        ip: p(`audit${i}_ip`) as unknown as string,
        // A placeholder as a value goes through the column's encoder (JSON); in SQL it is sent as given.
        changes: (withCaseNumber
          ? sql`${p(`audit${i}_changes`)}::jsonb || jsonb_build_object('caseNumber', ${assigned})`
          : p(`audit${i}_changes`)) as unknown as SQL,
      })),
    ),
  );
  if (client)
    return {
      withClient: db.with(next, first, number, client, kase, stages, audit).select().from(kase).innerJoin(number, sql`true`).innerJoin(client, sql`true`).prepare(name),
      returning: null,
    };
  return { withClient: null, returning: db.with(next, first, number, kase, stages, audit).select().from(kase).innerJoin(number, sql`true`).prepare(name) };
}

/** Intake statements by shape, per database handle (a handful of shapes: which optional fields an intake fills). */
const intakeStatements = new WeakMap<Db, Map<string, ReturnType<typeof prepareIntakeStatement>>>();
const INTAKE_SHAPES_LIMIT = 200;

function isCaseNumberConflict(error: unknown): boolean {
  return hasPgError(error, '23505', 'cases_org_number_key');
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export async function insertIntake(db: Db, input: NewIntake): Promise<{ case: CaseRow; client: ClientRow | null }> {
  const orgId = input.case.organizationId;
  const head = `${input.numbering.prefix}-${input.numbering.year}-`;
  const shape: IntakeShape = {
    clientKeys: input.client ? givenKeys(input.client) : null,
    caseKeys: givenKeys(input.case),
    audits: input.audits.map((a) => Boolean(a.withCaseNumber)),
  };
  const signature = `${shape.clientKeys?.join(',') ?? '-'}|${shape.caseKeys.join(',')}|${shape.audits.map((a) => (a ? 'n' : 'p')).join('')}`;
  let byShape = intakeStatements.get(db);
  if (!byShape) {
    byShape = new Map();
    intakeStatements.set(db, byShape);
  }
  let statement = byShape.get(signature);
  if (!statement) {
    if (byShape.size >= INTAKE_SHAPES_LIMIT) byShape.clear();
    statement = prepareIntakeStatement(db, shape, `cases_intake_${fnv1a(signature)}_${signature.length.toString(36)}`);
    byShape.set(signature, statement);
  }
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const st = input.stages;
  const params: Record<string, unknown> = {
    organizationId: orgId,
    prefix: input.numbering.prefix,
    year: input.numbering.year,
    head,
    headLength: head.length,
    contextFingerprint: input.contextFingerprint ?? null,
    case_id: input.case.id,
    stage_ids: st.map((s) => s.id),
    stage_sop_ids: st.map((s) => s.sopStageId),
    stage_positions: st.map((s) => s.position),
    stage_keys: st.map((s) => s.key),
    stage_minutes: st.map((s) => s.standardMinutes),
    stage_statuses: st.map((s) => s.status),
    stage_started: st.map((s) => iso(s.startedAt)),
    stage_due: st.map((s) => iso(s.dueAt)),
    stage_completed: st.map((s) => iso(s.completedAt)),
    stage_completed_by: st.map((s) => s.completedBy),
    stage_roles: st.map((s) => s.responsibleRole),
    stage_skippable: st.map((s) => s.skippable),
  };
  if (input.client) {
    paramsOf('client_', input.client, params);
    // As insertClient writes it.
    params.client_searchText = clientSearchText(input.client);
  }
  paramsOf('case_', input.case, params);
  input.audits.forEach(({ event, withCaseNumber }, i) => {
    params[`audit${i}_action`] = event.action;
    params[`audit${i}_actorUserId`] = event.actorUserId ?? null;
    params[`audit${i}_organizationId`] = event.organizationId ?? null;
    params[`audit${i}_entityType`] = event.entityType ?? null;
    params[`audit${i}_entityId`] = event.entityId ?? null;
    params[`audit${i}_ip`] = event.ip ?? null;
    params[`audit${i}_changes`] = withCaseNumber ? JSON.stringify(event.changes ?? {}) : (event.changes ?? null);
  });
  const run = async () => {
    if (statement.withClient) {
      const [row] = await statement.withClient.execute(params);
      return { case: row.intake_case as CaseRow, client: row.intake_client as ClientRow, number: row.case_number };
    }
    const [row] = await statement.returning!.execute(params);
    return { case: row.intake_case as CaseRow, client: null, number: row.case_number };
  };
  let written: Awaited<ReturnType<typeof run>>;
  for (let attempt = 1; ; attempt++) {
    try {
      written = await run();
      break;
    } catch (error) {
      // Two intakes that both found the counter behind (numbers written by other means) may pick the
      // same number from their snapshots; the second fails on the unique key and, on its own (outside
      // a caller's transaction), simply runs again with a fresh snapshot. Nothing was written.
      if (attempt >= 3 || db instanceof PgTransaction || !isCaseNumberConflict(error)) throw error;
    }
  }
  if (Number(written.number.sequence) !== Number(written.number.counted))
    await db.execute(
      sql`update case_number_counters set last_sequence = greatest(last_sequence, ${Number(written.number.sequence)}::int)
          where organization_id = ${orgId}::uuid and prefix = ${input.numbering.prefix}::text and year = ${input.numbering.year}::int`,
    );
  return { case: written.case, client: written.client };
}

function prepareCaseDetail(db: Db, includeChildren: boolean) {
  const path = sql.placeholder('scopePath');
  const reachable = includeChildren
    ? sql`(o.path = ${path} or left(o.path, length(${path}::text) + 1) = ${path}::text || '/')`
    : sql`o.path = ${path}`;
  const target = db.$with('viewed_case', {}).as(
    sql`select c.id, c.organization_id, c.client_id from cases c join organizations o on o.id = c.organization_id
        where c.id = ${sql.placeholder('caseId')} and c.deleted_at is null and ${reachable}`,
  );
  const viewed = db.$with('view_audit', {}).as(
    sql`insert into audit_log (action, actor_user_id, organization_id, entity_type, entity_id, changes, ip)
        select 'client.viewed', ${sql.placeholder('actorUserId')}::uuid, t.organization_id, 'client', t.client_id::text, jsonb_build_object('caseId', t.id), ${sql.placeholder('ip')}::text
        from viewed_case t`,
  );
  return db
    .with(target, viewed)
    .select({
      ...summaryFields,
      case: cases,
      client: clients,
      organizationPath: organizations.path,
      audited: sql<boolean>`exists (select 1 from viewed_case)`,
      settings: {
        timeZone: organizationSettings.timeZone,
        alwaysOn: organizationSettings.alwaysOn,
        workingHours: organizationSettings.workingHours,
        targetWorkingDays: organizationSettings.targetWorkingDays,
        maxStayDays: organizationSettings.maxStayDays,
        stayWarningDays: organizationSettings.stayWarningDays,
        caseNumberPrefix: organizationSettings.caseNumberPrefix,
      },
      holidays: sql<string[]>`coalesce((select array_agg(h.date::text order by h.date) from holidays h where h.organization_id = ${cases.organizationId}), '{}'::text[])`,
      stages: sql<StageJson[]>`(select json_agg(json_build_object(
          'id', cs.id, 'key', cs.key, 'position', cs.position, 'responsibleRole', cs.responsible_role, 'skippable', cs.skippable,
          'standardMinutes', cs.standard_minutes, 'status', cs.status, 'startedAt', cs.started_at, 'dueAt', cs.due_at,
          'completedAt', cs.completed_at, 'skipReason', cs.skip_reason, 'notes', cs.notes,
          'nameId', ss.name_id, 'nameEn', ss.name_en, 'completedByName', cu.name) order by cs.position)
        from case_stages cs join sop_stages ss on ss.id = cs.sop_stage_id left join users cu on cu.id = cs.completed_by
        where cs.case_id = ${cases.id})`,
      previous: sql<PreviousCaseJson[] | null>`(select json_agg(json_build_object('id', p.id, 'caseNumber', p.case_number, 'arrivedAt', p.arrived_at, 'status', p.status) order by p.arrived_at desc)
        from cases p where p.client_id = ${cases.clientId} and p.id <> ${cases.id} and p.deleted_at is null)`,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(caseStages, currentStage)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, cases.organizationId))
    .where(and(eq(cases.id, sql.placeholder('caseId')), isNull(cases.deletedAt)))
    .prepare(includeChildren ? 'cases_detail_subtree' : 'cases_detail_own');
}
const caseDetailStatements = {
  subtree: new WeakMap<Db, ReturnType<typeof prepareCaseDetail>>(),
  own: new WeakMap<Db, ReturnType<typeof prepareCaseDetail>>(),
};

/**
 * Everything the case page shows, in one statement: the case with its client, organization, current
 * stage and assignee, the organization's settings and holidays, the stages (with SOP names and who
 * completed them) and the client's other cases. When the case lies in the actor's scope (`audited`),
 * the same statement writes the `client.viewed` audit row.
 */
export async function findCaseDetailRow(
  db: Db,
  caseId: string,
  scope: { path: string; includeChildren: boolean },
  view: { actorUserId: string; ip: string | null },
) {
  const statement = scope.includeChildren
    ? preparedFor(caseDetailStatements.subtree, db, (d) => prepareCaseDetail(d, true))
    : preparedFor(caseDetailStatements.own, db, (d) => prepareCaseDetail(d, false));
  const [row] = await statement.execute({ caseId, scopePath: scope.path, actorUserId: view.actorUserId, ip: view.ip });
  return row;
}

/** A stage as the case-detail statement returns it (JSON: instants as ISO strings). */
export interface StageJson {
  id: string;
  key: string;
  position: number;
  responsibleRole: string;
  skippable: boolean;
  standardMinutes: number;
  status: string;
  startedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  skipReason: string | null;
  notes: string | null;
  nameId: string;
  nameEn: string;
  completedByName: string | null;
}

export interface PreviousCaseJson {
  id: string;
  caseNumber: string;
  arrivedAt: string;
  status: string;
}
