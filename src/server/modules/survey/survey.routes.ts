import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParams } from '../../../shared/contracts/common.js';
import { slugParams } from '../../../shared/contracts/public-profile.js';
import { surveyPeriodBody, surveyPeriodsQuery, surveyPeriodView, surveyResponseBody, surveyResultsView } from '../../../shared/contracts/survey.js';
import type { Language } from '../../../shared/i18n/index.js';
import { translate } from '../../../shared/i18n/index.js';
import { requestOrigin } from '../../documents/html.js';
import { letterheadFor } from '../../documents/letterhead.js';
import { renderPdf } from '../../documents/pdf.js';
import { surveyReportDefinition } from '../../documents/survey-report.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { describeIssue, requestLanguage } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import { findProfileBySlug } from '../public-profile/public-profile.repository.js';
import { langQuery, publicLanguage } from '../public-profile/public-profile.routes.js';
import { headOf } from '../publications/publications.service.js';
import { organizationTimeZone } from '../roster/roster.service.js';
import { renderSurveyPage, type SurveyPageState } from './survey.page.js';
import {
  computeResults,
  createPeriod,
  DEVICE_COOKIE,
  getReachablePeriod,
  listPeriods,
  newDeviceToken,
  openPeriodFor,
  presentPeriod,
  submitResponse,
  updatePeriod,
} from './survey.service.js';

const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 3600;

function setDeviceCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(DEVICE_COOKIE, token, { path: '/survei', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: DEVICE_COOKIE_MAX_AGE });
}

