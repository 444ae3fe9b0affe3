/**
 * The reports, computed in the app from the rows of a period (thousands of cases are fine). Working
 * time uses each case's own organization calendar, so a province report mixing WIB and WITA offices
 * stays right. Definitions (what "served", "late", "basic needs met" mean): docs/INTERCHANGE.md, "Report definitions".
 */
import type {
  OfficeDashboard,
  PeriodQuery,
  ProvinceDashboard,
  RegisterPage,
  RegisterQuery,
  RegisterRow,
  ReportHeader,
  ServiceTimeReport,
  SpmQuery,
  SpmReport,
  SummaryReport,
  WorkloadReport,
} from '../../../shared/contracts/reports.js';
import { AGE_GROUPS, DEFAULT_SPM_BASIC_NEEDS } from '../../../shared/contracts/reports.js';
import { CASE_SOURCES, SEXES, SPM_SERVICES, TERMINATION_OUTCOMES } from '../../../shared/domain/enums.js';
import { officialCategory, PPKS_CATEGORIES } from '../../../shared/domain/ppks.js';
import { roleHas } from '../../../shared/permissions.js';
import { computeIkm, SURVEY_ELEMENTS } from '../../../shared/survey/ikm.js';
import { workingMinutesBetween } from '../../../shared/workflow/working-time.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/authorize.js';
import { localDate, localMonth } from '../../local-date.js';
import { findRegion } from '../../regions/region-data.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import type { OrganizationRow } from '../organizations/organizations.table.js';
import { loadServiceSettings, type ServiceSettings } from '../sop/sop.service.js';
import { ageAtArrival, ageGroupOf, countBy, percent, percentile, periodBounds } from './report-math.js';
import * as repo from './reports.repository.js';

/** Official categories of the SPM indicator: Gelandangan (11) and Pengemis (12). */
export const SPM_TARGET_CATEGORIES = ['ppks_11', 'ppks_12'] as const;

interface Context {
  org: OrganizationRow;
  scope: repo.Scope;
  timeZone: string;
  settingsOf: (organizationId: string) => Promise<ServiceSettings>;
}

/** The organization a report is about (the actor's own by default), within the actor's scope. */
export async function reportContext(db: Db, actor: Actor, organizationId?: string): Promise<Context> {
  const org = await getReachableOrganization(db, actor, organizationId ?? actor.organizationId);
  const cache = new Map<string, Promise<ServiceSettings>>();
  const settingsOf = (id: string) => {
    let s = cache.get(id);
    if (!s) {
      s = loadServiceSettings(db, id);
      cache.set(id, s);
    }
    return s;
  };
  const own = await settingsOf(org.id);
  return { org, scope: { path: org.path }, timeZone: own.calendar.timeZone, settingsOf };
}

function header(ctx: Context, from: string, to: string): ReportHeader {
  return { organizationId: ctx.org.id, organizationName: ctx.org.name, from, to, timeZone: ctx.timeZone, generatedAt: new Date().toISOString() };
}

const officialOf = (categories: string[]) => [...new Set(categories.map(officialCategory))];

/** A case's facts a lead time is computed from. */
type LeadCase = Pick<repo.CaseFacts, 'organizationId' | 'arrivedAt' | 'terminatedAt' | 'targetMinutes'>;

/** Working minutes from arrival to termination in the case's own calendar (null while open). */
async function leadMinutes(ctx: Context, c: Omit<LeadCase, 'targetMinutes'>): Promise<number | null> {
  if (!c.terminatedAt) return null;
  const settings = await ctx.settingsOf(c.organizationId);
  return workingMinutesBetween(c.arrivedAt, c.terminatedAt, settings.calendar);
}

function ageGroupOfCase(c: Pick<repo.ReportCase, 'birthDate' | 'estimatedAge' | 'arrivedAt'>, timeZone: string) {
  return ageGroupOf(ageAtArrival(c, localDate(c.arrivedAt, timeZone)));
}

const within = (at: Date | null, start: Date, end: Date) => at !== null && at >= start && at < end;

/** Active at any moment of [start, end): arrived before the end, not terminated before the start. */
const activeIn = (c: Pick<repo.CaseFacts, 'arrivedAt' | 'terminatedAt'>, start: Date, end: Date) =>
  c.arrivedAt < end && (c.terminatedAt === null || c.terminatedAt >= start);

// ---------------------------------------------------------------------------------------------
// The client register

