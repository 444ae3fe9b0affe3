/**
 * The tables of the interchange bundle, in an order where every reference points backwards, with how
 * a row belongs to an organization (for export scope and for the import's scope check), when it last
 * changed (for delta bundles), and which of its columns give the HMIS-style row metadata.
 */
import { getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { caseStages, cases, intakeBatches } from '../cases/cases.table.js';
import {
  belongings,
  followUps,
  healthChecks,
  identityDocumentRequests,
  rehabilitationServices,
  reunifications,
  tracingAttempts,
} from '../casework/casework.table.js';
import { clientFamilyMembers, clients } from '../clients/clients.table.js';
import { organizations } from '../organizations/organizations.table.js';
import { beds, rooms, stays } from '../shelter/shelter.table.js';
import { sopStages, sopVersions } from '../sop/sop.table.js';

export interface BundleTable {
  /** File name without `.csv`, the database table name. */
  name: string;
  table: PgTable & { id: PgColumn };
  /** SQL (over alias `t`) that gives the organization id owning the row. */
  owner: SQL;
  /** SQL (over `t`) for "last changed", compared with `since`. */
  changedAt: SQL;
  /**
   * Columns that point at a row of another bundle table owned by an organization of its own (not
   * through this row's owner): an import may not point them outside the importer's scope.
   */
  references?: { key: string; column: string; table: string }[];
  meta: { created: string | null; updated: string | null; deleted: string | null; user: string | null };
}

const viaCase = sql`(select c.organization_id from cases c where c.id = t.case_id)`;
const caseChanged = (own: string) => sql.raw(`greatest(${own}, (select c.updated_at from cases c where c.id = t.case_id))`);

export const BUNDLE_TABLES: BundleTable[] = [
  { name: 'sop_versions', table: sopVersions, owner: sql`t.organization_id`, changedAt: sql`t.created_at`, meta: { created: 'created_at', updated: null, deleted: null, user: 'created_by' } },
  {
    name: 'sop_stages',
    table: sopStages,
    owner: sql`(select v.organization_id from sop_versions v where v.id = t.sop_version_id)`,
    changedAt: sql`(select v.created_at from sop_versions v where v.id = t.sop_version_id)`,
    meta: { created: null, updated: null, deleted: null, user: null },
  },
  { name: 'intake_batches', table: intakeBatches, owner: sql`t.organization_id`, changedAt: sql`t.created_at`, meta: { created: 'created_at', updated: null, deleted: null, user: 'created_by' } },
  { name: 'clients', table: clients, owner: sql`t.organization_id`, changedAt: sql`t.updated_at`, meta: { created: 'created_at', updated: 'updated_at', deleted: 'deleted_at', user: 'updated_by' } },
  {
    name: 'client_family_members',
    table: clientFamilyMembers,
    owner: sql`(select k.organization_id from clients k where k.id = t.client_id)`,
    changedAt: sql`coalesce(t.deleted_at, t.created_at)`,
    meta: { created: 'created_at', updated: null, deleted: 'deleted_at', user: null },
  },
  {
    name: 'cases',
    table: cases,
    owner: sql`t.organization_id`,
    changedAt: sql`t.updated_at`,
    meta: { created: 'created_at', updated: 'updated_at', deleted: 'deleted_at', user: 'updated_by' },
    references: [
      { key: 'clientId', column: 'client_id', table: 'clients' },
      { key: 'sopVersionId', column: 'sop_version_id', table: 'sop_versions' },
      { key: 'batchId', column: 'batch_id', table: 'intake_batches' },
    ],
  },
  {
    name: 'case_stages',
    table: caseStages,
    owner: viaCase,
    changedAt: sql`(select c.updated_at from cases c where c.id = t.case_id)`,
    meta: { created: 'started_at', updated: 'completed_at', deleted: null, user: 'completed_by' },
    references: [{ key: 'sopStageId', column: 'sop_stage_id', table: 'sop_stages' }],
  },
  { name: 'health_checks', table: healthChecks, owner: viaCase, changedAt: sql`t.created_at`, meta: { created: 'created_at', updated: null, deleted: null, user: 'recorded_by' } },
  { name: 'identity_document_requests', table: identityDocumentRequests, owner: viaCase, changedAt: sql`t.updated_at`, meta: { created: 'created_at', updated: 'updated_at', deleted: null, user: 'created_by' } },
  { name: 'tracing_attempts', table: tracingAttempts, owner: viaCase, changedAt: sql`t.created_at`, meta: { created: 'created_at', updated: null, deleted: null, user: 'recorded_by' } },
  { name: 'rehabilitation_services', table: rehabilitationServices, owner: viaCase, changedAt: sql`t.created_at`, meta: { created: 'created_at', updated: null, deleted: null, user: 'recorded_by' } },
  { name: 'reunifications', table: reunifications, owner: viaCase, changedAt: caseChanged('t.created_at'), meta: { created: 'created_at', updated: null, deleted: null, user: 'recorded_by' } },
  { name: 'follow_ups', table: followUps, owner: viaCase, changedAt: sql`greatest(t.created_at, t.done_at)`, meta: { created: 'created_at', updated: 'done_at', deleted: null, user: 'recorded_by' } },
  { name: 'belongings', table: belongings, owner: viaCase, changedAt: sql`greatest(t.deposited_at, t.returned_at)`, meta: { created: 'deposited_at', updated: 'returned_at', deleted: null, user: 'recorded_by' } },
  { name: 'rooms', table: rooms, owner: sql`t.organization_id`, changedAt: sql`t.created_at`, meta: { created: 'created_at', updated: null, deleted: null, user: null } },
  { name: 'beds', table: beds, owner: sql`(select r.organization_id from rooms r where r.id = t.room_id)`, changedAt: sql`(select r.created_at from rooms r where r.id = t.room_id)`, meta: { created: null, updated: null, deleted: null, user: null } },
  {
    name: 'stays',
    table: stays,
    owner: sql`t.organization_id`,
    changedAt: sql`coalesce(t.discharged_at, t.admitted_at)`,
    meta: { created: 'admitted_at', updated: 'discharged_at', deleted: null, user: 'admitted_by' },
    references: [
      { key: 'caseId', column: 'case_id', table: 'cases' },
      { key: 'bedId', column: 'bed_id', table: 'beds' },
    ],
  },
];

/** The table's columns in order: database name (the CSV header), Drizzle property key, column. */
export function columnsOf(table: PgTable): { name: string; key: string; column: PgColumn }[] {
  return Object.entries(getTableColumns(table)).map(([key, c]) => ({ name: c.name, key, column: c as PgColumn }));
}

const tableName = (bt: BundleTable) => sql.identifier(bt.name);
const inScopeSql = (path: string) => sql`(select o.id from organizations o where o.path = ${path} or o.path like ${`${path}/%`})`;

/** One page of a table's rows in an organization's scope, keyset-paged by id, as raw database rows. */
export async function findBundlePage(db: Db, bt: BundleTable, path: string, since: Date | null, afterId: string | null, limit: number) {
  const conds: SQL[] = [sql`${bt.owner} in ${inScopeSql(path)}`];
  if (since) conds.push(sql`${bt.changedAt} >= ${since.toISOString()}::timestamptz`);
  if (afterId) conds.push(sql`t.id > ${afterId}::uuid`);
  const query = sql`select t.id from ${tableName(bt)} t where ${sql.join(conds, sql` and `)} order by t.id limit ${limit}`;
  const ids = ((await db.execute(query)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(bt.table).where(inArray(bt.table.id, ids));
  const byId = new Map(rows.map((r) => [(r as { id: string }).id, r as Record<string, unknown>]));
  return ids.map((id) => byId.get(id)!);
}

/** Ids (of those given) already stored in a table. */
export async function findExistingIds(db: Db, bt: BundleTable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: bt.table.id }).from(bt.table).where(inArray(bt.table.id, ids));
  return new Set(rows.map((r) => r.id as string));
}

/** Those of the given ids whose rows lie outside an organization's scope. */
export async function findOutsideScope(db: Db, bt: BundleTable, ids: string[], path: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const query = sql`select t.id from ${tableName(bt)} t where t.id in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}) and (${bt.owner} is null or ${bt.owner} not in ${inScopeSql(path)})`;
  return new Set(((await db.execute(query)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/** How many of the given ids lie outside an organization's scope. */
export async function countOutsideScope(db: Db, bt: BundleTable, ids: string[], path: string): Promise<number> {
  return (await findOutsideScope(db, bt, ids, path)).size;
}

/** A table of the bundle by name. */
export function bundleTable(name: string): BundleTable {
  const found = BUNDLE_TABLES.find((bt) => bt.name === name);
  if (!found) throw new Error(`no bundle table ${name}`);
  return found;
}

/** The stored value of one column of the given rows, by id. */
export async function findColumnValues(db: Db, bt: BundleTable, key: string, ids: string[]): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const column = getTableColumns(bt.table)[key] as PgColumn;
  const rows = await db.select({ id: bt.table.id, value: column }).from(bt.table).where(inArray(bt.table.id, ids));
  return new Map(rows.map((r) => [r.id as string, r.value]));
}

/** Insert or update rows by id (the stable key), so a bundle can be imported again without duplicates. */
export async function upsertRows(tx: Db, bt: BundleTable, rows: Record<string, unknown>[]) {
  for (const row of rows) {
    const { id: _id, ...rest } = row;
    await tx.insert(bt.table).values(row).onConflictDoUpdate({ target: bt.table.id, set: rest });
  }
}

/** The organizations of a subtree, for the bundle's reference file. */
export async function findOrganizationsUnder(db: Db, path: string) {
  return db
    .select({ id: organizations.id, parentId: organizations.parentId, kind: organizations.kind, name: organizations.name, regionCode: organizations.regionCode })
    .from(organizations)
    .where(sql`${organizations.path} = ${path} or ${organizations.path} like ${`${path}/%`}`)
    .orderBy(organizations.path);
}
