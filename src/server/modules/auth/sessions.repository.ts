import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { sessions } from './sessions.table.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Create a session; returns the cookie token (never stored) and the CSRF token. */
export async function insertSession(
  tx: Db,
  userId: string,
  idleMinutes: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + idleMinutes * 60_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

function prepareFindLiveSession(db: Db) {
  return db
    .select({ session: sessions, user: users, organization: organizations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`)))
    .prepare('find_live_session');
}
const findLiveSessionStatements = new WeakMap<Db, ReturnType<typeof prepareFindLiveSession>>();

/**
 * The live session for a token hash with its user and organization, if any. Every signed-in request
 * asks this, so it is a prepared statement (built once per database handle; PostgreSQL plans it once
 * per connection), and "live" is judged by the database's clock, the one all app servers share.
 */
export async function findLiveSession(db: Db, tokenHash: string) {
  let statement = findLiveSessionStatements.get(db);
  if (!statement) {
    statement = prepareFindLiveSession(db);
    findLiveSessionStatements.set(db, statement);
  }
  const [row] = await statement.execute({ tokenHash });
  return row;
}

/** Slide the inactivity window forward. */
export async function touchSession(db: Db, tokenHash: string, idleMinutes: number) {
  const now = new Date();
  await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMinutes * 60_000) })
    .where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
