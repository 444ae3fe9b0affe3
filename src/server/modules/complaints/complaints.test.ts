import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, expectJson, request, type TestApp } from '../../../../tests/support/app.js';
import { buildShelterWorld, receiveClient, type ShelterWorld } from '../../../../tests/support/shelter-fixtures.js';
import type { ComplaintList, ComplaintView, CreatedComplaint, PublicComplaintStatus } from '../../../shared/contracts/complaints.js';
import type { NotificationList } from '../../../shared/contracts/notifications.js';
import { zonedInstant } from '../roster/roster-time.js';
import { challengeKey, issueChallenge, verifyChallenge } from './complaints.challenge.js';
import { newTrackingCode, responseMinutes } from './complaints.service.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5dd8d2c0000000049454e44ae426082', 'hex');

describe('complaint rules', () => {
  it('tracking codes are short and never use look-alike characters', () => {
    for (let i = 0; i < 500; i++) expect(newTrackingCode()).toMatch(/^ADU-[2-9A-HJKMNP-Z]{6}$/);
  });

  it('response time is received → first triage, in minutes', () => {
    expect(responseMinutes({ receivedAt: new Date('2026-03-01T10:00:00Z'), triagedAt: new Date('2026-03-01T10:17:40Z') })).toBe(18);
    expect(responseMinutes({ receivedAt: new Date('2026-03-01T10:00:00Z'), triagedAt: null })).toBeNull();
  });

  it.each([
    ['the right answer, after a few seconds', 12, 5_000, 'ok'],
    ['a wrong answer', 13, 5_000, 'wrong'],
    ['an answer sent too fast', 12, 500, 'too_fast'],
    ['an answer after the token expired', 12, 31 * 60_000, 'expired'],
  ])('the challenge: %s', (_name, answer, delay, expected) => {
    const key = Buffer.alloc(32, 7);
    const issued = 1_000_000;
    const payload = `${issued}.abc`;
    const token = `${payload}.${createHmac('sha256', key).update(`${payload}|12`).digest('base64url')}`;
    expect(verifyChallenge(key, token, String(answer), issued + delay)).toBe(expected);
    expect(verifyChallenge(Buffer.alloc(32, 8), token, '12', issued + 5000)).toBe('wrong');
  });
});

