import { describe, expect, it } from 'vitest';
import type { FormAnswers, FormDefinition, FormField } from '../contracts/forms.js';
import { changedFieldKeys, cleanAnswers, validateAnswers, visibleFields } from './answers.js';

const label = (id: string) => ({ id, en: id });
const q = (key: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({ key, type, label: label(key), ...extra });
const opts = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));

const def: FormDefinition = {
  format: 1,
  key: 'assessment',
  title: label('Asesmen'),
  sections: [
    {
      key: 'main',
      title: label('Utama'),
      fields: [
        q('name', 'short_text', { required: true, maxLength: 20 }),
        q('age', 'number', { min: 0, max: 120, integer: true }),
        q('arrived', 'date'),
        q('sex', 'single_choice', { options: opts('male', 'female'), required: true }),
        q('needs', 'multiple_choice', { options: opts('food', 'clothing', 'medical') }),
        q('medical_notes', 'long_text', { required: true, showWhen: { field: 'needs', equals: 'medical' } }),
        q('has_id', 'yes_no', { required: true }),
        q('nik', 'short_text', { required: true, showWhen: { field: 'has_id', equals: true } }),
        q('nik_photo', 'photo', { showWhen: { field: 'nik', equals: 'x' } }),
        q('mood', 'scale_1_5'),
        q('family', 'repeating_group', {
          maxRows: 2,
          fields: [q('member', 'short_text', { required: true }), q('alive', 'yes_no'), q('job', 'short_text', { required: true, showWhen: { field: 'alive', equals: true } })],
        }),
        q('photo', 'photo'),
        q('signature', 'signature'),
      ],
    },
  ],
};

const valid: FormAnswers = { name: 'Budi', sex: 'male', has_id: false };
const codes = (answers: FormAnswers, mode: 'draft' | 'submit' = 'submit') => validateAnswers(def, answers, mode).map((p) => `${p.path}:${p.code}`);

describe('answers against their form version', () => {
  it('accepts complete answers', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('refuses a day after today for a past-only date question, in a draft too, when today is known', () => {
    const born: FormDefinition = { ...def, sections: [{ ...def.sections[0], fields: [q('birth_date', 'date', { pastOnly: true }), q('next_visit', 'date')] }] };
    const check = (answers: FormAnswers, today?: string) => validateAnswers(born, answers, 'draft', today).map((p) => `${p.path}:${p.code}`);
    expect(check({ birth_date: '2030-10-20', next_visit: '2030-10-20' }, '2026-12-06')).toEqual(['birth_date:date_in_future']);
    expect(check({ birth_date: '2026-12-06' }, '2026-12-06')).toEqual([]);
    expect(check({ birth_date: '2030-10-20' })).toEqual([]);
  });

  it('lets a draft leave required questions empty, but not a submit', () => {
    expect(codes({}, 'draft')).toEqual([]);
    expect(codes({})).toEqual(['name:required', 'sex:required', 'has_id:required']);
  });

  const wrong: [string, FormAnswers, string][] = [
    ['text where a number belongs', { ...valid, age: 'dua puluh' }, 'age:wrong_type'],
    ['a number above the range', { ...valid, age: 130 }, 'age:above_max'],
    ['a number below the range', { ...valid, age: -1 }, 'age:below_min'],
    ['a fraction where a whole number belongs', { ...valid, age: 20.5 }, 'age:not_integer'],
    ['a date that is not a date', { ...valid, arrived: '31-12-2025' }, 'arrived:invalid_date'],
    ['a choice that is not offered', { ...valid, sex: 'other' }, 'sex:not_an_option'],
    ['one of several choices that is not offered', { ...valid, needs: ['food', 'money'] }, 'needs:not_an_option'],
    ['a yes/no given as text', { ...valid, has_id: 'ya' }, 'has_id:wrong_type'],
    ['a scale outside 1–5', { ...valid, mood: 6 }, 'mood:scale_out_of_range'],
    ['text longer than allowed', { ...valid, name: 'x'.repeat(21) }, 'name:too_long'],
    ['a photo that is not an attachment id', { ...valid, photo: 'foto.jpg' }, 'photo:invalid_photo'],
    ['a signature that is not a PNG', { ...valid, signature: 'data:image/jpeg;base64,AAAA' }, 'signature:invalid_signature'],
    ['a question the form does not have', { ...valid, favourite_colour: 'blue' }, 'favourite_colour:unknown_field'],
    ['too many rows', { ...valid, family: [{ member: 'a' }, { member: 'b' }, { member: 'c' }] }, 'family:too_many_rows'],
    ['a row without its required question', { ...valid, family: [{ alive: false }] }, 'family.0.member:required'],
    ['a row with a wrong type', { ...valid, family: [{ member: 'Siti', alive: 'ya' }] }, 'family.0.alive:wrong_type'],
  ];

  it.each(wrong)('refuses %s', (_name, answers, expected) => {
    expect(codes(answers)).toContain(expected);
  });

  it('checks ranges at submit only, so a half-typed draft still saves', () => {
    expect(codes({ age: 130 }, 'draft')).toEqual([]);
    expect(codes({ age: 'x' }, 'draft')).toEqual(['age:wrong_type']);
  });

  describe('conditions', () => {
    it('requires a question only while it is shown', () => {
      expect(codes({ ...valid, has_id: false })).toEqual([]);
      expect(codes({ ...valid, has_id: true })).toEqual(['nik:required']);
      expect(codes({ ...valid, needs: ['food'] })).toEqual([]);
      expect(codes({ ...valid, needs: ['food', 'medical'] })).toEqual(['medical_notes:required']);
    });

    it('hides a question whose condition looks at a hidden question', () => {
      expect(visibleFields(def, { has_id: false, nik: 'x' }).has('nik_photo')).toBe(false);
      expect(visibleFields(def, { has_id: true, nik: 'x' }).has('nik_photo')).toBe(true);
    });

    it('applies a row condition to each row on its own', () => {
      const family = [{ member: 'Ayah', alive: true }, { member: 'Ibu', alive: false }];
      expect(codes({ ...valid, family })).toEqual(['family.0.job:required']);
    });

    it('drops answers of hidden questions and empty answers when kept', () => {
      const kept = cleanAnswers(def, {
        ...valid,
        name: '  Budi  ',
        nik: '3574010101010001',
        needs: [],
        family: [{ member: 'Ayah', alive: false, job: 'petani' }, { member: '' }],
      });
      expect(kept).toEqual({ name: 'Budi', sex: 'male', has_id: false, family: [{ member: 'Ayah', alive: false }] });
    });
  });

  it('names only the questions that changed, never their answers', () => {
    expect(changedFieldKeys({ name: 'Budi', age: 30, needs: ['food'] }, { name: 'Budi', age: 31, needs: ['food'], mood: 3 })).toEqual(['age', 'mood']);
    // Rows come back from the database with their keys in another order: not a change.
    expect(changedFieldKeys({ family: [{ name: 'Ayah', alive: true }] }, { family: [{ alive: true, name: 'Ayah' }] })).toEqual([]);
  });
});
