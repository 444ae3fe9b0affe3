import { describe, expect, it } from 'vitest';
import type { FormDefinition, FormField } from '../contracts/forms.js';
import { SHIPPED_TEMPLATES } from '../../server/modules/forms/shipped-templates.js';
import { parseDefinition, validateDefinition } from './definition.js';

const label = (id: string) => ({ id, en: id });
const q = (key: string, type: FormField['type'] = 'short_text', extra: Partial<FormField> = {}): FormField => ({ key, type, label: label(key), ...extra });
const yesNo = [
  { value: 'a', label: label('A') },
  { value: 'b', label: label('B') },
];
const form = (fields: FormField[], more: Partial<FormDefinition> = {}): FormDefinition => ({
  format: 1,
  key: 'test_form',
  title: label('Uji'),
  sections: [{ key: 's1', title: label('Bagian'), fields }],
  ...more,
});

describe('a form definition', () => {
  it('accepts every shipped template', () => {
    for (const def of SHIPPED_TEMPLATES) expect({ key: def.key, problems: validateDefinition(def) }).toEqual({ key: def.key, problems: [] });
  });

  it('accepts a simple valid form with a condition on an earlier question', () => {
    expect(validateDefinition(form([q('has_id', 'yes_no'), q('nik', 'short_text', { showWhen: { field: 'has_id', equals: true } })]))).toEqual([]);
  });

  const refused: [string, FormDefinition, { path: string; code: string }][] = [
    ['no sections', form([], { sections: [] }), { path: 'sections', code: 'no_sections' }],
    ['an empty section', form([]), { path: 'sections.0.fields', code: 'no_fields' }],
    ['a form without an Indonesian title', form([q('a')], { title: { id: ' ', en: 'Test' } }), { path: 'title.id', code: 'label_missing' }],
    ['two questions with one key', form([q('name'), q('name')]), { path: 'sections.0.fields.1.key', code: 'duplicate_key' }],
    [
      'the same key in two sections',
      {
        ...form([q('name')]),
        sections: [
          { key: 's1', title: label('A'), fields: [q('name')] },
          { key: 's2', title: label('B'), fields: [q('name')] },
        ],
      },
      { path: 'sections.1.fields.0.key', code: 'duplicate_key' },
    ],
    ['a choice question without choices', form([q('pick', 'single_choice')]), { path: 'sections.0.fields.0.options', code: 'options_missing' }],
    [
      'a choice listed twice',
      form([q('pick', 'multiple_choice', { options: [...yesNo, { value: 'a', label: label('A2') }] })]),
      { path: 'sections.0.fields.0.options.2.value', code: 'duplicate_option' },
    ],
    ['choices on a text question', form([q('t', 'short_text', { options: yesNo })]), { path: 'sections.0.fields.0.options', code: 'setting_not_allowed' }],
    ['a range upside down', form([q('n', 'number', { min: 10, max: 1 })]), { path: 'sections.0.fields.0.min', code: 'min_above_max' }],
    ['a range on a date', form([q('d', 'date', { min: 1 })]), { path: 'sections.0.fields.0.min', code: 'setting_not_allowed' }],
    ['past-only on a number', form([q('n', 'number', { pastOnly: true })]), { path: 'sections.0.fields.0.pastOnly', code: 'setting_not_allowed' }],
    ['a repeating group without questions', form([q('family', 'repeating_group')]), { path: 'sections.0.fields.0.fields', code: 'group_without_fields' }],
    [
      'a repeating group inside a repeating group',
      form([q('family', 'repeating_group', { fields: [q('children', 'repeating_group')] })]),
      { path: 'sections.0.fields.0.fields.0.type', code: 'nested_group' },
    ],
    [
      'a condition on a question that does not exist',
      form([q('a', 'short_text', { showWhen: { field: 'ghost', equals: 'x' } })]),
      { path: 'sections.0.fields.0.showWhen.field', code: 'condition_unknown_field' },
    ],
    [
      'a condition on a later question',
      form([q('a', 'short_text', { showWhen: { field: 'b', equals: true } }), q('b', 'yes_no')]),
      { path: 'sections.0.fields.0.showWhen.field', code: 'condition_not_earlier' },
    ],
    [
      'a condition on a question that conditions cannot read',
      form([q('story', 'long_text'), q('b', 'short_text', { showWhen: { field: 'story', equals: 'x' } })]),
      { path: 'sections.0.fields.1.showWhen.field', code: 'condition_target_unsupported' },
    ],
    [
      'a condition whose value is not a choice',
      form([q('pick', 'single_choice', { options: yesNo }), q('b', 'short_text', { showWhen: { field: 'pick', equals: 'z' } })]),
      { path: 'sections.0.fields.1.showWhen.equals', code: 'condition_value_invalid' },
    ],
    [
      'a yes/no condition compared with text',
      form([q('ok', 'yes_no'), q('b', 'short_text', { showWhen: { field: 'ok', equals: 'yes' } })]),
      { path: 'sections.0.fields.1.showWhen.equals', code: 'condition_value_invalid' },
    ],
    [
      'a row question depending on a later question of its row',
      form([q('family', 'repeating_group', { fields: [q('job', 'short_text', { showWhen: { field: 'alive', equals: true } }), q('alive', 'yes_no')] })]),
      { path: 'sections.0.fields.0.fields.0.showWhen.field', code: 'condition_not_earlier' },
    ],
  ];

  it.each(refused)('is refused when it has %s', (_name, def, expected) => {
    expect(validateDefinition(def)).toContainEqual(expect.objectContaining(expected));
  });

  it('lets a row question depend on an earlier question of its row or of the form', () => {
    const def = form([
      q('has_family', 'yes_no'),
      q('family', 'repeating_group', {
        fields: [q('alive', 'yes_no'), q('job', 'short_text', { showWhen: { field: 'alive', equals: true } }), q('note', 'short_text', { showWhen: { field: 'has_family', equals: true } })],
      }),
    ]);
    expect(validateDefinition(def)).toEqual([]);
  });

  it('reports a definition of the wrong shape with the path at fault', () => {
    const parsed = parseDefinition({ key: 'Bad Key', title: label('x'), sections: [{ key: 's', title: label('s'), fields: [{ key: 'a', type: 'essay', label: label('a') }] }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['key', 'sections.0.fields.0.type']));
  });
});
