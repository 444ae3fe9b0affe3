import { idParams, page, requestErrors } from '../../../shared/contracts/common.js';
import { institutionView, listInstitutionsQuery, updateAvailabilityBody, updateInstitutionBody } from '../../../shared/contracts/institutions.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import * as service from './institutions.service.js';

const tags = ['institutions'];

/** The directory of referral institutions. */
export function registerInstitutionRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/institutions',
    {
      schema: {
        tags,
        summary: 'Referral institutions (partners and districts’ Dinas Sosial), searchable by name, type, category, service and region',
        querystring: listInstitutionsQuery,
        response: { 200: page(institutionView), ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'institutions.read');
      return service.listInstitutions(db, actor, req.query);
    },
  );

  app.get(
    '/api/institutions/mine',
    { schema: { tags, summary: 'The partner officer’s own institution', response: { 200: institutionView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'institutions.availability');
      return service.getInstitution(db, actor, actor.organizationId);
    },
  );

  app.get(
    '/api/institutions/:id',
    { schema: { tags, summary: 'One institution', params: idParams, response: { 200: institutionView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'institutions.read');
      return service.getInstitution(db, actor, req.params.id);
    },
  );

  app.put(
    '/api/institutions/:id',
    { schema: { tags, summary: 'Edit an institution’s directory entry (administrators, in scope)', params: idParams, body: updateInstitutionBody, response: { 200: institutionView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'institutions.write');
      return service.updateInstitution(db, actor, req.params.id, req.body, req.ip);
    },
  );

  app.put(
    '/api/institutions/:id/availability',
    {
      schema: {
        tags,
        summary: 'Share the places free now (the institution’s own officers, or an administrator in scope)',
        params: idParams,
        body: updateAvailabilityBody,
        response: { 200: institutionView, ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'institutions.availability');
      return service.updateAvailability(db, actor, req.params.id, req.body, req.ip);
    },
  );
}
