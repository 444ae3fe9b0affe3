import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, expectJson, listen, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { buildShelterWorld, type ShelterWorld } from '../../../../tests/support/shelter-fixtures.js';
import type { NotificationList, NotificationView } from '../../../shared/contracts/notifications.js';
import { normalizeIndonesianPhone, whatsappLink } from '../../../shared/whatsapp.js';
import { notifyUsers } from './notifications.service.js';

describe('WhatsApp links (rules)', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['6281234567890', '6281234567890'],
    ['81234567890', '6281234567890'],
    ['(0335) 421234', '62335421234'],
    ['0062812345678', '62812345678'],
    ['12345', null],
    ['+1 415 555 0100', null],
    ['08abc', null],
    ['', null],
    [null, null],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIndonesianPhone(raw)).toBe(expected);
  });

  it('builds a wa.me link with the message prefilled and encoded', () => {
    expect(whatsappLink('0812 3456 7890', 'Halo, aduan ADU-7K3M9Q & lokasi?')).toBe('https://wa.me/6281234567890?text=Halo%2C%20aduan%20ADU-7K3M9Q%20%26%20lokasi%3F');
    expect(whatsappLink('0812 3456 7890')).toBe('https://wa.me/6281234567890');
    expect(whatsappLink('nomor salah', 'x')).toBeNull();
  });
});

