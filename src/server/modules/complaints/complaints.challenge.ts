import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client.js';
import * as repo from './complaints.repository.js';

/**
 * The public form's anti-bot challenge: a small sum, issued with a signed token and checked without
 * any server state. The HMAC key lives in the database (created on first use), so every app server
 * signs and checks with the same key.
 */

const SECRET_NAME = 'complaint_challenge';
/** A token is valid this long after it was issued… */
export const CHALLENGE_TTL_MS = 30 * 60_000;
/** …and not before this (a person needs a few seconds to read and fill the form). */
export const CHALLENGE_MIN_AGE_MS = 2_000;

let cached: { db: Db; key: Buffer } | null = null;

export async function challengeKey(db: Db): Promise<Buffer> {
  if (cached?.db === db) return cached.key;
  const key = Buffer.from(await repo.ensureSecret(db, SECRET_NAME, randomBytes(32).toString('hex')), 'hex');
  cached = { db, key };
  return key;
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** A new challenge: the question to show, and the token that binds its answer and issue time. */
export async function issueChallenge(db: Db, now = Date.now()) {
  const a = randomInt(2, 10);
  const b = randomInt(2, 10);
  const key = await challengeKey(db);
  const payload = `${now}.${randomBytes(6).toString('base64url')}`;
  return { question: `${a} + ${b}`, token: `${payload}.${sign(key, `${payload}|${a + b}`)}` };
}

export type ChallengeResult = 'ok' | 'wrong' | 'expired' | 'too_fast';

/** Check an answer against its token (pure apart from the key). */
export function verifyChallenge(key: Buffer, token: string, answer: string, now = Date.now()): ChallengeResult {
  const parts = token.split('.');
  if (parts.length !== 3) return 'wrong';
  const [issued, nonce, mac] = parts;
  const issuedAt = Number(issued);
  if (!Number.isFinite(issuedAt)) return 'wrong';
  const expected = Buffer.from(sign(key, `${issued}.${nonce}|${answer.trim()}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'wrong';
  if (now - issuedAt > CHALLENGE_TTL_MS) return 'expired';
  if (now - issuedAt < CHALLENGE_MIN_AGE_MS) return 'too_fast';
  return 'ok';
}

/** A token allowing the reporter to add one photo to the complaint they just filed. */
export function photoToken(key: Buffer, complaintId: string, now = Date.now()): string {
  const payload = `${complaintId}.${now}`;
  return `${payload}.${sign(key, `photo|${payload}`)}`;
}

export function verifyPhotoToken(key: Buffer, token: string, now = Date.now()): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [id, issued, mac] = parts;
  const expected = Buffer.from(sign(key, `photo|${id}.${issued}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (now - Number(issued) > CHALLENGE_TTL_MS) return null;
  return id;
}
