import { z } from 'zod';
import { okResponse, requestErrors } from '../../../shared/contracts/common.js';
import {
  applyPatternBody,
  applyPatternResult,
  createPatternBody,
  createShiftBody,
  handoverBody,
  onDutyQuery,
  onDutyView,
  patternParams,
  patternView,
  rosterQuery,
  rosterView,
  shiftParams,
  shiftView,
  swapShiftBody,
} from '../../../shared/contracts/roster.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import * as service from './roster.service.js';


/**
 * The 24-hour duty roster (piket). Everyone doing casework reads it and may swap shifts and write the
 * handover note (`roster.read`); the head and administrators plan it (`roster.write`).
 */
export function registerRosterRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/roster',
    { schema: { tags: ['roster'], summary: 'Shifts of a unit between two local dates, and who can be rostered', querystring: rosterQuery, response: { 200: rosterView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.read');
      return service.getRoster(db, actor, req.query.organizationId ?? (await service.defaultRosterUnit(db, actor)), req.query.from, req.query.to);
    },
  );

  app.get(
    '/api/roster/on-duty',
    { schema: { tags: ['roster'], summary: 'Who is on duty now (a night shift crossing midnight included), and the last handover note', querystring: onDutyQuery, response: { 200: onDutyView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.read');
      return service.getOnDuty(db, actor, req.query.organizationId ?? (await service.defaultRosterUnit(db, actor)));
    },
  );

  app.post(
    '/api/roster/shifts',
    { schema: { tags: ['roster'], summary: 'Plan a shift (an end at or before the start ends the next day)', body: createShiftBody, response: { 201: shiftView, ...requestErrors } } },
    async (req, reply) => {
      const actor = authorize(req, 'roster.write');
      return reply.status(201).send(await service.createShift(db, actor, req.body, req.ip));
    },
  );

  app.delete(
    '/api/roster/shifts/:shiftId',
    { schema: { tags: ['roster'], summary: 'Remove a planned shift', params: shiftParams, response: { 200: okResponse, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.write');
      await service.deleteShift(db, actor, req.params.shiftId, req.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/roster/shifts/:shiftId/swap',
    { schema: { tags: ['roster'], summary: 'Swap a shift with another shift, or hand it to another officer (audited)', params: shiftParams, body: swapShiftBody, response: { 200: z.array(shiftView), ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.read');
      return service.swapShift(db, actor, req.params.shiftId, req.body, req.ip);
    },
  );

  app.put(
    '/api/roster/shifts/:shiftId/handover',
    { schema: { tags: ['roster'], summary: 'Write the handover note of a shift for the next one', params: shiftParams, body: handoverBody, response: { 200: shiftView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.read');
      return service.writeHandover(db, actor, req.params.shiftId, req.body.note, req.ip);
    },
  );

  app.get(
    '/api/roster/patterns',
    { schema: { tags: ['roster'], summary: 'Recurring patterns of a unit', querystring: onDutyQuery, response: { 200: z.array(patternView), ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.read');
      return service.listPatterns(db, actor, req.query.organizationId ?? (await service.defaultRosterUnit(db, actor)));
    },
  );

  app.post(
    '/api/roster/patterns',
    { schema: { tags: ['roster'], summary: 'Define a recurring pattern (e.g. a weekly rotation)', body: createPatternBody, response: { 201: patternView, ...requestErrors } } },
    async (req, reply) => {
      const actor = authorize(req, 'roster.write');
      return reply.status(201).send(await service.createPattern(db, actor, req.body, req.ip));
    },
  );

  app.post(
    '/api/roster/patterns/:patternId/apply',
    { schema: { tags: ['roster'], summary: 'Generate the shifts of a pattern for a date range (existing ones are kept)', params: patternParams, body: applyPatternBody, response: { 200: applyPatternResult, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'roster.write');
      return service.applyPattern(db, actor, req.params.patternId, req.body, req.ip);
    },
  );
}
