import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectJson, login, setupInstance, type TestApp } from '../../../../tests/support/app.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from './demo.service.js';

describe('demo data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads into an empty database: every role can log in and the shelter has cases in several states', async () => {
    const result = await loadDemo(app.testDatabase.db);
    expect(result.loaded).toBe(true);
    for (const u of DEMO_USERS) expect(result.message).toContain(u.username);
    for (const u of DEMO_USERS) {
      const session = await login(app, u.username, DEMO_PASSWORD);
      expect(session.me.user.role).toBe(u.role);
    }
    const worker = await login(app, 'demo.peksos', DEMO_PASSWORD);
    const open = expectJson<{ total: number }>(await api(app, worker).get('/api/cases', { query: { list: 'open' } }), 200);
    const closed = expectJson<{ total: number }>(await api(app, worker).get('/api/cases', { query: { list: 'closed' } }), 200);
    const overdue = expectJson<{ total: number }>(await api(app, worker).get('/api/cases', { query: { list: 'overdue' } }), 200);
    expect(open.total).toBe(6);
    expect(closed.total).toBe(1);
    expect(overdue.total).toBeGreaterThanOrEqual(1);
    expect(expectJson<{ needsSetup: boolean }>(await api(app).get('/api/setup/status'), 200).needsSetup).toBe(false);
    const board = expectJson<{ totals: { beds: number; occupied: number } }>(await api(app, worker).get('/api/shelter/occupancy'), 200);
    expect(board.totals).toMatchObject({ beds: 7, occupied: 1 });
    const onDuty = expectJson<{ officers: { name: string }[] }>(await api(app, worker).get('/api/roster/on-duty'), 200);
    expect(onDuty.officers.map((o) => o.name)).toContain('Petugas Shelter Demo');
  });

  it('never loads into a database that already has data', async () => {
    const again = await loadDemo(app.testDatabase.db);
    expect(again.loaded).toBe(false);
  });

  it('refuses a database where setup was done for real', async () => {
    const fresh = await createTestApp();
    try {
      await setupInstance(fresh);
      const result = await loadDemo(fresh.testDatabase.db);
      expect(result.loaded).toBe(false);
      expect(result.message).toMatch(/not empty/);
    } finally {
      await fresh.close();
    }
  });
});
