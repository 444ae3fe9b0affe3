/** The public survey form (/survei/<slug>): plain HTML that works without script on any phone. */
import { type Language, translate } from '../../../shared/i18n/index.js';
import { AGE_GROUPS, RESPONDENT_EDUCATION, RESPONDENT_SEXES, RESPONDENT_TYPES, SURVEY_ELEMENTS } from '../../../shared/survey/ikm.js';
import { html, publicPage, type SafeHtml } from '../../documents/html.js';

export interface SurveyPageState {
  lang: Language;
  origin: string;
  slug: string;
  unitName: string;
  periodName: string | null;
  /** What to show instead of (or above) the form. */
  status: 'form' | 'closed' | 'answered' | 'thanks';
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
}

function select(name: string, options: readonly string[], lang: Language, value: string | undefined, error: string | undefined): SafeHtml {
  const t = (key: string) => translate(lang, key);
  return html`<label class="f" for="${name}">${t(`survey.profile.${name}`)}</label>
<select id="${name}" name="${name}" required><option value="">${t('survey.page.choose')}</option>${options.map(
    (o) => html`<option value="${o}"${o === value ? html` selected` : ''}>${t(`survey.${name}.${o}`)}</option>`,
  )}</select>${error ? html`<div class="err">${error}</div>` : ''}`;
}

export function renderSurveyPage(s: SurveyPageState): string {
  const t = (key: string, vars?: Record<string, unknown>) => translate(s.lang, `survey.page.${key}`, vars);
  const v = s.values ?? {};
  const e = s.errors ?? {};
  let content: SafeHtml;
  if (s.status === 'closed') content = html`<section><p class="note">${t('closed')}</p></section>`;
  else if (s.status === 'answered') content = html`<section><p class="note" id="answered">${t('alreadyAnswered')}</p></section>`;
  else if (s.status === 'thanks') content = html`<section><h2 id="thanks">${t('thanks')}</h2><p>${t('thanksBody')}</p></section>`;
  else
    content = html`<form method="post" action="/survei/${s.slug}${s.lang === 'en' ? '?lang=en' : ''}" novalidate>
${s.message ? html`<p class="note err" role="alert">${s.message}</p>` : ''}
<section><h2>${t('elementsTitle')}</h2><p><small>${t('scaleHint')}</small></p>
${SURVEY_ELEMENTS.map(
  (el, i) => html`<fieldset id="q-${el}"><legend>${i + 1}. ${translate(s.lang, `survey.elements.${el}.question`)}</legend><div class="opts">${[1, 2, 3, 4].map(
    (score) => html`<label><input type="radio" name="${el}" value="${score}" required${v[el] === String(score) ? html` checked` : ''}> ${translate(s.lang, `survey.elements.${el}.options.${score}`)}</label>`,
  )}</div>${e[el] ? html`<div class="err">${e[el]}</div>` : ''}</fieldset>`,
)}
</section>
<section><h2>${t('profileTitle')}</h2>
${select('respondentType', RESPONDENT_TYPES, s.lang, v.respondentType, e.respondentType)}
${select('ageGroup', AGE_GROUPS, s.lang, v.ageGroup, e.ageGroup)}
${select('sex', RESPONDENT_SEXES, s.lang, v.sex, e.sex)}
${select('education', RESPONDENT_EDUCATION, s.lang, v.education, e.education)}
<label class="f" for="suggestion">${t('suggestion')}</label>
<textarea id="suggestion" name="suggestion" rows="4" maxlength="1000">${v.suggestion ?? ''}</textarea>
<p><small>${t('anonymous')}</small></p>
<button type="submit">${t('submit')}</button>
</section>
</form>`;
  const body = html`<header><div><div class="office">${t('kicker')}</div><h1>${s.unitName}</h1>${s.periodName ? html`<p>${t('period', { name: s.periodName })}</p>` : ''}</div></header>
<main>${content}</main>
<footer><div><p><a href="/layanan/${s.slug}">${t('backToService')}</a></p></div></footer>`;
  return publicPage(
    {
      lang: s.lang,
      title: t('title', { name: s.unitName }),
      description: t('description', { name: s.unitName }),
      url: `${s.origin}/survei/${s.slug}`,
      image: `${s.origin}/layanan/${s.slug}/og.png`,
      noIndex: s.status !== 'form',
    },
    body,
  );
}
