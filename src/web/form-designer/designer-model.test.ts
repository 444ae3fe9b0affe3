import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../shared/contracts/forms.js';
import { validateDefinition } from '../../shared/forms/definition.js';
import { earlierFields, freshKey, move, newField, newSection, withType } from './designer-model.js';

const base: FormDefinition = {
  format: 1,
  key: 'visit',
  title: { id: 'Kunjungan', en: 'Visit' },
  sections: [{ key: 'section_1', title: { id: 'Bagian 1', en: 'Section 1' }, fields: [{ key: 'question_1', type: 'short_text', label: { id: 'Nama', en: 'Name' } }] }],
};

describe('the form designer edits', () => {
  it('moves an item up or down and ignores moves past the ends', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('gives new sections and questions keys that are not taken', () => {
    expect(freshKey('question', ['question_1', 'question_3'])).toBe('question_2');
    expect(newField(base).key).toBe('question_2');
    expect(newSection(base).key).toBe('section_2');
  });

  it('gives a question turned into a choice two choices, and drops them when it turns back', () => {
    const choice = withType(base.sections[0]!.fields[0]!, 'single_choice');
    expect(choice.options).toHaveLength(2);
    const text = withType(choice, 'long_text');
    expect(text.options).toBeUndefined();
    const def = { ...base, sections: [{ ...base.sections[0]!, fields: [choice] }] };
    expect(validateDefinition(def)).toEqual([]);
    // A date keeps "not after today" while it stays a date, and drops it when it becomes a number.
    const date = withType({ ...base.sections[0]!.fields[0]!, type: 'date', pastOnly: true }, 'date');
    expect(date.pastOnly).toBe(true);
    expect(withType(date, 'number').pastOnly).toBeUndefined();
    const group = withType(base.sections[0]!.fields[0]!, 'repeating_group');
    expect(validateDefinition({ ...base, sections: [{ ...base.sections[0]!, fields: [group] }] })).toEqual([]);
  });

  it('offers only earlier questions to a condition', () => {
    const def = { ...base, sections: [...base.sections, { ...newSection(base), fields: [newField(base), { ...newField(base), key: 'question_9' }] }] };
    expect(earlierFields(def, 1, 1).map((f) => f.key)).toEqual(['question_1', 'question_2']);
  });
});
