import { z } from 'zod';

/** A photo of the client (as found, on arrival, on return home) or a scanned document (letters, ID). */
export const ATTACHMENT_KINDS = ['photo', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** File types accepted, recognised by their first bytes, never by the name or the declared type. */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** Which file types each kind takes: a photo must be an image, a document may be a PDF or a scan as an image. */
export const KIND_MIME_TYPES: Record<AttachmentKind, readonly AttachmentMimeType[]> = {
  photo: ['image/jpeg', 'image/png', 'image/webp'],
  document: ATTACHMENT_MIME_TYPES,
};

/** Default upload limit; the server's UPLOAD_MAX_BYTES overrides it. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export const attachmentView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  clientId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string().describe('The name the file was uploaded with (for display and downloads only)'),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES).describe('Detected from the file content'),
  sizeBytes: z.number().int(),
  caption: z.string().nullable(),
  takenAt: z.iso.datetime().nullable().describe('When the photo was taken or the document dated'),
  uploadedBy: z.uuid().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  fileUrl: z.string().describe('GET: the file (audited)'),
  thumbnailUrl: z.string().nullable().describe('GET: a preview image, for images only'),
});
export type AttachmentView = z.infer<typeof attachmentView>;

/**
 * The text fields of the multipart upload (POST /api/attachments), besides the one file in field
 * `file`. Exactly one of clientId / caseId: a case's attachment also belongs to the case's client.
 */
export const uploadAttachmentFields = z
  .object({
    clientId: z.uuid().optional(),
    caseId: z.uuid().optional(),
    kind: z.enum(ATTACHMENT_KINDS),
    caption: z.string().trim().max(500).optional(),
    takenAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.clientId) === Boolean(v.caseId))
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'validation.attachment_target' });
  });
export type UploadAttachmentFields = z.infer<typeof uploadAttachmentFields>;

export const listAttachmentsQuery = z
  .object({
    clientId: z.uuid().optional().describe("All of a client's attachments, from every case"),
    caseId: z.uuid().optional().describe("A case's attachments"),
    kind: z.enum(ATTACHMENT_KINDS).optional(),
  })
  .refine((v) => Boolean(v.clientId) !== Boolean(v.caseId), { path: ['caseId'], message: 'validation.attachment_target' });

export const updateAttachmentBody = z.object({
  kind: z.enum(ATTACHMENT_KINDS).optional(),
  caption: z.string().trim().max(500).nullable().optional(),
  takenAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type UpdateAttachmentBody = z.infer<typeof updateAttachmentBody>;

export const attachmentFileQuery = z.object({
  inline: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Show in the browser (Content-Disposition: inline) instead of saving'),
});
