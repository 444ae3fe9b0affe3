/**
 * The Indonesian texts of every page but the first screens (see `id-first.ts`).
 */
import idNik from './id/nik.json' with { type: 'json' };
import idCasework from './id/casework.json' with { type: 'json' };
import idShelter from './id/shelter.json' with { type: 'json' };
import idShelterWeb from './id/shelter-web.json' with { type: 'json' };
import idSettingsWeb from './id/settings-web.json' with { type: 'json' };
import idForms from './id/forms.json' with { type: 'json' };
import idLetters from './id/letters.json' with { type: 'json' };
import idAssessmentReports from './id/assessment-reports.json' with { type: 'json' };
import idRoster from './id/roster.json' with { type: 'json' };
import idComplaints from './id/complaints.json' with { type: 'json' };
import idPublic from './id/public.json' with { type: 'json' };
import idSurvey from './id/survey.json' with { type: 'json' };
import idPublications from './id/publications.json' with { type: 'json' };
import idReferrals from './id/referrals.json' with { type: 'json' };
import idInstitutions from './id/institutions.json' with { type: 'json' };
import idReports from './id/reports.json' with { type: 'json' };
import { merge, type Tree } from './core.js';

const texts: Tree = merge(
  idNik,
  idCasework,
  idShelter,
  idShelterWeb,
  idSettingsWeb,
  idForms,
  idLetters,
  idAssessmentReports,
  idRoster,
  idComplaints,
  idPublic,
  idSurvey,
  idPublications,
  idReferrals,
  idInstitutions,
  idReports,
);
export default texts;
