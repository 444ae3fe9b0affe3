import { z } from 'zod';
import { caseParams } from '../../../shared/contracts/cases.js';
import {
  belongingView,
  caseRecordParams,
  caseRecordsView,
  closeTracingBody,
  createHealthCheckBody,
  createIdentityDocumentBody,
  createServiceBody,
  createTracingAttemptBody,
  depositBelongingBody,
  dueFollowUpsQuery,
  dueFollowUpView,
  followUpDoneBody,
  followUpView,
  handoverPdfQuery,
  healthCheckView,
  identityDocumentTransitionBody,
  identityDocumentView,
  returnBelongingBody,
  reunificationBody,
  reunificationView,
  scheduleFollowUpBody,
  servicesView,
  serviceView,
  tracingAttemptResult,
} from '../../../shared/contracts/casework.js';
import { TRACING_STATUSES } from '../../../shared/domain/enums.js';
import { errorResponse, page, readErrors, writeErrors } from '../../../shared/contracts/common.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import * as service from './casework.service.js';

const tags = ['casework'];
/** Errors every write under a case can answer. */

/** The stage records of a case: health check, identity documents, tracing, services, return home, follow-ups, belongings. */
export function registerCaseworkRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/cases/:caseId/records',
    {
      schema: {
        tags,
        summary: 'Everything the stages of a case have recorded, for the case page',
        params: caseParams,
        response: { 200: caseRecordsView, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getCaseRecords(db, actor, req.params.caseId);
    },
  );

  app.post(
    '/api/cases/:caseId/health-checks',
    {
      schema: {
        tags,
        summary: 'Record an initial identification and health check (vital signs, mental state, referral, insurance)',
        params: caseParams,
        body: createHealthCheckBody,
        response: { 201: healthCheckView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.recordHealthCheck(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.post(
    '/api/cases/:caseId/identity-documents',
    {
      schema: {
        tags,
        summary: 'Start a request to Dukcapil for an identity document (NIK, KTP-el, KK, birth certificate)',
        params: caseParams,
        body: createIdentityDocumentBody,
        response: { 201: identityDocumentView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.requestIdentityDocument(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.post(
    '/api/cases/:caseId/identity-documents/:id/transition',
    {
      schema: {
        tags,
        summary: 'Move an identity document request on: prepared → submitted → recorded → issued, or refused',
        params: caseRecordParams,
        body: identityDocumentTransitionBody,
        response: { 200: identityDocumentView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.transitionIdentityDocument(db, actor, req.params.caseId, req.params.id, req.body, req.ip);
    },
  );

  app.post(
    '/api/cases/:caseId/tracing-attempts',
    {
      schema: {
        tags,
        summary: "Record an attempt to find the client's family; the case's tracing status follows the result",
        params: caseParams,
        body: createTracingAttemptBody,
        response: { 201: tracingAttemptResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.recordTracingAttempt(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.post(
    '/api/cases/:caseId/tracing/close',
    {
      schema: {
        tags,
        summary: 'Close family tracing as not found',
        params: caseParams,
        body: closeTracingBody,
        response: { 200: z.object({ tracingStatus: z.enum(TRACING_STATUSES) }), ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.closeTracing(db, actor, req.params.caseId, req.ip);
    },
  );

  app.get(
    '/api/cases/:caseId/services',
    {
      schema: {
        tags,
        summary: 'Rehabilitation services (SPM) given to the client, with totals per service',
        params: caseParams,
        response: { 200: servicesView, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listServices(db, actor, req.params.caseId);
    },
  );

  app.post(
    '/api/cases/:caseId/services',
    {
      schema: {
        tags,
        summary: 'Record a rehabilitation service (one of the 11 SPM services) given on a day',
        params: caseParams,
        body: createServiceBody,
        response: { 201: serviceView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.recordService(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.post(
    '/api/cases/:caseId/reunification',
    {
      schema: {
        tags,
        summary: 'Record the return home (reunification); recording again corrects it',
        params: caseParams,
        body: reunificationBody,
        response: { 200: reunificationView, 201: reunificationView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      const { created, view } = await service.saveReunification(db, actor, req.params.caseId, req.body, req.ip);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/api/cases/:caseId/reunification/handover.pdf',
    {
      schema: {
        tags,
        summary: 'The handover record (berita acara serah terima) as a PDF (application/pdf); the download is audited',
        params: caseParams,
        querystring: handoverPdfQuery,
        produces: ['application/pdf'],
        // The bytes are sent as they are (Fastify never serializes a Buffer); the schema only documents them.
        response: { 200: z.any().describe('The PDF file'), ...readErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.read');
      const { pdf, fileName } = await service.renderHandoverRecord(db, actor, req.params.caseId, req.query.lang, req.ip);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/cases/:caseId/follow-ups',
    {
      schema: {
        tags,
        summary: 'Schedule a monitoring and evaluation follow-up',
        params: caseParams,
        body: scheduleFollowUpBody,
        response: { 201: followUpView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.scheduleFollowUp(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.post(
    '/api/cases/:caseId/follow-ups/:id/done',
    {
      schema: {
        tags,
        summary: "Record a follow-up as done, with the channel and the client's situation",
        params: caseRecordParams,
        body: followUpDoneBody,
        response: { 200: followUpView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.recordFollowUpDone(db, actor, req.params.caseId, req.params.id, req.body, req.ip);
    },
  );

  app.get(
    '/api/follow-ups/due',
    {
      schema: {
        tags,
        summary: 'Reminders: follow-ups due within `days` days or overdue, on open cases in your scope',
        querystring: dueFollowUpsQuery,
        response: { 200: page(dueFollowUpView), 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listDueFollowUps(db, actor, req.query);
    },
  );

  app.post(
    '/api/cases/:caseId/belongings',
    {
      schema: {
        tags,
        summary: 'Record an item the client deposited at intake',
        params: caseParams,
        body: depositBelongingBody,
        response: { 201: belongingView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.depositBelonging(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.post(
    '/api/cases/:caseId/belongings/:id/return',
    {
      schema: {
        tags,
        summary: 'Record a deposited item as returned (to whom, when)',
        params: caseRecordParams,
        body: returnBelongingBody,
        response: { 200: belongingView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.returnBelonging(db, actor, req.params.caseId, req.params.id, req.body, req.ip);
    },
  );
}
