import type { FastifyRequest } from 'fastify';
import { requestErrors } from '../../../shared/contracts/common.js';
import { dashboardQuery, officeDashboard, periodQuery, provinceDashboard } from '../../../shared/contracts/reports.js';
import { roleHas } from '../../../shared/permissions.js';
import { type Actor, authorize, requireActor } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { getOfficeDashboard, getProvinceDashboard } from '../reports/reports.service.js';

const tags = ['dashboard'];

/** The office dashboard carries counts only (no client data): report readers and case workers see it. */
function authorizeDashboard(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  return authorize(req, roleHas(actor.role, 'reports.read') ? 'reports.read' : 'cases.read');
}

export function registerDashboardRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/dashboard',
    { schema: { tags, summary: 'Office dashboard: cases this month, categories, overdue, occupancy, lead-time trend', querystring: dashboardQuery, response: { 200: officeDashboard, ...requestErrors } } },
    async (req) => getOfficeDashboard(db, authorizeDashboard(req), req.query.organizationId),
  );
  app.get(
    '/api/dashboard/districts',
    { schema: { tags, summary: 'Province dashboard: each child organization compared over a period', querystring: periodQuery, response: { 200: provinceDashboard, ...requestErrors } } },
    async (req) => getProvinceDashboard(db, authorize(req, 'reports.read'), req.query),
  );
}
