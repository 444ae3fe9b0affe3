/**
 * Assessment forms: the versioned template definition (sections → fields, conditions, the SOP stage a
 * submitted form completes), the answers, and the request bodies and views of the forms API. The
 * structural shape is checked here; the rules that need the whole definition (unique keys, options of
 * choice fields, conditions pointing at earlier fields) are in `shared/forms/definition.ts`.
 */
import { z } from 'zod';

/** Every kind of question a template can ask. */
export const FORM_FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'date',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'scale_1_5',
  'repeating_group',
  'photo',
  'signature',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Field types whose answer is one of / some of the declared options. */
export const CHOICE_FIELD_TYPES: readonly FormFieldType[] = ['single_choice', 'multiple_choice'];

/** The version of the definition format itself (not of a template); bumps only when the format changes. */
export const FORM_DEFINITION_FORMAT = 1;

/** Longest signature accepted: a PNG data URL of a drawn signature, ~150 KB of base64. */
export const SIGNATURE_MAX_CHARS = 150_000;
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 10_000;
export const REPEATING_GROUP_MAX_ROWS = 50;

export const FORM_VERSION_STATUSES = ['draft', 'published'] as const;
export type FormVersionStatus = (typeof FORM_VERSION_STATUSES)[number];
export const FORM_RESPONSE_STATUSES = ['draft', 'submitted'] as const;
export type FormResponseStatus = (typeof FORM_RESPONSE_STATUSES)[number];

/** Stable machine key of a template, section, field or option: `family_members`, `yes`. */
export const formKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { message: 'validation.form_key' });

/** A text in both product languages. English may be left empty (the Indonesian one is shown). */
export const localizedText = z.object({
  id: z.string().trim().max(1000),
  en: z.string().trim().max(1000),
});
export type LocalizedText = z.infer<typeof localizedText>;

export const formOption = z.object({
  value: formKey.describe('Stored in the answers; never shown'),
  label: localizedText,
});
export type FormOption = z.infer<typeof formOption>;

/** Show a field only when an earlier field has this answer (for multiple choice: includes it). */
export const formCondition = z.object({
  field: formKey.describe('Key of an earlier field (in a repeating group: an earlier field of the same row, or of the form)'),
  equals: z.union([z.string().max(200), z.number(), z.boolean()]),
});
export type FormCondition = z.infer<typeof formCondition>;

const fieldShape = {
  key: formKey,
  type: z.enum(FORM_FIELD_TYPES),
  label: localizedText,
  help: localizedText.optional().describe('Guidance shown under the question'),
  required: z.boolean().optional(),
  options: z.array(formOption).max(100).optional().describe('Choices of single_choice / multiple_choice'),
  min: z.number().optional().describe('number: smallest allowed'),
  max: z.number().optional().describe('number: largest allowed'),
  integer: z.boolean().optional().describe('number: whole numbers only'),
  pastOnly: z.boolean().optional().describe('date: not after today (a birth date, the day of a visit)'),
  maxLength: z.number().int().min(1).max(LONG_TEXT_MAX).optional().describe('short_text / long_text'),
  showWhen: formCondition.optional(),
};

/** A question inside a repeating group (groups do not nest). */
export const formSubField = z.object(fieldShape);
export type FormSubField = z.infer<typeof formSubField>;

export const formField = z.object({
  ...fieldShape,
  fields: z.array(formSubField).max(40).optional().describe('repeating_group: the questions of one row'),
  maxRows: z.number().int().min(1).max(REPEATING_GROUP_MAX_ROWS).optional().describe('repeating_group'),
});
export type FormField = z.infer<typeof formField>;
/** A field or a sub-field: what the renderer and the validators handle one at a time. */
export type AnyFormField = FormField | FormSubField;

export const formSection = z.object({
  key: formKey,
  title: localizedText,
  description: localizedText.optional(),
  fields: z.array(formField).max(100),
});
export type FormSection = z.infer<typeof formSection>;

/** A template version's whole definition: what the designer edits and what export/import carry. */
export const formDefinition = z.object({
  format: z.literal(FORM_DEFINITION_FORMAT).default(FORM_DEFINITION_FORMAT),
  key: formKey.describe('Template key, unique in the organization'),
  title: localizedText,
  description: localizedText.optional(),
  completesStage: formKey
    .nullable()
    .optional()
    .describe('SOP stage key a submitted form completes when that stage is in progress'),
  sections: z.array(formSection).max(60),
});
export type FormDefinition = z.infer<typeof formDefinition>;

/** One answer: text, number, yes/no, chosen options, or rows of a repeating group. */
export type FormAnswerScalar = string | number | boolean | null;
export type FormAnswerRow = Record<string, FormAnswerScalar | string[]>;
export type FormAnswerValue = FormAnswerScalar | string[] | FormAnswerRow[];
/** Answers keyed by field key. */
export type FormAnswers = Record<string, FormAnswerValue>;

const answerScalar = z.union([z.string().max(SIGNATURE_MAX_CHARS + 100), z.number(), z.boolean(), z.null()]);
const answerRow = z.record(z.string().max(60), z.union([answerScalar, z.array(z.string().max(200)).max(100)]));
export const formAnswers = z
  .record(
    z.string().max(60),
    z.union([answerScalar, z.array(z.string().max(200)).max(100), z.array(answerRow).max(REPEATING_GROUP_MAX_ROWS)]),
  )
  .describe('Answers keyed by field key; a draft may leave any out') as unknown as z.ZodType<FormAnswers>;

