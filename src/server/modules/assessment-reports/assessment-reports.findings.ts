/**
 * From a submitted assessment (its answers and the definition of the version it was filled in) to the
 * report's findings per section, plus the social worker's analysis and recommendation. Pure, so the
 * mapping is tested without a database.
 *
 * The analysis and recommendation are recognised by key: a section or field whose key contains
 * `analysis`/`analisis` or `recommend`/`rekomendasi`. Their text leaves the findings and fills the
 * report's own paragraphs. Photos and signatures are not findings; unanswered questions are left out.
 */
import type { AssessmentFinding } from '../../../shared/contracts/assessment-reports.js';
import type { AnyFormField, FormAnswers, FormAnswerValue, FormDefinition, LocalizedText } from '../../../shared/contracts/forms.js';
import type { Language } from '../../../shared/i18n/index.js';

const ANALYSIS = /analy|analis/;
const RECOMMENDATION = /recommend|rekomendasi/;

const label = (text: LocalizedText, lang: Language) => (lang === 'en' && text.en.trim() ? text.en : text.id);

function isShown(field: AnyFormField, answers: Record<string, unknown>): boolean {
  if (!field.showWhen) return true;
  const value = answers[field.showWhen.field];
  return Array.isArray(value) ? value.includes(String(field.showWhen.equals)) : value === field.showWhen.equals;
}

function formatDate(value: string, lang: Language): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** One answer as printed text, or null when there is nothing to print. */
export function formatAnswer(field: AnyFormField, value: FormAnswerValue | undefined, lang: Language): string | null {
  if (value === undefined || value === null || value === '') return null;
  const optionLabel = (v: string) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? label(o.label, lang) : v;
  };
  switch (field.type) {
    case 'photo':
    case 'signature':
      return null;
    case 'yes_no':
      return value === true ? (lang === 'en' ? 'Yes' : 'Ya') : value === false ? (lang === 'en' ? 'No' : 'Tidak') : null;
    case 'single_choice':
      return typeof value === 'string' ? optionLabel(value) : null;
    case 'multiple_choice':
      return Array.isArray(value) && value.length ? (value as string[]).map(optionLabel).join(', ') : null;
    case 'scale_1_5':
      return typeof value === 'number' ? `${value}/5` : null;
    case 'date':
      return typeof value === 'string' ? formatDate(value, lang) : null;
    case 'repeating_group': {
      if (!Array.isArray(value) || value.length === 0) return null;
      const sub = (field as { fields?: AnyFormField[] }).fields ?? [];
      const rows = (value as Record<string, FormAnswerValue>[]).map((row, i) => {
        const parts = sub
          .filter((f) => isShown(f, row))
          .map((f) => {
            const text = formatAnswer(f, row[f.key], lang);
            return text ? `${label(f.label, lang)}: ${text}` : null;
          })
          .filter(Boolean);
        return `${i + 1}. ${parts.join('; ')}`;
      });
      return rows.join('\n');
    }
    default:
      return String(value).trim() || null;
  }
}

export interface ExtractedAssessment {
  findings: AssessmentFinding[];
  analysis: string;
  recommendation: string;
}

/** The findings per section, the analysis and the recommendation of a submitted assessment. */
export function extractAssessment(definition: FormDefinition, answers: FormAnswers, lang: Language = 'id'): ExtractedAssessment {
  const findings: AssessmentFinding[] = [];
  const analysis: string[] = [];
  const recommendation: string[] = [];
  for (const section of definition.sections) {
    const items: AssessmentFinding['items'] = [];
    const sectionIsAnalysis = ANALYSIS.test(section.key);
    const sectionIsRecommendation = RECOMMENDATION.test(section.key);
    for (const field of section.fields) {
      if (!isShown(field, answers)) continue;
      const text = formatAnswer(field, answers[field.key], lang);
      if (!text) continue;
      // A choice among the paragraphs ("Rencana tindak lanjut") is printed with its question.
      const paragraph = field.type === 'long_text' || field.type === 'short_text' ? text : `${label(field.label, lang)}: ${text}`;
      if (RECOMMENDATION.test(field.key) || (sectionIsRecommendation && !ANALYSIS.test(field.key))) recommendation.push(paragraph);
      else if (ANALYSIS.test(field.key) || sectionIsAnalysis) analysis.push(paragraph);
      else items.push({ label: label(field.label, lang), value: text });
    }
    if (items.length) findings.push({ title: label(section.title, lang), items });
  }
  return { findings, analysis: analysis.join('\n\n'), recommendation: recommendation.join('\n\n') };
}
