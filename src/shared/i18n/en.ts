/**
 * Every English text, merged from the per-feature files in `./en/`.
 * Register a new feature's file here AND in the other language's file, and in `en-rest.ts` (the web
 * loads `en-first.ts` and `en-rest.ts`, which together must equal this tree: src/web/i18n-split.test.ts).
 */
import enErrors from './en/errors.json' with { type: 'json' };
import enWeb from './en/web.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import enNik from './en/nik.json' with { type: 'json' };
import enCasework from './en/casework.json' with { type: 'json' };
import enShelter from './en/shelter.json' with { type: 'json' };
import enCasesWeb from './en/cases-web.json' with { type: 'json' };
import enShelterWeb from './en/shelter-web.json' with { type: 'json' };
import enSettingsWeb from './en/settings-web.json' with { type: 'json' };
import enForms from './en/forms.json' with { type: 'json' };
import enLetters from './en/letters.json' with { type: 'json' };
import enAssessmentReports from './en/assessment-reports.json' with { type: 'json' };
import enCaseConferences from './en/case-conferences.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import enRoster from './en/roster.json' with { type: 'json' };
import enComplaints from './en/complaints.json' with { type: 'json' };
import enPublic from './en/public.json' with { type: 'json' };
import enSurvey from './en/survey.json' with { type: 'json' };
import enPublications from './en/publications.json' with { type: 'json' };
import enReferrals from './en/referrals.json' with { type: 'json' };
import enInstitutions from './en/institutions.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import enNav from './en/nav.json' with { type: 'json' };
import { merge, type Tree } from './core.js';

const en: Tree = merge(
  enErrors,
  enWeb,
  enCases,
  enNik,
  enCasework,
  enShelter,
  enCasesWeb,
  enShelterWeb,
  enSettingsWeb,
  enForms,
  enLetters,
  enAssessmentReports,
  enCaseConferences,
  enNotifications,
  enRoster,
  enComplaints,
  enPublic,
  enSurvey,
  enPublications,
  enReferrals,
  enInstitutions,
  enReports,
  enNav,
);
export default en;
