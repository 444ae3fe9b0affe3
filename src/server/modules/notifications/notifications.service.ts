import type { NotificationList, NotificationView } from '../../../shared/contracts/notifications.js';
import { lookup, type Language } from '../../../shared/i18n/index.js';
import { ROLE_PERMISSIONS, ROLES } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { claimNewlyOverdueStages } from '../cases/cases.repository.js';
import { onBatchIntake } from '../cases/cases.service.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { findOnDutyNow } from '../roster/roster.service.js';
import type { Mailer } from './notifications.mailer.js';
import * as repo from './notifications.repository.js';
import type { NotificationRow } from './notifications.table.js';
import { notifications } from './notifications.table.js';
import { and, inArray, isNull } from 'drizzle-orm';

export interface NotificationInput {
  organizationId: string;
  kind: string;
  titleKey: string;
  bodyKey?: string | null;
  vars?: Record<string, string | number | null>;
  link?: string | null;
}

/**
 * Notify users, inside the caller's transaction: the rows are written and announced on the
 * database channel, so open streams on every app server receive them once the transaction commits
 * (and nothing is announced if it rolls back).
 */
export async function notifyUsers(tx: Db, userIds: string[], input: NotificationInput): Promise<NotificationRow[]> {
  const unique = [...new Set(userIds)];
  const rows = await repo.insertNotifications(
    tx,
    unique.map((userId) => ({
      userId,
      organizationId: input.organizationId,
      kind: input.kind,
      titleKey: input.titleKey,
      bodyKey: input.bodyKey ?? null,
      vars: input.vars ?? {},
      link: input.link ?? null,
    })),
  );
  await repo.announceNotifications(
    tx,
    rows.map((r) => ({ id: r.id, userId: r.userId })),
  );
  return rows;
}

/** Roles that do casework (`cases.read`): who hears of new complaints and raids. */
export const CASEWORK_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('cases.read'));

/**
 * Who to tell first about something urgent in a unit: the casework officers on duty now (from the
 * roster); when nobody is on duty, every active casework user of the unit.
 */
export async function findUrgentRecipients(tx: Db, organizationId: string, at = new Date()): Promise<{ userIds: string[]; onDuty: boolean }> {
  const onDuty = await findOnDutyNow(tx, organizationId, at);
  if (onDuty.length > 0) {
    const eligible = await repo.findActiveUsersWithRoles(tx, organizationId, CASEWORK_ROLES);
    const allowed = new Set(eligible.map((u) => u.id));
    const ids = onDuty.map((o) => o.userId).filter((id) => allowed.has(id));
    if (ids.length > 0) return { userIds: ids, onDuty: true };
  }
  const all = await repo.findActiveUsersWithRoles(tx, organizationId, CASEWORK_ROLES);
  return { userIds: all.map((u) => u.id), onDuty: false };
}

/** Notify the on-duty officers first (everyone doing casework when nobody is on duty). */
export async function notifyOnDutyFirst(tx: Db, input: NotificationInput, at = new Date()) {
  const { userIds, onDuty } = await findUrgentRecipients(tx, input.organizationId, at);
  const rows = await notifyUsers(tx, userIds, { ...input, vars: { ...input.vars, onDuty: onDuty ? 1 : 0 } });
  return { rows, onDuty };
}

// A raid intake tells the on-duty officers at once.
onBatchIntake(async (tx, batch) => {
  await notifyOnDutyFirst(tx, {
    organizationId: batch.organizationId,
    kind: 'raid_intake',
    titleKey: 'notifications.kinds.raid_intake.title',
    bodyKey: 'notifications.kinds.raid_intake.body',
    vars: { count: batch.caseIds.length, location: batch.foundLocation ?? '' },
    link: '/cases?list=new_today',
  });
});

export function presentNotification(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    titleKey: r.titleKey,
    bodyKey: r.bodyKey,
    vars: r.vars ?? {},
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

export async function listNotifications(db: Db, userId: string, q: { unread: boolean; limit: number; offset: number }): Promise<NotificationList> {
  const [{ rows, total }, unread] = await Promise.all([
    repo.findNotificationsOfUser(db, userId, { unreadOnly: q.unread, limit: q.limit, offset: q.offset }),
    repo.countUnread(db, userId),
  ]);
  return { items: rows.map(presentNotification), total, unread };
}

export async function markRead(db: Db, userId: string, ids: string[] | null) {
  return db.transaction(async (tx) => {
    const updated = await repo.markRead(tx, userId, ids, new Date());
    return { updated, unread: await repo.countUnread(tx, userId) };
  });
}

/**
 * Send the e-mail copies of announced notifications. Every app server hears every announcement, so
 * each copy is claimed first (`emailed_at`), and only the server whose claim succeeds sends it.
 */
export async function emailNotifications(db: Db, mailer: Mailer, ids: string[], publicUrl?: string) {
  if (ids.length === 0) return 0;
  const claimed = await db
    .update(notifications)
    .set({ emailedAt: new Date() })
    .where(and(inArray(notifications.id, ids), isNull(notifications.emailedAt)))
    .returning();
  if (claimed.length === 0) return 0;
  const recipients = new Map((await repo.findRecipients(db, claimed.map((c) => c.userId))).map((r) => [r.id, r]));
  let sent = 0;
  for (const n of claimed) {
    const to = recipients.get(n.userId);
    if (!to?.email) continue;
    const lang = (to.language === 'en' ? 'en' : 'id') as Language;
    const vars = n.vars ?? {};
    const subject = lookup(lang, n.titleKey, vars) ?? n.titleKey;
    const body = n.bodyKey ? (lookup(lang, n.bodyKey, vars) ?? '') : '';
    const link = n.link && publicUrl ? `\n\n${publicUrl.replace(/\/$/, '')}${n.link}` : '';
    await mailer.send({ to: to.email, subject: `[Singgah] ${subject}`, text: `${body}${link}`.trim() || subject });
    sent++;
  }
  return sent;
}

/**
 * Tell staff about stages that just went past their standard time: the case's assigned worker, or
 * else the active users of the case's organization who hold the stage's responsible role (all
 * casework users when none does). Each stage is announced once; the notice is on the case timeline.
 */
export async function notifyOverdueStages(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await claimNewlyOverdueStages(tx, now);
    for (const stage of claimed) {
      let userIds = stage.assignedWorkerId ? [stage.assignedWorkerId] : [];
      if (userIds.length === 0) {
        // Only a casework role is told (a stage of an SOP saved before its roles were limited may name
        // another, e.g. the administrator, who may not read the client's name in the notice).
        const role = CASEWORK_ROLES.find((r) => r === stage.responsibleRole);
        if (role) userIds = (await repo.findActiveUsersWithRoles(tx, stage.organizationId, [role])).map((u) => u.id);
      }
      if (userIds.length === 0) userIds = (await repo.findActiveUsersWithRoles(tx, stage.organizationId, CASEWORK_ROLES)).map((u) => u.id);
      await notifyUsers(tx, userIds, {
        organizationId: stage.organizationId,
        kind: 'stage_overdue',
        titleKey: 'notifications.kinds.stage_overdue.title',
        bodyKey: 'notifications.kinds.stage_overdue.body',
        vars: { caseNumber: stage.caseNumber, client: stage.clientName, stage: stage.key },
        link: `/cases/${stage.caseId}`,
      });
      await insertAuditEvent(tx, {
        action: 'case.overdue_notified',
        organizationId: stage.organizationId,
        entityType: 'case',
        entityId: stage.caseId,
        changes: { stage: stage.key, notified: userIds.length },
      });
    }
    return claimed.length;
  });
}
