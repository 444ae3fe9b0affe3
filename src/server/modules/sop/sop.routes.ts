import { errorResponse } from '../../../shared/contracts/common.js';
import { organizationQuery, publishSopBody, serviceSettingsView, sopView, updateServiceSettingsBody } from '../../../shared/contracts/sop.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import * as repo from './sop.repository.js';
import { ensureCurrentSop, loadServiceSettings, publishSopVersion } from './sop.service.js';

function presentSop(organizationId: string, sop: Awaited<ReturnType<typeof ensureCurrentSop>>) {
  return {
    organizationId,
    version: sop.version.version,
    name: sop.version.name,
    createdAt: sop.version.createdAt.toISOString(),
    totalMinutes: sop.stages.reduce((s, x) => s + x.standardMinutes, 0),
    stages: sop.stages.map((s) => ({
      id: s.id,
      position: s.position,
      key: s.key,
      nameId: s.nameId,
      nameEn: s.nameEn,
      description: s.description,
      responsibleRole: s.responsibleRole as never,
      standardMinutes: s.standardMinutes,
      skippable: s.skippable,
    })),
  };
}

async function presentSettings(db: Db, organizationId: string) {
  const s = await loadServiceSettings(db, organizationId);
  const hols = await repo.findHolidays(db, organizationId);
  return {
    organizationId,
    calendar: s.calendar,
    targetWorkingDays: s.targetWorkingDays,
    targetMinutes: s.targetMinutes,
    maxStayDays: s.maxStayDays,
    stayWarningDays: s.stayWarningDays,
    caseNumberPrefix: s.caseNumberPrefix,
    holidays: hols.map((h) => ({ date: h.date, name: h.name })),
  };
}

export function registerSopRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/sop',
    {
      schema: {
        tags: ['sop'],
        summary: 'The current SOP (service stages and standard times) of an organization',
        querystring: organizationQuery,
        response: { 200: sopView, 401: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'organizations.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const sop = await db.transaction((tx) => ensureCurrentSop(tx, org.id));
      return presentSop(org.id, sop);
    },
  );

  app.put(
    '/api/sop',
    {
      schema: {
        tags: ['sop'],
        summary: 'Publish a new SOP version (applies to new cases; running cases keep theirs)',
        querystring: organizationQuery,
        body: publishSopBody,
        response: { 200: sopView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      const sop = await db.transaction(async (tx) => {
        const published = await publishSopVersion(tx, org.id, req.body.name, req.body.stages, actor.id);
        await insertAuditEvent(tx, {
          action: 'sop.published',
          actorUserId: actor.id,
          organizationId: org.id,
          entityType: 'sop',
          entityId: published.version.id,
          changes: { version: published.version.version, stages: req.body.stages.map((s) => `${s.key}:${s.standardMinutes}`) },
          ip: req.ip,
        });
        return published;
      });
      return presentSop(org.id, sop);
    },
  );

  app.get(
    '/api/service-settings',
    {
      schema: {
        tags: ['sop'],
        summary: 'Working calendar, case target and stay limit of an organization',
        querystring: organizationQuery,
        response: { 200: serviceSettingsView, 401: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'organizations.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      return presentSettings(db, org.id);
    },
  );

  app.put(
    '/api/service-settings',
    {
      schema: {
        tags: ['sop'],
        summary: 'Change the working calendar, holidays, case target or stay limit',
        querystring: organizationQuery,
        body: updateServiceSettingsBody,
        response: { 200: serviceSettingsView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      await db.transaction(async (tx) => {
        const before = await repo.lockSettings(tx, org.id);
        const { holidays: hols, targetWorkingDays, ...rest } = req.body;
        const values = { ...rest, ...(targetWorkingDays !== undefined ? { targetWorkingDays: String(targetWorkingDays) } : {}) };
        await repo.upsertSettings(tx, org.id, values);
        if (hols) await repo.replaceHolidays(tx, org.id, hols);
        await insertAuditEvent(tx, {
          action: 'settings.updated',
          actorUserId: actor.id,
          organizationId: org.id,
          entityType: 'organization',
          entityId: org.id,
          changes: { ...diffFields(before as unknown as Record<string, unknown>, values), ...(hols ? { holidays: hols.length } : {}) },
          ip: req.ip,
        });
      });
      return presentSettings(db, org.id);
    },
  );
}
