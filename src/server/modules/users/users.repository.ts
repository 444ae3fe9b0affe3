import { and, asc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { type UserRow, users } from './users.table.js';

export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  return row;
}

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, username));
  return row;
}

export interface UserListFilter {
  scopePath: string;
  includeChildren: boolean;
  q?: string;
  organizationId?: string;
  limit: number;
  offset: number;
}

export async function findUsersInScope(db: Db, f: UserListFilter) {
  const conds: SQL[] = [
    f.includeChildren
      ? (or(eq(organizations.path, f.scopePath), like(organizations.path, `${f.scopePath}/%`)) as SQL)
      : eq(organizations.path, f.scopePath),
  ];
  if (f.q) conds.push(or(ilike(users.name, `%${f.q}%`), ilike(users.username, `%${f.q}%`)) as SQL);
  if (f.organizationId) conds.push(eq(users.organizationId, f.organizationId));
  const where = and(...conds);
  const rows = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(asc(users.name))
    .limit(f.limit)
    .offset(f.offset);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where);
  return { rows, total };
}

export async function insertUser(tx: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row;
}

/** The account's failed-login count and lock, read with the row locked until the transaction ends. */
export async function lockLoginState(tx: Db, id: string) {
  const [row] = await tx.select({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function updateUser(tx: Db, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return n;
}
