import { describe, expect, it } from 'vitest';
import { ROLES } from '../permissions.js';
import { DEFAULT_SOP, SOP_STAGE_KEYS, totalStandardMinutes } from './default-sop.js';
import { addWorkingMinutes, DEFAULT_CALENDAR } from './working-time.js';

describe('default SOP (SPOT HANDAL)', () => {
  it('has 12 stages taking 1,455 working minutes in all', () => {
    expect(DEFAULT_SOP).toHaveLength(12);
    expect(totalStandardMinutes(DEFAULT_SOP)).toBe(1455);
  });

  it('runs the stages in the SOP’s order', () => {
    expect(DEFAULT_SOP.map((s) => s.key)).toEqual([...SOP_STAGE_KEYS]);
  });

  it.each([
    { key: 'reception', minutes: 15, role: 'shelter_officer', skippable: false },
    { key: 'initial_identification', minutes: 30, role: 'shelter_officer', skippable: false },
    { key: 'health_civil_check', minutes: 30, role: 'shelter_officer', skippable: false },
    { key: 'family_tracing', minutes: 60, role: 'social_worker', skippable: true },
    { key: 'assessment', minutes: 60, role: 'social_worker', skippable: false },
    { key: 'assessment_report', minutes: 120, role: 'social_worker', skippable: false },
    { key: 'case_conference', minutes: 120, role: 'head', skippable: true },
    { key: 'referral', minutes: 30, role: 'social_worker', skippable: true },
    { key: 'rehabilitation', minutes: 720, role: 'social_worker', skippable: true },
    { key: 'reunification', minutes: 180, role: 'social_worker', skippable: true },
    { key: 'monitoring_evaluation', minutes: 60, role: 'social_worker', skippable: true },
    { key: 'termination', minutes: 30, role: 'head', skippable: false },
  ])('stage $key takes $minutes min, is owned by $role, skippable: $skippable', ({ key, minutes, role, skippable }) => {
    const stage = DEFAULT_SOP.find((s) => s.key === key);
    expect(stage).toMatchObject({ standardMinutes: minutes, responsibleRole: role, skippable });
  });

  it('names and describes every stage in Indonesian and English, each role a real one', () => {
    for (const stage of DEFAULT_SOP) {
      for (const text of [stage.name.id, stage.name.en, stage.description.id, stage.description.en]) expect(text.trim()).not.toBe('');
      expect(ROLES).toContain(stage.responsibleRole);
    }
    expect(DEFAULT_SOP[6].name.id).toBe('Rapat kasus');
    expect(DEFAULT_SOP[7].name.id).toBe('Membuat rujukan');
  });

  it('lets a stranded traveller go from assessment straight to return home', () => {
    const between = SOP_STAGE_KEYS.slice(SOP_STAGE_KEYS.indexOf('assessment_report') + 1, SOP_STAGE_KEYS.indexOf('reunification'));
    expect(between).toEqual(['case_conference', 'referral', 'rehabilitation']);
    expect(between.every((key) => DEFAULT_SOP.find((s) => s.key === key)?.skippable)).toBe(true);
  });

  it('ends a case begun at Monday opening on Wednesday 14:45 WIB in the default office hours', () => {
    const due = addWorkingMinutes(new Date('2026-05-11T07:30:00+07:00'), totalStandardMinutes(DEFAULT_SOP), DEFAULT_CALENDAR);
    expect(due.toISOString()).toBe(new Date('2026-05-13T14:45:00+07:00').toISOString());
  });

  it('cannot be changed by one caller for everyone', () => {
    expect(() => (DEFAULT_SOP as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (DEFAULT_SOP[0] as { standardMinutes: number }).standardMinutes = 1;
    }).toThrow(TypeError);
  });
});
