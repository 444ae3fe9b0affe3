import { createHash, randomBytes } from 'node:crypto';
import type { SurveyPeriodBody, SurveyPeriodView, SurveyResponseBody, SurveyResultsView } from '../../../shared/contracts/survey.js';
import { computeIkm, SURVEY_ELEMENTS, type SurveyAnswers } from '../../../shared/survey/ikm.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import { localDate } from '../../local-date.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import type { OrganizationRow } from '../organizations/organizations.table.js';
import { organizationTimeZone } from '../roster/roster.service.js';
import * as repo from './survey.repository.js';
import type { SurveyPeriodRow } from './survey.table.js';

/** The cookie holding a respondent's random device token (only its SHA-256 is stored). */
export const DEVICE_COOKIE = 'singgah_survey_device';

export function newDeviceToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function presentPeriod(row: SurveyPeriodRow, responses: number, today: string): SurveyPeriodView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    responses,
    isOpen: row.startsOn <= today && today <= row.endsOn,
  };
}

export async function listPeriods(db: Db, org: OrganizationRow, now = new Date()) {
  const today = localDate(now, await organizationTimeZone(db, org.id));
  const rows = await repo.findPeriodsOfOrganization(db, org.id);
  return rows.map((r) => presentPeriod(r.period, r.responses, today));
}

/** A period the actor may reach (its unit in scope), or 404. */
export async function getReachablePeriod(db: Db, actor: Actor, periodId: string) {
  const period = await repo.findPeriodById(db, periodId);
  if (!period) throw notFound('survey.period_not_found');
  const org = await getReachableOrganization(db, actor, period.organizationId).catch(() => {
    throw notFound('survey.period_not_found');
  });
  return { period, org };
}

export async function createPeriod(db: Db, actor: Actor, org: OrganizationRow, body: SurveyPeriodBody, ip?: string) {
  if (org.kind !== 'unit') throw new AppError(400, 'survey.unit_only', undefined, 'organizationId');
  return db.transaction(async (tx) => {
    const row = await repo.insertPeriod(tx, { organizationId: org.id, name: body.name, startsOn: body.startsOn, endsOn: body.endsOn, createdBy: actor.id });
    await insertAuditEvent(tx, {
      action: 'survey.period_created',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'survey_period',
      entityId: row.id,
      changes: { name: row.name, startsOn: row.startsOn, endsOn: row.endsOn },
      ip,
    });
    return row;
  });
}

export async function updatePeriod(db: Db, actor: Actor, periodId: string, body: SurveyPeriodBody, ip?: string) {
  return db.transaction(async (tx) => {
    const { period } = await getReachablePeriod(tx, actor, periodId);
    const row = await repo.updatePeriod(tx, period.id, body);
    await insertAuditEvent(tx, {
      action: 'survey.period_updated',
      actorUserId: actor.id,
      organizationId: period.organizationId,
      entityType: 'survey_period',
      entityId: period.id,
      changes: diffFields(period as unknown as Record<string, unknown>, body),
      ip,
    });
    return row;
  });
}

export type SubmitOutcome = 'recorded' | 'already_answered';

/**
 * Record one anonymous questionnaire for the unit's open period. One per device per period: the
 * unique (period, device hash) index decides, so two concurrent submissions cannot both count.
 * The audit row names the period only, not the IP: answers are anonymous.
 */
export async function submitResponse(db: Db, organizationId: string, deviceToken: string, body: SurveyResponseBody, now = new Date()): Promise<SubmitOutcome> {
  const today = localDate(now, await organizationTimeZone(db, organizationId));
  const period = await repo.findOpenPeriod(db, organizationId, today);
  if (!period) throw new AppError(409, 'survey.no_open_period');
  return db.transaction(async (tx) => {
    const row = await repo.insertResponse(tx, {
      periodId: period.id,
      organizationId,
      deviceHash: hashDeviceToken(deviceToken),
      u1: body.u1,
      u2: body.u2,
      u3: body.u3,
      u4: body.u4,
      u5: body.u5,
      u6: body.u6,
      u7: body.u7,
      u8: body.u8,
      u9: body.u9,
      ageGroup: body.ageGroup,
      sex: body.sex,
      education: body.education,
      respondentType: body.respondentType,
      suggestion: body.suggestion?.trim() || null,
    });
    if (!row) return 'already_answered';
    await insertAuditEvent(tx, {
      action: 'survey.response_submitted',
      organizationId,
      entityType: 'survey_period',
      entityId: period.id,
      changes: { respondentType: body.respondentType },
    });
    return 'recorded';
  });
}

/** The open period of a unit today, if any, and whether this device already answered it. */
export async function openPeriodFor(db: Db, organizationId: string, deviceToken: string | undefined, now = new Date()) {
  const today = localDate(now, await organizationTimeZone(db, organizationId));
  const period = await repo.findOpenPeriod(db, organizationId, today);
  const answered = period && deviceToken ? await repo.hasResponseFromDevice(db, period.id, hashDeviceToken(deviceToken)) : false;
  return { period, answered };
}

function countBy(values: string[]) {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** NRR per element, IKM and grade, the respondents' profile and the suggestions of one period. */
export async function computeResults(db: Db, period: SurveyPeriodRow, org: OrganizationRow, now = new Date()): Promise<SurveyResultsView> {
  const rows = await repo.findResponses(db, period.id);
  const ikm = computeIkm(rows.map((r) => Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, r[e]])) as SurveyAnswers));
  const today = localDate(now, await organizationTimeZone(db, org.id));
  return {
    period: presentPeriod(period, rows.length, today),
    organizationName: org.name,
    respondents: rows.length,
    elements: ikm.elements,
    index: ikm.index,
    ikm: ikm.ikm,
    ikmRounded: ikm.ikmRounded,
    grade: ikm.grade,
    profile: {
      ageGroup: countBy(rows.map((r) => r.ageGroup)),
      sex: countBy(rows.map((r) => r.sex)),
      education: countBy(rows.map((r) => r.education)),
      respondentType: countBy(rows.map((r) => r.respondentType)),
    },
    suggestions: rows.filter((r) => r.suggestion).map((r) => ({ text: r.suggestion as string, submittedAt: r.submittedAt.toISOString() })),
  };
}
