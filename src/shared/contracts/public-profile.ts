import { z } from 'zod';

/** A URL slug: lowercase letters, digits and single dashes (`rumah-singgah-probolinggo`). */
export const publicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'validation.public_slug' })
  .min(3)
  .max(60);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** What the public page of a shelter unit says about it; edited by its administrator. */
export const publicProfileFields = z.object({
  /** The address of the public page: /layanan/<slug>. */
  slug: publicSlug,
  /** What the shelter does (one or two paragraphs). */
  description: z.string().trim().min(10).max(2000),
  /** Who it serves. */
  servesWhom: optionalText(2000),
  /** Requirements, one per line. */
  requirements: optionalText(2000),
  /** How Satpol PP, police or hospitals hand over a client, one step per line. */
  handoverInstructions: optionalText(2000),
  /** The 24-hour duty phone; the unit's phone when empty. */
  dutyPhone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, { message: 'validation.phone' }).nullable().optional(),
  /** WhatsApp number in international form (62…); no link when empty. */
  whatsapp: z.string().trim().regex(/^62[0-9]{8,13}$/, { message: 'validation.whatsapp' }).nullable().optional(),
  openingHours: optionalText(300),
  latitude: z.number().min(-11.5).max(6.5).nullable().optional(),
  longitude: z.number().min(94).max(141.5).nullable().optional(),
  isPublished: z.boolean().default(true),
});

export const upsertPublicProfileBody = publicProfileFields;
export type UpsertPublicProfileBody = z.infer<typeof upsertPublicProfileBody>;

export const publicProfileView = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  profile: publicProfileFields
    .extend({ updatedAt: z.iso.datetime(), publicPath: z.string(), surveyPath: z.string() })
    .nullable(),
});
export type PublicProfileView = z.infer<typeof publicProfileView>;

export const slugParams = z.object({ slug: z.string().max(80) });

/** A stage of the public service flow: name, standard time and who is responsible. */
export const publicStage = z.object({ position: z.number().int(), name: z.string(), standardMinutes: z.number().int(), skippable: z.boolean() });

/** The numbers of a period: aggregates only, never a client. */
export const publicStats = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Cases that arrived in the period. */
  arrived: z.number().int(),
  /** Cases per official PPKS category (a case with two categories counts in both). */
  byCategory: z.array(z.object({ code: z.string(), count: z.number().int() })),
  /** Cases terminated in the period. */
  terminated: z.number().int(),
  /** Of those, terminated by their due time (the target in working time, 2 working days by default). */
  terminatedWithinTarget: z.number().int(),
  /** terminatedWithinTarget / terminated as a percentage, null when nothing was terminated. */
  withinTargetPercent: z.number().nullable(),
});
export type PublicStats = z.infer<typeof publicStats>;

/** Everything the public page shows, as JSON (the same data as the HTML page). */
export const publicServiceView = z.object({
  slug: z.string(),
  name: z.string(),
  office: z.string().nullable(),
  description: z.string(),
  servesWhom: z.string().nullable(),
  requirements: z.array(z.string()),
  handoverInstructions: z.array(z.string()),
  phone: z.string().nullable(),
  whatsapp: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  mapUrl: z.string().nullable(),
  targetWorkingDays: z.number(),
  sopName: z.string(),
  totalMinutes: z.number().int(),
  stages: z.array(publicStage),
  year: z.number().int(),
  stats: publicStats,
});
export type PublicServiceView = z.infer<typeof publicServiceView>;
