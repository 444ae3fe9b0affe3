import { z } from 'zod';
import { ORGANIZATION_KINDS, PARTNER_TYPES } from '../permissions.js';

export const organizationView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  partnerType: z.enum(PARTNER_TYPES).nullable(),
  name: z.string(),
  regionCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isDemo: z.boolean(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const createOrganizationBody = z.object({
  parentId: z.uuid(),
  kind: z.enum(ORGANIZATION_KINDS),
  partnerType: z.enum(PARTNER_TYPES).optional(),
  name: z.string().trim().min(3).max(160),
  regionCode: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'validation.region_code' })
    .optional(),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.email().optional(),
});
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>;

/** A change of an organization; `null` clears its address, phone or e-mail. */
export const updateOrganizationBody = createOrganizationBody
  .omit({ parentId: true, kind: true })
  .extend({
    address: z.string().trim().max(300).nullable(),
    phone: z.string().trim().max(40).nullable(),
    email: z.email().nullable(),
  })
  .partial();
export type UpdateOrganizationBody = z.infer<typeof updateOrganizationBody>;
