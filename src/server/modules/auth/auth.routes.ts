import { changePasswordBody, languageBody, loginBody, meResponse } from '../../../shared/contracts/auth.js';
import { errorResponse, okResponse } from '../../../shared/contracts/common.js';
import { requireActor } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../http/session-hook.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { updateUser } from '../users/users.repository.js';
import { changePassword, login, presentMe } from './auth.service.js';
import { deleteSession } from './sessions.repository.js';

export function registerAuthRoutes(app: ZodApp, { db, config }: AppContext) {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: loginBody,
        response: { 200: meResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse, 423: errorResponse },
      },
    },
    async (req, reply) => {
      const { session, actor } = await login(db, config, req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(req, config));
      return presentMe(actor, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okResponse } } },
    async (req, reply) => {
      if (req.auth) {
        const actor = req.auth.user;
        await db.transaction(async (tx) => {
          await deleteSession(tx, req.auth!.tokenHash);
          await insertAuditEvent(tx, {
            action: 'auth.logout',
            actorUserId: actor.id,
            organizationId: actor.organizationId,
            entityType: 'user',
            entityId: actor.id,
            ip: req.ip,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meResponse, 401: errorResponse } } },
    async (req) => {
      const actor = requireActor(req);
      return presentMe(actor, req.auth!.csrfToken);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password',
        body: changePasswordBody,
        response: { 200: meResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const result = await changePassword(db, config, actor, req.body.currentPassword, req.body.newPassword, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.session.token, sessionCookieOptions(req, config));
      return presentMe(result.actor, result.session.csrfToken);
    },
  );

  app.put(
    '/api/auth/language',
    {
      schema: {
        tags: ['auth'],
        summary: 'Save the interface language of the signed-in user',
        body: languageBody,
        response: { 200: okResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction(async (tx) => {
        await updateUser(tx, actor.id, { language: req.body.language });
        await insertAuditEvent(tx, {
          action: 'user.updated',
          actorUserId: actor.id,
          organizationId: actor.organizationId,
          entityType: 'user',
          entityId: actor.id,
          changes: { language: [actor.language, req.body.language] },
          ip: req.ip,
        });
      });
      return { ok: true as const };
    },
  );
}
