/**
 * Answers checked against the definition version they were filled in: types, options, ranges,
 * repeating groups, and "required" only for questions that are shown (conditions). Pure: the server
 * refuses a bad submit with these problems, the renderer shows them next to the questions.
 */
import {
  type AnyFormField,
  type FormAnswerRow,
  type FormAnswers,
  type FormAnswerValue,
  type FormCondition,
  type FormDefinition,
  type FormField,
  type FormProblem,
  LONG_TEXT_MAX,
  REPEATING_GROUP_MAX_ROWS,
  SHORT_TEXT_MAX,
  SIGNATURE_MAX_CHARS,
} from '../contracts/forms.js';
import { allFields } from './definition.js';

/** `draft`: only types and known questions (a half-filled form saves); `submit`: everything. */
export type AnswerMode = 'draft' | 'submit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

/** Whether an answer counts as not given: nothing, blank text, no option chosen, no rows. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Whether a condition holds for an answer (for multiple choice: the option is among those chosen). */
export function conditionHolds(cond: FormCondition, value: unknown): boolean {
  if (Array.isArray(value)) return value.includes(cond.equals as never);
  return value === cond.equals;
}

/**
 * Which top-level questions are shown for these answers. A question whose condition looks at a
 * hidden question is hidden too (its answer does not count).
 */
export function visibleFields(def: FormDefinition, answers: FormAnswers): Set<string> {
  const visible = new Set<string>();
  for (const field of allFields(def)) {
    if (!field.showWhen) visible.add(field.key);
    else if (visible.has(field.showWhen.field) && conditionHolds(field.showWhen, answers[field.showWhen.field])) visible.add(field.key);
  }
  return visible;
}

/** Which questions of one repeating-group row are shown (a condition looks at the row, else at the form). */
export function visibleRowFields(group: FormField, row: FormAnswerRow, answers: FormAnswers, visibleTop: Set<string>): Set<string> {
  const visible = new Set<string>();
  const rowKeys = new Set((group.fields ?? []).map((f) => f.key));
  for (const sub of group.fields ?? []) {
    const cond = sub.showWhen;
    if (!cond) visible.add(sub.key);
    else if (rowKeys.has(cond.field)) {
      if (visible.has(cond.field) && conditionHolds(cond, row[cond.field])) visible.add(sub.key);
    } else if (visibleTop.has(cond.field) && conditionHolds(cond, answers[cond.field])) visible.add(sub.key);
  }
  return visible;
}

/**
 * Every problem of these answers, with the path of the question (`name`, `family.1.age`); empty when
 * fine. `today` (YYYY-MM-DD) lets a past-only date question refuse a later day.
 */
export function validateAnswers(def: FormDefinition, answers: FormAnswers, mode: AnswerMode, today?: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (path: string, code: string, vars?: FormProblem['vars']) => problems.push({ path, code, ...(vars ? { vars } : {}) });
  const fields = allFields(def);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) add(key, 'unknown_field');
  const visible = visibleFields(def, answers);

  for (const field of fields) {
    const value = answers[field.key];
    const shown = visible.has(field.key);
    if (isEmptyAnswer(value)) {
      if (mode === 'submit' && shown && field.required) add(field.key, 'required');
      continue;
    }
    // A hidden question's answer is dropped at submit; in a draft it is kept untouched but still typed.
    if (field.type === 'repeating_group') {
      if (!Array.isArray(value) || value.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
        add(field.key, 'wrong_type');
        continue;
      }
      const rows = value as FormAnswerRow[];
      const maxRows = field.maxRows ?? REPEATING_GROUP_MAX_ROWS;
      if (rows.length > maxRows) add(field.key, 'too_many_rows', { max: maxRows });
      const subs = new Map((field.fields ?? []).map((f) => [f.key, f]));
      rows.forEach((row, ri) => {
        for (const k of Object.keys(row)) if (!subs.has(k)) add(`${field.key}.${ri}.${k}`, 'unknown_field');
        const rowVisible = visibleRowFields(field, row, answers, visible);
        for (const sub of field.fields ?? []) {
          const path = `${field.key}.${ri}.${sub.key}`;
          const v = row[sub.key];
          if (isEmptyAnswer(v)) {
            if (mode === 'submit' && shown && rowVisible.has(sub.key) && sub.required) add(path, 'required');
            continue;
          }
          checkValue(sub, v, path, mode, add, today);
        }
      });
      continue;
    }
    checkValue(field, value, field.key, mode, add, today);
  }
  return problems;
}

