import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  attachmentFileQuery,
  attachmentView,
  listAttachmentsQuery,
  updateAttachmentBody,
  uploadAttachmentFields,
} from '../../../shared/contracts/attachments.js';
import { errorResponse, idParams, okResponse, writeErrors } from '../../../shared/contracts/common.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { AppError, badRequest, describeIssue, requestLanguage } from '../../http/errors.js';
import * as service from './attachments.service.js';
import { type AttachmentStorage, createAttachmentStorage } from './attachments.storage.js';

/** A file response: the bytes are streamed as they are (Fastify never serializes a stream). */
const fileBytes = z.unknown().describe('The file, with its Content-Type and Content-Disposition');

/** Text fields an upload may carry besides the file; anything more is refused by the parser. */
const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 4096;

/**
 * Photos and scanned documents of clients and cases. Uploads are multipart; the multipart parser is
 * registered only inside this plugin's scope, so no other route accepts multipart bodies.
 */
export function registerAttachmentRoutes(app: ZodApp, { db, config }: AppContext) {
  const storage = createAttachmentStorage(config.uploadDir);
  const maxBytes = service.uploadLimitBytes(config);

  app.register(async (scope: ZodApp) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1, headerPairs: 100 },
    });

    scope.post(
      '/api/attachments',
      {
        schema: {
          tags: ['attachments'],
          summary: 'Upload a photo or scanned document of a client or case',
          description:
            'multipart/form-data with text fields `clientId` or `caseId` (exactly one), `kind` (photo | document), ' +
            '`caption`, `takenAt` (ISO date-time with offset), and one file in field `file`: JPEG, PNG, WebP or ' +
            `PDF (photos: images only), at most ${maxBytes} bytes. The type is recognised from the content.`,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentView, ...writeErrors, 413: errorResponse },
        },
      },
      async (req, reply) => {
        const actor = authorize(req, 'clients.write');
        const upload = await receiveUpload(req, storage, maxBytes);
        try {
          const parsed = uploadAttachmentFields.safeParse(upload.fields);
          if (!parsed.success) return sendValidationError(req, reply, parsed.error);
          if (!upload.file) throw badRequest('attachments.file_required', 'file');
          const view = await service.createAttachment(db, storage, actor, parsed.data, upload.file, req.ip);
          return reply.status(201).send(view);
        } finally {
          // A kept file has been moved away already; anything else received is thrown away.
          await storage.discard(upload.file);
        }
      },
    );
  });

  app.get(
    '/api/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: "Attachments of a client (from all its cases) or of a case, newest first",
        querystring: listAttachmentsQuery,
        response: { 200: attachmentView.array(), ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'clients.read');
      return service.listAttachments(db, actor, req.query);
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: "An attachment's details",
        params: idParams,
        response: { 200: attachmentView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'clients.read');
      return service.getAttachment(db, actor, req.params.id);
    },
  );

  app.get(
    '/api/attachments/:id/file',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Download the file (audited as attachment.downloaded)',
        params: idParams,
        querystring: attachmentFileQuery,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
        response: { 200: fileBytes, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'clients.read');
      const file = await service.openAttachmentFile(db, storage, actor, req.params.id, 'file', req.ip);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', service.contentDisposition(req.query.inline ? 'inline' : 'attachment', file.fileName))
        // Personal data: never kept in a shared cache, nor in the browser's.
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  app.get(
    '/api/attachments/:id/thumbnail',
    {
      schema: {
        tags: ['attachments'],
        summary: 'A preview of an image attachment (the image itself; the web scales it). Audited.',
        params: idParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: fileBytes, ...writeErrors },
      },
    },
    async (req, reply) => {
      // No image library: sharp would need a native binary outside this project's dependencies, so
      // the preview is the stored image. Never kept by the browser (a client's photo, often a child's,
      // on a shared office PC's disk after logout); a list of photos asks again when shown again.
      const actor = authorize(req, 'clients.read');
      const file = await service.openAttachmentFile(db, storage, actor, req.params.id, 'thumbnail', req.ip);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', service.contentDisposition('inline', file.fileName))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  app.patch(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: "Change an attachment's kind, caption or date",
        params: idParams,
        body: updateAttachmentBody,
        response: { 200: attachmentView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'clients.write');
      return service.updateAttachmentDetails(db, actor, req.params.id, req.body, req.ip);
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Delete an attachment (soft delete, audited; the file is kept on the server)',
        params: idParams,
        response: { 200: okResponse, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'clients.write');
      await service.deleteAttachment(db, actor, req.params.id, req.ip);
      return { ok: true as const };
    },
  );
}

interface ReceivedUpload {
  fields: Record<string, string>;
  file: service.IncomingFile | null;
}

/**
 * Read a multipart upload: the text fields, and the one file (field `file`) streamed to a temporary
 * file. A file over the limit, a second file or too many fields is refused with the field named.
 */
async function receiveUpload(req: FastifyRequest, storage: AttachmentStorage, maxBytes: number): Promise<ReceivedUpload> {
  if (!req.isMultipart()) throw badRequest('attachments.not_multipart', 'file');
  const fields: Record<string, string> = {};
  let file: service.IncomingFile | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest('attachments.unexpected_file_field', part.fieldname);
        }
        const received = await storage.receive(part.file);
        if (part.file.truncated) {
          await storage.discard(received);
          throw tooLarge(maxBytes);
        }
        file = { ...received, fileName: part.filename };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      }
    }
  } catch (err) {
    await storage.discard(file);
    throw multipartError(err, maxBytes);
  }
  return { fields, file };
}

function tooLarge(maxBytes: number) {
  return new AppError(413, 'attachments.too_large', { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 }, 'file');
}

/** The parser's own errors, as this API's errors. */
function multipartError(err: unknown, maxBytes: number): unknown {
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return badRequest('attachments.one_file_only', 'file');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest('attachments.too_many_fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return badRequest('attachments.not_multipart', 'file');
    default:
      return err;
  }
}

/** The one validation-error shape, for the upload's text fields (they are not a JSON body Fastify validates). */
function sendValidationError(req: FastifyRequest, reply: FastifyReply, error: z.ZodError) {
  const lang = requestLanguage(req);
  const fields = error.issues.map((issue) => describeIssue(lang, issue as unknown as Parameters<typeof describeIssue>[1]));
  return reply.status(400).send({ error: { code: 'validation', message: fields.map((f) => f.message).join('; '), fields } });
}
