import { z } from 'zod';
import { pagingQuery } from './common.js';

/** Kinds of notification; each has its title/body texts under `notifications.kinds.<kind>`. */
export const NOTIFICATION_KINDS = ['complaint_new', 'raid_intake', 'roster_swap', 'stage_overdue', 'general'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  titleKey: z.string().describe('i18n key of the title, rendered with `vars` in the reader’s language'),
  bodyKey: z.string().nullable(),
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable().describe('In-app path to open'),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const listNotificationsQuery = pagingQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const notificationList = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const unreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCount>;

export const markReadResult = z.object({ updated: z.number().int(), unread: z.number().int() });
