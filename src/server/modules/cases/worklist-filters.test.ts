import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectJson, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import type { CaseDetail, CaseSummary } from '../../../shared/contracts/cases.js';

type Page = { items: CaseSummary[]; total: number };

/** Every worklist filter, each alone and combined, and the total beside a page (also past the end). */
describe('worklist filters and totals', () => {
  let app: TestApp;
  let officer: TestSession;
  let unitId: string;
  const made: CaseDetail[] = [];
  const list = async (query: Record<string, string | number>) => expectJson<Page>(await api(app, officer).get('/api/cases', { query: { list: 'all', limit: 200, ...query } }), 200);
  const ids = (p: Page) => p.items.map((i) => i.id).sort();
  const idsOf = (...cs: CaseDetail[]) => cs.map((c) => c.id).sort();
  const wibDate = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await createTestApp();
    const admin = (await setupInstance(app)).session;
    unitId = await firstUnitId(app, admin);
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    const intake = async (body: Record<string, unknown>) =>
      expectJson<CaseDetail>(
        await api(app, officer).post('/api/intakes', { organizationId: unitId, source: 'walk_in', arrivedAt: new Date(Date.now() - 60 * 60_000).toISOString(), categories: ['ppks_11'], ...body }),
        201,
      );
    made.push(await intake({ client: { name: 'Suparman Hadi', sex: 'male' } }));
    made.push(await intake({ source: 'satpol_pp_raid', categories: ['ppks_12'], client: { name: 'Wagiyem', sex: 'female' } }));
    made.push(await intake({ arrivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), categories: ['ppks_12', 'ppks_11'], client: { name: 'Karto Lama', sex: 'male' } }));
    await api(app, officer).post(`/api/cases/${made[1].id}/stages/initial_identification/complete`, {});
  });
  afterAll(async () => {
    await app?.close();
  });

  it('filters by category, source, current stage, arrival dates and text, alone and together', async () => {
    expect(ids(await list({}))).toEqual(idsOf(...made));
    expect(ids(await list({ category: 'ppks_12' }))).toEqual(idsOf(made[1], made[2]));
    expect(ids(await list({ source: 'satpol_pp_raid' }))).toEqual(idsOf(made[1]));
    expect(ids(await list({ stage: 'health_civil_check' }))).toEqual(idsOf(made[1]));
    const today = wibDate(new Date(Date.now() - 60 * 60_000));
    expect(ids(await list({ from: today }))).toEqual(idsOf(made[0], made[1]));
    expect(ids(await list({ to: wibDate(new Date(Date.now() - 5 * 86_400_000)) }))).toEqual(idsOf(made[2]));
    expect(ids(await list({ q: 'suparmn' }))).toEqual(idsOf(made[0]));
    expect(ids(await list({ q: made[2].caseNumber.toLowerCase() }))).toEqual(idsOf(made[2]));
    expect(ids(await list({ category: 'ppks_12', source: 'walk_in', q: 'karto' }))).toEqual(idsOf(made[2]));
    expect((await list({ category: 'ppks_12', source: 'walk_in', q: 'wagiyem' })).total).toBe(0);
  });

  it('the total counts every match, beside a page of some of them and past the last page', async () => {
    const first = await list({ limit: 2, offset: 0 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    // Newest arrival first.
    expect(first.items.map((i) => i.id)).toEqual([made[1].id, made[0].id]);
    const second = await list({ limit: 2, offset: 2 });
    expect(second.items.map((i) => i.id)).toEqual([made[2].id]);
    expect(second.total).toBe(3);
    const past = await list({ limit: 2, offset: 10 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(3);
    expect((await list({ list: 'open', category: 'ppks_12', limit: 1, offset: 5 })).total).toBe(2);
  });
});