describe('community complaints', () => {
  let app: TestApp;
  let w: ShelterWorld;
  let ipCounter = 0;
  const nextIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

  beforeAll(async () => {
    app = await createTestApp();
    w = await buildShelterWorld(app);
  });
  afterAll(() => app?.close());

  /** A solved challenge, issued a few seconds ago (a person needs a moment to fill the form). */
  async function solved() {
    const c = await issueChallenge(app.testDatabase.db, Date.now() - 5000);
    const [a, b] = c.question.split(' + ').map(Number);
    return { challengeToken: c.token, challengeAnswer: String(a + b) };
  }

  async function file(overrides: Record<string, unknown> = {}, ip = nextIp()) {
    return request(
      app,
      null,
      'POST',
      '/api/public/complaints',
      {
        organizationId: w.unitId,
        description: 'Seorang bapak tua tidur di emperan toko, tampak bingung dan kedinginan.',
        address: 'Depan Pasar Baru, Jl. Dr. Sutomo',
        latitude: -7.7543,
        longitude: 113.2159,
        seenAt: new Date().toISOString(),
        reporterName: 'Bu Ani',
        reporterPhone: '0812 3456 7890',
        ...(await solved()),
        ...overrides,
      },
      { remoteAddress: ip },
    );
  }

  it('a member of the public files a complaint without signing in and gets a tracking code; the status page shows nothing private', async () => {
    const created = expectJson<CreatedComplaint>(await file(), 201);
    expect(created.trackingCode).toMatch(/^ADU-[2-9A-HJKMNP-Z]{6}$/);
    const res = await request(app, null, 'GET', `/api/public/complaints/${created.trackingCode.toLowerCase()}`);
    const status = expectJson<PublicComplaintStatus>(res, 200);
    expect(status).toMatchObject({ trackingCode: created.trackingCode, status: 'new', triagedAt: null });
    expect(Object.keys(status).sort()).toEqual(['receivedAt', 'status', 'trackingCode', 'triagedAt', 'unitName']);
    expect(res.body).not.toContain('Bu Ani');
    expect(res.body).not.toContain('0812');
    expect(res.body).not.toContain('Pasar Baru');
    expectError(await request(app, null, 'GET', '/api/public/complaints/ADU-ZZZZZZ'), 404);
    expectError(await request(app, null, 'GET', '/api/public/complaints/ADU-0OIL11'), 400);
  });

  it('the on-duty officer is told first; casework staff of the unit when nobody is on duty; never another district', async () => {
    // Nobody on duty: every casework user of the unit.
    const first = expectJson<CreatedComplaint>(await file(), 201);
    for (const s of [w.officer, w.worker, w.head]) {
      const list = expectJson<NotificationList>(await api(app, s).get('/api/notifications'), 200);
      expect(list.items.some((n) => n.vars.code === first.trackingCode)).toBe(true);
    }
    // Now the social worker is on duty around the clock: only they hear of the next one.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const yesterday = new Date(zonedInstant(today, '12:00', 'Asia/Jakarta').getTime() - 86_400_000).toISOString().slice(0, 10);
    for (const d of [yesterday, today])
      expectJson(await api(app, w.head).post('/api/roster/shifts', { organizationId: w.unitId, shiftDate: d, startTime: '00:00', endTime: '00:00', officerUserId: w.worker.me.user.id }), 201);
    const second = expectJson<CreatedComplaint>(await file(), 201);
    const worker = expectJson<NotificationList>(await api(app, w.worker).get('/api/notifications'), 200);
    expect(worker.items.find((n) => n.vars.code === second.trackingCode)?.vars.onDuty).toBe(1);
    const officer = expectJson<NotificationList>(await api(app, w.officer).get('/api/notifications'), 200);
    expect(officer.items.some((n) => n.vars.code === second.trackingCode)).toBe(false);
    const other = expectJson<NotificationList>(await api(app, w.other.officer).get('/api/notifications'), 200);
    expect(other.items.some((n) => n.vars.code === first.trackingCode || n.vars.code === second.trackingCode)).toBe(false);
  });

  it('refuses a wrong challenge answer, a filled honeypot, and bad input naming the field', async () => {
    const wrong = expectError(await file({ challengeAnswer: '999' }), 400);
    expect(wrong.code).toBe('complaints.challenge_wrong');
    expect(wrong.fields?.map((f) => f.field)).toContain('challengeAnswer');
    expect(expectError(await file({ website: 'http://spam.example' }), 400).code).toBe('complaints.rejected');
    const bad = expectError(await file({ description: 'pendek' }), 400);
    expect(bad.fields?.map((f) => f.field)).toContain('description');
    const badPhone = expectError(await file({ reporterPhone: 'telepon saya' }), 400);
    expect(badPhone.fields?.map((f) => f.field)).toContain('reporterPhone');
    // A sign-in is not a way around the checks, and an oversized body is refused.
    const huge = await request(app, null, 'POST', '/api/public/complaints', { description: 'x'.repeat(40_000) }, { remoteAddress: nextIp() });
    expect(huge.statusCode).toBe(413);
  });

  it('limits how many complaints one address files', async () => {
    const ip = '10.77.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await file({}, ip)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('the reporter adds one photo, checked by its bytes; officers can see it', async () => {
    const created = expectJson<CreatedComplaint>(await file(), 201);
    const send = (body: Buffer, type: string, token = created.photoToken) =>
      app.inject({ method: 'POST', url: `/api/public/complaints/${created.trackingCode}/photo`, payload: body, headers: { 'content-type': type, 'x-photo-token': token }, remoteAddress: nextIp() });
    const fake = await send(Buffer.from('%PDF-1.4 not an image'), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect((await send(PNG, 'image/png', `${created.photoToken}x`)).statusCode).toBe(403);
    expect((await send(PNG, 'image/png')).statusCode).toBe(204);
    expect((await send(PNG, 'image/png')).statusCode).toBe(409);
    const tooBig = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]);
    expect((await send(tooBig, 'image/png')).statusCode).toBe(413);
    const list = expectJson<ComplaintList>(await api(app, w.officer).get('/api/complaints', { query: { status: 'new' } }), 200);
    const item = list.items.find((c) => c.trackingCode === created.trackingCode)!;
    expect(item.hasPhoto).toBe(true);
    const photo = await api(app, w.officer).get(`/api/complaints/${item.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    // The photo is recorded in the audit log once (the refused tries wrote nothing).
    const audit = expectJson<{ items: { action: string; changes: Record<string, unknown> | null }[] }>(
      await api(app, w.head).get('/api/audit', { query: { entityType: 'complaint', entityId: item.id } }),
      200,
    );
    expect(audit.items.filter((a) => a.action === 'complaint.photo_added').map((a) => a.changes)).toEqual([{ contentType: 'image/png', sizeBytes: PNG.length }]);
  });

  it('an officer turns a complaint into an intake and links the case; the public status shows it was handled', async () => {
    const created = expectJson<CreatedComplaint>(await file(), 201);
    const list = expectJson<ComplaintList>(await api(app, w.officer).get('/api/complaints'), 200);
    const complaint = list.items.find((c) => c.trackingCode === created.trackingCode)!;
    expect(complaint).toMatchObject({ status: 'new', reporterName: 'Bu Ani', reporterPhone: '0812 3456 7890', responseMinutes: null });
    const c = await receiveClient(app, w.officer, w.unitId, { source: 'community_complaint', foundLocation: complaint.address });
    const linked = expectJson<ComplaintView>(await api(app, w.officer).post(`/api/complaints/${complaint.id}/link-case`, { caseId: c.id }), 200);
    expect(linked).toMatchObject({ status: 'handled', caseId: c.id });
    expect(linked.responseMinutes).not.toBeNull();
    const pub = expectJson<PublicComplaintStatus>(await request(app, null, 'GET', `/api/public/complaints/${created.trackingCode}`), 200);
    expect(pub.status).toBe('handled');
    expect(pub.triagedAt).not.toBeNull();
    // The case timeline shows where it came from.
    const audit = expectJson<{ items: { action: string }[] }>(await api(app, w.admin).get('/api/audit', { query: { entityType: 'case', entityId: c.id } }), 200);
    expect(audit.items.map((i) => i.action)).toContain('complaint.case_linked');
    // Linking another case is refused.
    const c2 = await receiveClient(app, w.officer, w.unitId);
    expectError(await api(app, w.officer).post(`/api/complaints/${complaint.id}/link-case`, { caseId: c2.id }), 409);
  });

  it('an officer dismisses a complaint with a reason; the response time is measured and audited', async () => {
    const created = expectJson<CreatedComplaint>(await file(), 201);
    const list = expectJson<ComplaintList>(await api(app, w.worker).get('/api/complaints', { query: { status: 'new' } }), 200);
    const complaint = list.items.find((c) => c.trackingCode === created.trackingCode)!;
    const e = expectError(await api(app, w.worker).post(`/api/complaints/${complaint.id}/dismiss`, { reason: '' }), 400);
    expect(e.fields?.map((f) => f.field)).toContain('reason');
    const dismissed = expectJson<ComplaintView>(await api(app, w.worker).post(`/api/complaints/${complaint.id}/dismiss`, { reason: 'Sudah ditangani keluarganya' }), 200);
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'Sudah ditangani keluarganya', responseMinutes: 0 });
    expectError(await api(app, w.worker).post(`/api/complaints/${complaint.id}/dismiss`, { reason: 'lagi' }), 409);
    const audit = expectJson<{ items: { action: string; changes: Record<string, unknown> }[] }>(await api(app, w.admin).get('/api/audit', { query: { entityType: 'complaint', entityId: complaint.id } }), 200);
    expect(audit.items.map((i) => i.action).sort()).toEqual(['complaint.dismissed', 'complaint.received']);
    const after = expectJson<ComplaintList>(await api(app, w.worker).get('/api/complaints'), 200);
    expect(after.averageResponseMinutes).not.toBeNull();
  });

  it('another district sees none of it (404), and roles without casework are refused (403)', async () => {
    const created = expectJson<CreatedComplaint>(await file(), 201);
    const complaint = expectJson<ComplaintList>(await api(app, w.officer).get('/api/complaints'), 200).items.find((c) => c.trackingCode === created.trackingCode)!;
    const theirs = expectJson<ComplaintList>(await api(app, w.other.officer).get('/api/complaints'), 200);
    expect(theirs.items.some((c) => c.id === complaint.id)).toBe(false);
    expectError(await api(app, w.other.officer).get(`/api/complaints/${complaint.id}`), 404);
    expectError(await api(app, w.other.officer).post(`/api/complaints/${complaint.id}/dismiss`, { reason: 'bukan wilayah kami' }), 404);
    const theirCase = await receiveClient(app, w.other.officer, w.other.unitId);
    expectError(await api(app, w.officer).post(`/api/complaints/${complaint.id}/link-case`, { caseId: theirCase.id }), 404);
    expectError(await api(app, w.viewer).get('/api/complaints'), 403);
    expectError(await api(app, w.admin).post(`/api/complaints/${complaint.id}/dismiss`, { reason: 'admin' }), 403);
  });

  it('every app server signs challenges with the same key from the database', async () => {
    const key = await challengeKey(app.testDatabase.db);
    const c = await issueChallenge(app.testDatabase.db, Date.now() - 5000);
    const [a, b] = c.question.split(' + ').map(Number);
    expect(verifyChallenge(key, c.token, String(a + b))).toBe('ok');
    const challenge = expectJson<{ question: string; token: string }>(await request(app, null, 'GET', '/api/public/complaints/challenge'), 200);
    expect(challenge.question).toMatch(/^\d \+ \d$/);
  });
});
