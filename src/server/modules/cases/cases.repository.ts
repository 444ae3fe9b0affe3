import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ListCasesQuery } from '../../../shared/contracts/cases.js';
import type { Role } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { auditLog } from '../audit/audit.table.js';
import { clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { sopStages } from '../sop/sop.table.js';
import { users } from '../users/users.table.js';
import { type CaseStageRow, caseStages, cases } from './cases.table.js';

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

/** The highest running number of an organization's case numbers in a year (`PREFIX-YYYY-NNNN`). */
export async function maxCaseSequence(tx: Db, organizationId: string, prefix: string, year: number): Promise<number> {
  const pattern = `${prefix}-${year}-%`;
  const [row] = await tx
    .select({ n: sql<number | null>`max(cast(split_part(${cases.caseNumber}, '-', 3) as integer))` })
    .from(cases)
    .where(and(eq(cases.organizationId, organizationId), sql`${cases.caseNumber} like ${pattern}`));
  return Number(row?.n ?? 0);
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
  case: cases,
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

/** One page of a worklist, with what the list row shows (client, current stage, assignee). */
export async function findCaseList(db: Db, scope: CaseListScope, q: ListCasesQuery) {
  const conds: SQL[] = [
    isNull(cases.deletedAt),
    scope.includeChildren
      ? (or(eq(organizations.path, scope.path), sql`${organizations.path} like ${`${scope.path}/%`}`) as SQL)
      : eq(organizations.path, scope.path),
  ];
  let order: SQL[] = [desc(cases.arrivedAt)];
  switch (q.list) {
    case 'open':
      conds.push(eq(cases.status, 'open'));
      break;
    case 'mine':
      conds.push(eq(cases.status, 'open'), or(eq(cases.assignedWorkerId, scope.actorId), eq(cases.createdBy, scope.actorId)) as SQL);
      break;
    case 'overdue':
      conds.push(eq(cases.status, 'open'), or(lt(cases.dueAt, scope.now), lt(caseStages.dueAt, scope.now)) as SQL);
      order = [asc(sql`least(${cases.dueAt}, coalesce(${caseStages.dueAt}, ${cases.dueAt}))`)];
      break;
    case 'waiting_for_me':
      conds.push(eq(cases.status, 'open'), eq(caseStages.responsibleRole, scope.role));
      order = [asc(caseStages.dueAt)];
      break;
    case 'new_today':
      conds.push(gte(cases.arrivedAt, scope.startOfToday));
      break;
    case 'closed':
      conds.push(eq(cases.status, 'closed'));
      order = [desc(cases.terminatedAt)];
      break;
    case 'all':
      break;
  }
  if (q.q) {
    const needle = q.q.toLowerCase();
    conds.push(
      or(
        sql`${clients.searchText} like ${`%${needle}%`}`,
        sql`${needle} <% ${clients.searchText}`,
        sql`lower(${cases.caseNumber}) = ${needle}`,
      ) as SQL,
    );
  }
  if (q.category) conds.push(sql`${cases.categories} @> array[${q.category}]::text[]`);
  if (q.source) conds.push(eq(cases.source, q.source));
  if (q.stage) conds.push(eq(cases.currentStageKey, q.stage));
  if (q.from) conds.push(gte(cases.arrivedAt, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) conds.push(lt(cases.arrivedAt, new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000)));
  const where = and(...conds);
  const base = db
    .select(summaryFields)
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(caseStages, currentStage)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId));
  const rows = await base
    .where(where)
    .orderBy(...order, desc(cases.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(clients, eq(clients.id, cases.clientId))
    .leftJoin(caseStages, currentStage)
    .where(where);
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
