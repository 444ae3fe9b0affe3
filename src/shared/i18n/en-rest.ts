/**
 * The English texts of every page but the first screens (see `en-first.ts`).
 */
import enNik from './en/nik.json' with { type: 'json' };
import enCasework from './en/casework.json' with { type: 'json' };
import enShelter from './en/shelter.json' with { type: 'json' };
import enShelterWeb from './en/shelter-web.json' with { type: 'json' };
import enSettingsWeb from './en/settings-web.json' with { type: 'json' };
import enForms from './en/forms.json' with { type: 'json' };
import enLetters from './en/letters.json' with { type: 'json' };
import enAssessmentReports from './en/assessment-reports.json' with { type: 'json' };
import enRoster from './en/roster.json' with { type: 'json' };
import enComplaints from './en/complaints.json' with { type: 'json' };
import enPublic from './en/public.json' with { type: 'json' };
import enSurvey from './en/survey.json' with { type: 'json' };
import enPublications from './en/publications.json' with { type: 'json' };
import enReferrals from './en/referrals.json' with { type: 'json' };
import enInstitutions from './en/institutions.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import { merge, type Tree } from './core.js';

const texts: Tree = merge(
  enNik,
  enCasework,
  enShelter,
  enShelterWeb,
  enSettingsWeb,
  enForms,
  enLetters,
  enAssessmentReports,
  enRoster,
  enComplaints,
  enPublic,
  enSurvey,
  enPublications,
  enReferrals,
  enInstitutions,
  enReports,
);
export default texts;
