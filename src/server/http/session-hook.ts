import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { toActor } from '../modules/auth/auth.service.js';
import { findLiveSession, hashToken, touchSession } from '../modules/auth/sessions.repository.js';
import { AppError } from './errors.js';
import { isFirstScreenRequest } from './first-screen.js';

export const SESSION_COOKIE = 'singgah_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie options: HttpOnly and SameSite always, Secure whenever the request came over HTTPS. */
export function sessionCookieOptions(req: FastifyRequest, config: AppConfig) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
    maxAge: config.sessionIdleMinutes * 60,
  };
}

/**
 * Loads the session from its cookie before every /api request (and the pages the server draws,
 * src/server/http/first-screen.ts), and guards writes against cross-site
 * request forgery: a signed-in write must carry the session's CSRF token in `x-csrf-token`, and any
 * write whose Origin names another site is refused.
 */
export function createSessionHook(db: Db, config: AppConfig) {
  async function loadSession(req: FastifyRequest, reply: FastifyReply) {
    const isWrite = !SAFE_METHODS.has(req.method);
    if (isWrite) {
      const origin = req.headers.origin;
      if (origin && origin !== 'null') {
        const host = req.headers['x-forwarded-host'] ?? req.headers.host;
        if (new URL(origin).host !== host) throw new AppError(403, 'auth.csrf');
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const found = await findLiveSession(db, tokenHash);
    if (!found?.user.isActive) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.auth = { user: toActor(found.user, found.organization), tokenHash, csrfToken: found.session.csrfToken };
    if (isWrite && req.headers['x-csrf-token'] !== found.session.csrfToken) throw new AppError(403, 'auth.csrf');
    // Slide the idle window, at most once a minute per session to keep reads cheap.
    if (Date.now() - found.session.lastSeenAt.getTime() > 60_000) {
      await touchSession(db, tokenHash, config.sessionIdleMinutes);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, config));
    }
  }

  return async function sessionHook(req: FastifyRequest, reply: FastifyReply) {
    if (req.url.startsWith('/api/')) return loadSession(req, reply);
    if (!isFirstScreenRequest(req.method, req.url)) return;
    // A page the server draws is only a head start: when the session cannot be read (the database is
    // unreachable), the plain app page is sent as before, and the app reports the problem itself.
    try {
      await loadSession(req, reply);
    } catch (error) {
      req.auth = undefined;
      req.log.error({ err: error }, 'the session could not be read for a page the server draws');
    }
  };
}