export async function getRegister(db: Db, actor: Actor, q: RegisterQuery): Promise<RegisterPage> {
  const ctx = await reportContext(db, actor, q.organizationId);
  const { start, end } = periodBounds(q.from, q.to, ctx.timeZone);
  const identityShown = roleHas(actor.role, 'clients.read');
  const page = await repo.findRegisterPage(db, ctx.scope, start, end, q, identityShown);
  const items: RegisterRow[] = [];
  for (const r of page.rows) items.push(await presentRegisterRow(ctx, r, identityShown));
  return { items, total: page.total, identityShown };
}

async function presentRegisterRow(ctx: Context, r: repo.RegisterDbRow, identityShown: boolean): Promise<RegisterRow> {
  return {
    caseId: r.id,
    caseNumber: r.caseNumber,
    organizationName: r.organizationName,
    arrivedAt: r.arrivedAt.toISOString(),
    terminatedAt: r.terminatedAt?.toISOString() ?? null,
    status: r.status as RegisterRow['status'],
    source: r.source,
    categories: r.categories,
    officialCategories: officialOf(r.categories),
    sex: r.sex as RegisterRow['sex'],
    ageGroup: ageGroupOfCase(r, ctx.timeZone),
    currentStageKey: r.currentStageKey,
    stagesCompleted: r.stagesCompleted,
    stagesTotal: r.stagesTotal,
    outcome: r.terminationOutcome,
    leadWorkingMinutes: await leadMinutes(ctx, r).then((minutes) => (minutes === null ? null : Math.round(minutes))),
    client: identityShown ? { id: r.clientId, name: r.clientName, nik: r.nik, birthDate: r.birthDate, originRegionCode: r.originRegionCode } : null,
  };
}

