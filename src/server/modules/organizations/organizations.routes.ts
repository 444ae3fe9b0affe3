import { z } from 'zod';
import { errorResponse, idParams } from '../../../shared/contracts/common.js';
import { createOrganizationBody, organizationView, updateOrganizationBody } from '../../../shared/contracts/organizations.js';
import { authorize, scopePrefix } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { findOrganizationsInScope } from './organizations.repository.js';
import * as service from './organizations.service.js';

export function registerOrganizationRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Organizations in the signed-in user’s scope',
        response: { 200: z.object({ items: z.array(organizationView) }), 401: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'organizations.read');
      const scope = scopePrefix(actor);
      const rows = await findOrganizationsInScope(db, scope.path, scope.includeChildren);
      return { items: rows.map(service.presentOrganization) };
    },
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Add a child organization (unit, district, partner institution)',
        body: createOrganizationBody,
        response: { 201: organizationView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'organizations.write');
      const row = await service.createOrganization(db, actor, req.body, req.ip);
      return reply.status(201).send(service.presentOrganization(row));
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Edit an organization’s details',
        params: idParams,
        body: updateOrganizationBody,
        response: { 200: organizationView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'organizations.write');
      const row = await service.updateOrganizationDetails(db, actor, req.params.id, req.body, req.ip);
      return service.presentOrganization(row);
    },
  );
}
