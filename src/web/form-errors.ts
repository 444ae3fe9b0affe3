/**
 * Client-side form errors from the shared zod contracts: one short message per field in the UI
 * language, in the words that fit the field (a value's bounds, a text's characters, a list's items).
 * Kept apart from the form hook (forms.ts) so that it needs no browser.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Turn a zod issue about `value` into a short message in the UI language; empty is "required". */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown, t: TFunction): string {
  const isBlank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  // A rule over several fields (a refinement) says what it wants, even where its field is empty.
  if (issue.code === 'custom' && issue.message.startsWith('validation.')) {
    const custom = t(issue.message, { defaultValue: '' });
    if (custom) return custom;
  }
  if (isBlank) return t('validation.required');
  if (issue.message.startsWith('validation.')) {
    const custom = t(issue.message, { defaultValue: '' });
    if (custom) return custom;
  }
  switch (issue.code) {
    // A number's bounds are values ("maksimal 250"), a text's are characters, a list's are items.
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return t(issue.inclusive === false ? 'web.validation.moreThan' : 'web.validation.atLeast', { count: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('web.validation.fewItems', { count: Number(issue.minimum) });
      return t('web.validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return t(issue.inclusive === false ? 'web.validation.lessThan' : 'web.validation.atMost', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('web.validation.manyItems', { count: Number(issue.maximum) });
      return t('web.validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('web.validation.email') : t('web.validation.invalid');
    case 'invalid_type':
    case 'invalid_value':
      return t('web.validation.invalid');
    default:
      return t('web.validation.invalid');
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Check `input` against a contract schema; return one message per field. `pathToField` maps a
 * contract path (`admin.password`) to the form's own field name (`password`) where they differ.
 */
export function schemaErrors(
  schema: z.ZodType,
  input: unknown,
  t: TFunction,
  pathToField: Record<string, string> = {},
): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    const field = pathToField[path] ?? path;
    errors[field] ??= issueMessage(issue, valueAt(input, issue.path), t);
  }
  return errors;
}
