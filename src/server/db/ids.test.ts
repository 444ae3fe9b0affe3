import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserSession, createTestApp, firstUnitId, setupInstance, type TestApp, type TestSession } from '../../../tests/support/app.js';
import { openCase } from '../../../tests/support/case-fixtures.js';
import { queryRows } from './client.js';
import { newId } from './ids.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The creation time a version-7 id carries (its first 48 bits, milliseconds since 1970). */
const timeOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

/** Record ids are time-ordered UUIDs (version 7), from the app and from the database's defaults alike. */
describe('record ids', () => {
  let app: TestApp;
  let officer: TestSession;
  let unitId: string;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(app.testDatabase.db, query);

  beforeAll(async () => {
    app = await createTestApp();
    const admin = (await setupInstance(app)).session;
    unitId = await firstUnitId(app, admin);
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('newId() makes version-7 ids that carry the time and sort in the order they were made', () => {
    const before = Date.now();
    const ids = Array.from({ length: 2000 }, () => newId());
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(V7);
    expect(timeOf(ids[0])).toBeGreaterThanOrEqual(before);
    expect(timeOf(ids.at(-1)!)).toBeLessThanOrEqual(after);
    // Strictly increasing, also within one millisecond.
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
  });

  it("the database's uuid_v7() makes version-7 ids with the current time", async () => {
    const before = Date.now();
    const made = await rows<{ id: string }>(sql`select uuid_v7()::text as id from generate_series(1, 200)`);
    const after = Date.now();
    expect(made).toHaveLength(200);
    for (const { id } of made) {
      expect(id).toMatch(V7);
      expect(timeOf(id)).toBeGreaterThanOrEqual(before);
      expect(timeOf(id)).toBeLessThanOrEqual(after);
    }
    expect(new Set(made.map((r) => r.id)).size).toBe(200);
  });

  it('every uuid id column defaults to uuid_v7(), none to a random id', async () => {
    const defaults = await rows<{ table_name: string; column_default: string | null }>(
      sql`select table_name, column_default from information_schema.columns
          where table_schema = current_schema() and column_name = 'id' and data_type = 'uuid'`,
    );
    expect(defaults.length).toBeGreaterThan(30);
    expect(defaults.filter((c) => c.column_default !== 'uuid_v7()')).toEqual([]);
  });

  it("an intake's case, client and stage ids are version 7, the stages' in their order", async () => {
    const before = Date.now();
    const detail = await openCase(app, officer, unitId);
    expect(detail.id).toMatch(V7);
    expect(detail.client.id).toMatch(V7);
    expect(timeOf(detail.id)).toBeGreaterThanOrEqual(before);
    const stages = await rows<{ id: string }>(sql`select id::text as id from case_stages where case_id = ${detail.id} order by position`);
    expect(stages.length).toBeGreaterThan(5);
    for (const { id } of stages) expect(id).toMatch(V7);
    expect(stages.map((s) => s.id)).toEqual(stages.map((s) => s.id).sort());
  });
});
