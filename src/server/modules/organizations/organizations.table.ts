import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Organizations form a tree: national → province → regency (Dinas Sosial) → unit (shelter).
 * Partner institutions (panti, hospitals, police, Satpol PP) are organizations too.
 * `path` is the chain of ancestor ids joined by '/', ending with this id, so a subtree is a prefix match.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    kind: text('kind').notNull(),
    partnerType: text('partner_type'),
    name: text('name').notNull(),
    regionCode: text('region_code'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    postalCode: text('postal_code'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_parent_idx').on(t.parentId),
    index('organizations_path_idx').on(t.path.op('text_pattern_ops')),
    index('organizations_region_idx').on(t.regionCode),
  ],
);
export type OrganizationRow = typeof organizations.$inferSelect;
