import type { FastifyRequest } from 'fastify';
import { writeErrors } from '../../../shared/contracts/common.js';
import {
  admitBody,
  bedParams,
  caseStaysView,
  createBedBody,
  createRoomBody,
  dischargeBody,
  listRoomsQuery,
  listStaysQuery,
  moveStayBody,
  occupancyBoard,
  occupancyQuery,
  roomParams,
  roomView,
  stayParams,
  updateBedBody,
  updateRoomBody,
} from '../../../shared/contracts/shelter.js';
import { type Permission, roleHas } from '../../../shared/permissions.js';
import { type Actor, authorize, requireActor } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import * as service from './shelter.service.js';

/**
 * Rooms and beds are shelter configuration, so an administrator (`settings.write`) manages them; the
 * head of the unit (`cases.approve`) may too, because the head runs the building day to day (opens
 * an extra room during a raid, takes a broken bed out of service) and holds no `settings.write`.
 * Shelter officers and social workers only put clients on beds.
 */
const MANAGE_ROOMS: Permission[] = ['settings.write', 'cases.approve'];
/** The room list carries no client data: room managers and everyone doing casework may read it. */
const READ_ROOMS: Permission[] = ['settings.write', 'cases.approve', 'cases.read'];

/** `authorize` for an action that any one of several permissions allows. */
function authorizeAny(req: FastifyRequest, permissions: Permission[]): Actor {
  const actor = requireActor(req);
  return authorize(req, permissions.find((p) => roleHas(actor.role, p)) ?? permissions[0]);
}


export function registerShelterRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/shelter/rooms',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Rooms and beds of a shelter unit (no client data)',
        querystring: listRoomsQuery,
        response: { 200: roomView.array(), ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorizeAny(req, READ_ROOMS);
      return service.listRooms(db, actor, req.query.organizationId ?? actor.organizationId, req.query.includeInactive);
    },
  );

  app.post(
    '/api/shelter/rooms',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Create a room, with its beds, in a shelter unit',
        body: createRoomBody,
        response: { 201: roomView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorizeAny(req, MANAGE_ROOMS);
      return reply.status(201).send(await service.createRoom(db, actor, req.body, req.ip));
    },
  );

  app.patch(
    '/api/shelter/rooms/:roomId',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Rename a room, change who it is for, or take it out of service',
        params: roomParams,
        body: updateRoomBody,
        response: { 200: roomView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorizeAny(req, MANAGE_ROOMS);
      return service.updateRoomDetails(db, actor, req.params.roomId, req.body, req.ip);
    },
  );

  app.post(
    '/api/shelter/rooms/:roomId/beds',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Add a bed to a room',
        params: roomParams,
        body: createBedBody,
        response: { 201: roomView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorizeAny(req, MANAGE_ROOMS);
      return reply.status(201).send(await service.addBed(db, actor, req.params.roomId, req.body.label, req.ip));
    },
  );

  app.patch(
    '/api/shelter/beds/:bedId',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Relabel a bed or take it out of service',
        params: bedParams,
        body: updateBedBody,
        response: { 200: roomView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorizeAny(req, MANAGE_ROOMS);
      return service.updateBedDetails(db, actor, req.params.bedId, req.body, req.ip);
    },
  );

  app.get(
    '/api/shelter/occupancy',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Live occupancy board: rooms → beds → who is on each, with the length of stay against the limit',
        querystring: occupancyQuery,
        response: { 200: occupancyBoard, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getOccupancyBoard(db, actor, req.query.organizationId ?? actor.organizationId);
    },
  );

  app.get(
    '/api/shelter/stays',
    {
      schema: {
        tags: ['shelter'],
        summary: "A case's stays in the shelter and its length of stay",
        querystring: listStaysQuery,
        response: { 200: caseStaysView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return service.getCaseStays(db, actor, req.query.caseId);
    },
  );

  app.post(
    '/api/shelter/stays',
    {
      schema: {
        tags: ['shelter'],
        summary: "Admit a case's client to a free bed",
        body: admitBody,
        response: { 201: caseStaysView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.write');
      return reply.status(201).send(await service.admit(db, actor, req.body, req.ip));
    },
  );

  app.post(
    '/api/shelter/stays/:stayId/move',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Move the client to another free bed',
        params: stayParams,
        body: moveStayBody,
        response: { 200: caseStaysView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.moveStay(db, actor, req.params.stayId, req.body, req.ip);
    },
  );

  app.post(
    '/api/shelter/stays/:stayId/discharge',
    {
      schema: {
        tags: ['shelter'],
        summary: 'Discharge the client from the shelter (frees the bed)',
        params: stayParams,
        body: dischargeBody,
        response: { 200: caseStaysView, ...writeErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.write');
      return service.discharge(db, actor, req.params.stayId, req.body, req.ip);
    },
  );
}
