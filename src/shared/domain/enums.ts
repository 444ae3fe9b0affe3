/**
 * Coded values of the case flow. Codes are stable English identifiers; their Indonesian and English
 * labels live in the i18n files under `enums.<name>.<code>`.
 */

/** Where a case comes from. */
export const CASE_SOURCES = [
  'emergency_112',
  'satpol_pp_raid',
  'police',
  'community_complaint',
  'agency_referral',
  'walk_in',
  'social_pillar',
  'other',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Data quality of an identity field (after the HMIS standard). */
export const DATA_QUALITY = ['full', 'partial', 'unknown', 'refused'] as const;
export type DataQuality = (typeof DATA_QUALITY)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;
export const RELIGIONS = ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'khonghucu', 'kepercayaan', 'unknown'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const;
export const EDUCATION_LEVELS = ['none', 'sd', 'smp', 'sma', 'diploma', 'bachelor', 'postgraduate', 'unknown'] as const;

export const CASE_STATUSES = ['open', 'closed'] as const;
export const STAGE_STATUSES = ['pending', 'in_progress', 'completed', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const CIVIL_REGISTRATION = ['unknown', 'registered', 'not_registered'] as const;
export const TRACING_STATUSES = ['not_started', 'in_progress', 'found', 'closed_not_found'] as const;

export const MENTAL_STATES = ['calm', 'anxious', 'confused', 'suspected_psychosis', 'unresponsive', 'other'] as const;
export const INSURANCE_TYPES = ['none', 'bpjs_pbi', 'bpjs_non_pbi', 'kis', 'other'] as const;

export const IDENTITY_DOCUMENT_TYPES = ['nik', 'ktp_el', 'kk', 'birth_certificate'] as const;
export const IDENTITY_DOCUMENT_STATUSES = ['prepared', 'submitted', 'recorded', 'issued', 'refused'] as const;

export const TRACING_CHANNELS = ['phone', 'visit', 'social_pillar', 'police', 'social_media', 'other'] as const;
export const TRACING_RESULTS = ['not_found', 'lead', 'found', 'family_refused'] as const;

/** The 11 services of the minimum service standard (Permensos 9/2018). */
export const SPM_SERVICES = [
  'meals',
  'clothing',
  'assistive_devices',
  'health_supplies',
  'guidance',
  'family_guidance',
  'identity_documents',
  'education_health_access',
  'family_tracing',
  'reunification',
  'referral',
] as const;

export const REUNIFICATION_DESTINATIONS = ['family', 'home_dinsos', 'institution'] as const;
export const FOLLOW_UP_CHANNELS = ['phone', 'visit', 'social_pillar', 'other'] as const;

/** How a case ended. */
export const TERMINATION_OUTCOMES = [
  'reunified_family',
  'returned_home_district',
  'referred_panti',
  'referred_hospital',
  'referred_rsj',
  'independent',
  'ran_away',
  'died',
  'other',
] as const;
export type TerminationOutcome = (typeof TERMINATION_OUTCOMES)[number];
