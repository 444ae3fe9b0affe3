import { meResponse, setupBody, setupStatusResponse } from '../../../shared/contracts/auth.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { sessionCookieOptions, SESSION_COOKIE } from '../../http/session-hook.js';
import { presentMe } from '../auth/auth.service.js';
import { completeSetup, isSetupComplete } from './setup.service.js';

export function registerSetupRoutes(app: ZodApp, { db, config }: AppContext) {
  app.get(
    '/api/setup/status',
    { schema: { tags: ['setup'], summary: 'Whether first-run setup is still open', response: { 200: setupStatusResponse } } },
    async () => ({ needsSetup: !(await isSetupComplete(db)) }),
  );

  app.post(
    '/api/setup',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        summary: 'First-run setup: the Dinas Sosial, its shelter unit and the first administrator. Closed afterwards.',
        body: setupBody,
        response: { 201: meResponse, 400: errorResponse, 409: errorResponse },
      },
    },
    async (req, reply) => {
      // Setup is public by necessity (no users exist yet); once done it refuses every call.
      const { session, actor } = await completeSetup(db, config, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(req, config));
      return reply.status(201).send(presentMe(actor, session.csrfToken));
    },
  );
}
