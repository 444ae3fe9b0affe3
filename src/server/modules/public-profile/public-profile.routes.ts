import { z } from 'zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { publicProfileView, publicServiceView, slugParams, upsertPublicProfileBody } from '../../../shared/contracts/public-profile.js';
import { organizationQuery } from '../../../shared/contracts/sop.js';
import { type Language, pickLanguage } from '../../../shared/i18n/index.js';
import { requestOrigin } from '../../documents/html.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import { renderOgImage } from '../publications/publications.service.js';
import { renderPublicServicePage } from './public-profile.page.js';
import * as repo from './public-profile.repository.js';
import { loadPublicService, presentProfile, savePublicProfile } from './public-profile.service.js';

export const langQuery = z.object({ lang: z.enum(['id', 'en']).optional() });

/** The language of a public page: `?lang=`, else the browser's Accept-Language (Indonesian by default). */
export function publicLanguage(query: { lang?: Language }, acceptLanguage: string | undefined): Language {
  return query.lang ?? pickLanguage(acceptLanguage);
}

export function registerPublicProfileRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/public-profile',
    {
      schema: {
        tags: ['public'],
        summary: 'The public page settings of a shelter unit (null profile when not set up yet)',
        querystring: organizationQuery,
        response: { 200: publicProfileView, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'organizations.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      return presentProfile(org, await repo.findProfileByOrganization(db, org.id));
    },
  );

  app.put(
    '/api/public-profile',
    {
      schema: {
        tags: ['public'],
        summary: 'Create or change the public page of a shelter unit',
        querystring: organizationQuery,
        body: upsertPublicProfileBody,
        response: { 200: publicProfileView, 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const row = await savePublicProfile(db, actor, org, req.body, req.ip);
      return presentProfile(org, row);
    },
  );

  app.get(
    '/api/public/services/:slug',
    {
      schema: {
        tags: ['public'],
        summary: 'Public (no sign-in): a unit’s service, its flow from the current SOP and this year’s aggregate numbers',
        params: slugParams,
        querystring: langQuery,
        response: { 200: publicServiceView, 404: errorResponse },
      },
    },
    async (req, reply) => {
      const lang = publicLanguage(req.query, req.headers['accept-language']);
      const s = await loadPublicService(db, req.params.slug, lang);
      reply.header('cache-control', 'public, max-age=300');
      const { organizationId: _o, isOnDutyNow: _d, stagesDetailed: _s, ...view } = s;
      return view;
    },
  );

  // The public page itself: server-rendered HTML (registered before the web app's fallback).
  app.get(
    '/layanan/:slug',
    {
      schema: {
        tags: ['public'],
        summary: 'Public (no sign-in): the service page of a unit, as HTML',
        params: slugParams,
        querystring: langQuery,
        produces: ['text/html'],
      },
    },
    async (req, reply) => {
      const lang = publicLanguage(req.query, req.headers['accept-language']);
      const s = await loadPublicService(db, req.params.slug, lang);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'accept-language')
        .send(renderPublicServicePage(s, lang, requestOrigin(req)));
    },
  );

  app.get(
    '/layanan/:slug/og.png',
    {
      schema: {
        tags: ['public'],
        summary: 'Public: the link-preview image (1200×630 PNG) of a unit’s service page',
        params: slugParams,
        querystring: langQuery,
        produces: ['image/png'],
      },
    },
    async (req, reply) => {
      const lang = publicLanguage(req.query, req.headers['accept-language']);
      const s = await loadPublicService(db, req.params.slug, lang);
      return reply.type('image/png').header('cache-control', 'public, max-age=3600').send(renderOgImage(s, lang, requestOrigin(req)));
    },
  );
}
