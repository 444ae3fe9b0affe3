/**
 * Cases for tests, opened the way a shelter officer opens them: POST /api/intakes.
 *
 *   const c = await openCase(app, officer, unitId, { client: { name: 'Mr. X', sex: 'male' } });
 */
import type { CaseDetail, CreateIntakeBody } from '../../src/shared/contracts/cases.js';
import { api, expectJson, type TestApp, type TestSession } from './app.js';

/** Receive a client into `organizationId` and return the new case. Arrival defaults to an hour ago. */
export async function openCase(
  app: TestApp,
  session: TestSession,
  organizationId: string,
  overrides: Partial<CreateIntakeBody> = {},
): Promise<CaseDetail> {
  const body: Partial<CreateIntakeBody> = {
    organizationId,
    source: 'community_complaint',
    arrivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    categories: ['ppks_11'],
    client: { name: 'Klien Uji', nameQuality: 'partial', sex: 'male', estimatedAge: 45 } as CreateIntakeBody['client'],
    ...overrides,
  };
  return expectJson<CaseDetail>(await api(app, session).post('/api/intakes', body), 201);
}
