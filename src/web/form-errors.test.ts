/** Client-side form errors say what is wrong in the words that fit the field: values, characters or items. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHealthCheckBody } from '../shared/contracts/casework.js';
import { translate } from '../shared/i18n/index.js';
import { schemaErrors } from './form-errors.js';

const t = ((key: string, vars?: Record<string, unknown>) => translate('id', key, vars)) as never;

describe('form errors', () => {
  const health = z.object({
    pulse: z.number().int().min(20).max(250),
    temperature: z.number().min(30).max(45),
    respiration: z.number().positive(),
    note: z.string().max(5),
    tags: z.array(z.string()).max(1),
  });

  it('a number out of range names the bound as a value, not as characters', () => {
    const errors = schemaErrors(health, { pulse: 999, temperature: 365, respiration: -4, note: 'terlalu panjang', tags: ['a', 'b'] }, t);
    expect(errors).toEqual({
      pulse: 'maksimal 250',
      temperature: 'maksimal 45',
      respiration: 'harus lebih dari 0',
      note: 'maksimal 5 karakter',
      tags: 'maksimal 1 butir',
    });
    expect(schemaErrors(health, { pulse: 5, temperature: 36, respiration: 20, note: '', tags: [] }, t)).toEqual({ pulse: 'minimal 20' });
  });

  it('a rule over several fields says what it wants where its field is empty, not just "required"', () => {
    expect(schemaErrors(createHealthCheckBody, { notes: null, suspectedPsychosis: false }, t)).toEqual({ notes: translate('id', 'validation.health_check_empty') });
    expect(schemaErrors(createHealthCheckBody, { notes: null, pulse: 80 }, t)).toEqual({});
  });
});
