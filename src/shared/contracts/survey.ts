import { z } from 'zod';
import { AGE_GROUPS, IKM_GRADES, RESPONDENT_EDUCATION, RESPONDENT_SEXES, RESPONDENT_TYPES, SURVEY_ELEMENTS } from '../survey/ikm.js';

/** A survey period of one unit (e.g. "Semester I 2026"); the public form takes answers while it is open. */
export const surveyPeriodBody = z
  .object({
    name: z.string().trim().min(3).max(120),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'validation.period_order', path: ['endsOn'] });
export type SurveyPeriodBody = z.infer<typeof surveyPeriodBody>;

export const surveyPeriodView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  responses: z.number().int(),
  isOpen: z.boolean(),
});
export type SurveyPeriodView = z.infer<typeof surveyPeriodView>;

const score = z.coerce.number().int().min(1).max(4);

/** One questionnaire from the public form (form fields arrive as text, hence the coercion). */
export const surveyResponseBody = z.object({
  u1: score,
  u2: score,
  u3: score,
  u4: score,
  u5: score,
  u6: score,
  u7: score,
  u8: score,
  u9: score,
  ageGroup: z.enum(AGE_GROUPS),
  sex: z.enum(RESPONDENT_SEXES),
  education: z.enum(RESPONDENT_EDUCATION),
  respondentType: z.enum(RESPONDENT_TYPES),
  suggestion: z.string().trim().max(1000).optional(),
});
export type SurveyResponseBody = z.infer<typeof surveyResponseBody>;

const countBy = z.array(z.object({ value: z.string(), count: z.number().int() }));

/** The results of a period: NRR per element, IKM and grade, the respondents' profile and suggestions. */
export const surveyResultsView = z.object({
  period: surveyPeriodView,
  organizationName: z.string(),
  respondents: z.number().int(),
  elements: z.array(
    z.object({ element: z.enum(SURVEY_ELEMENTS), sum: z.number().int(), filled: z.number().int(), nrr: z.number(), weighted: z.number() }),
  ),
  index: z.number(),
  ikm: z.number(),
  ikmRounded: z.number(),
  grade: z.enum(IKM_GRADES).nullable(),
  profile: z.object({ ageGroup: countBy, sex: countBy, education: countBy, respondentType: countBy }),
  suggestions: z.array(z.object({ text: z.string(), submittedAt: z.iso.datetime() })),
});
export type SurveyResultsView = z.infer<typeof surveyResultsView>;

export const surveyPeriodsQuery = z.object({ organizationId: z.uuid() });
