import { z } from 'zod';

export const publicationQuery = z.object({ organizationId: z.uuid() });

export const BANNER_SIZES = ['a3', 'roll'] as const;
export const bannerQuery = publicationQuery.extend({ size: z.enum(BANNER_SIZES).default('a3') });

export const IMAGE_KINDS = ['flow', 'stats'] as const;
export const IMAGE_FORMATS = ['square', 'story'] as const;
export const imageQuery = publicationQuery.extend({ kind: z.enum(IMAGE_KINDS).default('flow'), format: z.enum(IMAGE_FORMATS).default('square') });

export const QR_TARGETS = ['public', 'survey'] as const;
export const qrQuery = publicationQuery.extend({ target: z.enum(QR_TARGETS).default('public') });

/** The text to share with a family on WhatsApp, and a ready wa.me link. */
export const whatsappTextView = z.object({ text: z.string(), shareUrl: z.string() });

const lines = z.array(z.string().trim().min(1).max(300)).max(30);

/** The identity and sections of the printed SOP (PermenPANRB 35/2012), kept per unit. */
export const sopDocumentSettings = z.object({
  number: z.string().trim().max(80).nullable(),
  madeOn: z.iso.date().nullable(),
  revisedOn: z.iso.date().nullable(),
  effectiveOn: z.iso.date().nullable(),
  legalBasis: lines,
  qualifications: lines,
  relatedSops: lines,
  equipment: lines,
  warnings: lines,
  records: lines,
});
export type SopDocumentSettings = z.infer<typeof sopDocumentSettings>;

export const sopDocumentSettingsView = sopDocumentSettings.extend({ organizationId: z.uuid(), isDefault: z.boolean() });
