import { and, desc, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { type ClientRow, clientFamilyMembers, clients } from './clients.table.js';

/**
 * The spellings of the old Indonesian orthography (before 1972, Ejaan Soewandi) folded into the
 * current ones, in this order: many names are still written, and registered, the old way (Soetarno,
 * Djoko, Tjipto, Sjamsul, Njoman, Chairul), and a search must find Sutarno, Joko, Cipto… either way.
 * Applied to the stored search text and to what is searched for; migration 0018 holds the same steps
 * in SQL for the rows written before.
 */
export const OLD_SPELLINGS: readonly (readonly [string, string])[] = [
  ['dj', 'j'],
  ['tj', 'c'],
  ['sj', 'sy'],
  ['nj', 'ny'],
  ['ch', 'kh'],
  ['oe', 'u'],
];

/** Lowercased text with the old spellings folded (see OLD_SPELLINGS). */
export function foldSpelling(text: string): string {
  let out = text.toLowerCase();
  for (const [old, current] of OLD_SPELLINGS) out = out.replaceAll(old, current);
  return out;
}

/** The lowercased text trigram search runs on: name, aliases and NIK, old spellings folded. */
export function clientSearchText(c: { name: string; aliases?: string[] | null; nik?: string | null }): string {
  return foldSpelling([c.name, ...(c.aliases ?? []), c.nik ?? ''].join(' ').replace(/\s+/g, ' ').trim());
}

/**
 * The organizations in scope as one array, computed once before the scan (`= any(array(…))`), so
 * PostgreSQL can put the organization into the search index's condition (clients_org_search_gist_idx
 * leads with it). As an `in (subquery)` join the planner scans the trigram index for every client of
 * the country and intersects afterwards: 20–400 ms instead of 2–5 at a million clients.
 */
function inScopeArray(scopePath: string, includeChildren: boolean): SQL {
  return includeChildren
    ? sql`${clients.organizationId} = any(array(select ${organizations.id} from ${organizations} where ${organizations.path} = ${scopePath} or ${organizations.path} like ${`${scopePath}/%`}))`
    : sql`${clients.organizationId} = any(array(select ${organizations.id} from ${organizations} where ${organizations.path} = ${scopePath}))`;
}

function inScope(scopePath: string, includeChildren: boolean): SQL {
  return includeChildren
    ? sql`${clients.organizationId} in (select ${organizations.id} from ${organizations} where ${organizations.path} = ${scopePath} or ${organizations.path} like ${`${scopePath}/%`})`
    : sql`${clients.organizationId} in (select ${organizations.id} from ${organizations} where ${organizations.path} = ${scopePath})`;
}

/** The insert of a new client with its search text, returning the row: await it or embed it in a larger statement. */
export function insertClientQuery(tx: Db, values: Omit<typeof clients.$inferInsert, 'searchText'>) {
  return tx
    .insert(clients)
    .values({ ...values, searchText: clientSearchText(values) })
    .returning();
}

export async function insertClient(tx: Db, values: Omit<typeof clients.$inferInsert, 'searchText'>): Promise<ClientRow> {
  const [row] = await insertClientQuery(tx, values);
  return row;
}

export async function updateClient(tx: Db, id: string, values: Partial<typeof clients.$inferInsert>, current: ClientRow): Promise<ClientRow> {
  const merged = { ...current, ...values };
  const [row] = await tx
    .update(clients)
    .set({ ...values, searchText: clientSearchText(merged), updatedAt: new Date() })
    .where(eq(clients.id, id))
    .returning();
  return row;
}

export async function findClientWithOrganization(db: Db, id: string) {
  const [row] = await db
    .select({ client: clients, organizationPath: organizations.path })
    .from(clients)
    .innerJoin(organizations, eq(organizations.id, clients.organizationId))
    .where(and(eq(clients.id, id), isNull(clients.deletedAt)));
  return row;
}

/** Other clients in a scope that carry the same NIK. */
export async function findClientsByNik(db: Db, nik: string, scope: { path: string; includeChildren: boolean }, excludeId?: string) {
  const conds = [eq(clients.nik, nik), isNull(clients.deletedAt), inScope(scope.path, scope.includeChildren)];
  if (excludeId) conds.push(ne(clients.id, excludeId));
  return db.select({ id: clients.id, name: clients.name }).from(clients).where(and(...conds)).limit(10);
}

/**
 * Typo-tolerant search by name, alias or NIK: a substring match, or trigram word similarity
 * (`<%`, served by the GIN trigram index), old spellings folded on both sides.
 */
export async function searchClients(db: Db, scope: { path: string; includeChildren: boolean }, q: string, limit: number) {
  const needle = foldSpelling(q);
  const score = sql<number>`word_similarity(${needle}, ${clients.searchText})`;
  // Qualified by hand: inside a one-table select drizzle renders columns unqualified, and a bare
  // "id" in the subquery would mean cases.id (no match, and a scan of every case per result).
  const lastCase = sql<string | null>`(select lc.case_number from cases lc where lc.client_id = "clients"."id" order by lc.arrived_at desc limit 1)`;
  return db
    .select({
      id: clients.id,
      name: clients.name,
      aliases: clients.aliases,
      nik: clients.nik,
      sex: clients.sex,
      birthDate: clients.birthDate,
      lastCaseNumber: lastCase,
      score,
    })
    .from(clients)
    .where(
      and(
        isNull(clients.deletedAt),
        inScopeArray(scope.path, scope.includeChildren),
        sql`(${clients.searchText} like ${`%${needle}%`} or ${needle} <% ${clients.searchText})`,
      ),
    )
    .orderBy(desc(score))
    .limit(limit);
}

export async function findFamilyMembers(db: Db, clientId: string) {
  return db
    .select()
    .from(clientFamilyMembers)
    .where(and(eq(clientFamilyMembers.clientId, clientId), isNull(clientFamilyMembers.deletedAt)))
    .orderBy(clientFamilyMembers.createdAt);
}

export async function insertFamilyMember(tx: Db, values: typeof clientFamilyMembers.$inferInsert) {
  const [row] = await tx.insert(clientFamilyMembers).values(values).returning();
  return row;
}

export async function softDeleteFamilyMember(tx: Db, clientId: string, id: string) {
  const [row] = await tx
    .update(clientFamilyMembers)
    .set({ deletedAt: new Date() })
    .where(and(eq(clientFamilyMembers.id, id), eq(clientFamilyMembers.clientId, clientId), isNull(clientFamilyMembers.deletedAt)))
    .returning();
  return row;
}
