/**
 * The rules a template definition must follow beyond its shape (which `formDefinition` in
 * contracts/forms.ts checks): unique keys, options for choice fields, sub-fields only in repeating
 * groups, sensible ranges, and conditions that point at an earlier field with a possible value.
 * Pure: used by the server (refuses bad drafts and imports) and by the designer (shows problems live).
 */
import {
  type AnyFormField,
  CHOICE_FIELD_TYPES,
  type FormCondition,
  type FormDefinition,
  type FormField,
  type FormProblem,
  formDefinition,
} from '../contracts/forms.js';

/** Field types a condition may look at: their answer is one comparable value (or a set of options). */
export const CONDITION_TARGET_TYPES = ['short_text', 'number', 'single_choice', 'multiple_choice', 'yes_no', 'scale_1_5'] as const;

const TEXT_TYPES = ['short_text', 'long_text'];

/** Every problem of a definition, each with the path of the place at fault; empty when it is valid. */
export function validateDefinition(def: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (path: string, code: string, vars?: FormProblem['vars']) => problems.push({ path, code, ...(vars ? { vars } : {}) });

  if (!def.title.id.trim()) add('title.id', 'label_missing');
  if (def.sections.length === 0) add('sections', 'no_sections');

  const sectionKeys = new Set<string>();
  /** Top-level fields seen so far, in order: what a later condition may refer to. */
  const earlier = new Map<string, AnyFormField>();
  const allKeys = new Set<string>();
  for (const field of def.sections.flatMap((s) => s.fields)) allKeys.add(field.key);

  def.sections.forEach((section, si) => {
    const sp = `sections.${si}`;
    if (sectionKeys.has(section.key)) add(`${sp}.key`, 'duplicate_key', { key: section.key });
    sectionKeys.add(section.key);
    if (!section.title.id.trim()) add(`${sp}.title.id`, 'label_missing');
    if (section.fields.length === 0) add(`${sp}.fields`, 'no_fields');
    section.fields.forEach((field, fi) => {
      const fp = `${sp}.fields.${fi}`;
      if (earlier.has(field.key)) add(`${fp}.key`, 'duplicate_key', { key: field.key });
      checkField(field, fp, add);
      if (field.showWhen) checkCondition(field.showWhen, `${fp}.showWhen`, earlier, allKeys, add);
      if (field.type === 'repeating_group') {
        if (!field.fields?.length) add(`${fp}.fields`, 'group_without_fields');
        const rowEarlier = new Map<string, AnyFormField>();
        const rowKeys = new Set((field.fields ?? []).map((f) => f.key));
        (field.fields ?? []).forEach((sub, ci) => {
          const cp = `${fp}.fields.${ci}`;
          if (rowEarlier.has(sub.key)) add(`${cp}.key`, 'duplicate_key', { key: sub.key });
          if (sub.type === 'repeating_group') add(`${cp}.type`, 'nested_group');
          checkField(sub, cp, add);
          if (sub.showWhen) {
            // A row's question may depend on an earlier question of the same row, or of the form.
            const scope = new Map([...earlier, ...rowEarlier]);
            checkCondition(sub.showWhen, `${cp}.showWhen`, scope, new Set([...allKeys, ...rowKeys]), add);
          }
          rowEarlier.set(sub.key, sub);
        });
      } else if (field.fields !== undefined) add(`${fp}.fields`, 'setting_not_allowed', { setting: 'fields' });
      if (field.maxRows !== undefined && field.type !== 'repeating_group') add(`${fp}.maxRows`, 'setting_not_allowed', { setting: 'maxRows' });
      earlier.set(field.key, field);
    });
  });
  return problems;
}

