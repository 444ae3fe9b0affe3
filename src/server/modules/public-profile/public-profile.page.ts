/** The public service page of a unit, as server-rendered HTML (no script; see documents/html.ts). */
import { type Language, translate } from '../../../shared/i18n/index.js';
import { formatNumber } from '../../../shared/i18n/numbers.js';
import { formatMinutes, html, publicPage } from '../../documents/html.js';
import type { PublicService } from './public-profile.service.js';

/** Digits of a phone number for a tel: link (keeps a leading +). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function whatsappHref(number: string, text?: string): string {
  return `https://wa.me/${number}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}

export function renderPublicServicePage(s: PublicService, lang: Language, origin: string): string {
  const t = (key: string, vars?: Record<string, unknown>) => translate(lang, `public.page.${key}`, vars);
  const url = `${origin}/layanan/${s.slug}`;
  const otherLang: Language = lang === 'id' ? 'en' : 'id';
  const maxCategory = Math.max(1, ...s.stats.byCategory.map((c) => c.count));
  const body = html`
<header><div>
${s.office ? html`<div class="office">${s.office}</div>` : ''}
<h1>${s.name}</h1>
<p>${t('tagline')}</p>
<nav class="actions" aria-label="${t('contactNav')}">
${s.phone ? html`<a class="btn" href="${telHref(s.phone)}">${t('call')}</a>` : ''}
${s.whatsapp ? html`<a class="btn" href="${whatsappHref(s.whatsapp)}">WhatsApp</a>` : ''}
<a class="btn wide" href="/aduan">${t('complain')}</a>
<a class="btn alt" href="/survei/${s.slug}">${t('survey')}</a>
</nav>
</div></header>
<main>
<section><h2>${t('about')}</h2><p>${s.description}</p>
${s.servesWhom ? html`<h2>${t('forWhom')}</h2><p>${s.servesWhom}</p>` : ''}
</section>
<section id="alur"><h2>${t('flow')}</h2>
<ol class="flow">
${s.stages.map(
  (st) => html`<li${st.skippable ? html` class="opt"` : ''}><b>${st.name}</b><small>${t('standardTime', { time: formatMinutes(lang, st.standardMinutes) })}</small>${st.skippable ? html`<span class="tag">${t('ifNeeded')}</span>` : ''}</li>`,
)}
</ol>
<p class="total">${t('total', { time: formatMinutes(lang, s.totalMinutes), days: s.targetWorkingDays })}</p>
</section>
${s.requirements.length ? html`<section><h2>${t('requirements')}</h2><ul class="plain">${s.requirements.map((r) => html`<li>${r}</li>`)}</ul></section>` : ''}
${s.handoverInstructions.length ? html`<section><h2>${t('handover')}</h2><ol class="plain">${s.handoverInstructions.map((r) => html`<li>${r}</li>`)}</ol></section>` : ''}
<section id="kontak"><h2>${t('contact')}</h2><dl>
${s.phone ? html`<dt>${t('dutyPhone')}</dt><dd><a href="${telHref(s.phone)}">${s.phone}</a>${s.isOnDutyNow ? html` <span class="tag">${t('onDutyNow')}</span>` : ''}</dd>` : ''}
${s.whatsapp ? html`<dt>WhatsApp</dt><dd><a href="${whatsappHref(s.whatsapp)}">+${s.whatsapp}</a></dd>` : ''}
${s.address ? html`<dt>${t('address')}</dt><dd>${s.address}${s.mapUrl ? html`<br><a href="${s.mapUrl}" rel="noopener">${t('map')}</a>` : ''}</dd>` : ''}
${s.email ? html`<dt>${t('email')}</dt><dd><a href="mailto:${s.email}">${s.email}</a></dd>` : ''}
${s.openingHours ? html`<dt>${t('hours')}</dt><dd>${s.openingHours}</dd>` : ''}
</dl></section>
<section id="angka"><h2>${t('numbers', { year: s.year })}</h2>
<div class="stats">
<div class="stat"><b>${s.stats.arrived}</b>${t('served')}</div>
<div class="stat"><b>${s.stats.terminated}</b>${t('completed')}</div>
<div class="stat"><b>${s.stats.withinTargetPercent === null ? '–' : `${formatNumber(s.stats.withinTargetPercent, lang)}%`}</b>${t('withinTarget', { days: s.targetWorkingDays })}</div>
</div>
${s.stats.byCategory.length ? html`<h2>${t('byCategory')}</h2><ul class="bars">${s.stats.byCategory.map(
  (c) => html`<li>${translate(lang, `ppks.${c.code}`)}: <b>${c.count}</b><div class="bar" style="width:${Math.round((c.count / maxCategory) * 100)}%"></div></li>`,
)}</ul>` : ''}
<p><small>${t('aggregateNote')}</small></p>
</section>
</main>
<footer><div>
<p><a href="/aduan">${t('complain')}</a> · <a href="/survei/${s.slug}">${t('survey')}</a> · <a href="?lang=${otherLang}" hreflang="${otherLang}">${t('otherLanguage')}</a></p>
<p>${t('footer', { name: s.name })}</p>
</div></footer>`;
  return publicPage(
    {
      lang,
      title: t('title', { name: s.name }),
      description: `${s.description} ${t('metaSuffix', { days: s.targetWorkingDays })}`.trim(),
      url,
      image: `${origin}/layanan/${s.slug}/og.png`,
    },
    body,
  );
}