// ---------------------------------------------------------------------------------------------
// Problems found by the pure validators (definition and answers). Codes are i18n keys under
// `forms.problems.<code>`; `path` names the place (`sections.2.fields.0.options`, `family.1.name`).

export const formProblem = z.object({
  path: z.string(),
  code: z.string(),
  vars: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FormProblem = z.infer<typeof formProblem>;

// ---------------------------------------------------------------------------------------------
// Templates and versions

export const formVersionParams = z.object({ id: z.uuid() });

export const formVersionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(FORM_VERSION_STATUSES),
  publishedAt: z.iso.datetime().nullable(),
  publishedByName: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type FormVersionSummary = z.infer<typeof formVersionSummary>;

export const formTemplateView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  key: z.string(),
  title: localizedText,
  origin: z.enum(['shipped', 'custom']),
  /** Stage completed by the latest published version, if any. */
  completesStage: z.string().nullable(),
  published: formVersionSummary.nullable().describe('The latest published version: the one new responses use'),
  draft: formVersionSummary.nullable().describe('The version being edited, if any'),
  versions: z.array(formVersionSummary),
});
export type FormTemplateView = z.infer<typeof formTemplateView>;

export const formTemplateList = z.object({ items: z.array(formTemplateView) });

export const formVersionView = formVersionSummary.extend({
  templateId: z.uuid(),
  templateKey: z.string(),
  definition: formDefinition,
  createdAt: z.iso.datetime(),
});
export type FormVersionView = z.infer<typeof formVersionView>;

export const createFormTemplateBody = z.object({
  key: formKey,
  title: localizedText.refine((t) => t.id.length > 0, { message: 'validation.required', path: ['id'] }),
});
export type CreateFormTemplateBody = z.infer<typeof createFormTemplateBody>;

export const saveFormDraftBody = z.object({ definition: formDefinition });
export type SaveFormDraftBody = z.infer<typeof saveFormDraftBody>;

/** The exported file: the definition plus where it came from. Import accepts this or a bare definition. */
export const formExportFile = z.object({
  singgahFormTemplate: z.literal(1),
  exportedAt: z.iso.datetime(),
  version: z.number().int(),
  definition: formDefinition,
});
export type FormExportFile = z.infer<typeof formExportFile>;
export const importFormBody = z.union([formExportFile, z.object({ definition: formDefinition })]);
export type ImportFormBody = z.infer<typeof importFormBody>;

export const importFormResult = z.object({ template: formTemplateView, draft: formVersionView, createdTemplate: z.boolean() });

// ---------------------------------------------------------------------------------------------
// Responses (a form filled in for a case)

export const caseFormParams = z.object({ caseId: z.uuid(), id: z.uuid() });

export const startFormResponseBody = z.object({
  templateId: z.uuid(),
  stageKey: formKey.optional().nullable().describe('Case stage this is filled in for; the current stage when left out'),
});
export type StartFormResponseBody = z.infer<typeof startFormResponseBody>;

/** Auto-save of a draft: the answers as they are now (replaces the stored ones; incomplete is fine). */
export const saveFormResponseBody = z.object({ answers: formAnswers });
export type SaveFormResponseBody = z.infer<typeof saveFormResponseBody>;

/** Submit: optionally the final answers (saved first), then validated against the response's version. */
export const submitFormResponseBody = z.object({ answers: formAnswers.optional() });
export type SubmitFormResponseBody = z.infer<typeof submitFormResponseBody>;

/** Correct a submitted response: the full corrected answers, validated like a submit. */
export const correctFormResponseBody = z.object({ answers: formAnswers });
export type CorrectFormResponseBody = z.infer<typeof correctFormResponseBody>;

export const formResponseSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  templateId: z.uuid(),
  templateKey: z.string(),
  title: localizedText,
  templateVersionId: z.uuid(),
  version: z.number().int(),
  stageKey: z.string().nullable(),
  status: z.enum(FORM_RESPONSE_STATUSES),
  submittedAt: z.iso.datetime().nullable(),
  submittedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  createdByName: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  updatedByName: z.string().nullable(),
});
export type FormResponseSummary = z.infer<typeof formResponseSummary>;

export const formResponseList = z.object({ items: z.array(formResponseSummary) });

/** A response with its answers and the definition of the version it was filled in. */
export const formResponseView = formResponseSummary.extend({
  answers: formAnswers,
  definition: formDefinition,
  /** Whether submitting completed the case stage (only in the submit response). */
  stageCompleted: z.boolean().optional(),
});
export type FormResponseView = z.infer<typeof formResponseView>;

/** Whose templates: an organization in the actor's scope; the actor's own when left out. */
export const formsOrganizationQuery = z.object({ organizationId: z.uuid().optional() });
export const formTemplateParams = z.object({ id: z.uuid() });
export const exportFormQuery = z.object({
  versionId: z.uuid().optional().describe('A version of the template; the latest published (else the draft) when left out'),
});
