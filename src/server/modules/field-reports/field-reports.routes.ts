import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { errorResponse, idParams, okResponse, page, pagingQuery, writeErrors } from '../../../shared/contracts/common.js';
import {
  acceptFieldReportBody,
  declineFieldReportBody,
  fieldReportView,
  listFieldReportsQuery,
  ownFieldReportView,
  submitFieldReportFields,
} from '../../../shared/contracts/field-reports.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { describeIssue, requestLanguage } from '../../http/errors.js';
import { uploadLimitBytes } from '../attachments/attachments.service.js';
import { createAttachmentStorage } from '../attachments/attachments.storage.js';
import { receiveOneFile } from '../referrals/referrals.routes.js';
import * as service from './field-reports.service.js';

const tags = ['field-reports'];

/** Field reports: social pillars and Satpol PP/police submit; the shelter reviews. */
export function registerFieldReportRoutes(app: ZodApp, { db, config }: AppContext) {
  const storage = createAttachmentStorage(config.uploadDir);
  const maxBytes = uploadLimitBytes(config);

  app.register(async (scope: ZodApp) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 12, fieldSize: 4096, parts: 13 } });
    scope.post(
      '/api/field-reports',
      {
        schema: {
          tags,
          summary: 'Report a person in need from the field (multipart: text fields and an optional `photo`)',
          description: `Fields: ${Object.keys(submitFieldReportFields.shape).join(', ')}; categories comma-separated. Photo: JPEG, PNG or WebP, at most ${maxBytes} bytes.`,
          consumes: ['multipart/form-data'],
          response: { 201: ownFieldReportView, ...writeErrors, 413: errorResponse },
        },
      },
      async (req, reply) => {
        const actor = authorize(req, 'field_reports.submit');
        const { file, fields } = await receiveOneFile(req, storage, maxBytes, 'photo');
        try {
          const parsed = submitFieldReportFields.safeParse(fields);
          if (!parsed.success) {
            const lang = requestLanguage(req);
            const problems = parsed.error.issues.map((issue) => describeIssue(lang, issue as unknown as Parameters<typeof describeIssue>[1]));
            return reply.status(400).send({ error: { code: 'validation', message: problems.map((f) => f.message).join('; '), fields: problems } });
          }
          const view = await service.submitFieldReport(db, storage, actor, parsed.data, file, req.ip);
          return reply.status(201).send(view);
        } finally {
          await storage.discard(file);
        }
      },
    );
  });

  app.get(
    '/api/field-reports/mine',
    { schema: { tags, summary: 'My own reports and what happened to each person (nothing else of the case)', querystring: pagingQuery, response: { 200: page(ownFieldReportView), ...writeErrors } } },
    async (req) => {
      const actor = authorize(req, 'field_reports.submit');
      return service.listOwnFieldReports(db, actor, req.query);
    },
  );

  app.get(
    '/api/field-reports',
    { schema: { tags, summary: 'Field reports for the shelters in scope (pending by default)', querystring: listFieldReportsQuery, response: { 200: page(fieldReportView), ...writeErrors } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listFieldReports(db, actor, req.query);
    },
  );

  app.post(
    '/api/field-reports/:id/accept',
    { schema: { tags, summary: 'Open a case from a pending report', params: idParams, body: acceptFieldReportBody, response: { 201: z.object({ caseId: z.uuid() }), ...writeErrors } } },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.acceptFieldReport(db, actor, req.params.id, req.body, req.ip));
    },
  );

  app.post(
    '/api/field-reports/:id/decline',
    { schema: { tags, summary: 'Decline a pending report, with a reason the submitter sees', params: idParams, body: declineFieldReportBody, response: { 200: okResponse, ...writeErrors } } },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      await service.declineFieldReport(db, actor, req.params.id, req.body.reason, req.ip);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/field-reports/:id/photo',
    { schema: { tags, summary: 'The report’s photo (audited)', params: idParams, response: { 200: z.unknown(), ...writeErrors } } },
    async (req, reply) => {
      const actor = authorize(req, 'cases.read');
      const photo = await service.openFieldReportPhoto(db, storage, actor, req.params.id, req.ip);
      return reply.header('content-type', photo.mimeType).header('content-length', photo.sizeBytes).header('cache-control', 'private, no-store').send(photo.stream);
    },
  );
}
