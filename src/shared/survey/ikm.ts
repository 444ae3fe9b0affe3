/**
 * The community satisfaction index (Indeks Kepuasan Masyarakat, IKM) of PermenPANRB 14/2017:
 * nine service elements, each answered on a 1–4 scale.
 *
 *   NRR per element   = sum of its scores / number of questionnaires that answered it
 *   weighted NRR      = NRR × 1/9   (the regulation writes the weight as 0.111; we use 1/9 exactly)
 *   IKM               = Σ weighted NRR × 25   (a value from 25 to 100)
 *
 * Rounding: everything is computed with full precision; the grade is read from the IKM rounded to
 * two decimals (half away from zero), the precision of the regulation's conversion table. So
 * 64.994 → 64.99 → D, 64.995 → 65.00 → C, and no value falls between two intervals.
 */

/** The nine elements (unsur) in the regulation's order; `u1` … `u9` are the stable keys. */
export const SURVEY_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

/** One questionnaire: a score 1–4 per element, or null where the respondent left it out. */
export type SurveyAnswers = Record<SurveyElement, number | null>;

export const IKM_GRADES = ['A', 'B', 'C', 'D'] as const;
export type IkmGrade = (typeof IKM_GRADES)[number];

/** Respondent profile choices (the regulation's questionnaire asks age, sex, education, job). */
export const AGE_GROUPS = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export const RESPONDENT_SEXES = ['male', 'female'] as const;
export const RESPONDENT_EDUCATION = ['none', 'sd', 'smp', 'sma', 'diploma', 'bachelor', 'postgraduate'] as const;
export const RESPONDENT_TYPES = ['family', 'partner_agency', 'public'] as const;

export interface ElementResult {
  element: SurveyElement;
  sum: number;
  filled: number;
  /** Average score (nilai rata-rata), 0 when nobody answered the element. */
  nrr: number;
  /** NRR × 1/9. */
  weighted: number;
}

export interface IkmResult {
  respondents: number;
  elements: ElementResult[];
  /** Σ weighted NRR (the "nilai indeks", 1–4). */
  index: number;
  /** IKM with full precision (index × 25). */
  ikm: number;
  /** IKM rounded to two decimals, the value the grade is read from and the one to print. */
  ikmRounded: number;
  /** null when there are no answers yet. */
  grade: IkmGrade | null;
}

/** Round half away from zero to two decimals, robust against binary fractions like 64.995. */
export function roundTo2(value: number): number {
  return Math.sign(value) * Math.round(Number((Math.abs(value) * 100).toPrecision(15))) / 100;
}

/**
 * The grade (mutu pelayanan) for an IKM value, by the conversion table:
 * 25.00–64.99 D (Tidak Baik) · 65.00–76.60 C (Kurang Baik) · 76.61–88.30 B (Baik) · 88.31–100.00 A (Sangat Baik).
 */
export function gradeForIkm(ikm: number): IkmGrade {
  const v = roundTo2(ikm);
  if (v >= 88.31) return 'A';
  if (v >= 76.61) return 'B';
  if (v >= 65) return 'C';
  return 'D';
}

/** Compute NRR per element, the weighted NRR, the IKM and its grade from all questionnaires of a period. */
export function computeIkm(responses: readonly SurveyAnswers[]): IkmResult {
  const elements = SURVEY_ELEMENTS.map((element): ElementResult => {
    let sum = 0;
    let filled = 0;
    for (const r of responses) {
      const score = r[element];
      if (score === null || score === undefined) continue;
      if (!Number.isInteger(score) || score < 1 || score > 4) throw new RangeError(`score out of range for ${element}: ${score}`);
      sum += score;
      filled += 1;
    }
    const nrr = filled === 0 ? 0 : sum / filled;
    return { element, sum, filled, nrr, weighted: nrr / 9 };
  });
  const answered = elements.some((e) => e.filled > 0);
  const index = elements.reduce((s, e) => s + e.weighted, 0);
  const ikm = index * 25;
  return {
    respondents: responses.length,
    elements,
    index,
    ikm,
    ikmRounded: roundTo2(ikm),
    grade: answered ? gradeForIkm(ikm) : null,
  };
}
