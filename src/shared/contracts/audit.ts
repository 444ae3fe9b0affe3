import { z } from 'zod';
import { pagingQuery } from './common.js';

/** Every kind of event the audit log records. Adding a feature adds its kinds here. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'setup.completed',
  'demo.loaded',
  'user.created',
  'user.updated',
  'user.password_reset',
  'organization.created',
  'organization.updated',
  'client.viewed',
  'client.created',
  'client.updated',
  'case.created',
  'case.updated',
  'case.stage_completed',
  'case.stage_skipped',
  'case.terminated',
  'sop.published',
  'settings.updated',
  'export.downloaded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntryView = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  action: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  organizationId: z.uuid().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const listAuditQuery = pagingQuery.extend({
  action: z.string().max(60).optional(),
  actorUserId: z.uuid().optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
