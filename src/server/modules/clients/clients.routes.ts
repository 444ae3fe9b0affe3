import { z } from 'zod';
import {
  clientIdentityInput,
  clientSearchQuery,
  clientSearchResult,
  clientView,
  familyMemberInput,
  familyMemberView,
  nikCheck,
  nikCheckQuery,
} from '../../../shared/contracts/cases.js';
import { idParams, okResponse, requestErrors } from '../../../shared/contracts/common.js';
import { authorize, scopePrefix } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import * as repo from './clients.repository.js';
import { checkNik, getReachableClient, presentClient, updateClientIdentity } from './clients.service.js';


export function registerClientRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/clients/search',
    {
      schema: { tags: ['clients'], summary: 'Find clients by name, alias or NIK, tolerant of typos', querystring: clientSearchQuery, response: { 200: z.object({ items: z.array(clientSearchResult) }), ...requestErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'clients.read');
      const rows = await repo.searchClients(db, scopePrefix(actor), req.query.q, req.query.limit);
      return { items: rows.map((r) => ({ ...r, sex: r.sex as 'male', score: Number(r.score) })) };
    },
  );

  app.get(
    '/api/clients/nik-check',
    {
      schema: { tags: ['clients'], summary: 'Check a NIK: structure, what it encodes against the record, and duplicates', querystring: nikCheckQuery, response: { 200: nikCheck, ...requestErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'clients.read');
      return checkNik(db, actor, req.query);
    },
  );

  app.get(
    '/api/clients/:id',
    { schema: { tags: ['clients'], summary: 'A client’s full identity record (the view is audited)', params: idParams, response: { 200: clientView, ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'clients.read');
      const client = await getReachableClient(db, actor, req.params.id);
      const check = client.nik ? await checkNik(db, actor, { nik: client.nik, sex: client.sex, birthDate: client.birthDate, excludeClientId: client.id }) : null;
      await insertAuditEvent(db, { action: 'client.viewed', actorUserId: actor.id, organizationId: client.organizationId, entityType: 'client', entityId: client.id, ip: req.ip });
      return presentClient(client, check);
    },
  );

  app.patch(
    '/api/clients/:id',
    {
      schema: { tags: ['clients'], summary: 'Correct or complete a client’s identity (audited field by field)', params: idParams, body: clientIdentityInput.partial(), response: { 200: clientView, ...requestErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'clients.write');
      const row = await updateClientIdentity(db, actor, req.params.id, req.body, req.ip);
      const check = row.nik ? await checkNik(db, actor, { nik: row.nik, sex: row.sex, birthDate: row.birthDate, excludeClientId: row.id }) : null;
      return presentClient(row, check);
    },
  );

  app.get(
    '/api/clients/:id/family-members',
    { schema: { tags: ['clients'], summary: 'Family members and contacts of a client', params: idParams, response: { 200: z.object({ items: z.array(familyMemberView) }), ...requestErrors } } },
    async (req) => {
      const actor = authorize(req, 'clients.read');
      await getReachableClient(db, actor, req.params.id);
      const rows = await repo.findFamilyMembers(db, req.params.id);
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );

  app.post(
    '/api/clients/:id/family-members',
    {
      schema: { tags: ['clients'], summary: 'Add a family member or contact', params: idParams, body: familyMemberInput, response: { 201: familyMemberView, ...requestErrors } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'clients.write');
      const row = await db.transaction(async (tx) => {
        const client = await getReachableClient(tx, actor, req.params.id);
        const member = await repo.insertFamilyMember(tx, { ...req.body, clientId: client.id });
        await insertAuditEvent(tx, {
          action: 'client.updated',
          actorUserId: actor.id,
          organizationId: client.organizationId,
          entityType: 'client',
          entityId: client.id,
          changes: { familyMemberAdded: { id: member.id, name: member.name, relation: member.relation } },
          ip: req.ip,
        });
        return member;
      });
      return reply.status(201).send({ ...row, createdAt: row.createdAt.toISOString() });
    },
  );

  app.delete(
    '/api/clients/:id/family-members/:memberId',
    {
      schema: { tags: ['clients'], summary: 'Remove a family member entry (kept in history)', params: z.object({ id: z.uuid(), memberId: z.uuid() }), response: { 200: okResponse, ...requestErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'clients.write');
      await db.transaction(async (tx) => {
        const client = await getReachableClient(tx, actor, req.params.id);
        const removed = await repo.softDeleteFamilyMember(tx, client.id, req.params.memberId);
        if (!removed) throw notFound();
        await insertAuditEvent(tx, {
          action: 'client.updated',
          actorUserId: actor.id,
          organizationId: client.organizationId,
          entityType: 'client',
          entityId: client.id,
          changes: { familyMemberRemoved: { id: removed.id, name: removed.name } },
          ip: req.ip,
        });
      });
      return { ok: true as const };
    },
  );
}
