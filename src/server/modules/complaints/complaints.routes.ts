import { z } from 'zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  complaintChallenge,
  complaintList,
  complaintParams,
  complaintView,
  createComplaintBody,
  createdComplaint,
  dismissComplaintBody,
  linkCaseBody,
  listComplaintsQuery,
  publicComplaintStatus,
  publicUnit,
  trackingParams,
} from '../../../shared/contracts/complaints.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { badRequest } from '../../http/errors.js';
import { uploadLimitBytes } from '../attachments/attachments.service.js';
import { createAttachmentStorage } from '../attachments/attachments.storage.js';
import { issueChallenge } from './complaints.challenge.js';
import * as repo from './complaints.repository.js';
import * as service from './complaints.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 429: errorResponse };

/** Largest photo on the public form: 5 MB, or the upload limit when that is smaller. */
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Per client IP, per hour: complaints filed (a person rarely files more than a few). */
const FILE_LIMIT = { max: 10, timeWindow: '1 hour' };

/**
 * Community complaints (aduan masyarakat). The public part needs no sign-in and is guarded by per-IP
 * rate limits, a signed challenge, a honeypot field and body-size limits; the officers' part needs
 * `cases.read` / `cases.write` in the unit's scope.
 */
export function registerComplaintRoutes(app: ZodApp, { db, config }: AppContext) {
  const storage = createAttachmentStorage(config.uploadDir);
  const photoMax = Math.min(PHOTO_MAX_BYTES, uploadLimitBytes(config));

  app.get(
    '/api/public/complaints/units',
    { config: { rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { tags: ['complaints'], summary: 'Shelter units that take complaints (public)', response: { 200: z.array(publicUnit) } } },
    async () => repo.findPublicUnits(db),
  );

  app.get(
    '/api/public/complaints/challenge',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { tags: ['complaints'], summary: 'A small question to answer with the complaint (public)', response: { 200: complaintChallenge, 429: errorResponse } } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return issueChallenge(db);
    },
  );

  app.post(
    '/api/public/complaints',
    {
      bodyLimit: 16 * 1024,
      config: { rateLimit: FILE_LIMIT },
      schema: {
        tags: ['complaints'],
        summary: 'File a complaint (public): answers with the tracking code',
        description: 'No sign-in. Answer the challenge from GET /api/public/complaints/challenge; leave `website` empty.',
        body: createComplaintBody,
        response: { 201: createdComplaint, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.fileComplaint(db, req.body, req.ip)),
  );

  app.register(async (scope: ZodApp) => {
    // The photo is sent as the raw image body; only this scope accepts image bodies.
    scope.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: photoMax }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/public/complaints/:code/photo',
      {
        bodyLimit: photoMax,
        config: { rateLimit: FILE_LIMIT },
        schema: {
          tags: ['complaints'],
          summary: 'Add one photo to a complaint just filed (public; the raw JPEG/PNG/WebP as the body)',
          params: trackingParams,
          headers: z.object({ 'x-photo-token': z.string().min(10).max(300) }),
          response: { 204: z.null(), ...errors, 413: errorResponse },
        },
      },
      async (req, reply) => {
        const body = req.body as Buffer | undefined;
        if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('complaints.photo_type', 'photo');
        await service.addComplaintPhoto(db, storage, req.params.code, req.headers['x-photo-token'], body, req.ip);
        return reply.status(204).send(null);
      },
    );
  });

  app.get(
    '/api/public/complaints/:code',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['complaints'], summary: 'The status of a complaint by its tracking code (public; no private details)', params: trackingParams, response: { 200: publicComplaintStatus, ...errors } },
    },
    async (req) => service.publicStatus(db, req.params.code),
  );

  app.get(
    '/api/complaints',
    { schema: { tags: ['complaints'], summary: 'Complaints in scope, newest first, with the average response time', querystring: listComplaintsQuery, response: { 200: complaintList, ...errors } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listComplaints(db, actor, req.query);
    },
  );

  app.get(
    '/api/complaints/:id',
    { schema: { tags: ['complaints'], summary: 'One complaint, with the reporter’s private contact', params: complaintParams, response: { 200: complaintView, ...errors } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getComplaint(db, actor, req.params.id);
    },
  );

  app.get(
    '/api/complaints/:id/photo',
    { schema: { tags: ['complaints'], summary: 'The complaint’s photo', params: complaintParams } },
    async (req, reply) => {
      const actor = authorize(req, 'cases.read');
      const photo = await service.openComplaintPhoto(db, storage, actor, req.params.id, req.ip);
      reply.header('content-type', photo.contentType).header('content-length', photo.sizeBytes).header('cache-control', 'private, no-store');
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(photo.stream);
    },
  );

  app.post(
    '/api/complaints/:id/dismiss',
    { schema: { tags: ['complaints'], summary: 'Dismiss a complaint with a reason (first triage)', params: complaintParams, body: dismissComplaintBody, response: { 200: complaintView, ...errors } } },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.dismissComplaint(db, actor, req.params.id, req.body.reason, req.ip);
    },
  );

  app.post(
    '/api/complaints/:id/link-case',
    { schema: { tags: ['complaints'], summary: 'Link the case opened from this complaint; the complaint is then handled', params: complaintParams, body: linkCaseBody, response: { 200: complaintView, ...errors } } },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.linkComplaintCase(db, actor, req.params.id, req.body.caseId, req.ip);
    },
  );
}
