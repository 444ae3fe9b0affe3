import { errorResponse, idParams, okResponse, page } from '../../../shared/contracts/common.js';
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody, userView } from '../../../shared/contracts/users.js';
import { authorize, scopePrefix } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { findUsersInScope } from './users.repository.js';
import * as service from './users.service.js';

export function registerUserRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users in the administrator’s scope',
        querystring: listUsersQuery,
        response: { 200: page(userView), 401: errorResponse, 403: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'users.read');
      const scope = scopePrefix(actor);
      const { rows, total } = await findUsersInScope(db, { scopePath: scope.path, includeChildren: scope.includeChildren, ...req.query });
      return { items: rows.map((r) => service.presentUser(r.user, r.organization)), total };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (they must change the password at first login)',
        body: createUserBody,
        response: { 201: userView, 400: errorResponse, 403: errorResponse, 409: errorResponse },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'users.write');
      return reply.status(201).send(await service.createUser(db, actor, req.body, req.ip));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user’s details, role, organization or active state',
        params: idParams,
        body: updateUserBody,
        response: { 200: userView, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'users.write');
      return service.updateUserDetails(db, actor, req.params.id, req.body, req.ip);
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Set a temporary password; the user must change it at next login',
        params: idParams,
        body: resetPasswordBody,
        response: { 200: okResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (req) => {
      const actor = authorize(req, 'users.write');
      await service.resetUserPassword(db, actor, req.params.id, req.body.newPassword, req.ip);
      return { ok: true as const };
    },
  );
}
