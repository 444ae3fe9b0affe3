/** The old-spelling folding of the clients' search text: the code and migration 0018 agree. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectJson, firstUnitId, setupInstance, type TestApp } from '../../../../tests/support/app.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import { MIGRATIONS_DIR } from '../../db/client.js';
import { foldSpelling, OLD_SPELLINGS } from './clients.repository.js';

const migration = readFileSync(path.join(MIGRATIONS_DIR, '0018_search_old_spellings.sql'), 'utf8');

describe('old spellings in the search text', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  it('folds the old spellings in order, and keeps the rest', () => {
    expect(foldSpelling('Soetarno Djojohadikoesoemo')).toBe('sutarno jojohadikusumo');
    expect(foldSpelling('Tjut Nja Dhien, Sjahrir, Chairil')).toBe('cut nya dhien, syahrir, khairil');
    expect(foldSpelling('3574011204860001 Budi')).toBe('3574011204860001 budi');
  });

  it('migration 0018 makes the same replacements in the same order', () => {
    const pairs = [...migration.matchAll(/, '([a-z]+)', '([a-z]+)'\)/g)].map((m) => [m[1], m[2]]);
    expect(pairs).toEqual(OLD_SPELLINGS.map(([old, current]) => [old, current]));
  });

  it('migration 0018 rewrites a search text written before it as the code now writes it', async () => {
    const admin = (await setupInstance(app)).session;
    const unitId = await firstUnitId(app, admin);
    const officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    const c = expectJson<CaseDetail>(
      await api(app, officer).post('/api/intakes', { organizationId: unitId, source: 'police', arrivedAt: new Date().toISOString(), categories: ['ppks_12'], client: { name: 'Tjipto Soedjono' } }),
      201,
    );
    const db = app.testDatabase.db;
    const read = async () => ((await db.execute(sql`select search_text from clients where id = ${c.client.id}`)) as unknown as { rows: { search_text: string }[] }).rows[0].search_text;
    expect(await read()).toBe('cipto sujono');
    // As a row written before the migration had it.
    await db.execute(sql`update clients set search_text = 'tjipto soedjono' where id = ${c.client.id}`);
    await db.execute(sql.raw(migration));
    expect(await read()).toBe('cipto sujono');
  });
});
