import { z } from 'zod';
import type { AppContext, ZodApp } from '../../http/context.js';

const healthResponse = z.object({
  status: z.enum(['ok', 'error']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
});

export function registerHealthRoutes(app: ZodApp, { database }: AppContext) {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness and database reachability', response: { 200: healthResponse, 503: healthResponse } } },
    async (_req, reply) => {
      let reachable = true;
      try {
        await database.ping();
      } catch {
        reachable = false;
      }
      return reply.status(reachable ? 200 : 503).send({ status: reachable ? 'ok' : 'error', database: { kind: database.kind, reachable } });
    },
  );
}