/** Read Server-Sent Events from a real HTTP connection until `until` is satisfied. */
function openStream(baseUrl: string, session: TestSession) {
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  let req: http.ClientRequest;
  const ready = new Promise<number>((resolve, reject) => {
    req = http.get(`${baseUrl}/api/notifications/stream`, { headers: { cookie: session.cookie, accept: 'text/event-stream' } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let idx = buffer.indexOf('\n\n');
        while (idx >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          idx = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', reject);
  });
  return {
    events,
    ready,
    async waitFor(pred: (e: { event: string; data: unknown }) => boolean, ms = 5000) {
      const start = Date.now();
      while (Date.now() - start < ms) {
        const found = events.find(pred);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`No matching event within ${ms} ms; got ${JSON.stringify(events)}`);
    },
    close: () => req.destroy(),
  };
}

describe('notifications', () => {
  let app: TestApp;
  let w: ShelterWorld;
  let baseUrl: string;
  let smtp: SMTPServer;
  const mails: { to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    // A local SMTP sink on 127.0.0.1 receives the e-mail copies.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => {
          raw += c.toString('utf8');
        });
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    app = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Singgah <singgah@example.go.id>', PUBLIC_URL: 'https://singgah.example.go.id' } });
    w = await buildShelterWorld(app);
    baseUrl = await listen(app);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  async function notify(userIds: string[], organizationId = w.unitId, vars: Record<string, string> = { code: 'ADU-TEST22', address: 'Terminal Bayuangga' }) {
    const db = app.testDatabase.db;
    return db.transaction((tx) =>
      notifyUsers(tx, userIds, {
        organizationId,
        kind: 'complaint_new',
        titleKey: 'notifications.kinds.complaint_new.title',
        bodyKey: 'notifications.kinds.complaint_new.body',
        vars,
        link: '/complaints',
      }),
    );
  }

  it('a notification reaches the right user only, with an unread count, and can be marked read', async () => {
    const [row] = await notify([w.officer.me.user.id]);
    const mine = expectJson<NotificationList>(await api(app, w.officer).get('/api/notifications'), 200);
    expect(mine.items.map((n) => n.id)).toContain(row.id);
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    const others = expectJson<NotificationList>(await api(app, w.worker).get('/api/notifications'), 200);
    expect(others.items.map((n) => n.id)).not.toContain(row.id);
    const otherDistrict = expectJson<NotificationList>(await api(app, w.other.officer).get('/api/notifications'), 200);
    expect(otherDistrict.items.map((n) => n.id)).not.toContain(row.id);

    // Marking someone else's notification read changes nothing.
    expect(expectJson<{ updated: number }>(await api(app, w.worker).post('/api/notifications/read', { ids: [row.id] }), 200).updated).toBe(0);
    const read = expectJson<{ updated: number; unread: number }>(await api(app, w.officer).post('/api/notifications/read', { ids: [row.id] }), 200);
    expect(read.updated).toBe(1);
    await notify([w.officer.me.user.id]);
    await notify([w.officer.me.user.id]);
    const all = expectJson<{ updated: number; unread: number }>(await api(app, w.officer).post('/api/notifications/read', { all: true }), 200);
    expect(all.updated).toBeGreaterThanOrEqual(2);
    expect(all.unread).toBe(0);
    expect(expectJson<{ unread: number }>(await api(app, w.officer).get('/api/notifications/unread-count'), 200).unread).toBe(0);
  });

  it('an open stream receives a new notification live, over real HTTP; other users’ streams do not', async () => {
    const officer = openStream(baseUrl, w.officer);
    const other = openStream(baseUrl, w.other.officer);
    expect(await officer.ready).toBe(200);
    expect(await other.ready).toBe(200);
    await officer.waitFor((e) => e.event === 'unread');
    const [row] = await notify([w.officer.me.user.id], w.unitId, { code: 'ADU-LIVE22', address: 'Pasar Baru' });
    const got = await officer.waitFor((e) => e.event === 'notification' && (e.data as NotificationView).id === row.id);
    expect(got.data).toMatchObject({ kind: 'complaint_new', vars: { code: 'ADU-LIVE22' }, readAt: null });
    await officer.waitFor((e) => e.event === 'unread' && (e.data as { unread: number }).unread >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(other.events.filter((e) => e.event === 'notification')).toEqual([]);
    officer.close();
    other.close();
  });

  it('nothing is announced when the writing transaction rolls back', async () => {
    const officer = openStream(baseUrl, w.worker);
    await officer.ready;
    await officer.waitFor((e) => e.event === 'unread');
    const db = app.testDatabase.db;
    await expect(
      db.transaction(async (tx) => {
        await notifyUsers(tx, [w.worker.me.user.id], { organizationId: w.unitId, kind: 'general', titleKey: 'notifications.kinds.general.title', vars: { title: 'x', body: 'y' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((r) => setTimeout(r, 300));
    expect(officer.events.filter((e) => e.event === 'notification')).toEqual([]);
    officer.close();
  });

  it('the stream needs a session', async () => {
    const res = await fetch(`${baseUrl}/api/notifications/stream`);
    expect(res.status).toBe(401);
  });

  it('sends an e-mail copy through SMTP to a user with an e-mail address, in their language', async () => {
    const db = app.testDatabase.db;
    const { users } = await import('../users/users.table.js');
    const { eq } = await import('drizzle-orm');
    await db.update(users).set({ email: 'petugas@example.go.id' }).where(eq(users.id, w.head.me.user.id));
    await notify([w.head.me.user.id], w.unitId, { code: 'ADU-MAIL22', address: 'Alun-alun' });
    const start = Date.now();
    while (!mails.some((m) => m.raw.includes('ADU-MAIL22')) && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
    const mail = mails.find((m) => m.raw.includes('ADU-MAIL22'));
    expect(mail?.to).toEqual(['petugas@example.go.id']);
    expect(mail?.raw).toContain('Aduan masyarakat baru ADU-MAIL22');
    expect(mail?.raw).toContain('https://singgah.example.go.id/complaints');
  });

  it('a raid intake notifies the unit’s casework staff when nobody is on duty', async () => {
    const res = await api(app, w.officer).post('/api/intakes/batch', {
      organizationId: w.unitId,
      source: 'satpol_pp_raid',
      broughtByAgency: 'Satpol PP Kota Probolinggo',
      foundLocation: 'Perempatan Jl. Suroyo',
      arrivedAt: new Date().toISOString(),
      categories: ['ppks_12'],
      people: [{ name: 'Pengemis 1' }, { name: 'Pengemis 2' }],
    });
    expect(res.statusCode).toBe(201);
    for (const s of [w.worker, w.head]) {
      const list = expectJson<NotificationList>(await api(app, s).get('/api/notifications', { query: { unread: 'true' } }), 200);
      expect(list.items.find((n) => n.kind === 'raid_intake')?.vars).toMatchObject({ count: 2, location: 'Perempatan Jl. Suroyo' });
    }
    const other = expectJson<NotificationList>(await api(app, w.other.officer).get('/api/notifications'), 200);
    expect(other.items.some((n) => n.kind === 'raid_intake')).toBe(false);
  });

  it('refuses bad input and users without a session', async () => {
    const e = expectError(await api(app, w.officer).post('/api/notifications/read', { ids: ['not-a-uuid'] }), 400);
    expect(e.fields?.[0].field).toContain('ids');
    expectError(await api(app, null).get('/api/notifications'), 401);
  });
});
