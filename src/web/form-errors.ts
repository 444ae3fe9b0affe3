/**
 * Client-side form errors from the shared zod contracts: one short message per field in the UI
 * language, in the words that fit the field (a value's bounds, a text's characters, a list's items).
 * Kept apart from the form hook (forms.ts) so that it needs no browser.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { boundMessage } from '../shared/i18n/bounds.js';

export type FieldErrors = Record<string, string>;

/** Turn a zod issue about `value` into a short message in the UI language; empty is "required". */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown, t: TFunction): string {
  const isBlank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  // A message of the contract's own (`validation.…`); a rule over several fields (a refinement) says
  // it even where its field is empty.
  const custom = issue.message.startsWith('validation.') ? t(issue.message, { defaultValue: '' }) : '';
  if (custom && (issue.code === 'custom' || !isBlank)) return custom;
  if (isBlank) return t('validation.required');
  const bound = boundMessage(issue);
  if (bound) return t(bound.key, { count: bound.count });
  switch (issue.code) {
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
