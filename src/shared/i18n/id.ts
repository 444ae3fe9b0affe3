/**
 * Every Indonesian text, merged from the per-feature files in `./id/`.
 * Register a new feature's file here AND in the other language's file, and in `id-rest.ts` (the web
 * loads `id-first.ts` and `id-rest.ts`, which together must equal this tree: src/web/i18n-split.test.ts).
 */
import idErrors from './id/errors.json' with { type: 'json' };
import idWeb from './id/web.json' with { type: 'json' };
import idCases from './id/cases.json' with { type: 'json' };
import idNik from './id/nik.json' with { type: 'json' };
import idCasework from './id/casework.json' with { type: 'json' };
import idShelter from './id/shelter.json' with { type: 'json' };
import idCasesWeb from './id/cases-web.json' with { type: 'json' };
import idShelterWeb from './id/shelter-web.json' with { type: 'json' };
import idSettingsWeb from './id/settings-web.json' with { type: 'json' };
import idForms from './id/forms.json' with { type: 'json' };
import idLetters from './id/letters.json' with { type: 'json' };
import idAssessmentReports from './id/assessment-reports.json' with { type: 'json' };
import idCaseConferences from './id/case-conferences.json' with { type: 'json' };
import idNotifications from './id/notifications.json' with { type: 'json' };
import idRoster from './id/roster.json' with { type: 'json' };
import idComplaints from './id/complaints.json' with { type: 'json' };
import idPublic from './id/public.json' with { type: 'json' };
import idSurvey from './id/survey.json' with { type: 'json' };
import idPublications from './id/publications.json' with { type: 'json' };
import idReferrals from './id/referrals.json' with { type: 'json' };
import idInstitutions from './id/institutions.json' with { type: 'json' };
import idReports from './id/reports.json' with { type: 'json' };
import idNav from './id/nav.json' with { type: 'json' };
import { merge, type Tree } from './core.js';

const id: Tree = merge(
  idErrors,
  idWeb,
  idCases,
  idNik,
  idCasework,
  idShelter,
  idCasesWeb,
  idShelterWeb,
  idSettingsWeb,
  idForms,
  idLetters,
  idAssessmentReports,
  idCaseConferences,
  idNotifications,
  idRoster,
  idComplaints,
  idPublic,
  idSurvey,
  idPublications,
  idReferrals,
  idInstitutions,
  idReports,
  idNav,
);
export default id;