/** Every register row of a period, page by page (for streamed exports of any size). */
export async function* registerRows(db: Db, actor: Actor, q: Omit<RegisterQuery, 'limit' | 'offset'>) {
  const pageSize = 200;
  for (let offset = 0; ; offset += pageSize) {
    const page = await getRegister(db, actor, { ...q, limit: pageSize, offset });
    for (const row of page.items) yield { row, identityShown: page.identityShown };
    if (page.items.length < pageSize) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Monthly / annual report

export async function getSummary(db: Db, actor: Actor, q: PeriodQuery): Promise<SummaryReport> {
  const ctx = await reportContext(db, actor, q.organizationId);
  const { start, end } = periodBounds(q.from, q.to, ctx.timeZone);
  const served = await repo.findCasesActiveIn(db, ctx.scope, start, end);
  const ids = served.map((c) => c.id);
  const [docs, tracing, reunions, repeat] = await Promise.all([
    repo.findIdentityDocuments(db, ids),
    repo.findTracingAttempts(db, ids),
    repo.findReunifications(db, ids),
    repo.findRepeatCaseIds(db, ids),
  ]);
  const closed = served.filter((c) => within(c.terminatedAt, start, end));

  const regions = new Map<string, string>();
  const regionName = async (code: string) => {
    if (!regions.has(code)) regions.set(code, (await findRegion(code))?.name ?? code);
    return regions.get(code)!;
  };
  const provinceKeys: string[] = [];
  const regencyKeys: string[] = [];
  for (const c of served) {
    const code = c.originRegionCode;
    provinceKeys.push(code ? code.slice(0, 2) : 'unknown');
    regencyKeys.push(code && code.length >= 5 ? code.slice(0, 5) : 'unknown');
  }
  const named = async (rows: { key: string; count: number }[]) =>
    Promise.all(rows.map(async (r) => ({ ...r, name: r.key === 'unknown' ? '' : await regionName(r.key) })));

  const docsRequested = docs.filter((d) => within(d.preparedAt, start, end));
  const docsIssued = docs.filter((d) => within(d.issuedAt, start, end));
  const docTypes = [...new Set([...docsRequested, ...docsIssued].map((d) => d.documentType))].sort();
  const tracingIn = tracing.filter((t) => within(t.attemptedAt, start, end));
  const reunionsIn = reunions.filter((r) => within(r.handedOverAt, start, end));

  return {
    header: header(ctx, q.from, q.to),
    casesServed: served.length,
    clientsServed: new Set(served.map((c) => c.clientId)).size,
    newCases: served.filter((c) => c.arrivedAt >= start).length,
    closedCases: closed.length,
    byCategory: countBy(
      served.flatMap((c) => officialOf(c.categories)),
      [],
    ).sort((a, b) => a.key.localeCompare(b.key)),
    bySex: countBy(
      served.map((c) => c.sex),
      SEXES,
    ),
    byAgeGroup: countBy(
      served.map((c) => ageGroupOfCase(c, ctx.timeZone)),
      AGE_GROUPS,
    ),
    bySource: countBy(served.map((c) => c.source)).sort((a, b) => CASE_SOURCES.indexOf(a.key as never) - CASE_SOURCES.indexOf(b.key as never)),
    byOriginProvince: await named(countBy(provinceKeys)),
    byOriginRegency: await named(countBy(regencyKeys)),
    byOutcome: countBy(closed.map((c) => c.terminationOutcome ?? 'other')).sort(
      (a, b) => TERMINATION_OUTCOMES.indexOf(a.key as never) - TERMINATION_OUTCOMES.indexOf(b.key as never),
    ),
    identityDocuments: {
      requested: docsRequested.length,
      issued: docsIssued.length,
      byType: docTypes.map((t) => ({ key: t, count: docsRequested.filter((d) => d.documentType === t).length, issued: docsIssued.filter((d) => d.documentType === t).length })),
    },
    tracing: {
      attempts: tracingIn.length,
      casesTraced: new Set(tracingIn.map((t) => t.caseId)).size,
      familiesFound: new Set(tracingIn.filter((t) => t.result === 'found').map((t) => t.caseId)).size,
    },
    reunifications: { total: reunionsIn.length, byDestination: countBy(reunionsIn.map((r) => r.destinationType)) },
    repeatClients: new Set(served.filter((c) => repeat.has(c.id)).map((c) => c.clientId)).size,
    referrals: await referralFigures(db, ctx, start, end),
    complaints: await complaintFigures(db, ctx, start, end),
    satisfaction: await satisfactionFigures(db, ctx, start, end),
  };
}

async function referralFigures(db: Db, ctx: Context, start: Date, end: Date): Promise<SummaryReport['referrals']> {
  if (!(await repo.tableExists(db, 'referrals'))) return null;
  const rows = await repo.findReferrals(db, ctx.scope, start, end);
  const names = new Map(rows.map((r) => [r.to_id, r.to_name]));
  return {
    total: rows.length,
    byStatus: countBy(rows.map((r) => r.status)),
    byInstitution: countBy(rows.map((r) => r.to_id)).map((r) => ({ ...r, name: names.get(r.key) ?? '' })),
  };
}

async function complaintFigures(db: Db, ctx: Context, start: Date, end: Date): Promise<SummaryReport['complaints']> {
  if (!(await repo.tableExists(db, 'complaints'))) return null;
  const rows = await repo.findComplaints(db, ctx.scope, start, end);
  const times = rows.filter((r) => r.response_minutes !== null).map((r) => Number(r.response_minutes));
  return { received: rows.length, byStatus: countBy(rows.map((r) => r.status)), triaged: times.length, medianResponseMinutes: percentile(times, 0.5) };
}

async function satisfactionFigures(db: Db, ctx: Context, start: Date, end: Date): Promise<SummaryReport['satisfaction']> {
  if (!(await repo.tableExists(db, 'survey_responses'))) return null;
  const rows = await repo.findSurveyAnswers(db, ctx.scope, start, end);
  // No respondents: no index at all (an IKM of 0 would read as the worst service).
  if (rows.length === 0) return { respondents: 0, ikm: null, grade: null };
  const answers = rows.map((r) => Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, r[e] === null ? null : Number(r[e])])) as Parameters<typeof computeIkm>[0][number]);
  const result = computeIkm(answers);
  // Questionnaires with no element answered have no grade, and no index either.
  return { respondents: result.respondents, ikm: result.grade === null ? null : result.ikmRounded, grade: result.grade };
}

// ---------------------------------------------------------------------------------------------
// SPM indicator

/** Services a case received, from its service records and the casework that proves one. */
function servicesByCase(
  caseIds: string[],
  ev: {
    services: { caseId: string; service: string }[];
    tracing: { caseId: string }[];
    docs: { caseId: string }[];
    reunions: { caseId: string }[];
    referredCases: Set<string>;
  },
) {
  const map = new Map<string, Set<string>>(caseIds.map((id) => [id, new Set()]));
  for (const s of ev.services) map.get(s.caseId)?.add(s.service);
  for (const t of ev.tracing) map.get(t.caseId)?.add('family_tracing');
  for (const d of ev.docs) map.get(d.caseId)?.add('identity_documents');
  for (const r of ev.reunions) map.get(r.caseId)?.add('reunification');
  for (const id of ev.referredCases) map.get(id)?.add('referral');
  return map;
}

