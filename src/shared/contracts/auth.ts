import { z } from 'zod';
import { ORGANIZATION_KINDS, PERMISSIONS, ROLES } from '../permissions.js';
import { language, password, username } from './common.js';

export const loginBody = z.object({
  username: z.string().trim().toLowerCase().min(1),
  password: z.string().min(1),
});

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  language: language,
  mustChangePassword: z.boolean(),
  organization: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANIZATION_KINDS) }),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** What the web needs to run a session: who, what they may do, and the CSRF token for writes. */
export const meResponse = z.object({
  user: sessionUser,
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1),
  newPassword: password,
});

export const languageBody = z.object({ language });

export const setupStatusResponse = z.object({ needsSetup: z.boolean() });

export const setupBody = z.object({
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, { message: 'validation.region_code' }),
  unitName: z.string().trim().min(3).max(160),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
  admin: z.object({
    name: z.string().trim().min(2).max(120),
    username,
    password,
  }),
});
export type SetupBody = z.infer<typeof setupBody>;
