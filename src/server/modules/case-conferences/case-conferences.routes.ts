import { z } from 'zod';
import {
  caseConferenceList,
  caseConferenceView,
  conferenceParams,
  conferenceUserOptions,
  conferenceUsersQuery,
  createCaseConferenceBody,
  listCaseConferencesQuery,
  minutesPdfQuery,
  myPlanItemsQuery,
  planItemInput,
  planItemList,
  planItemParams,
  planItemView,
  recordConferenceHeldBody,
  updateCaseConferenceBody,
  updatePlanItemBody,
} from '../../../shared/contracts/case-conferences.js';
import { readErrors, writeErrors } from '../../../shared/contracts/common.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import * as service from './case-conferences.service.js';

const tags = ['case-conferences'];

/** Case conferences (rapat kasus), their intervention plans, the minutes PDF, and "my plan items". */
export function registerCaseConferenceRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/case-conferences',
    {
      schema: {
        tags,
        summary: 'Case conferences in scope, newest first; with caseId, those that discussed the case',
        querystring: listCaseConferencesQuery,
        response: { 200: caseConferenceList, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.listConferences(db, actor, req.query);
    },
  );

  app.post(
    '/api/case-conferences',
    {
      schema: {
        tags,
        summary: 'Record a case conference: date, place, participants, cases with decisions, summary, intervention plan',
        body: createCaseConferenceBody,
        response: { 201: caseConferenceView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.createConference(db, actor, req.body, req.ip));
    },
  );

  app.get(
    '/api/case-conferences/people',
    {
      schema: {
        tags,
        summary: 'Users who can take part in a conference of an organization or be responsible for a plan item',
        querystring: conferenceUsersQuery,
        response: { 200: conferenceUserOptions, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      const org = await getReachableOrganization(db, actor, req.query.organizationId);
      return service.conferencePeople(db, org.id);
    },
  );

  app.get(
    '/api/case-conferences/:id',
    { schema: { tags, summary: 'One case conference with participants, cases, decisions and plan', params: conferenceParams, response: { 200: caseConferenceView, ...readErrors } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getConference(db, actor, req.params.id);
    },
  );

  app.patch(
    '/api/case-conferences/:id',
    {
      schema: {
        tags,
        summary: 'Correct a conference (the lists given replace the stored ones)',
        params: conferenceParams,
        body: updateCaseConferenceBody,
        response: { 200: caseConferenceView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.updateConference(db, actor, req.params.id, req.body, req.ip);
    },
  );

  app.post(
    '/api/case-conferences/:id/held',
    {
      schema: {
        tags,
        summary: 'Record the conference as held; optionally complete the "case conference" stage of the cases discussed',
        params: conferenceParams,
        body: recordConferenceHeldBody,
        response: { 200: caseConferenceView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.recordHeld(db, actor, req.params.id, req.body, req.ip);
    },
  );

  app.post(
    '/api/case-conferences/:id/plan-items',
    {
      schema: { tags, summary: 'Add an intervention-plan item', params: conferenceParams, body: planItemInput, response: { 201: caseConferenceView, ...writeErrors } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.addPlanItem(db, actor, req.params.id, req.body, req.ip));
    },
  );

  app.get(
    '/api/case-conferences/:id/minutes.pdf',
    {
      schema: {
        tags,
        summary: 'The minutes (notulen rapat kasus) as a PDF on the letterhead; the download is audited',
        params: conferenceParams,
        querystring: minutesPdfQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('The PDF file'), ...readErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.read');
      const { pdf, fileName } = await service.renderMinutes(db, actor, req.params.id, req.query.lang, req.ip);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.patch(
    '/api/plan-items/:id',
    {
      schema: {
        tags,
        summary: 'Mark an intervention-plan item done (or open again), or change it',
        params: planItemParams,
        body: updatePlanItemBody,
        response: { 200: planItemView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.updatePlanItem(db, actor, req.params.id, req.body, req.ip);
    },
  );

  app.get(
    '/api/plan-items/mine',
    {
      schema: {
        tags,
        summary: "The signed-in user's intervention-plan items (open; late ones flagged)",
        querystring: myPlanItemsQuery,
        response: { 200: planItemList, ...readErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.myPlanItems(db, actor, req.query.includeDone);
    },
  );
}
