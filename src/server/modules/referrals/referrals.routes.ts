import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponse, page, readErrors, writeErrors } from '../../../shared/contracts/common.js';
import {
  cancelReferralBody,
  createReferralBody,
  listReferralsQuery,
  postReferralMessageBody,
  referralDetail,
  referralFileParams,
  referralLetterQuery,
  referralOverview,
  referralParams,
  referralSummary,
  respondReferralBody,
  sendReferralBody,
  updateReferralBody,
} from '../../../shared/contracts/referrals.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { AppError, badRequest } from '../../http/errors.js';
import { contentDisposition, uploadLimitBytes } from '../attachments/attachments.service.js';
import { type AttachmentStorage, createAttachmentStorage, type ReceivedFile } from '../attachments/attachments.storage.js';
import * as service from './referrals.service.js';

const tags = ['referrals'];
const fileBytes = z.unknown().describe('The file, with its Content-Type and Content-Disposition');

/** Referrals: both sides (the sending shelter and the institution) work on the same record. */
export function registerReferralRoutes(app: ZodApp, { db, config }: AppContext) {
  const storage = createAttachmentStorage(config.uploadDir);
  const maxBytes = uploadLimitBytes(config);

  app.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Referrals the user’s side sent or received, newest change first',
        querystring: listReferralsQuery,
        response: { 200: page(referralSummary), ...readErrors, 400: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'referrals.read');
      return service.listReferrals(db, actor, req.query);
    },
  );

  app.get(
    '/api/referrals/overview',
    { schema: { tags, summary: 'Referrals sent, counted by institution and state', response: { 200: referralOverview, ...readErrors } } },
    async (req) => {
      const actor = authorize(req, 'referrals.write');
      return service.referralOverview(db, actor);
    },
  );

  app.post(
    '/api/referrals',
    { schema: { tags, summary: 'Write a referral for a case (a draft)', body: createReferralBody, response: { 201: referralDetail, ...writeErrors } } },
    async (req, reply) => {
      const actor = authorize(req, 'referrals.write');
      const row = await service.createReferral(db, actor, req.body, req.ip);
      return reply.status(201).send(await service.getReferral(db, actor, row.id));
    },
  );

  app.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'A referral as the user’s side sees it, with its thread (the institution sees only the shared part of the client record)',
        params: referralParams,
        response: { 200: referralDetail, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'referrals.read');
      return service.getReferral(db, actor, req.params.id);
    },
  );

  app.patch(
    '/api/referrals/:id',
    { schema: { tags, summary: 'Change a draft referral', params: referralParams, body: updateReferralBody, response: { 200: referralDetail, ...writeErrors } } },
    async (req) => {
      const actor = authorize(req, 'referrals.write');
      await service.updateReferralDraft(db, actor, req.params.id, req.body, req.ip);
      return service.getReferral(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/referrals/:id/send',
    {
      schema: { tags, summary: 'Send a draft: it is numbered and reaches the institution', params: referralParams, body: sendReferralBody, response: { 200: referralDetail, ...writeErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'referrals.write');
      await service.sendReferral(db, actor, req.params.id, req.body.note, req.ip);
      return service.getReferral(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/referrals/:id/cancel',
    { schema: { tags, summary: 'Cancel a referral (draft, sent or accepted)', params: referralParams, body: cancelReferralBody, response: { 200: referralDetail, ...writeErrors } } },
    async (req) => {
      const actor = authorize(req, 'referrals.write');
      await service.cancelReferral(db, actor, req.params.id, req.body.reason, req.ip);
      return service.getReferral(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/referrals/:id/respond',
    {
      schema: {
        tags,
        summary: 'The institution’s answer: accept, decline, hand over (client arrived), complete',
        description: 'Taken by the institution’s officers; the sending shelter records it only when the institution has no account in Singgah.',
        params: referralParams,
        body: respondReferralBody,
        response: { 200: referralDetail, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'referrals.respond');
      await service.respondToReferral(db, actor, req.params.id, req.body, req.ip);
      return service.getReferral(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/referrals/:id/messages',
    {
      schema: { tags, summary: 'Post a message or progress note in the thread', params: referralParams, body: postReferralMessageBody, response: { 201: referralDetail, ...writeErrors } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'referrals.respond');
      await service.postReferralMessage(db, actor, req.params.id, req.body, req.ip);
      return reply.status(201).send(await service.getReferral(db, actor, req.params.id));
    },
  );

  app.get(
    '/api/referrals/:id/letter.pdf',
    {
      schema: {
        tags,
        summary: 'The referral letter (surat rujukan) as a PDF; the download is audited',
        params: referralParams,
        querystring: referralLetterQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('The PDF file'), ...readErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'referrals.read');
      const { pdf, fileName } = await service.renderReferralLetter(db, actor, req.params.id, req.query.lang, req.ip);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
    },
  );

  for (const [segment, source] of [
    ['files', 'thread'],
    ['documents', 'document'],
  ] as const) {
    app.get(
      `/api/referrals/:id/${segment}/:fileId`,
      {
        schema: {
          tags,
          summary: source === 'thread' ? 'Download a file posted in the thread (audited)' : 'Download a case document shared with the institution (audited)',
          params: referralFileParams,
          response: { 200: fileBytes, ...readErrors },
        },
      },
      async (req, reply) => {
        const actor = authorize(req, 'referrals.read');
        const file = await service.openReferralFile(db, storage, actor, req.params.id, req.params.fileId, source, req.ip);
        return reply
          .header('content-type', file.mimeType)
          .header('content-length', file.sizeBytes)
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.stream);
      },
    );
  }

  app.register(async (scope: ZodApp) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 2, fieldSize: 4096, parts: 3 } });
    scope.post(
      '/api/referrals/:id/files',
      {
        schema: {
          tags,
          summary: 'Post a file (JPEG, PNG, WebP or PDF) in the thread, with an optional `caption` field',
          consumes: ['multipart/form-data'],
          params: referralParams,
          response: { 201: referralDetail, ...writeErrors, 413: errorResponse },
        },
      },
      async (req, reply) => {
        const actor = authorize(req, 'referrals.respond');
        const { file, fields } = await receiveOneFile(req, storage, maxBytes, 'file');
        try {
          if (!file) throw badRequest('attachments.file_required', 'file');
          await service.postReferralFile(db, storage, actor, req.params.id, file, fields.caption?.trim().slice(0, 500) || null, req.ip);
        } finally {
          await storage.discard(file);
        }
        return reply.status(201).send(await service.getReferral(db, actor, req.params.id));
      },
    );
  });
}

/** Read a multipart body with at most one file (in `fileField`) and a few short text fields. */
export async function receiveOneFile(req: FastifyRequest, storage: AttachmentStorage, maxBytes: number, fileField: string) {
  if (!req.isMultipart()) throw badRequest('attachments.not_multipart', fileField);
  const fields: Record<string, string> = {};
  let file: (ReceivedFile & { fileName: string }) | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField || file) {
          part.file.resume();
          throw badRequest('attachments.unexpected_file_field', part.fieldname);
        }
        const received = await storage.receive(part.file);
        if (part.file.truncated) {
          await storage.discard(received);
          throw new AppError(413, 'attachments.too_large', { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 }, fileField);
        }
        file = { ...received, fileName: part.filename };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (err) {
    await storage.discard(file);
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'attachments.too_large', { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 }, fileField);
    if (code === 'FST_FILES_LIMIT') throw badRequest('attachments.one_file_only', fileField);
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw badRequest('attachments.too_many_fields');
    throw err;
  }
  return { file, fields };
}
