import { z } from 'zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { bannerQuery, imageQuery, publicationQuery, qrQuery, sopDocumentSettings, sopDocumentSettingsView, whatsappTextView } from '../../../shared/contracts/publications.js';
import { requestOrigin } from '../../documents/html.js';
import { qrSvg } from '../../documents/qr.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { requestLanguage } from '../../http/errors.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import * as repo from './publications.repository.js';
import { loadServiceFacts, presentSopDocument, renderBanner, renderImage, renderLeaflet, renderSopDocument, saveSopDocument, whatsappText } from './publications.service.js';

const tags = ['publications'];
const fileErrors = { 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const fileName = (name: string, slug: string) => `${name}-${slug.replace(/[^a-z0-9-]+/g, '-')}`;

export function registerPublicationRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/publications/banner.pdf',
    {
      schema: {
        tags,
        summary: 'The banner / poster of the service flow (A3 or a 60×160 cm roll banner) with a QR code to the public page',
        querystring: bannerQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('The PDF file'), ...fileErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'publications.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const pdf = await renderBanner(db, actor, org, req.query.size, requestLanguage(req), requestOrigin(req), req.ip);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(`banner-${req.query.size}`, org.id.slice(0, 8))}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/publications/leaflet.pdf',
    {
      schema: { tags, summary: 'The family leaflet (A4): what the shelter does, what happens next, contacts', querystring: publicationQuery, produces: ['application/pdf'], response: { 200: z.any().describe('The PDF file'), ...fileErrors } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'publications.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const pdf = await renderLeaflet(db, actor, org, requestLanguage(req), requestOrigin(req), req.ip);
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="leaflet-keluarga.pdf"').header('cache-control', 'no-store').send(pdf);
    },
  );

  app.get(
    '/api/publications/sop.pdf',
    {
      schema: { tags, summary: 'The SOP document (PermenPANRB 35/2012 layout, landscape A4) from the unit’s current SOP', querystring: publicationQuery, produces: ['application/pdf'], response: { 200: z.any().describe('The PDF file'), ...fileErrors } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'publications.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const pdf = await renderSopDocument(db, actor, org, requestLanguage(req), req.ip);
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="dokumen-sop.pdf"').header('cache-control', 'no-store').send(pdf);
    },
  );

  app.get(
    '/api/publications/image.png',
    {
      schema: { tags, summary: 'A social-media image (PNG): the service flow or this month’s numbers, square 1080×1080 or story 1080×1920', querystring: imageQuery, produces: ['image/png'], response: { 200: z.any().describe('The PNG file'), ...fileErrors } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'publications.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const png = await renderImage(db, actor, org, req.query.kind, req.query.format, requestLanguage(req), requestOrigin(req), req.ip);
      return reply
        .type('image/png')
        .header('content-disposition', `inline; filename="${req.query.kind}-${req.query.format}.png"`)
        .header('cache-control', 'no-store')
        .send(png);
    },
  );

  app.get(
    '/api/publications/whatsapp-text',
    { schema: { tags, summary: 'The family leaflet as a WhatsApp message, with a wa.me share link', querystring: publicationQuery, response: { 200: whatsappTextView, ...fileErrors } } },
    async (req) => {
      const actor = authorize(req, 'publications.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      return whatsappText(db, org, requestLanguage(req), requestOrigin(req));
    },
  );

  app.get(
    '/api/publications/qr.svg',
    { schema: { tags, summary: 'A QR code (SVG) to the unit’s public page or survey', querystring: qrQuery, produces: ['image/svg+xml'], response: { 200: z.any().describe('The SVG image'), ...fileErrors } } },
    async (req, reply) => {
      const actor = authorize(req, 'reports.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const s = await loadServiceFacts(db, org, requestLanguage(req));
      const url = `${requestOrigin(req)}/${req.query.target === 'survey' ? 'survei' : 'layanan'}/${s.slug}`;
      return reply.type('image/svg+xml').header('cache-control', 'no-store').send(qrSvg(url, 320));
    },
  );

  app.get(
    '/api/publications/sop-document',
    { schema: { tags, summary: 'The identity and sections of the unit’s printed SOP (defaults until saved)', querystring: publicationQuery, response: { 200: sopDocumentSettingsView, ...fileErrors } } },
    async (req) => {
      const actor = authorize(req, 'publications.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      return presentSopDocument(org.id, await repo.findSopDocument(db, org.id), requestLanguage(req));
    },
  );

  app.put(
    '/api/publications/sop-document',
    {
      schema: { tags, summary: 'Change the identity and sections of the unit’s printed SOP', querystring: publicationQuery, body: sopDocumentSettings, response: { 200: sopDocumentSettingsView, 400: errorResponse, ...fileErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const row = await saveSopDocument(db, actor, org, req.body, req.ip);
      return presentSopDocument(org.id, row, requestLanguage(req));
    },
  );
}
