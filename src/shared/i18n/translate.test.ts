import { describe, expect, it } from 'vitest';
import { translate } from './index.js';

describe('translate (server and documents)', () => {
  it("picks the language's plural form for a count, as i18next does on the web", () => {
    expect(translate('en', 'referrals.letter.enclosure_count', { count: 1 })).toBe('1 file');
    expect(translate('en', 'referrals.letter.enclosure_count', { count: 3 })).toBe('3 files');
    expect(translate('en', 'reports.summary.respondentsCount', { count: 1 })).toBe('1 respondent');
    expect(translate('en', 'reports.summary.respondentsCount', { count: 0 })).toBe('0 respondents');
  });

  it('uses the one form Indonesian has, whether it is written as the key itself or as its "other" form', () => {
    expect(translate('id', 'referrals.letter.enclosure_count', { count: 1 })).toBe('1 berkas');
    expect(translate('id', 'reports.summary.respondentsCount', { count: 1 })).toBe('1 responden');
  });

  it('reads a key without plural forms as before, and shows a missing key as itself', () => {
    expect(translate('en', 'reports.summary.respondents')).toBe('Respondents');
    expect(translate('en', 'public.time.minutes', { count: 1 })).toBe('1 min');
    expect(translate('en', 'no.such.key', { count: 1 })).toBe('no.such.key');
  });
});
