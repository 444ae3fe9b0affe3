import { describe, expect, it } from 'vitest';
import { computeIkm, gradeForIkm, roundTo2, SURVEY_ELEMENTS, type SurveyAnswers } from './ikm.js';

const all = (score: number | null): SurveyAnswers =>
  Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, score])) as SurveyAnswers;
const scores = (...values: (number | null)[]): SurveyAnswers =>
  Object.fromEntries(SURVEY_ELEMENTS.map((e, i) => [e, values[i] ?? null])) as SurveyAnswers;

describe('IKM arithmetic (PermenPANRB 14/2017)', () => {
  it('every respondent answering "sangat sesuai" everywhere gives 100.00, grade A', () => {
    const r = computeIkm([all(4), all(4), all(4)]);
    expect(r.ikmRounded).toBe(100);
    expect(r.grade).toBe('A');
    expect(r.elements[0]).toEqual({ element: 'u1', sum: 12, filled: 3, nrr: 4, weighted: 4 / 9 });
  });

  it('every respondent answering "tidak sesuai" everywhere gives 25.00, grade D', () => {
    const r = computeIkm([all(1), all(1)]);
    expect(r.ikmRounded).toBe(25);
    expect(r.grade).toBe('D');
  });

  it('a hand-computed example of four questionnaires', () => {
    // U1: 4+3+3+4 = 14 → NRR 3.5 ; U2: 3+3+3+3 = 12 → 3 ; U3: 2+3+4+3 = 12 → 3 ; U4: 4×4 = 16 → 4
    // U5: 3+3+2+3 = 11 → 2.75 ; U6: 3+4+3+4 = 14 → 3.5 ; U7: 4+4+4+3 = 15 → 3.75 ; U8: 2+2+3+3 = 10 → 2.5
    // U9: 3+3+3+4 = 13 → 3.25.  Σ NRR = 29.25 ; Σ NRR/9 = 3.25 ; IKM = 3.25 × 25 = 81.25 → B (Baik)
    const r = computeIkm([
      scores(4, 3, 2, 4, 3, 3, 4, 2, 3),
      scores(3, 3, 3, 4, 3, 4, 4, 2, 3),
      scores(3, 3, 4, 4, 2, 3, 4, 3, 3),
      scores(4, 3, 3, 4, 3, 4, 3, 3, 4),
    ]);
    expect(r.elements.map((e) => e.nrr)).toEqual([3.5, 3, 3, 4, 2.75, 3.5, 3.75, 2.5, 3.25]);
    expect(r.index).toBeCloseTo(3.25, 12);
    expect(r.ikmRounded).toBe(81.25);
    expect(r.grade).toBe('B');
  });

  it('divides each element by the questionnaires that answered it, not by all of them', () => {
    // U1 answered by two (4, 2 → 3); the rest all 3 by three respondents → every NRR 3 → IKM 75.00 → C
    const r = computeIkm([scores(4, 3, 3, 3, 3, 3, 3, 3, 3), scores(2, 3, 3, 3, 3, 3, 3, 3, 3), scores(null, 3, 3, 3, 3, 3, 3, 3, 3)]);
    expect(r.elements[0]).toMatchObject({ sum: 6, filled: 2, nrr: 3 });
    expect(r.ikmRounded).toBe(75);
    expect(r.grade).toBe('C');
  });

  it('a repeating fraction keeps full precision and is rounded only for the grade', () => {
    // One respondent: 4,4,4,4,4,4,4,4,3 → Σ = 35 → 35/9 × 25 = 97.2222… → 97.22, A
    const r = computeIkm([scores(4, 4, 4, 4, 4, 4, 4, 4, 3)]);
    expect(r.ikm).toBeCloseTo(97.2222222, 6);
    expect(r.ikmRounded).toBe(97.22);
  });

  it('no answers yet has no grade', () => {
    expect(computeIkm([]).grade).toBeNull();
  });

  it('refuses a score outside 1–4', () => {
    expect(() => computeIkm([scores(5, 3, 3, 3, 3, 3, 3, 3, 3)])).toThrow(RangeError);
  });
});

describe('IKM grades at the boundaries of the conversion table', () => {
  it.each([
    [25, 'D'],
    [64.99, 'D'],
    [64.994, 'D'],
    [64.995, 'C'],
    [65, 'C'],
    [76.6, 'C'],
    [76.604, 'C'],
    [76.605, 'B'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.304, 'B'],
    [88.305, 'A'],
    [88.31, 'A'],
    [100, 'A'],
  ] as const)('IKM %d is grade %s', (ikm, grade) => {
    expect(gradeForIkm(ikm)).toBe(grade);
  });

  it('rounds half away from zero despite binary fractions', () => {
    expect(roundTo2(64.995)).toBe(65);
    expect(roundTo2(76.605)).toBe(76.61);
    expect(roundTo2(1.005)).toBe(1.01);
  });

  it('real answers landing exactly on 65.00: every element 3,3,3,2,2 → NRR 2.6 → 2.6 × 25 = 65.00 → C', () => {
    const five = [all(3), all(3), all(3), all(2), all(2)];
    const r = computeIkm(five);
    expect(r.ikmRounded).toBe(65);
    expect(r.grade).toBe('C');
  });
});
