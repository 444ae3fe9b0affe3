import type { Role } from '../../../shared/permissions.js';
import { DEFAULT_SOP } from '../../../shared/workflow/default-sop.js';
import { DEFAULT_CALENDAR, freezeCalendar, type WorkingCalendar, workingDaysToMinutes } from '../../../shared/workflow/working-time.js';
import type { Db } from '../../db/client.js';
import * as repo from './sop.repository.js';

export type SopStageInput = {
  key: string;
  nameId: string;
  nameEn: string;
  description?: string | null;
  responsibleRole: Role;
  standardMinutes: number;
  skippable: boolean;
};

export const DEFAULT_SOP_STAGES: SopStageInput[] = DEFAULT_SOP.map((s) => ({
  key: s.key,
  nameId: s.name.id,
  nameEn: s.name.en,
  description: s.description.id,
  responsibleRole: s.responsibleRole,
  standardMinutes: s.standardMinutes,
  skippable: s.skippable,
}));

export type SopStageRow = Awaited<ReturnType<typeof repo.findSopStages>>[number];

/**
 * A published SOP version never changes (a change publishes a new version), so its stages are kept in
 * memory by version id: correct with several app servers, since nothing is ever updated in place.
 * Bounded; the arrays and rows are frozen because every caller shares them.
 */
const stagesByVersion = new Map<string, readonly Readonly<SopStageRow>[]>();
const STAGES_CACHE_LIMIT = 2_000;

/** The stages of an SOP version, in order. */
export async function sopVersionStages(db: Db, sopVersionId: string): Promise<readonly Readonly<SopStageRow>[]> {
  const cached = stagesByVersion.get(sopVersionId);
  if (cached) return cached;
  const rows = await repo.findSopStages(db, sopVersionId);
  // An unknown id (no stages) is not remembered: the version may be committed a moment later.
  if (!rows.length) return rows;
  const frozen = Object.freeze(rows.map((r) => Object.freeze(r)));
  if (stagesByVersion.size >= STAGES_CACHE_LIMIT) stagesByVersion.clear();
  stagesByVersion.set(sopVersionId, frozen);
  return frozen;
}

/** The organization's current SOP, creating version 1 from the SPOT HANDAL default on first use. */
export async function ensureCurrentSop(tx: Db, organizationId: string, actorId?: string) {
  const latest = await repo.findLatestSopVersion(tx, organizationId);
  if (latest) return { version: latest, stages: [...(await sopVersionStages(tx, latest.id))] };
  return repo.insertSopVersion(
    tx,
    { organizationId, version: 1, name: 'SOP SPOT HANDAL', createdBy: actorId ?? null },
    DEFAULT_SOP_STAGES.map((s, i) => ({ ...s, position: i + 1, description: s.description ?? null })),
  );
}

/** Publish a new SOP version; cases already running keep the version they started on. */
export async function publishSopVersion(tx: Db, organizationId: string, name: string, stages: SopStageInput[], actorId: string) {
  const latest = await repo.findLatestSopVersion(tx, organizationId);
  return repo.insertSopVersion(
    tx,
    { organizationId, version: (latest?.version ?? 0) + 1, name, createdBy: actorId },
    stages.map((s, i) => ({ ...s, position: i + 1, description: s.description ?? null })),
  );
}

export interface ServiceSettings {
  calendar: WorkingCalendar;
  targetWorkingDays: number;
  targetMinutes: number;
  maxStayDays: number;
  stayWarningDays: number;
  caseNumberPrefix: string;
}

/** The service settings of an organization from its settings row and holidays (defaults when never configured). */
export function serviceSettingsFrom(row: repo.SettingsWithHolidays | undefined): ServiceSettings {
  const calendar = freezeCalendar({
    timeZone: row?.timeZone ?? DEFAULT_CALENDAR.timeZone,
    alwaysOn: row?.alwaysOn ?? DEFAULT_CALENDAR.alwaysOn,
    workingHours: (row?.workingHours as WorkingCalendar['workingHours'] | null) ?? DEFAULT_CALENDAR.workingHours,
    holidays: row?.holidays ?? [],
  });
  const targetWorkingDays = Number(row?.targetWorkingDays ?? 2);
  return {
    calendar,
    targetWorkingDays,
    targetMinutes: workingDaysToMinutes(targetWorkingDays, calendar),
    maxStayDays: row?.maxStayDays ?? 7,
    stayWarningDays: row?.stayWarningDays ?? 1,
    caseNumberPrefix: row?.caseNumberPrefix ?? 'RS',
  };
}

/**
 * The organization's working calendar and targets (defaults when never configured), in one statement.
 * The calendar comes frozen, so the working-time functions compile it once for all the rows they serve.
 */
export async function loadServiceSettings(db: Db, organizationId: string): Promise<ServiceSettings> {
  const [row] = await repo.findSettingsWithHolidays(db, [organizationId]);
  return serviceSettingsFrom(row);
}

/** `loadServiceSettings` for several organizations in one statement (e.g. a Dinas Sosial's worklist). */
export async function loadServiceSettingsOf(db: Db, organizationIds: string[]): Promise<Map<string, ServiceSettings>> {
  const unique = [...new Set(organizationIds)];
  const out = new Map<string, ServiceSettings>();
  if (!unique.length) return out;
  const rows = await repo.findSettingsWithHolidays(db, unique);
  for (const id of unique) out.set(id, serviceSettingsFrom(rows.find((r) => r.organizationId === id)));
  return out;
}
