import { regionListQuery, regionListResponse } from '../../../shared/contracts/regions.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import type { ZodApp } from '../../http/context.js';
import { listDistricts, listProvinces, listRegencies, listVillages } from '../../regions/region-data.js';

/** Administrative regions (Kepmendagri codes, from idn-area-data). Public reference data, no login needed. */
export function registerRegionRoutes(app: ZodApp) {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Provinces (no parent), or the regencies, districts or villages under a parent code',
        querystring: regionListQuery,
        response: { 200: regionListResponse, 400: errorResponse },
      },
    },
    async (req, reply) => {
      const parent = req.query.parent;
      const depth = parent ? parent.split('.').length : 0;
      const list = [listProvinces, listRegencies, listDistricts, listVillages][depth] as (code: string) => Promise<readonly { code: string; name: string }[]>;
      const items = await list(parent ?? '');
      reply.header('cache-control', 'public, max-age=86400');
      return { items: items.map((r) => ({ code: r.code, name: r.name })) };
    },
  );
}
