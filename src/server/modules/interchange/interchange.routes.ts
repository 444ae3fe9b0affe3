import { z } from 'zod';
import { writeErrors } from '../../../shared/contracts/common.js';
import { importResult, interchangeExportQuery, interchangeImportQuery } from '../../../shared/contracts/interchange.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import * as service from './interchange.service.js';

const tags = ['interchange'];
/** Bundles are imported whole, in memory: 50 MB holds the CSVs of many thousands of cases. */
const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

export function registerInterchangeRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/interchange/export',
    {
      schema: {
        tags,
        summary: "The organization's data as a versioned ZIP of CSV files with a manifest (docs/INTERCHANGE.md); audited",
        querystring: interchangeExportQuery,
        produces: ['application/zip'],
        response: { 200: z.any().describe('The ZIP bundle'), ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'interchange.export');
      const { stream, fileName } = await service.exportBundle(db, actor, req.query, req.ip);
      return reply.type('application/zip').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(stream);
    },
  );

  app.register(async (scope: ZodApp) => {
    // Only this scope takes ZIP bodies, and only this route up to 50 MB: a parser added to the whole
    // app would let every route, signed in or not, take 50 MB before anything is checked.
    scope.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: MAX_BUNDLE_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/interchange/import',
      {
        bodyLimit: MAX_BUNDLE_BYTES,
        schema: {
          tags,
          summary: 'Validate and import a bundle (body: the ZIP, application/zip); re-running it changes nothing twice',
          querystring: interchangeImportQuery,
          consumes: ['application/zip'],
          response: { 200: importResult, ...writeErrors },
        },
      },
      async (req) => {
        const actor = authorize(req, 'interchange.import');
        if (!Buffer.isBuffer(req.body)) throw service.invalidBundle('not_zip_body');
        return service.importBundle(db, actor, req.body, req.query, req.ip);
      },
    );
  });
}
