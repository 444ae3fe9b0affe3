/**
 * Reports: the client register (buku register), the monthly/annual report, the SPM indicator, the
 * service-time analysis, staff workload and the dashboards. Periods are calendar dates read in the
 * reporting organization's time zone; `to` is inclusive.
 */
import { z } from 'zod';
import { CASE_SOURCES, CASE_STATUSES, SEXES, SPM_SERVICES, TERMINATION_OUTCOMES } from '../domain/enums.js';
import { CATEGORY_CODES } from '../domain/ppks.js';

/**
 * Age groups of the reports, age at arrival (from the birth date, else the estimated age):
 * 0–4 (balita), 5–17 (anak), 18–59 (dewasa), 60+ (lanjut usia, UU 13/1998), or unknown.
 */
export const AGE_GROUPS = ['0_4', '5_17', '18_59', '60_plus', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Services that together mean "basic needs met" by default (configurable per request). */
export const DEFAULT_SPM_BASIC_NEEDS = ['meals', 'clothing', 'health_supplies'] as const;

export const REPORT_KINDS = ['summary', 'register', 'spm', 'service-time', 'workload'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;

const isoDate = z.iso.date();

/** A reporting period of one organization (and its children). */
export const periodQuery = z
  .object({
    organizationId: z.uuid().optional().describe("Default: the user's own organization"),
    from: isoDate.describe('First day of the period (inclusive)'),
    to: isoDate.describe('Last day of the period (inclusive)'),
  })
  .refine((q) => q.from <= q.to, { message: 'validation.period_order', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'validation.period_too_long', path: ['to'] });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const REGISTER_SORTS = ['arrivedAt', 'caseNumber', 'terminatedAt'] as const;

export const registerQuery = z
  .object({
    organizationId: z.uuid().optional(),
    from: isoDate,
    to: isoDate,
    q: z.string().trim().max(100).optional().describe('Case number or (with clients.read) client name / NIK'),
    category: z.enum(CATEGORY_CODES).optional().describe('Official category; local sub-types count under theirs'),
    source: z.enum(CASE_SOURCES).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    sort: z.enum(REGISTER_SORTS).default('arrivedAt'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((q) => q.from <= q.to, { message: 'validation.period_order', path: ['to'] });
export type RegisterQuery = z.infer<typeof registerQuery>;

export const registerRow = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  organizationName: z.string(),
  arrivedAt: z.iso.datetime(),
  terminatedAt: z.iso.datetime().nullable(),
  status: z.enum(CASE_STATUSES),
  source: z.string(),
  categories: z.array(z.string()),
  officialCategories: z.array(z.string()),
  sex: z.enum(SEXES),
  ageGroup: z.enum(AGE_GROUPS),
  currentStageKey: z.string().nullable(),
  stagesCompleted: z.number().int(),
  stagesTotal: z.number().int(),
  outcome: z.string().nullable(),
  /** Working minutes from arrival to termination (closed cases). */
  leadWorkingMinutes: z.number().int().nullable(),
  /** Identity: only for users holding `clients.read`; null otherwise. */
  client: z
    .object({ id: z.uuid(), name: z.string(), nik: z.string().nullable(), birthDate: z.string().nullable(), originRegionCode: z.string().nullable() })
    .nullable(),
});
export type RegisterRow = z.infer<typeof registerRow>;
export const registerPage = z.object({ items: z.array(registerRow), total: z.number().int(), identityShown: z.boolean() });
export type RegisterPage = z.infer<typeof registerPage>;

const count = z.object({ key: z.string(), count: z.number().int() });
export type CountRow = z.infer<typeof count>;
const reportHeader = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  from: isoDate,
  to: isoDate,
  timeZone: z.string(),
  generatedAt: z.iso.datetime(),
});
export type ReportHeader = z.infer<typeof reportHeader>;

export const summaryReport = z.object({
  header: reportHeader,
  /** Cases active at any moment of the period (arrived before its end, not terminated before its start). */
  casesServed: z.number().int(),
  /** Distinct clients among them. */
  clientsServed: z.number().int(),
  newCases: z.number().int(),
  closedCases: z.number().int(),
  /** Each case counted once per official category it has. */
  byCategory: z.array(count),
  bySex: z.array(count),
  byAgeGroup: z.array(count),
  bySource: z.array(count),
  byOriginProvince: z.array(count.extend({ name: z.string() })),
  byOriginRegency: z.array(count.extend({ name: z.string() })),
  /** Outcome of cases terminated in the period. */
  byOutcome: z.array(count),
  identityDocuments: z.object({ requested: z.number().int(), issued: z.number().int(), byType: z.array(count.extend({ issued: z.number().int() })) }),
  tracing: z.object({ attempts: z.number().int(), casesTraced: z.number().int(), familiesFound: z.number().int() }),
  reunifications: z.object({ total: z.number().int(), byDestination: z.array(count) }),
  /** Cases served whose client had an earlier case. */
  repeatClients: z.number().int(),
  /** null when the referral feature's table is not there. */
  referrals: z.object({ total: z.number().int(), byStatus: z.array(count), byInstitution: z.array(count.extend({ name: z.string() })) }).nullable(),
  complaints: z
    .object({ received: z.number().int(), byStatus: z.array(count), triaged: z.number().int(), medianResponseMinutes: z.number().nullable() })
    .nullable(),
  satisfaction: z.object({ respondents: z.number().int(), ikm: z.number().nullable(), grade: z.string().nullable() }).nullable(),
});
export type SummaryReport = z.infer<typeof summaryReport>;

export const spmQuery = z.object({
  organizationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  /** Comma-separated services that together mean "basic needs met". */
  basicNeeds: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [...DEFAULT_SPM_BASIC_NEEDS]))
    .pipe(z.array(z.enum(SPM_SERVICES)).min(1)),
});
export type SpmQuery = z.infer<typeof spmQuery>;