export function registerSurveyRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/survey/periods',
    {
      schema: {
        tags: ['survey'],
        summary: 'Survey periods of a unit, with their number of responses',
        querystring: surveyPeriodsQuery,
        response: { 200: z.object({ items: z.array(surveyPeriodView) }), 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'reports.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      return { items: await listPeriods(db, org) };
    },
  );

  app.post(
    '/api/survey/periods',
    {
      schema: {
        tags: ['survey'],
        summary: 'Open a survey period for a unit',
        querystring: surveyPeriodsQuery,
        body: surveyPeriodBody,
        response: { 201: surveyPeriodView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'settings.write');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const row = await createPeriod(db, actor, org, req.body, req.ip);
      const items = await listPeriods(db, org);
      return reply.status(201).send(items.find((p) => p.id === row.id) ?? presentPeriod(row, 0, ''));
    },
  );

  app.put(
    '/api/survey/periods/:id',
    {
      schema: {
        tags: ['survey'],
        summary: 'Rename or move the dates of a survey period',
        params: idParams,
        body: surveyPeriodBody,
        response: { 200: surveyPeriodView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      const row = await updatePeriod(db, actor, req.params.id, req.body, req.ip);
      const { org } = await getReachablePeriod(db, actor, row.id);
      return (await listPeriods(db, org)).find((p) => p.id === row.id) ?? presentPeriod(row, 0, '');
    },
  );

  app.get(
    '/api/survey/periods/:id/results',
    {
      schema: {
        tags: ['survey'],
        summary: 'IKM of a period: NRR per element, weighted NRR, IKM and grade, respondents’ profile, suggestions',
        params: idParams,
        response: { 200: surveyResultsView, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'reports.read');
      const { period, org } = await getReachablePeriod(db, actor, req.params.id);
      return computeResults(db, period, org);
    },
  );

  app.get(
    '/api/survey/periods/:id/report.pdf',
    {
      schema: {
        tags: ['survey'],
        summary: 'The survey report (laporan SKM) of a period as PDF; the download is audited',
        params: idParams,
        querystring: langQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('The PDF file'), 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'reports.read');
      const lang = req.query.lang ?? requestLanguage(req);
      const { period, org } = await getReachablePeriod(db, actor, req.params.id);
      const results = await computeResults(db, period, org);
      const parent = org.parentId ? await findOrganizationById(db, org.parentId) : undefined;
      const head = await headOf(db, org);
      const pdf = await renderPdf(
        surveyReportDefinition({
          lang,
          letterhead: await letterheadFor(org, parent, lang),
          results,
          head,
          headPosition: head?.position ?? translate(lang, 'publications.sop.headOf', { unit: org.name }),
          printedAt: new Date(),
          timeZone: await organizationTimeZone(db, org.id),
        }),
      );
      await db.transaction((tx) =>
        insertAuditEvent(tx, {
          action: 'export.downloaded',
          actorUserId: actor.id,
          organizationId: org.id,
          entityType: 'survey_period',
          entityId: period.id,
          changes: { document: 'survey_report', lang },
          ip: req.ip,
        }),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="laporan-skm-${period.startsOn}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // The public form. Form posts arrive url-encoded: the parser is added in this scope only.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    async function pageFor(slug: string, lang: Language) {
      const profile = await findProfileBySlug(db, slug.toLowerCase());
      if (!profile?.isPublished) return undefined;
      const org = await findOrganizationById(db, profile.organizationId);
      return org ? { profile, org, lang } : undefined;
    }

    const notFoundPage = (reply: FastifyReply) => reply.status(404).type('text/plain; charset=utf-8').send('404');

    scope.get(
      '/survei/:slug',
      {
        schema: {
          tags: ['survey'],
          summary: 'Public (no sign-in): the satisfaction survey form of a unit, as HTML',
          params: slugParams,
          querystring: langQuery.extend({ done: z.string().optional() }),
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const lang = publicLanguage(req.query, req.headers['accept-language']);
        const found = await pageFor(req.params.slug, lang);
        if (!found) return notFoundPage(reply);
        let token = req.cookies[DEVICE_COOKIE];
        if (!token) {
          token = newDeviceToken();
          setDeviceCookie(req, reply, token);
        }
        const { period, answered } = await openPeriodFor(db, found.org.id, token);
        const state: SurveyPageState = {
          lang,
          origin: requestOrigin(req),
          slug: found.profile.slug,
          unitName: found.org.name,
          periodName: period?.name ?? null,
          status: !period ? 'closed' : req.query.done ? 'thanks' : answered ? 'answered' : 'form',
        };
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderSurveyPage(state));
      },
    );

    scope.post(
      '/survei/:slug',
      {
        config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
        schema: {
          tags: ['survey'],
          summary: 'Public: submit one questionnaire (form post); one per device per period',
          params: slugParams,
          querystring: langQuery,
          produces: ['text/html'],
        },
      },
      async (req, reply) => {
        const lang = publicLanguage(req.query, req.headers['accept-language']);
        const found = await pageFor(req.params.slug, lang);
        if (!found) return notFoundPage(reply);
        const raw = (req.body ?? {}) as Record<string, string>;
        const base = { lang, origin: requestOrigin(req), slug: found.profile.slug, unitName: found.org.name, values: raw };
        const send = (status: number, state: Partial<SurveyPageState>) =>
          reply
            .status(status)
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .send(renderSurveyPage({ ...base, periodName: null, status: 'form', ...state }));
        const token = req.cookies[DEVICE_COOKIE];
        if (!token || token.length < 20 || token.length > 100) {
          // No device token: the form page sets it; a browser that refuses cookies cannot be counted once.
          setDeviceCookie(req, reply, newDeviceToken());
          return send(400, { message: translate(lang, 'survey.page.cookieNeeded') });
        }
        const parsed = surveyResponseBody.safeParse(raw);
        if (!parsed.success) {
          const errors: Record<string, string> = {};
          for (const issue of parsed.error.issues) {
            const d = describeIssue(lang, issue as never);
            errors[d.field] ??= d.message;
          }
          return send(400, { errors, message: translate(lang, 'survey.page.fixErrors', { fields: Object.keys(errors).join(', ') }) });
        }
        const outcome = await submitResponse(db, found.org.id, token, parsed.data).catch((err: { code?: string }) => {
          if (err.code === 'survey.no_open_period') return 'closed' as const;
          throw err;
        });
        if (outcome === 'closed') return send(409, { status: 'closed' });
        if (outcome === 'already_answered') return send(409, { status: 'answered' });
        return reply.redirect(`/survei/${found.profile.slug}?done=1${lang === 'en' ? '&lang=en' : ''}`, 303);
      },
    );
  });
}
