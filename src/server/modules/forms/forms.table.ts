import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FormAnswers, FormDefinition } from '../../../shared/contracts/forms.js';
import { cases } from '../cases/cases.table.js';
import { organizations } from '../organizations/organizations.table.js';

/**
 * An organization's assessment form (e.g. `psychosocial_assessment`). The questions live in its
 * versions; the template row only names it, so answers always point at the exact version filled in.
 */
export const formTemplates = pgTable(
  'form_templates',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Stable machine key, unique per organization: `psychosocial_assessment`. */
    key: text('key').notNull(),
    titleId: text('title_id').notNull(),
    titleEn: text('title_en').notNull(),
    /** 'shipped' (seeded by Singgah) or 'custom' (designed or imported by the organization). */
    origin: text('origin').notNull().default('custom'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('form_templates_org_key').on(t.organizationId, t.key)],
);
export type FormTemplateRow = typeof formTemplates.$inferSelect;

/**
 * One version of a template's definition (sections, fields, conditions, the SOP stage it completes).
 * A published version is never changed again; editing means a new draft version.
 */
export const formTemplateVersions = pgTable(
  'form_template_versions',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    templateId: uuid('template_id')
      .notNull()
      .references(() => formTemplates.id),
    version: integer('version').notNull(),
    /** The versioned definition: configuration, hence JSON (validated by shared/forms/definition.ts). */
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    /** 'draft' | 'published'. */
    status: text('status').notNull().default('draft'),
    /** SOP stage key a submitted response completes (copied from the definition for queries). */
    completesStageKey: text('completes_stage_key'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('form_template_versions_template_version_key').on(t.templateId, t.version),
    index('form_template_versions_status_idx').on(t.templateId, t.status),
  ],
);
export type FormTemplateVersionRow = typeof formTemplateVersions.$inferSelect;

/**
 * A form filled in for a case: a draft saved as the worker types, then submitted (validated against
 * its version). Answers are configurable form data, hence JSON keyed by field key.
 */
export const formResponses = pgTable(
  'form_responses',
  {
    id: uuid('id').primaryKey().default(sql`uuid_v7()`),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => formTemplates.id),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => formTemplateVersions.id),
    /** The case stage this was filled in for (may be null for forms outside a stage). */
    stageKey: text('stage_key'),
    /** 'draft' | 'submitted'. */
    status: text('status').notNull().default('draft'),
    answers: jsonb('answers').$type<FormAnswers>().notNull().default(sql`'{}'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('form_responses_case_idx').on(t.caseId, t.templateId),
    index('form_responses_version_idx').on(t.templateVersionId),
  ],
);
export type FormResponseRow = typeof formResponses.$inferSelect;
