/**
 * The directory of referral institutions (panti/balai, hospitals, RSJ, puskesmas, other districts'
 * Dinas Sosial, Satpol PP, police, NGOs): what each offers and whom it accepts, so a social worker
 * can choose where to refer a client.
 */
import { z } from 'zod';
import { SPM_SERVICES } from '../domain/enums.js';
import { CATEGORY_CODES } from '../domain/ppks.js';
import { PARTNER_TYPES } from '../permissions.js';

const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

/** A person to contact at the institution. Phone and e-mail are optional: never invented. */
export const institutionContact = z.object({
  name: z.string().trim().min(1).max(120),
  /** e.g. "Kepala Seksi Rehabilitasi", "Pekerja Sosial". */
  role: optionalText(120),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\- ]*$/, { message: 'validation.contact_phone_format' })
    .optional()
    .nullable(),
  email: z.union([z.email(), z.literal('')]).optional().nullable(),
});
export type InstitutionContact = z.infer<typeof institutionContact>;

/** The kinds of institution a referral may go to: a partner organization or a Dinas Sosial (regency). */
export const INSTITUTION_KINDS = ['partner', 'regency'] as const;

export const institutionView = z.object({
  id: z.uuid().describe('The organization id'),
  kind: z.enum(INSTITUTION_KINDS),
  partnerType: z.enum(PARTNER_TYPES).nullable().describe('For a Dinas Sosial (regency) this is null'),
  name: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  services: z.array(z.string()),
  servicesNote: z.string().nullable(),
  categories: z.array(z.string()),
  capacity: z.number().int().nullable(),
  availablePlaces: z.number().int().nullable(),
  availabilityNote: z.string().nullable(),
  availabilityUpdatedAt: z.iso.datetime().nullable(),
  contacts: z.array(institutionContact),
  /** Whether the institution has its own accounts in Singgah (else the shelter records its answers). */
  hasAccount: z.boolean(),
  /** Whether the viewer may edit the profile (administrators in scope). */
  canEdit: z.boolean(),
  /** Whether the viewer may update the availability (the institution's own officers, administrators in scope). */
  canUpdateAvailability: z.boolean(),
});
export type InstitutionView = z.infer<typeof institutionView>;

export const listInstitutionsQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Part of the name or address'),
  type: z.enum([...PARTNER_TYPES, 'dinsos_district'] as const).optional().describe('Partner type; `dinsos_district` = another district’s Dinas Sosial'),
  category: z.enum(CATEGORY_CODES).optional(),
  service: z.enum(SPM_SERVICES).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, { message: 'validation.region_code' })
    .optional()
    .describe('Province (`35`) or regency (`35.15`) code'),
});
export type ListInstitutionsQuery = z.infer<typeof listInstitutionsQuery>;

export const updateInstitutionBody = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  address: optionalText(300),
  regionCode: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, { message: 'validation.region_code' })
    .optional()
    .nullable(),
  phone: optionalText(40),
  email: z.union([z.email(), z.literal('')]).optional().nullable(),
  website: optionalText(200),
  services: z.array(z.enum(SPM_SERVICES)).max(SPM_SERVICES.length).optional(),
  servicesNote: optionalText(2000),
  categories: z.array(z.enum(CATEGORY_CODES)).max(40).optional(),
  capacity: z.number().int().min(0).max(100000).optional().nullable(),
  contacts: z.array(institutionContact).max(20).optional(),
});
export type UpdateInstitutionBody = z.infer<typeof updateInstitutionBody>;

export const updateAvailabilityBody = z.object({
  availablePlaces: z.number().int().min(0).max(100000).nullable(),
  availabilityNote: optionalText(500),
});
export type UpdateAvailabilityBody = z.infer<typeof updateAvailabilityBody>;
