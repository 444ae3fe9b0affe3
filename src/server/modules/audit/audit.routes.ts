import { auditEntryView, listAuditQuery } from '../../../shared/contracts/audit.js';
import { errorResponse, page } from '../../../shared/contracts/common.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { findAuditEvents } from './audit.repository.js';

export function registerAuditRoutes(app: ZodApp, { db }: AppContext) {
  // Read-only by design: the product has no route that edits or deletes audit rows.
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log of the organizations in the user’s scope, newest first',
        querystring: listAuditQuery,
        response: { 200: page(auditEntryView), 401: errorResponse, 403: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'audit.read');
      const { rows, total } = await findAuditEvents(db, { scopePath: actor.organizationPath, ...req.query });
      return {
        items: rows.map((r) => ({
          ...r,
          id: r.id.toString(),
          occurredAt: r.occurredAt.toISOString(),
        })),
        total,
      };
    },
  );
}
