import { EventEmitter } from 'node:events';
import type { Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../../db/client.js';
import { NOTIFICATION_CHANNEL } from './notifications.repository.js';

/** A new notification for a user, as announced on the channel. */
export type Announcement = { id: string; userId: string };

/**
 * Fan-out of new notifications to every app server. App servers keep no shared state: a notification
 * is written with `pg_notify` inside the writer's transaction, and each server LISTENs on the
 * channel — through one dedicated connection on a PostgreSQL server, and through the embedded
 * database's own listen() on PGlite (single process). Listeners get the announcements after commit.
 */
export interface NotificationBus {
  on(listener: (items: Announcement[]) => void): () => void;
  close(): Promise<void>;
}

function parse(payload: string): Announcement[] {
  try {
    const pairs = JSON.parse(payload) as [string, string][];
    return pairs.map(([id, userId]) => ({ id, userId }));
  } catch {
    return [];
  }
}

export async function createNotificationBus(database: Database, log: { warn: (o: object, msg: string) => void }): Promise<NotificationBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const deliver = (payload: string | undefined) => {
    const items = parse(payload ?? '');
    if (items.length) emitter.emit('items', items);
  };
  const on = (listener: (items: Announcement[]) => void) => {
    emitter.on('items', listener);
    return () => emitter.off('items', listener);
  };

  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  if (database.pglite) {
    // PGlite has one session, shared by every statement through the pool's one connection
    // (db/client.ts): LISTEN goes the same way, in turn with the rest, and PGlite hands each
    // notification that arrives with any statement's answer to `deliver`.
    const viaPool = { exec: (text: string) => pool.query(text) } as unknown as Transaction;
    const unlisten = await database.pglite.listen(NOTIFICATION_CHANNEL, deliver, viaPool);
    return {
      on,
      close: async () => {
        if (!database.pglite?.closed) await unlisten(viaPool).catch(() => undefined);
        emitter.removeAllListeners();
      },
    };
  }

  // PostgreSQL: one connection taken from the pool for good, re-established after a failure.
  let client: pg.PoolClient | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    try {
      const c = await pool.connect();
      c.on('notification', (msg) => {
        if (msg.channel === NOTIFICATION_CHANNEL) deliver(msg.payload);
      });
      c.on('error', (err) => {
        log.warn({ err }, 'notification listener connection lost; reconnecting');
        c.release(true);
        if (client === c) client = null;
        if (!closed) retry = setTimeout(connect, 1000);
      });
      await c.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      client = c;
      if (closed) {
        c.release(true);
        client = null;
      }
    } catch (err) {
      log.warn({ err }, 'notification listener could not connect; retrying');
      if (!closed) retry = setTimeout(connect, 2000);
    }
  };
  await connect();
  return {
    on,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      if (client) {
        const c = client;
        client = null;
        await c.query(`UNLISTEN ${NOTIFICATION_CHANNEL}`).catch(() => undefined);
        c.release(true);
      }
      emitter.removeAllListeners();
    },
  };
}
