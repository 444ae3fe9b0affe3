import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../users/users.table.js';
import { type NotificationRow, notifications } from './notifications.table.js';

export type NewNotification = typeof notifications.$inferInsert;

/** Channel of the database's LISTEN/NOTIFY that tells every app server about new notifications. */
export const NOTIFICATION_CHANNEL = 'singgah_notifications';

export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).returning();
}

/**
 * Announce new notifications on the channel. Sent inside the writing transaction, PostgreSQL delivers
 * it only on commit (and never after a rollback), on every connection listening, on every server.
 */
export async function announceNotifications(db: Db, pairs: { id: string; userId: string }[]) {
  // pg_notify payloads must stay under 8000 bytes: about 70 bytes a pair.
  for (let i = 0; i < pairs.length; i += 50) {
    const payload = JSON.stringify(pairs.slice(i, i + 50).map((p) => [p.id, p.userId]));
    await db.execute(sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`);
  }
}

export async function findNotificationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(notifications).where(inArray(notifications.id, ids));
}

export async function findNotificationsOfUser(db: Db, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  const where = opts.unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(opts.limit).offset(opts.offset),
    db.select({ total: count() }).from(notifications).where(where),
  ]);
  return { rows, total };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return n;
}

/** Mark some (or, without ids, all) of the user's unread notifications read; returns how many changed. */
export async function markRead(db: Db, userId: string, ids: string[] | null, at: Date): Promise<number> {
  const conds = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (ids) conds.push(inArray(notifications.id, ids));
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(...conds))
    .returning({ id: notifications.id });
  return rows.length;
}

/** E-mail addresses and languages of active users, for the e-mail copy of a notification. */
export async function findRecipients(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, name: users.name, language: users.language, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.isActive, true)));
}

/** Active users of an organization having one of the roles. */
export async function findActiveUsersWithRoles(db: Db, organizationId: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.isActive, true), inArray(users.role, [...roles])));
}
