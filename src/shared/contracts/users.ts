import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { language, pagingQuery, password, username } from './common.js';

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  nip: z.string().nullable().describe('Civil servant number (NIP), for signature blocks'),
  position: z.string().nullable().describe('Position (jabatan)'),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  organizationName: z.string(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  language,
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userView>;

export const listUsersQuery = pagingQuery.extend({
  q: z.string().trim().max(100).optional(),
  organizationId: z.uuid().optional(),
});

export const createUserBody = z.object({
  username,
  name: z.string().trim().min(2).max(120),
  email: z.email().optional(),
  phone: z.string().trim().max(40).optional(),
  nip: z.string().trim().max(30).optional(),
  position: z.string().trim().max(120).optional(),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  password,
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  email: z.email().nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  nip: z.string().trim().max(30).nullable().optional(),
  position: z.string().trim().max(120).nullable().optional(),
  role: z.enum(ROLES).optional(),
  organizationId: z.uuid().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

/** An administrator sets a temporary password; the user must change it at next login. */
export const resetPasswordBody = z.object({ newPassword: password });
