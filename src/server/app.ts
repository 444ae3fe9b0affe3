import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import type { AppContext, ZodApp } from './http/context.js';
import { AppError, handleError } from './http/errors.js';
import { createFirstScreenHandler, SCRIPT_LOADER_CSP_HASH } from './http/first-screen.js';
import { createSessionHook } from './http/session-hook.js';
import { registerCaseRoutes } from './modules/cases/cases.routes.js';
import { registerFieldReportRoutes } from './modules/field-reports/field-reports.routes.js';
import { registerInstitutionRoutes } from './modules/institutions/institutions.routes.js';
import { registerReferralRoutes } from './modules/referrals/referrals.routes.js';
import { registerCaseworkRoutes } from './modules/casework/casework.routes.js';
import { registerAssessmentReportRoutes } from './modules/assessment-reports/assessment-reports.routes.js';
import { registerCaseConferenceRoutes } from './modules/case-conferences/case-conferences.routes.js';
import { registerLetterRoutes } from './modules/letters/letters.routes.js';
import { registerClientRoutes } from './modules/clients/clients.routes.js';
import { registerFormRoutes } from './modules/forms/forms.routes.js';
import { registerSopRoutes } from './modules/sop/sop.routes.js';
import { registerAttachmentRoutes } from './modules/attachments/attachments.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerOrganizationRoutes } from './modules/organizations/organizations.routes.js';
import { registerRegionRoutes } from './modules/regions/regions.routes.js';
import { registerSetupRoutes } from './modules/setup/setup.routes.js';
import { registerShelterRoutes } from './modules/shelter/shelter.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import { registerReportRoutes } from './modules/reports/reports.routes.js';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { registerInterchangeRoutes } from './modules/interchange/interchange.routes.js';
import { registerPublicProfileRoutes } from './modules/public-profile/public-profile.routes.js';
import { registerPublicationRoutes } from './modules/publications/publications.routes.js';
import { registerSurveyRoutes } from './modules/survey/survey.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerRosterRoutes } from './modules/roster/roster.routes.js';
import { registerComplaintRoutes } from './modules/complaints/complaints.routes.js';

export interface BuildAppOptions {
  database: Database;
  config: AppConfig;
  logger?: boolean;
}

/** A request as the log writes it: method, path without the query string, client address. */
export function requestForLog(req: { method: string; url: string; ip?: string }) {
  return { method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip };
}

/** Build the HTTP application: plugins, security, every route (registered here and only here), the web. */
export async function buildApp({ database, config, logger = false }: BuildAppOptions) {
  const app = Fastify({
    // Request lines are logged without their query string: searches and checks carry names, NIKs and
    // birth dates there (`/api/clients/nik-check?nik=…`), and logs are kept longer and seen by more
    // people than the database.
    logger: logger
      ? {
          level: config.logLevel,
          serializers: { req: requestForLog },
        }
      : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyCookie);
  // Security headers (CSP and the rest) from helmet, built once: @fastify/helmet rebuilt the whole
  // helmet middleware, re-parsing the policy, on every request (~4 % of a worklist request's CPU).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The app's own files, and the first screens' script loader (src/server/http/first-screen.ts).
        scriptSrc: ["'self'", SCRIPT_LOADER_CSP_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind HTTPS; a reverse proxy that terminates TLS sets it.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  // API answers hold personal data: never kept by a browser or a proxy, unless a route says otherwise
  // (the public service page's JSON twin may be cached for a few minutes).
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    done(null, payload);
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Singgah API',
        version: '1',
        description:
          'The REST API of Singgah. Sign in with POST /api/auth/login (session cookie); writes need the `x-csrf-token` header from the login response.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const ctx: AppContext = { database, db: database.db, config };
  app.addHook('onRequest', createSessionHook(database.db, config));

  registerHealthRoutes(app, ctx);
  registerSetupRoutes(app, ctx);
  registerRegionRoutes(app);
  registerAuthRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerSopRoutes(app, ctx);
  registerClientRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseworkRoutes(app, ctx);

  registerShelterRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerRosterRoutes(app, ctx);
  registerComplaintRoutes(app, ctx);
  registerFormRoutes(app, ctx);

  registerLetterRoutes(app, ctx);
  registerAssessmentReportRoutes(app, ctx);
  registerCaseConferenceRoutes(app, ctx);

  registerPublicProfileRoutes(app, ctx);
  registerSurveyRoutes(app, ctx);
  registerPublicationRoutes(app, ctx);

  registerReportRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerInterchangeRoutes(app, ctx);
  registerInstitutionRoutes(app, ctx);
  registerReferralRoutes(app, ctx);
  registerFieldReportRoutes(app, ctx);
  registerWeb(app, ctx);
  return app;
}

/** Cache-Control of the web files: hashed build output never changes under its name; the rest is revalidated. */
function webCacheControl(filePath: string, webDistDir: string): string {
  const relative = path.relative(webDistDir, filePath).split(path.sep).join('/');
  return relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serve the built single-page app; unknown non-API paths get index.html so client routes work. The
 * build writes a Brotli and a gzip copy beside each text file (scripts/vite-precompress.ts), handed
 * out by `accept-encoding` (`preCompressed`); hashed files under /assets/ are cached for a year.
 */
function registerWeb(app: ZodApp, { db, config }: AppContext) {
  const hasWeb = existsSync(path.join(config.webDistDir, 'index.html'));
  if (hasWeb) {
    app.register(fastifyStatic, {
      root: config.webDistDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', webCacheControl(filePath, config.webDistDir));
      },
    });
    // The worklist, drawn by the server for a signed-in user (src/server/http/first-screen.ts).
    app.get('/cases', { schema: { hide: true } }, createFirstScreenHandler(db, config.webDistDir));
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing file under /assets/ (an old chunk after an update) is a 404, not the page as JavaScript.
    const isMissingFile = req.url.startsWith('/api/') || req.url.startsWith('/assets/');
    if (isMissingFile || req.method !== 'GET') return handleError(new AppError(404, 'not_found'), req, reply);
    if (!hasWeb) return reply.type('text/plain').send('The web app is not built yet: run `npm run build`.');
    return reply.sendFile('index.html');
  });
}
