import { auditEntryView, listAuditQuery } from '../../../shared/contracts/audit.js';
import { errorResponse, page } from '../../../shared/contracts/common.js';
import { roleHas } from '../../../shared/permissions.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { findAuditEvents } from './audit.repository.js';

/**
 * The records whose changes hold no client data: staff accounts, organizations, rooms, the SOP, form
 * designs, the public page, the roster and survey periods. The changes of every other record (clients,
 * cases, attachments, complaints, field reports, form answers, and any type added later) may hold
 * client data, so a role that may not read cases (the administrator) sees who did what to which record
 * and when, but not what was written.
 */
const WITHOUT_CLIENT_DATA = new Set(['user', 'organization', 'room', 'sop', 'form_template', 'public_profile', 'roster_pattern', 'roster_shift', 'survey_period']);

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
      const readsClients = roleHas(actor.role, 'cases.read');
      return {
        items: rows.map((r) => {
          const withheld = !readsClients && r.changes !== null && !(r.entityType === null || WITHOUT_CLIENT_DATA.has(r.entityType));
          return {
            ...r,
            id: r.id.toString(),
            occurredAt: r.occurredAt.toISOString(),
            changes: withheld ? null : r.changes,
            changesWithheld: withheld,
          };
        }),
        total,
      };
    },
  );
}