export async function getSpm(db: Db, actor: Actor, q: SpmQuery): Promise<SpmReport> {
  const ctx = await reportContext(db, actor, q.organizationId);
  return spmFor(db, ctx, q.year, q.basicNeeds);
}

async function spmFor(db: Db, ctx: Context, year: number, basicNeeds: SpmReport['basicNeeds']): Promise<SpmReport> {
  const ev = await spmEvidence(db, ctx, year);
  return { header: header(ctx, ev.from, ev.to), year, basicNeeds, ...spmFigures(spmClients(ev, () => ''), basicNeeds) };
}

type SpmService = SpmReport['basicNeeds'][number];
type SpmEvidence = Awaited<ReturnType<typeof spmEvidence>>;

/**
 * The scope's cases served in a year and the records that prove a service, read once for the whole
 * scope. `needed`: the services that matter (all by default); casework that proves only others is
 * not read. `cases`: the scope's cases active in a span covering the year, when already loaded.
 */
async function spmEvidence(db: Db, ctx: Context, year: number, opts: { needed?: readonly SpmService[]; cases?: repo.CaseFacts[] } = {}) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { start, end } = periodBounds(from, to, ctx.timeZone);
  const served = opts.cases ? opts.cases.filter((c) => activeIn(c, start, end)) : await repo.findCaseFactsActiveIn(db, ctx.scope, start, end);
  const ids = served.map((c) => c.id);
  const needed = new Set<string>(opts.needed ?? SPM_SERVICES);
  const ifNeeded = <T>(service: SpmService, load: () => Promise<T[]>): Promise<T[]> => (needed.has(service) ? load() : Promise.resolve([]));
  const [services, tracing, docs, reunions, referrals] = await Promise.all([
    repo.findServices(db, ids),
    ifNeeded('family_tracing', () => repo.findTracingAttempts(db, ids)),
    ifNeeded('identity_documents', () => repo.findIdentityDocuments(db, ids)),
    ifNeeded('reunification', () => repo.findReunifications(db, ids)),
    ifNeeded('referral', async () => ((await repo.tableExists(db, 'referrals')) ? repo.findReferrals(db, ctx.scope, start, end) : [])),
  ]);
  return { from, to, start, end, served, services, tracing, docs, reunions, referrals };
}

/**
 * The SPM's clients: per client, whether they are a target client and the union of the services over
 * all their cases in the year (cumulative). Clients are counted within a group of organizations
 * (`groupOf`: a province's districts; one group for a single report); a referral counts for a case
 * when it was sent from the case's own group. Organizations without a group are left out.
 */
function spmClients(ev: SpmEvidence, groupOf: (organizationId: string) => string | undefined) {
  const groupOfCase = new Map<string, string>();
  for (const c of ev.served) {
    const group = groupOf(c.organizationId);
    if (group !== undefined) groupOfCase.set(c.id, group);
  }
  const referredCases = new Set(
    ev.served.filter((c) => c.terminationOutcome?.startsWith('referred_') && within(c.terminatedAt, ev.start, ev.end)).map((c) => c.id),
  );
  for (const r of ev.referrals) {
    if (r.status === 'draft' || r.status === 'cancelled') continue;
    const group = groupOfCase.get(r.case_id);
    if (group !== undefined && group === groupOf(r.from_id)) referredCases.add(r.case_id);
  }
  const perCase = servicesByCase([...groupOfCase.keys()], {
    services: ev.services.filter((s) => s.serviceDate >= ev.from && s.serviceDate <= ev.to),
    tracing: ev.tracing.filter((t) => within(t.attemptedAt, ev.start, ev.end)),
    docs: ev.docs.filter((d) => within(d.preparedAt, ev.start, ev.end)),
    reunions: ev.reunions.filter((r) => within(r.handedOverAt, ev.start, ev.end)),
    referredCases,
  });
  const perClient = new Map<string, { group: string; target: boolean; services: Set<string> }>();
  for (const c of ev.served) {
    const group = groupOfCase.get(c.id);
    if (group === undefined) continue;
    const key = `${group} ${c.clientId}`;
    const entry = perClient.get(key) ?? { group, target: false, services: new Set<string>() };
    if (officialOf(c.categories).some((k) => (SPM_TARGET_CATEGORIES as readonly string[]).includes(k))) entry.target = true;
    for (const s of perCase.get(c.id) ?? []) entry.services.add(s);
    perClient.set(key, entry);
  }
  return [...perClient.values()];
}