function checkField(field: AnyFormField, fp: string, add: (path: string, code: string, vars?: FormProblem['vars']) => void) {
  if (!field.label.id.trim()) add(`${fp}.label.id`, 'label_missing');
  const isChoice = CHOICE_FIELD_TYPES.includes(field.type);
  if (isChoice) {
    const options = field.options ?? [];
    if (options.length < 2) add(`${fp}.options`, 'options_missing');
    const seen = new Set<string>();
    options.forEach((o, oi) => {
      if (seen.has(o.value)) add(`${fp}.options.${oi}.value`, 'duplicate_option', { value: o.value });
      seen.add(o.value);
      if (!o.label.id.trim()) add(`${fp}.options.${oi}.label.id`, 'label_missing');
    });
  } else if (field.options !== undefined && field.options.length > 0) add(`${fp}.options`, 'setting_not_allowed', { setting: 'options' });
  if (field.type === 'number') {
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) add(`${fp}.min`, 'min_above_max');
  } else {
    for (const s of ['min', 'max', 'integer'] as const)
      if (field[s] !== undefined) add(`${fp}.${s}`, 'setting_not_allowed', { setting: s });
  }
  if (field.maxLength !== undefined && !TEXT_TYPES.includes(field.type)) add(`${fp}.maxLength`, 'setting_not_allowed', { setting: 'maxLength' });
  if (field.pastOnly !== undefined && field.type !== 'date') add(`${fp}.pastOnly`, 'setting_not_allowed', { setting: 'pastOnly' });
  if (field.type === 'short_text' && field.maxLength !== undefined && field.maxLength > 500)
    add(`${fp}.maxLength`, 'max_length_too_large', { max: 500 });
}

function checkCondition(
  cond: FormCondition,
  path: string,
  earlier: Map<string, AnyFormField>,
  allKeys: Set<string>,
  add: (path: string, code: string, vars?: FormProblem['vars']) => void,
) {
  const target = earlier.get(cond.field);
  if (!target) {
    add(`${path}.field`, allKeys.has(cond.field) ? 'condition_not_earlier' : 'condition_unknown_field', { key: cond.field });
    return;
  }
  if (!(CONDITION_TARGET_TYPES as readonly string[]).includes(target.type)) {
    add(`${path}.field`, 'condition_target_unsupported', { key: cond.field, type: target.type });
    return;
  }
  const v = cond.equals;
  const ok =
    target.type === 'yes_no'
      ? typeof v === 'boolean'
      : target.type === 'scale_1_5'
        ? typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5
        : target.type === 'number'
          ? typeof v === 'number'
          : target.type === 'short_text'
            ? typeof v === 'string'
            : typeof v === 'string' && (target.options ?? []).some((o) => o.value === v);
  if (!ok) add(`${path}.equals`, 'condition_value_invalid', { key: cond.field });
}

export type ParsedDefinition = { ok: true; definition: FormDefinition } | { ok: false; problems: FormProblem[] };

/**
 * Check something that claims to be a definition (a draft from the designer, an imported file):
 * first its shape, then the rules above.
 */
export function parseDefinition(raw: unknown): ParsedDefinition {
  const parsed = formDefinition.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: 'invalid_shape', vars: { detail: i.message } })),
    };
  }
  const problems = validateDefinition(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, definition: parsed.data };
}

/** Every top-level field of a definition, in order. */
export function allFields(def: FormDefinition): FormField[] {
  return def.sections.flatMap((s) => s.fields);
}

/** The field (or sub-field) an answer path names: `family` or `family.2.name`. */
export function fieldAtPath(def: FormDefinition, path: string): AnyFormField | undefined {
  const [key, , subKey] = path.split('.');
  const field = allFields(def).find((f) => f.key === key);
  if (!field || subKey === undefined) return field;
  return field.fields?.find((f) => f.key === subKey);
}

/** The definition node a definition problem path names (`sections.1.fields.0.options`), for messages. */
export function describeDefinitionPath(def: FormDefinition, path: string, lang: 'id' | 'en'): string {
  const parts = path.split('.');
  const labels: string[] = [];
  let node: unknown = def;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[part];
    const maybe = node as { title?: { id: string; en: string }; label?: { id: string; en: string }; key?: string } | undefined;
    if (maybe && typeof maybe === 'object' && !Array.isArray(maybe)) {
      const text = maybe.title ?? maybe.label;
      if (text) labels.push((lang === 'en' && text.en) || text.id || maybe.key || part);
      else if (maybe.key) labels.push(maybe.key);
    }
  }
  return labels.join(' › ');
}
