/**
 * Pure edits of a form definition for the designer: add, move and remove sections, questions and
 * choices, with fresh keys that never collide. Each returns a new definition (React state).
 */
import type { FormDefinition, FormField, FormFieldType, FormSection, FormSubField } from '../../shared/contracts/forms.js';
import { CHOICE_FIELD_TYPES } from '../../shared/contracts/forms.js';

/** Move an item of a list one place up (-1) or down (+1); out-of-range moves change nothing. */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** `base_N` with the smallest N not yet used among `taken`. */
export function freshKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

export function allKeys(def: FormDefinition): string[] {
  return def.sections.flatMap((s) => s.fields.map((f) => f.key));
}

export function newField(def: FormDefinition, type: FormFieldType = 'short_text', taken = allKeys(def)): FormField {
  const key = freshKey('question', taken);
  return withType({ key, type: 'short_text', label: { id: '', en: '' } }, type);
}

/** Change a question's type, keeping what still applies and adding what the new type needs. */
export function withType<T extends FormField | FormSubField>(field: T, type: FormFieldType): T {
  const { options, min, max, integer, maxLength, pastOnly, ...rest } = field as FormField;
  const { fields, maxRows, ...base } = rest as FormField;
  const next: FormField = { ...base, type };
  if (CHOICE_FIELD_TYPES.includes(type))
    next.options = options?.length
      ? options
      : [
          { value: 'option_1', label: { id: 'Pilihan 1', en: 'Option 1' } },
          { value: 'option_2', label: { id: 'Pilihan 2', en: 'Option 2' } },
        ];
  if (type === 'number') Object.assign(next, { min, max, integer });
  if (type === 'date') next.pastOnly = pastOnly;
  if (type === 'short_text' || type === 'long_text') if (maxLength !== undefined) next.maxLength = maxLength;
  if (type === 'repeating_group') {
    next.fields = fields?.length ? fields : [{ key: 'item_1', type: 'short_text', label: { id: 'Isian', en: 'Item' } }];
    if (maxRows !== undefined) next.maxRows = maxRows;
  }
  for (const k of Object.keys(next) as (keyof FormField)[]) if (next[k] === undefined) delete next[k];
  return next as T;
}

export function newSection(def: FormDefinition): FormSection {
  const key = freshKey('section', def.sections.map((s) => s.key));
  const n = def.sections.length + 1;
  return { key, title: { id: `Bagian ${n}`, en: `Section ${n}` }, fields: [newField(def)] };
}

export function updateSection(def: FormDefinition, index: number, change: (s: FormSection) => FormSection): FormDefinition {
  return { ...def, sections: def.sections.map((s, i) => (i === index ? change(s) : s)) };
}

export function updateField(def: FormDefinition, si: number, fi: number, change: (f: FormField) => FormField): FormDefinition {
  return updateSection(def, si, (s) => ({ ...s, fields: s.fields.map((f, i) => (i === fi ? change(f) : f)) }));
}

/** The questions before position (si, fi), which a condition may look at. */
export function earlierFields(def: FormDefinition, si: number, fi: number): FormField[] {
  const out: FormField[] = [];
  for (const [i, s] of def.sections.entries())
    for (const [j, f] of s.fields.entries()) if (i < si || (i === si && j < fi)) out.push(f);
  return out;
}
