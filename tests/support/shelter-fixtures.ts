/**
 * A shelter with its people, for the shelter and attachment tests: the district from setup (its
 * unit, an administrator, the head, a shelter officer, a social worker, a viewer) and a second,
 * unrelated district with its own administrator and shelter officer. Cases are received through the
 * real intake API.
 *
 *   const world = await buildShelterWorld(app);
 *   const c = await receiveClient(app, world.officer, world.unitId, { client: { name: 'Ibu Sri', sex: 'female' } });
 */
import type { CaseDetail } from '../../src/shared/contracts/cases.js';
import type { RoomView } from '../../src/shared/contracts/shelter.js';
import { api, buildUserSession, expectJson, setupInstance, type TestApp, type TestSession } from './app.js';
import { createSecondDistrict } from './second-district.js';

export interface ShelterWorld {
  unitId: string;
  regencyId: string;
  admin: TestSession;
  head: TestSession;
  officer: TestSession;
  worker: TestSession;
  viewer: TestSession;
  other: { unitId: string; admin: TestSession; officer: TestSession };
}

/** Setup, the users of each role in the shelter unit, and a second district. */
export async function buildShelterWorld(app: TestApp): Promise<ShelterWorld> {
  const setup = await setupInstance(app);
  const admin = setup.session;
  const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
  const unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
  const regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
  const inUnit = async (role: 'head' | 'shelter_officer' | 'social_worker' | 'viewer') =>
    (await buildUserSession(app, admin, { role, organizationId: unitId })).session;
  const second = await createSecondDistrict(app);
  return {
    unitId,
    regencyId,
    admin,
    head: await inUnit('head'),
    officer: await inUnit('shelter_officer'),
    worker: await inUnit('social_worker'),
    viewer: await inUnit('viewer'),
    other: {
      unitId: second.unitId,
      admin: second.adminSession,
      officer: (await buildUserSession(app, second.adminSession, { role: 'shelter_officer', organizationId: second.unitId })).session,
    },
  };
}

export interface IntakeOverrides {
  arrivedAt?: string;
  client?: { name: string; sex?: 'male' | 'female' | 'unknown'; [k: string]: unknown };
  [k: string]: unknown;
}

/** Receive a client through POST /api/intakes (a stranded traveller who arrived an hour ago, by default). */
export async function receiveClient(app: TestApp, session: TestSession, organizationId: string, overrides: IntakeOverrides = {}): Promise<CaseDetail> {
  const res = await api(app, session).post('/api/intakes', {
    organizationId,
    source: 'police',
    broughtByAgency: 'Polsek Mayangan',
    arrivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    categories: ['ppks_11'],
    client: { name: 'Pak Darmo', sex: 'male', estimatedAge: 55 },
    ...overrides,
  });
  return expectJson<CaseDetail>(res, 201);
}

/** Create a room with beds through POST /api/shelter/rooms. */
export async function createRoom(
  app: TestApp,
  session: TestSession,
  organizationId: string,
  body: { name: string; sex?: 'male' | 'female' | 'mixed'; bedLabels?: string[] },
): Promise<RoomView> {
  return expectJson<RoomView>(await api(app, session).post('/api/shelter/rooms', { organizationId, ...body }), 201);
}

/** An ISO instant `days` × 24 hours before now (same time of day, so exactly that many calendar days back). */
export function daysAgo(days: number, extraMinutes = 0): string {
  return new Date(Date.now() - days * 86_400_000 - extraMinutes * 60_000).toISOString();
}
