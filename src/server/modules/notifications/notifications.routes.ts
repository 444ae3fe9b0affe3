import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { requestErrors } from '../../../shared/contracts/common.js';
import { listNotificationsQuery, markReadResult, notificationList, unreadCount } from '../../../shared/contracts/notifications.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { findLiveSession } from '../auth/sessions.repository.js';
import { type Announcement, createNotificationBus, type NotificationBus } from './notifications.bus.js';
import { createMailer } from './notifications.mailer.js';
import * as repo from './notifications.repository.js';
import * as service from './notifications.service.js';


/** Seconds between heartbeats on an open stream (proxies drop idle connections after ~30–60 s). */
export const HEARTBEAT_SECONDS = 25;

/** Open event streams on this server, by user. */
class StreamHub {
  private readonly byUser = new Map<string, Set<ServerResponse>>();
  add(userId: string, res: ServerResponse) {
    let set = this.byUser.get(userId);
    if (!set) {
      set = new Set();
      this.byUser.set(userId, set);
    }
    set.add(res);
  }
  remove(userId: string, res: ServerResponse) {
    const set = this.byUser.get(userId);
    set?.delete(res);
    if (set?.size === 0) this.byUser.delete(userId);
  }
  has(userId: string) {
    return this.byUser.has(userId);
  }
  send(userId: string, event: string, data: unknown) {
    for (const res of this.byUser.get(userId) ?? []) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
  closeAll() {
    for (const set of this.byUser.values()) for (const res of set) res.end();
    this.byUser.clear();
  }
}

/**
 * The user's notifications: list, unread count, mark read, and a live Server-Sent Events stream.
 * New notifications reach open streams on every app server through the database channel.
 */
export function registerNotificationRoutes(app: ZodApp, { db, database, config }: AppContext) {
  const hub = new StreamHub();
  const mailer = createMailer(config.smtpUrl, config.smtpFrom);
  let bus: NotificationBus | null = null;
  const heartbeats = new Set<NodeJS.Timeout>();

  const onAnnouncement = async (items: Announcement[]) => {
    try {
      const local = items.filter((i) => hub.has(i.userId));
      if (local.length > 0) {
        const rows = await repo.findNotificationsByIds(db, local.map((i) => i.id));
        for (const row of rows) {
          hub.send(row.userId, 'notification', service.presentNotification(row));
          hub.send(row.userId, 'unread', { unread: await repo.countUnread(db, row.userId) });
        }
      }
      if (mailer) await service.emailNotifications(db, mailer, items.map((i) => i.id), config.publicUrl);
    } catch (err) {
      app.log.warn({ err }, 'delivering notifications failed');
    }
  };

  // Stages past their standard time are announced by a periodic check on every server; the claim in
  // the database makes sure each stage is announced once.
  let overdueTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    bus = await createNotificationBus(database, app.log);
    bus.on((items) => void onAnnouncement(items));
    if (config.overdueCheckSeconds > 0) {
      overdueTimer = setInterval(() => {
        service.notifyOverdueStages(db).catch((err) => app.log.warn({ err }, 'overdue check failed'));
      }, config.overdueCheckSeconds * 1000);
      overdueTimer.unref();
    }
  });
  app.addHook('preClose', async () => {
    if (overdueTimer) clearInterval(overdueTimer);
    for (const t of heartbeats) clearInterval(t);
    heartbeats.clear();
    hub.closeAll();
    await bus?.close();
    mailer?.close();
  });

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, newest first, with the unread count",
        querystring: listNotificationsQuery,
        response: { 200: notificationList, ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'notifications.read');
      return service.listNotifications(db, actor.id, req.query);
    },
  );

  app.get(
    '/api/notifications/unread-count',
    { schema: { tags: ['notifications'], summary: 'How many notifications are unread', response: { 200: unreadCount, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'notifications.read');
      return { unread: await repo.countUnread(db, actor.id) };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read (the listed ids, or all of them when `all` is true)',
        body: z.object({ ids: z.array(z.uuid()).max(200).optional(), all: z.boolean().optional() }),
        response: { 200: markReadResult, ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'notifications.read');
      const ids = req.body.all ? null : (req.body.ids ?? []);
      return service.markRead(db, actor.id, ids);
    },
  );

  app.get(
    '/api/notifications/stream',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Live notifications (Server-Sent Events)',
        description:
          'text/event-stream, authenticated by the session cookie. Events: `unread` ({ unread }) on connect and after each new ' +
          `notification, \`notification\` (a notification). A comment line is sent every ${HEARTBEAT_SECONDS} s; the stream ends when the session does.`,
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'notifications.read');
      const tokenHash = req.auth!.tokenHash;
      const unread = await repo.countUnread(db, actor.id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 5000\nevent: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
      hub.add(actor.id, res);
      const heartbeat = setInterval(async () => {
        // A stream must not outlive its session (logout, expiry, deactivation).
        const live = await findLiveSession(db, tokenHash).catch(() => null);
        if (!live?.user.isActive) res.end();
        else res.write(': heartbeat\n\n');
      }, HEARTBEAT_SECONDS * 1000);
      heartbeat.unref();
      heartbeats.add(heartbeat);
      res.on('close', () => {
        clearInterval(heartbeat);
        heartbeats.delete(heartbeat);
        hub.remove(actor.id, res);
      });
    },
  );
}
