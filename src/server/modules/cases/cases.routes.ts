import { z } from 'zod';
import {
  assignableWorker,
  caseDetail,
  caseParams,
  caseSummary,
  completeStageBody,
  createBatchIntakeBody,
  createIntakeBody,
  listCasesQuery,
  skipStageBody,
  stageParams,
  terminateCaseBody,
  timelineEntry,
  updateCaseBody,
} from '../../../shared/contracts/cases.js';
import { page, writeErrors } from '../../../shared/contracts/common.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { loadCaseInScope } from './case-access.js';
import { findCaseTimeline } from './cases.repository.js';
import * as service from './cases.service.js';


export function registerCaseRoutes(app: ZodApp, { db }: AppContext) {
  app.post(
    '/api/intakes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Receive a client (new or returning) and open their case; the clock starts at arrival',
        body: createIntakeBody,
        response: { 201: caseDetail, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.createIntakeDetail(db, actor, req.body, req.ip));
    },
  );

  app.post(
    '/api/intakes/batch',
    {
      schema: {
        tags: ['cases'],
        summary: 'Raid intake: many people with one shared source, place and time; one case each',
        body: createBatchIntakeBody,
        response: { 201: z.object({ batchId: z.uuid(), caseIds: z.array(z.uuid()) }), ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.createBatchIntake(db, actor, req.body, req.ip));
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Worklists: open, mine, overdue, waiting for my role, new today, closed, all; with search and filters',
        querystring: listCasesQuery,
        response: { 200: page(caseSummary), ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listCases(db, actor, req.query);
    },
  );

  app.get(
    '/api/cases/:caseId',
    {
      schema: {
        tags: ['cases'],
        summary: 'A case with its client, stages, timers and earlier cases (the view is audited)',
        params: caseParams,
        response: { 200: caseDetail, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getCaseDetail(db, actor, req.params.caseId, req.ip);
    },
  );

  app.patch(
    '/api/cases/:caseId',
    {
      schema: { tags: ['cases'], summary: 'Change a case’s categories, assignee, civil-ID status or intake details', params: caseParams, body: updateCaseBody, response: { 200: caseDetail, ...writeErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      await service.updateCaseDetails(db, actor, req.params.caseId, req.body, req.ip);
      return service.getCaseDetail(db, actor, req.params.caseId, req.ip);
    },
  );

  app.get(
    '/api/cases/:caseId/assignable-workers',
    {
      schema: {
        tags: ['cases'],
        summary: 'Who may be assigned to the case: active social workers, shelter officers and heads of its organization and the ones above it',
        params: caseParams,
        response: { 200: z.object({ items: z.array(assignableWorker) }), ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return { items: await service.listAssignableWorkers(db, actor, req.params.caseId) };
    },
  );

  app.post(
    '/api/cases/:caseId/stages/:stageKey/complete',
    {
      schema: { tags: ['cases'], summary: 'Complete the stage in progress; the next one starts', params: stageParams, body: completeStageBody, response: { 200: caseDetail, ...writeErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      await service.advanceStage(db, actor, req.params.caseId, req.params.stageKey, 'complete', { notes: req.body.notes, at: req.body.at }, req.ip);
      return service.getCaseDetail(db, actor, req.params.caseId, req.ip);
    },
  );

  app.post(
    '/api/cases/:caseId/stages/:stageKey/skip',
    {
      schema: { tags: ['cases'], summary: 'Skip the stage in progress (only where the SOP allows), with a reason', params: stageParams, body: skipStageBody, response: { 200: caseDetail, ...writeErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      await service.advanceStage(db, actor, req.params.caseId, req.params.stageKey, 'skip', { reason: req.body.reason }, req.ip);
      return service.getCaseDetail(db, actor, req.params.caseId, req.ip);
    },
  );

  app.post(
    '/api/cases/:caseId/terminate',
    {
      schema: { tags: ['cases'], summary: 'Terminate the case with a coded outcome; closes it', params: caseParams, body: terminateCaseBody, response: { 200: caseDetail, ...writeErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      await service.terminateCase(db, actor, req.params.caseId, req.body, req.ip);
      return service.getCaseDetail(db, actor, req.params.caseId, req.ip);
    },
  );

  app.get(
    '/api/cases/:caseId/timeline',
    {
      schema: { tags: ['cases'], summary: 'Every recorded event of the case, oldest first', params: caseParams, response: { 200: z.object({ items: z.array(timelineEntry) }), ...writeErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      await loadCaseInScope(db, actor, req.params.caseId);
      const rows = await findCaseTimeline(db, req.params.caseId);
      return { items: rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() })) };
    },
  );
}