type SpmClient = { target: boolean; services: Set<string> };

/** Target clients, and those of them who received every basic need. */
function spmShare(clients: SpmClient[], basicNeeds: readonly SpmService[]) {
  const target = clients.filter((c) => c.target);
  const met = target.filter((c) => basicNeeds.every((s) => c.services.has(s))).length;
  return { target, met, percentage: percent(met, target.length) };
}

function spmFigures(clients: SpmClient[], basicNeeds: SpmReport['basicNeeds']) {
  const { target, met, percentage } = spmShare(clients, basicNeeds);
  return {
    targetClients: target.length,
    basicNeedsMet: met,
    percentage,
    services: SPM_SERVICES.map((service) => ({
      service,
      targetClients: target.filter((c) => c.services.has(service)).length,
      allClients: clients.filter((c) => c.services.has(service)).length,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Service time and workload

interface TimedStage extends repo.ReportStage {
  minutes: number;
  isLate: boolean;
}

async function timedStages(ctx: Context, served: repo.ReportCase[], stages: repo.ReportStage[], start: Date, end: Date): Promise<TimedStage[]> {
  const orgOf = new Map(served.map((c) => [c.id, c.organizationId]));
  const out: TimedStage[] = [];
  for (const s of stages) {
    if (s.status !== 'completed' || !s.startedAt || !within(s.completedAt, start, end)) continue;
    const settings = await ctx.settingsOf(orgOf.get(s.caseId)!);
    out.push({ ...s, minutes: workingMinutesBetween(s.startedAt, s.completedAt!, settings.calendar), isLate: s.dueAt !== null && s.completedAt! > s.dueAt });
  }
  return out;
}

interface Lead {
  c: LeadCase;
  minutes: number;
}

async function leadFigures(ctx: Context, closed: LeadCase[]) {
  // Load every calendar needed at once (a province's cases come from dozens of offices).
  await Promise.all([...new Set(closed.map((c) => c.organizationId))].map(ctx.settingsOf));
  const leads: Lead[] = [];
  for (const c of closed) leads.push({ c, minutes: (await leadMinutes(ctx, c)) ?? 0 });
  const withinTarget = leads.filter((l) => l.minutes <= l.c.targetMinutes).length;
  return { leads, withinTarget, median: percentile(leads.map((l) => l.minutes), 0.5), p90: percentile(leads.map((l) => l.minutes), 0.9) };
}

/** Each month of from…to (in the report's zone): cases closed in it, within target, median lead time. */
function leadsByMonth(ctx: Context, leads: Lead[], from: string, to: string) {
  const byMonth = new Map<string, Lead[]>(monthsOf(from, to).map((m) => [m, []]));
  for (const l of leads) byMonth.get(localMonth(l.c.terminatedAt!, ctx.timeZone))?.push(l);
  return [...byMonth].map(([month, inMonth]) => ({
    month,
    closedCases: inMonth.length,
    withinTarget: inMonth.filter((l) => l.minutes <= l.c.targetMinutes).length,
    medianLeadMinutes: percentile(
      inMonth.map((l) => l.minutes),
      0.5,
    ),
  }));
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

export async function getServiceTime(db: Db, actor: Actor, q: PeriodQuery, now = new Date()): Promise<ServiceTimeReport> {
  const ctx = await reportContext(db, actor, q.organizationId);
  return serviceTimeFor(db, ctx, q.from, q.to, now);
}

async function serviceTimeFor(db: Db, ctx: Context, from: string, to: string, now: Date): Promise<ServiceTimeReport> {
  const { start, end } = periodBounds(from, to, ctx.timeZone);
  const served = await repo.findCasesActiveIn(db, ctx.scope, start, end);
  const stages = await repo.findStagesOf(
    db,
    served.map((c) => c.id),
  );
  const timed = await timedStages(ctx, served, stages, start, end);
  const overdue = stages.filter((s) => s.status === 'in_progress' && s.dueAt !== null && s.dueAt < now);
  const keys = [...new Map(stages.map((s) => [s.key, s.position])).entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  const closed = served.filter((c) => within(c.terminatedAt, start, end));
  const lead = await leadFigures(ctx, closed);
  const lateCounts = keys
    .map((key) => ({ key, count: timed.filter((s) => s.key === key && s.isLate).length + overdue.filter((s) => s.key === key).length }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    header: header(ctx, from, to),
    stages: keys.map((key) => {
      const done = timed.filter((s) => s.key === key);
      const standard = stages.find((s) => s.key === key)!.standardMinutes;
      return {
        key,
        completed: done.length,
        standardMinutes: standard,
        medianMinutes: percentile(
          done.map((s) => s.minutes),
          0.5,
        ),
        p90Minutes: percentile(
          done.map((s) => s.minutes),
          0.9,
        ),
        late: done.filter((s) => s.isLate).length,
        overdueNow: overdue.filter((s) => s.key === key).length,
      };
    }),
    closedCases: closed.length,
    withinTarget: lead.withinTarget,
    withinTargetShare: percent(lead.withinTarget, closed.length),
    medianLeadMinutes: lead.median,
    p90LeadMinutes: lead.p90,
    months: leadsByMonth(ctx, lead.leads, from, to),
    mostLate: lateCounts,
  };
}

export async function getWorkload(db: Db, actor: Actor, q: PeriodQuery, now = new Date()): Promise<WorkloadReport> {
  const ctx = await reportContext(db, actor, q.organizationId);
  const { start, end } = periodBounds(q.from, q.to, ctx.timeZone);
  const served = await repo.findCasesActiveIn(db, ctx.scope, start, end);
  const stages = await repo.findStagesOf(
    db,
    served.map((c) => c.id),
  );
  const timed = await timedStages(ctx, served, stages, start, end);
  const workerOf = new Map(served.map((c) => [c.id, c.assignedWorkerId]));
  type W = WorkloadReport['workers'][number];
  const rows = new Map<string | null, W>();
  const row = (id: string | null): W => {
    let r = rows.get(id);
    if (!r) {
      r = { userId: id, name: null, casesServed: 0, openCases: 0, stagesCompleted: 0, lateStages: 0, overdueNow: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const c of served) {
    const r = row(c.assignedWorkerId);
    r.casesServed += 1;
    if (c.status === 'open') r.openCases += 1;
  }
  // A completed stage counts for whoever completed it; an overdue stage for the case's worker.
  for (const s of timed) {
    const r = row(s.completedBy);
    r.stagesCompleted += 1;
    if (s.isLate) r.lateStages += 1;
  }
  for (const s of stages) if (s.status === 'in_progress' && s.dueAt !== null && s.dueAt < now) row(workerOf.get(s.caseId) ?? null).overdueNow += 1;
  const names = new Map((await repo.findUserNames(db, [...rows.keys()].filter((k): k is string => k !== null))).map((u) => [u.id, u.name]));
  const workers = [...rows.values()].map((r) => ({ ...r, name: r.userId ? (names.get(r.userId) ?? null) : null }));
  workers.sort((a, b) => b.casesServed - a.casesServed || (a.name ?? '').localeCompare(b.name ?? ''));
  return { header: header(ctx, q.from, q.to), workers };
}

// ---------------------------------------------------------------------------------------------
// Dashboards

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The office dashboard: this month's cases, the open and overdue now, occupancy, and the lead-time
 * trend of the last 12 months. One read of the cases serves both the month (counted by category in
 * SQL) and the trend (lead times computed only for the cases closed in its 12 months).
 */
export async function getOfficeDashboard(db: Db, actor: Actor, organizationId: string | undefined, now = new Date()): Promise<OfficeDashboard> {
  const ctx = await reportContext(db, actor, organizationId);
  const month = localMonth(now, ctx.timeZone);
  const { from, to } = monthRange(month);
  const { start, end } = periodBounds(from, to, ctx.timeZone);
  const trendFrom = monthRange(shiftMonth(month, -11)).from;
  const trendStart = periodBounds(trendFrom, to, ctx.timeZone).start;
  const [cases, counts, occupancy, settings] = await Promise.all([
    repo.findDashboardCases(db, ctx.scope, { trendStart, monthStart: start, end }),
    repo.findOverdueCounts(db, ctx.scope, now),
    repo.findOccupancy(db, ctx.scope),
    ctx.settingsOf(ctx.org.id),
  ]);
  const lead = await leadFigures(ctx, cases.closed);
  const categoryKeys = cases.monthCategories.flatMap((g) => officialOf(g.categories).flatMap((k) => Array<string>(g.count).fill(k)));
  return {
    organizationId: ctx.org.id,
    organizationName: ctx.org.name,
    month,
    casesThisMonth: cases.monthCategories.reduce((n, g) => n + g.count, 0),
    openCases: counts.openCases,
    overdueCases: counts.overdueCases,
    overdueStages: counts.overdueStages,
    byCategory: countBy(categoryKeys).sort(
      (a, b) => PPKS_CATEGORIES.findIndex((p) => p.code === a.key) - PPKS_CATEGORIES.findIndex((p) => p.code === b.key),
    ),
    occupancy,
    leadTrend: leadsByMonth(ctx, lead.leads, trendFrom, to).map((m) => ({
      month: m.month,
      closedCases: m.closedCases,
      medianLeadMinutes: m.medianLeadMinutes,
      withinTargetShare: percent(m.withinTarget, m.closedCases),
    })),
    targetMinutes: settings.targetMinutes,
  };
}

/**
 * A province (or any organization with children): each direct child's figures side by side. The
 * scope's cases, overdue stages and SPM evidence are read once for all children and split by child.
 */
export async function getProvinceDashboard(db: Db, actor: Actor, q: PeriodQuery, now = new Date()): Promise<ProvinceDashboard> {
  const ctx = await reportContext(db, actor, q.organizationId);
  const children = await repo.findChildOrganizations(db, ctx.org.id);
  const result = { organizationId: ctx.org.id, organizationName: ctx.org.name, from: q.from, to: q.to };
  if (children.length === 0) return { ...result, districts: [] };
  const { start, end } = periodBounds(q.from, q.to, ctx.timeZone);
  const year = Number(q.to.slice(0, 4));
  // One read of the cases for the period and the SPM's year (the span covering both).
  const spmYear = periodBounds(`${year}-01-01`, `${year}-12-31`, ctx.timeZone);
  const span = { start: new Date(Math.min(start.getTime(), spmYear.start.getTime())), end: new Date(Math.max(end.getTime(), spmYear.end.getTime())) };
  const [orgs, spanCases, overdue] = await Promise.all([
    repo.findOrganizationsIn(db, ctx.scope),
    repo.findCaseFactsActiveIn(db, ctx.scope, span.start, span.end),
    repo.findOverdueStagesByOrganization(db, ctx.scope, now),
  ]);
  const basicNeeds = [...DEFAULT_SPM_BASIC_NEEDS];
  const spm = await spmEvidence(db, ctx, year, { needed: basicNeeds, cases: spanCases });
  const cases = spanCases.filter((c) => activeIn(c, start, end));
  // The child each organization of the scope lies under (none for the parent itself).
  const childOf = new Map<string, string>();
  for (const o of orgs) {
    const child = children.find((c) => o.path === c.path || o.path.startsWith(`${c.path}/`));
    if (child) childOf.set(o.id, child.id);
  }
  const byChild = <T>(rows: T[], childOfRow: (row: T) => string | undefined) => {
    const map = new Map<string, T[]>(children.map((c) => [c.id, []]));
    for (const row of rows) map.get(childOfRow(row) ?? '')?.push(row);
    return map;
  };
  const casesOf = byChild(cases, (c) => childOf.get(c.organizationId));
  const overdueOf = byChild(overdue, (o) => childOf.get(o.organizationId));
  const spmClientsOf = byChild(
    spmClients(spm, (id) => childOf.get(id)),
    (c) => c.group,
  );
  const districts: ProvinceDashboard['districts'] = [];
  for (const child of children) {
    const served = casesOf.get(child.id)!;
    const closed = served.filter((c) => within(c.terminatedAt, start, end));
    const lead = await leadFigures(ctx, closed);
    districts.push({
      organizationId: child.id,
      name: child.name,
      casesServed: served.length,
      newCases: served.filter((c) => c.arrivedAt >= start).length,
      closedCases: closed.length,
      withinTargetShare: percent(lead.withinTarget, closed.length),
      medianLeadMinutes: lead.median,
      overdueNow: overdueOf.get(child.id)!.reduce((n, o) => n + o.n, 0),
      spmPercentage: spmShare(spmClientsOf.get(child.id)!, basicNeeds).percentage,
    });
  }
  return { ...result, districts };
}