export const spmReport = z.object({
  header: reportHeader,
  year: z.number().int(),
  basicNeeds: z.array(z.enum(SPM_SERVICES)),
  /** Distinct gelandangan/pengemis clients (official ppks_11 / ppks_12, sub-types mapped) served in the year. */
  targetClients: z.number().int(),
  basicNeedsMet: z.number().int(),
  /** basicNeedsMet / targetClients × 100, two decimals; null with no target clients. */
  percentage: z.number().nullable(),
  services: z.array(z.object({ service: z.enum(SPM_SERVICES), targetClients: z.number().int(), allClients: z.number().int() })),
});
export type SpmReport = z.infer<typeof spmReport>;

export const stageTime = z.object({
  key: z.string(),
  completed: z.number().int(),
  standardMinutes: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  late: z.number().int(),
  /** Stages running now past their due time. */
  overdueNow: z.number().int(),
});
export const serviceTimeReport = z.object({
  header: reportHeader,
  stages: z.array(stageTime),
  /** Cases terminated in the period. */
  closedCases: z.number().int(),
  withinTarget: z.number().int(),
  withinTargetShare: z.number().nullable(),
  medianLeadMinutes: z.number().nullable(),
  p90LeadMinutes: z.number().nullable(),
  months: z.array(z.object({ month: z.string(), closedCases: z.number().int(), withinTarget: z.number().int(), medianLeadMinutes: z.number().nullable() })),
  /** Stages by number of late completions plus current overdues, most first. */
  mostLate: z.array(count),
});
export type ServiceTimeReport = z.infer<typeof serviceTimeReport>;

export const workloadReport = z.object({
  header: reportHeader,
  workers: z.array(
    z.object({
      userId: z.uuid().nullable(),
      name: z.string().nullable(),
      casesServed: z.number().int(),
      openCases: z.number().int(),
      stagesCompleted: z.number().int(),
      lateStages: z.number().int(),
      overdueNow: z.number().int(),
    }),
  ),
});
export type WorkloadReport = z.infer<typeof workloadReport>;

export const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });
export const reportKindParams = z.object({ kind: z.enum(REPORT_KINDS) });

export const dashboardQuery = z.object({ organizationId: z.uuid().optional() });
export const officeDashboard = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  month: z.string(),
  casesThisMonth: z.number().int(),
  openCases: z.number().int(),
  overdueCases: z.number().int(),
  overdueStages: z.number().int(),
  byCategory: z.array(count),
  occupancy: z.object({ beds: z.number().int(), occupied: z.number().int() }),
  /** Last 12 months: median lead time (working minutes) and share within target. */
  leadTrend: z.array(z.object({ month: z.string(), closedCases: z.number().int(), medianLeadMinutes: z.number().nullable(), withinTargetShare: z.number().nullable() })),
  targetMinutes: z.number().int(),
});
export type OfficeDashboard = z.infer<typeof officeDashboard>;

export const provinceDashboard = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  from: isoDate,
  to: isoDate,
  districts: z.array(
    z.object({
      organizationId: z.uuid(),
      name: z.string(),
      casesServed: z.number().int(),
      newCases: z.number().int(),
      closedCases: z.number().int(),
      withinTargetShare: z.number().nullable(),
      medianLeadMinutes: z.number().nullable(),
      overdueNow: z.number().int(),
      spmPercentage: z.number().nullable(),
    }),
  ),
});
export type ProvinceDashboard = z.infer<typeof provinceDashboard>;
export { SPM_SERVICES, TERMINATION_OUTCOMES };
