import { z } from 'zod';
import { requestErrors } from '../../../shared/contracts/common.js';
import {
  EXPORT_FORMATS,
  periodQuery,
  registerPage,
  registerQuery,
  serviceTimeReport,
  spmQuery,
  spmReport,
  summaryReport,
  workloadReport,
} from '../../../shared/contracts/reports.js';
import { type Language, pickLanguage } from '../../../shared/i18n/index.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { letterheadFor } from '../../documents/letterhead.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import { registerDocument, renderReportPdf, type ReportDocument, serviceTimeDocument, spmDocument, streamCsv, streamXlsx, summaryDocument, workloadDocument } from './reports.export.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const exportExtra = z.object({ format: z.enum(EXPORT_FORMATS), lang: z.enum(['id', 'en']).optional() });
const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

export function registerReportRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/reports/register',
    {
      schema: {
        tags,
        summary: 'The client register (buku register): cases active in a period. Client identity only with clients.read',
        querystring: registerQuery,
        response: { 200: registerPage, ...requestErrors },
      },
    },
    async (req) => service.getRegister(db, authorize(req, 'reports.read'), req.query),
  );
  app.get(
    '/api/reports/summary',
    { schema: { tags, summary: 'Monthly or annual report of an organization and its children', querystring: periodQuery, response: { 200: summaryReport, ...requestErrors } } },
    async (req) => service.getSummary(db, authorize(req, 'reports.read'), req.query),
  );
  app.get(
    '/api/reports/spm',
    { schema: { tags, summary: 'SPM indicator: gelandangan and pengemis whose basic needs were met outside a panti, per year', querystring: spmQuery, response: { 200: spmReport, ...requestErrors } } },
    async (req) => service.getSpm(db, authorize(req, 'reports.read'), req.query),
  );
  app.get(
    '/api/reports/service-time',
    { schema: { tags, summary: 'Working time per stage against the SOP, share within target, monthly trend', querystring: periodQuery, response: { 200: serviceTimeReport, ...requestErrors } } },
    async (req) => service.getServiceTime(db, authorize(req, 'reports.read'), req.query),
  );
  app.get(
    '/api/reports/workload',
    { schema: { tags, summary: 'Cases and late or overdue stages per worker', querystring: periodQuery, response: { 200: workloadReport, ...requestErrors } } },
    async (req) => service.getWorkload(db, authorize(req, 'reports.read'), req.query),
  );

  /** One export route per report: its own query plus the format; the download is audited. */
  const exportRoute = <Q extends z.ZodType>(
    kind: string,
    query: Q,
    build: (actor: ReturnType<typeof authorize>, q: z.infer<Q>, lang: Language) => Promise<{ doc: ReportDocument; organizationId: string; from: string; to: string }>,
  ) =>
    app.get(
      `/api/reports/${kind}/export`,
      {
        schema: {
          tags,
          summary: `The ${kind} report as XLSX, CSV or PDF (streamed; audited as export.downloaded)`,
          querystring: z.intersection(query, exportExtra),
          produces: Object.values(MIME),
          response: { 200: z.any().describe('The file'), ...requestErrors },
        },
      },
      async (req, reply) => {
        const actor = authorize(req, 'reports.read');
        const q = req.query as z.infer<Q> & z.infer<typeof exportExtra>;
        const lang = q.lang ?? actor.language ?? pickLanguage(req.headers['accept-language']);
        const { doc, organizationId, from, to } = await build(actor, q, lang);
        await db.transaction((tx) =>
          insertAuditEvent(tx, {
            action: 'export.downloaded',
            actorUserId: actor.id,
            organizationId,
            entityType: 'organization',
            entityId: organizationId,
            changes: { report: kind, format: q.format, from, to },
            ip: req.ip,
          }),
        );
        const fileName = `${kind}-${from}-${to}.${q.format}`;
        reply.type(MIME[q.format as keyof typeof MIME]).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store');
        if (q.format === 'xlsx') return reply.send(streamXlsx(doc));
        if (q.format === 'csv') return reply.send(streamCsv(doc));
        const org = (await findOrganizationById(db, organizationId))!;
        const parent = org.parentId ? await findOrganizationById(db, org.parentId) : undefined;
        return reply.send(await renderReportPdf(doc, await letterheadFor(org, parent, lang), lang));
      },
    );

  exportRoute('summary', periodQuery, async (actor, q, lang) => {
    const r = await service.getSummary(db, actor, q);
    return { doc: summaryDocument(r, lang), organizationId: r.header.organizationId, from: q.from, to: q.to };
  });
  exportRoute('spm', spmQuery, async (actor, q, lang) => {
    const r = await service.getSpm(db, actor, q);
    return { doc: spmDocument(r, lang), organizationId: r.header.organizationId, from: r.header.from, to: r.header.to };
  });
  exportRoute('service-time', periodQuery, async (actor, q, lang) => {
    const r = await service.getServiceTime(db, actor, q);
    return { doc: serviceTimeDocument(r, lang), organizationId: r.header.organizationId, from: q.from, to: q.to };
  });
  exportRoute('workload', periodQuery, async (actor, q, lang) => {
    const r = await service.getWorkload(db, actor, q);
    return { doc: workloadDocument(r, lang), organizationId: r.header.organizationId, from: q.from, to: q.to };
  });
  exportRoute('register', registerQuery, async (actor, q, lang) => {
    // The first page checks scope and settles whether identity is shown before anything streams.
    const ctx = await service.reportContext(db, actor, q.organizationId);
    const first = await service.getRegister(db, actor, { ...q, limit: 1, offset: 0 });
    const rows = service.registerRows(db, actor, q);
    const doc = registerDocument(rows, { organization: ctx.org.name, from: q.from, to: q.to, timeZone: ctx.timeZone, identityShown: first.identityShown }, lang);
    return { doc, organizationId: ctx.org.id, from: q.from, to: q.to };
  });
}
