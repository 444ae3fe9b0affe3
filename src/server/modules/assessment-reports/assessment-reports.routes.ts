import { z } from 'zod';
import {
  assessmentReportList,
  assessmentReportParams,
  assessmentReportPdfQuery,
  assessmentReportView,
  createAssessmentReportBody,
  returnAssessmentReportBody,
  updateAssessmentReportBody,
} from '../../../shared/contracts/assessment-reports.js';
import { caseParams } from '../../../shared/contracts/cases.js';
import { readErrors, writeErrors } from '../../../shared/contracts/common.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { createAttachmentStorage } from '../attachments/attachments.storage.js';
import * as service from './assessment-reports.service.js';

const tags = ['assessment-reports'];

/** The assessment report (Laporan Hasil Asesmen / Laporan Sosial) of a case, its approval and its PDF. */
export function registerAssessmentReportRoutes(app: ZodApp, { db, config }: AppContext) {
  const storage = createAttachmentStorage(config.uploadDir);
  const base = '/api/cases/:caseId/assessment-reports';

  app.get(
    base,
    { schema: { tags, summary: 'The assessment reports of a case, newest first', params: caseParams, response: { 200: assessmentReportList, ...readErrors } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listReports(db, actor, req.params.caseId);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Generate a draft report from the latest submitted psychosocial assessment (empty findings when there is none)',
        params: caseParams,
        body: createAssessmentReportBody,
        response: { 201: assessmentReportView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.createReport(db, actor, req.params.caseId, req.body, req.ip));
    },
  );

  app.get(
    `${base}/:reportId`,
    { schema: { tags, summary: 'One assessment report', params: assessmentReportParams, response: { 200: assessmentReportView, ...readErrors } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getReport(db, actor, req.params.caseId, req.params.reportId);
    },
  );

  app.patch(
    `${base}/:reportId`,
    {
      schema: {
        tags,
        summary: 'Edit a draft or returned report (letter fields, findings, analysis, recommendation), or refresh it from the assessment',
        params: assessmentReportParams,
        body: updateAssessmentReportBody,
        response: { 200: assessmentReportView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.updateReport(db, actor, req.params.caseId, req.params.reportId, req.body, req.ip);
    },
  );

  app.post(
    `${base}/:reportId/submit`,
    { schema: { tags, summary: 'Submit the report to the head for approval', params: assessmentReportParams, response: { 200: assessmentReportView, ...writeErrors } } },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.submitReport(db, actor, req.params.caseId, req.params.reportId, req.ip);
    },
  );

  app.post(
    `${base}/:reportId/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a submitted report (head of unit); the letter number is allocated now',
        params: assessmentReportParams,
        response: { 200: assessmentReportView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.approve');
      return service.approveReport(db, actor, req.params.caseId, req.params.reportId, req.ip);
    },
  );

  app.post(
    `${base}/:reportId/return`,
    {
      schema: {
        tags,
        summary: 'Return a submitted report to the social worker with a note (head of unit)',
        params: assessmentReportParams,
        body: returnAssessmentReportBody,
        response: { 200: assessmentReportView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.approve');
      return service.returnReport(db, actor, req.params.caseId, req.params.reportId, req.body.note, req.ip);
    },
  );

  app.get(
    `${base}/:reportId/pdf`,
    {
      schema: {
        tags,
        summary: 'The report as a PDF (application/pdf), DRAFT-watermarked until approved; the download is audited',
        params: assessmentReportParams,
        querystring: assessmentReportPdfQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('The PDF file'), ...readErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.read');
      const { pdf, fileName } = await service.renderReportPdf(db, storage, actor, req.params.caseId, req.params.reportId, req.query.lang, req.ip);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