function checkValue(
  field: AnyFormField,
  value: FormAnswerValue,
  path: string,
  mode: AnswerMode,
  add: (path: string, code: string, vars?: FormProblem['vars']) => void,
  today?: string,
) {
  const strict = mode === 'submit';
  switch (field.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return add(path, 'wrong_type');
      const max = field.maxLength ?? (field.type === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
      if (value.length > max) add(path, 'too_long', { max });
      return;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return add(path, 'wrong_type');
      if (!strict) return;
      if (field.integer && !Number.isInteger(value)) add(path, 'not_integer');
      if (field.min !== undefined && value < field.min) add(path, 'below_min', { min: field.min });
      if (field.max !== undefined && value > field.max) add(path, 'above_max', { max: field.max });
      return;
    }
    case 'date': {
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
        return add(path, 'invalid_date');
      // `today` (YYYY-MM-DD) is given by the caller that knows it; compared as text, which orders dates.
      if (field.pastOnly && today && value > today) add(path, 'date_in_future');
      return;
    }
    case 'single_choice':
      if (typeof value !== 'string') return add(path, 'wrong_type');
      if (!(field.options ?? []).some((o) => o.value === value)) add(path, 'not_an_option', { value });
      return;
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return add(path, 'wrong_type');
      const bad = (value as string[]).find((v) => !(field.options ?? []).some((o) => o.value === v));
      if (bad !== undefined) add(path, 'not_an_option', { value: bad });
      return;
    }
    case 'yes_no':
      if (typeof value !== 'boolean') add(path, 'wrong_type');
      return;
    case 'scale_1_5':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) add(path, 'scale_out_of_range');
      return;
    case 'photo':
      if (typeof value !== 'string' || !UUID.test(value)) add(path, 'invalid_photo');
      return;
    case 'signature':
      if (typeof value !== 'string' || !PNG_DATA_URL.test(value)) return add(path, 'invalid_signature');
      if (value.length > SIGNATURE_MAX_CHARS) add(path, 'signature_too_large');
      return;
    case 'repeating_group':
      // Groups do not nest; a definition that tries is refused by validateDefinition.
      return add(path, 'wrong_type');
  }
}

/**
 * The answers as they are kept at submit: only shown questions, no empty answers, rows without
 * blank or hidden cells. A question hidden by a later change of mind does not leave stale data.
 */
export function cleanAnswers(def: FormDefinition, answers: FormAnswers): FormAnswers {
  const out: FormAnswers = {};
  const visible = visibleFields(def, answers);
  for (const field of allFields(def)) {
    const value = answers[field.key];
    if (!visible.has(field.key) || isEmptyAnswer(value)) continue;
    if (field.type === 'repeating_group' && Array.isArray(value)) {
      const rows = (value as FormAnswerRow[])
        .map((row) => {
          const rowVisible = visibleRowFields(field, row, answers, visible);
          const kept: FormAnswerRow = {};
          for (const sub of field.fields ?? []) if (rowVisible.has(sub.key) && !isEmptyAnswer(row[sub.key])) kept[sub.key] = row[sub.key]!;
          return kept;
        })
        .filter((row) => Object.keys(row).length > 0);
      if (rows.length) out[field.key] = rows;
      continue;
    }
    out[field.key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** Keys of the questions whose answer differs between two versions of the answers (for the audit log). */
export function changedFieldKeys(before: FormAnswers, after: FormAnswers): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonical(before[k] ?? null) !== canonical(after[k] ?? null)).sort();
}

/** JSON with object keys sorted: a stored JSONB value comes back with its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
