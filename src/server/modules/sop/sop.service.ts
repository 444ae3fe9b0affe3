import type { Role } from '../../../shared/permissions.js';
import { DEFAULT_SOP } from '../../../shared/workflow/default-sop.js';
import { DEFAULT_CALENDAR, type WorkingCalendar, workingDaysToMinutes } from '../../../shared/workflow/working-time.js';
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

/** The organization's current SOP, creating version 1 from the SPOT HANDAL default on first use. */
export async function ensureCurrentSop(tx: Db, organizationId: string, actorId?: string) {
  const latest = await repo.findLatestSopVersion(tx, organizationId);
  if (latest) return { version: latest, stages: await repo.findSopStages(tx, latest.id) };
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

/** The organization's working calendar and targets (defaults when never configured). */
export async function loadServiceSettings(db: Db, organizationId: string): Promise<ServiceSettings> {
  const [settings, hols] = await Promise.all([repo.findSettings(db, organizationId), repo.findHolidays(db, organizationId)]);
  const calendar: WorkingCalendar = {
    timeZone: settings?.timeZone ?? DEFAULT_CALENDAR.timeZone,
    alwaysOn: settings?.alwaysOn ?? DEFAULT_CALENDAR.alwaysOn,
    workingHours: (settings?.workingHours as WorkingCalendar['workingHours'] | null) ?? DEFAULT_CALENDAR.workingHours,
    holidays: hols.map((h) => h.date),
  };
  const targetWorkingDays = Number(settings?.targetWorkingDays ?? 2);
  return {
    calendar,
    targetWorkingDays,
    targetMinutes: workingDaysToMinutes(targetWorkingDays, calendar),
    maxStayDays: settings?.maxStayDays ?? 7,
    stayWarningDays: settings?.stayWarningDays ?? 1,
    caseNumberPrefix: settings?.caseNumberPrefix ?? 'RS',
  };
}
