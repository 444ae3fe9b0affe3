import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per deployment-wide fact. `setup` is inserted once when first-run setup completes; its
 * primary key makes a second setup impossible even when two requests race.
 */
export const instanceFacts = pgTable('instance_facts', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
