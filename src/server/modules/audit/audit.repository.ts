import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/contracts/audit.js';
import type { Db } from '../../db/client.js';
import { organizations } from '../organizations/organizations.table.js';
import { users } from '../users/users.table.js';
import { auditLog } from './audit.table.js';

export interface AuditEvent {
  action: AuditAction;
  actorUserId?: string | null;
  organizationId?: string | null;
  entityType?: string;
  entityId?: string;
  changes?: Record<string, unknown> | null;
  ip?: string | null;
}

function auditRow(event: AuditEvent | AuditEventWithSqlChanges) {
  return {
    action: event.action,
    actorUserId: event.actorUserId ?? null,
    organizationId: event.organizationId ?? null,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    changes: event.changes ?? null,
    ip: event.ip ?? null,
  };
}

/** Write one audit row. Call it with the transaction that makes the change. */
export async function insertAuditEvent(tx: Db, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values(auditRow(event));
}

/** An audit event whose `changes` are computed by the statement itself (e.g. a number it assigns). */
export type AuditEventWithSqlChanges = Omit<AuditEvent, 'changes'> & { changes: SQL };

/**
 * Several audit rows as one insert, in the order given, not yet run: await it, or embed it in the
 * statement that makes the change (`db.$with('audit').as(auditInsert(db, events))`), so the rows are
 * written atomically with the change in one round trip.
 */
export function auditInsert(tx: Db, events: (AuditEvent | AuditEventWithSqlChanges)[]) {
  return tx.insert(auditLog).values(events.map(auditRow) as (typeof auditLog.$inferInsert)[]);
}

export interface AuditFilter {
  scopePath: string;
  action?: string;
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Audit rows of organizations inside a scope (by tree path), newest first. */
export async function findAuditEvents(db: Db, f: AuditFilter) {
  const conds: SQL[] = [
    sql`${auditLog.organizationId} in (select ${organizations.id} from ${organizations} where ${organizations.path} = ${f.scopePath} or ${organizations.path} like ${`${f.scopePath}/%`})`,
  ];
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.actorUserId) conds.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conds.push(gte(auditLog.occurredAt, new Date(`${f.from}T00:00:00+07:00`)));
  if (f.to) conds.push(lt(auditLog.occurredAt, new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000)));
  const where = and(...conds);
  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      organizationId: auditLog.organizationId,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { rows, total };
}

/** The changed fields between two versions of a record, as `{ field: [before, after] }`. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const old = before[k];
    const same = old instanceof Date && v instanceof Date ? old.getTime() === v.getTime() : old === v;
    if (!same) out[k] = [old ?? null, v ?? null];
  }
  return out;
}
