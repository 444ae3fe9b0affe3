import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildUserSession, createTestApp, expectError, expectJson, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import { queryRows } from '../../db/client.js';

/** Case numbers (`PREFIX-YYYY-NNNN`) come from a per-organization counter incremented in the intake's own statement. */
describe('case numbering', () => {
  let app: TestApp;
  let admin: TestSession;
  let officer: TestSession;
  let worker: TestSession;
  let unitId: string;
  const year = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date(Date.now() - 60 * 60_000)));

  const intake = (session: TestSession, overrides: Record<string, unknown> = {}) =>
    api(app, session).post('/api/intakes', {
      organizationId: unitId,
      source: 'walk_in',
      arrivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      categories: ['ppks_11'],
      client: { name: 'Klien Nomor', nameQuality: 'full', sex: 'female' },
      ...overrides,
    });
  const sequenceOf = (caseNumber: string) => Number(caseNumber.slice(caseNumber.lastIndexOf('-') + 1));
  const execute = (query: ReturnType<typeof sql>) => app.testDatabase.db.execute(query);

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('many intakes into one shelter at the same moment get distinct, consecutive numbers', async () => {
    const first = expectJson<CaseDetail>(await intake(officer), 201);
    expect(first.caseNumber).toBe(`RS-${year()}-0001`);
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => intake(i % 2 ? officer : worker, { client: { name: `Serentak ${i}`, sex: 'male' } })));
    const numbers = results.map((r) => expectJson<CaseDetail>(r, 201).caseNumber);
    expect(new Set(numbers).size).toBe(24);
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
    // The list agrees with what the intakes answered.
    const all = expectJson<{ items: { caseNumber: string }[]; total: number }>(await api(app, officer).get('/api/cases', { query: { list: 'all', limit: 100 } }), 200);
    expect(all.total).toBe(25);
    expect(new Set(all.items.map((c) => c.caseNumber))).toEqual(new Set([first.caseNumber, ...numbers]));
  });

  it('without a counter row (cases loaded in bulk, a database from before the counter) numbering follows the highest number in use', async () => {
    const last = expectJson<CaseDetail>(await intake(officer), 201);
    // A bulk load wrote a higher number and no counter.
    await execute(sql`update cases set case_number = ${`RS-${year()}-0041`} where id = ${last.id}`);
    await execute(sql`delete from case_number_counters where organization_id = ${unitId}`);
    // Several first intakes at once meet on the counter's key: still distinct and consecutive.
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => intake(officer, { client: { name: `Pertama ${i}`, sex: 'male' } })));
    expect(results.map((r) => sequenceOf(expectJson<CaseDetail>(r, 201).caseNumber)).sort((a, b) => a - b)).toEqual([42, 43, 44, 45]);
  });

  it('when the next number was taken by other means (an app server of an older release, a bulk load), numbering catches up', async () => {
    const a = expectJson<CaseDetail>(await intake(officer), 201);
    const b = expectJson<CaseDetail>(await intake(officer), 201);
    expect([a.caseNumber, b.caseNumber]).toEqual([`RS-${year()}-0046`, `RS-${year()}-0047`]);
    // Renumbered behind the counter's back: 0048 and 0049 are now in use, the counter still says 0047.
    await execute(sql`update cases set case_number = ${`RS-${year()}-0049`} where id = ${b.id}`);
    await execute(sql`update cases set case_number = ${`RS-${year()}-0048`} where id = ${a.id}`);
    expect(expectJson<CaseDetail>(await intake(officer), 201).caseNumber).toBe(`RS-${year()}-0050`);
  });

  it('several intakes at once while the counter is behind still get distinct numbers', async () => {
    const c = expectJson<CaseDetail>(await intake(officer), 201);
    expect(c.caseNumber).toBe(`RS-${year()}-0051`);
    // Renumbered behind the counter's back: 0053 is in use, 0052 free, the counter says 0051.
    await execute(sql`update cases set case_number = ${`RS-${year()}-0053`} where id = ${c.id}`);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => intake(officer, { client: { name: `Serentak tertinggal ${i}`, sex: 'male' } })));
    expect(results.map((r) => sequenceOf(expectJson<CaseDetail>(r, 201).caseNumber)).sort((a, b) => a - b)).toEqual([52, 54, 55, 56, 57]);
  });

  it('a prefix with a hyphen numbers on its own, and going back to the old prefix continues its numbers', async () => {
    const setPrefix = async (caseNumberPrefix: string) =>
      expectJson(await api(app, admin).put('/api/service-settings', { caseNumberPrefix }, { query: { organizationId: unitId } }), 200);
    await setPrefix('RS-PRB');
    expect(expectJson<CaseDetail>(await intake(officer), 201).caseNumber).toBe(`RS-PRB-${year()}-0001`);
    expect(expectJson<CaseDetail>(await intake(officer), 201).caseNumber).toBe(`RS-PRB-${year()}-0002`);
    await setPrefix('RS');
    expect(expectJson<CaseDetail>(await intake(officer), 201).caseNumber).toBe(`RS-${year()}-0058`);
  });

  it('a raid intake numbers its people one after another', async () => {
    const batch = expectJson<{ caseIds: string[] }>(
      await api(app, officer).post('/api/intakes/batch', {
        organizationId: unitId,
        source: 'satpol_pp_raid',
        arrivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
        categories: ['ppks_12'],
        people: [
          { name: 'Orang satu', sex: 'male' },
          { name: 'Orang dua', sex: 'female' },
        ],
      }),
      201,
    );
    const numbers = await Promise.all(batch.caseIds.map(async (id) => expectJson<CaseDetail>(await api(app, officer).get(`/api/cases/${id}`), 200).caseNumber));
    expect(numbers).toEqual([`RS-${year()}-0059`, `RS-${year()}-0060`]);
  });

  it('an intake planned from the context this server remembers is checked at write time: settings changed by another server apply at once', async () => {
    // This server has read the unit's context (earlier intakes) and keeps it. Another app server (or an
    // administrator's SQL) now changes the unit's case-number prefix and its target.
    const before = expectJson<CaseDetail>(await intake(officer), 201);
    expect(before.caseNumber.startsWith(`RS-${year()}-`)).toBe(true);
    const countCases = async () => Number((await queryRows<{ n: number }>(app.testDatabase.db, sql`select count(*)::int as n from cases where organization_id = ${unitId}`))[0].n);
    const casesBefore = await countCases();
    await execute(sql`insert into organization_settings (organization_id, case_number_prefix, target_working_days) values (${unitId}, 'RSX', 3)
                      on conflict (organization_id) do update set case_number_prefix = 'RSX', target_working_days = 3`);
    try {
      const after = expectJson<CaseDetail>(await intake(officer), 201);
      // Planned again from the new context, not from the remembered one.
      expect(after.caseNumber).toBe(`RSX-${year()}-0001`);
      expect(after.targetMinutes).toBe(3 * before.targetMinutes / 2);
      // The attempt from the old context wrote nothing: exactly one case more.
      expect(await countCases()).toBe(casesBefore + 1);
      // And the next intake uses the context just read.
      expect(expectJson<CaseDetail>(await intake(officer), 201).caseNumber).toBe(`RSX-${year()}-0002`);
    } finally {
      await execute(sql`update organization_settings set case_number_prefix = 'RS', target_working_days = 2 where organization_id = ${unitId}`);
    }
  });
  it('every part of an intake context moves its fingerprint (migration 0015), so no change goes unnoticed', async () => {
    const { db } = app.testDatabase;
    const fingerprint = async (tx: typeof db) => (await queryRows<{ f: string }>(tx, sql`select intake_context_fingerprint(${unitId}) as f`))[0].f;
    await execute(sql`insert into organization_settings (organization_id) values (${unitId}) on conflict (organization_id) do nothing`);
    const base = await fingerprint(db);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    // One change per field the intake is planned from (cases.repository.ts IntakeContextRow), each rolled back.
    const changes = {
      path: sql`update organizations set path = path || '-moved' where id = ${unitId}`,
      kind: sql`update organizations set kind = 'regency' where id = ${unitId}`,
      name: sql`update organizations set name = name || ' Baru' where id = ${unitId}`,
      timeZone: sql`update organization_settings set time_zone = 'Asia/Makassar' where organization_id = ${unitId}`,
      alwaysOn: sql`update organization_settings set always_on = not always_on where organization_id = ${unitId}`,
      workingHours: sql`update organization_settings set working_hours = '{"mon":[{"start":"07:00","end":"15:00"}]}' where organization_id = ${unitId}`,
      targetWorkingDays: sql`update organization_settings set target_working_days = target_working_days + 1 where organization_id = ${unitId}`,
      maxStayDays: sql`update organization_settings set max_stay_days = max_stay_days + 1 where organization_id = ${unitId}`,
      stayWarningDays: sql`update organization_settings set stay_warning_days = stay_warning_days + 1 where organization_id = ${unitId}`,
      caseNumberPrefix: sql`update organization_settings set case_number_prefix = 'RSZ' where organization_id = ${unitId}`,
      holidays: sql`insert into holidays (organization_id, date, name) values (${unitId}, '2031-08-17', 'Hari Kemerdekaan')`,
      sopVersion: sql`insert into sop_versions (organization_id, version, name) select ${unitId}, coalesce(max(version), 0) + 1, 'SOP baru' from sop_versions where organization_id = ${unitId}`,
    };
    const unchanged: string[] = [];
    for (const [field, change] of Object.entries(changes)) {
      const rolledBack = new Error('rolled back');
      await db
        .transaction(async (tx) => {
          await tx.execute(change);
          if ((await fingerprint(tx as unknown as typeof db)) === base) unchanged.push(field);
          throw rolledBack;
        })
        .catch((error) => {
          if (error !== rolledBack) throw error;
        });
    }
    expect(unchanged).toEqual([]);
    expect(await fingerprint(db)).toBe(base);
  });

  it('the fingerprint runs as PL/pgSQL, whose plan is kept per session, and still equals the 0015 definition (migration 0017)', async () => {
    const { db } = app.testDatabase;
    // A LANGUAGE sql function called from assert_intake_context() is planned again on every intake.
    const [fn] = await queryRows<{ language: string }>(
      db,
      sql`select l.lanname as language from pg_proc p join pg_language l on l.oid = p.prolang where p.proname = 'intake_context_fingerprint'`,
    );
    expect(fn.language).toBe('plpgsql');
    // App servers of the release before remembered fingerprints computed by 0015's SQL: they must still match.
    await execute(sql`insert into holidays (organization_id, date, name) values (${unitId}, '2032-01-01', 'Tahun Baru') on conflict do nothing`);
    try {
      const [row] = await queryRows<{ fn: string; v0015: string }>(
        db,
        sql`select intake_context_fingerprint(${unitId}) as fn, (
              select md5(row(
                o.path, o.kind, o.name,
                s.time_zone, s.always_on, s.working_hours, s.target_working_days, s.max_stay_days, s.stay_warning_days, s.case_number_prefix,
                (select array_agg(h.date order by h.date) from holidays h where h.organization_id = o.id),
                (select v.id from sop_versions v where v.organization_id = o.id order by v.version desc limit 1)
              )::text)
              from organizations o left join organization_settings s on s.organization_id = o.id
              where o.id = ${unitId}) as v0015`,
      );
      expect(row.fn).toMatch(/^[0-9a-f]{32}$/);
      expect(row.fn).toBe(row.v0015);
    } finally {
      await execute(sql`delete from holidays where organization_id = ${unitId} and date = '2032-01-01'`);
    }
  });

  it('a refusal is never decided on a remembered context: the unit is looked up again first', async () => {
    expectJson<CaseDetail>(await intake(officer), 201);
    // Another server makes the unit something that receives no clients: the write notices, reads again, refuses.
    await execute(sql`update organizations set kind = 'province' where id = ${unitId}`);
    try {
      expect(expectError(await intake(officer), 400).code).toBe('cases.organization_not_shelter');
      // And back: this server remembers the refusing context, but looks again before refusing.
      await execute(sql`update organizations set kind = 'unit' where id = ${unitId}`);
      expectJson<CaseDetail>(await intake(officer), 201);
    } finally {
      await execute(sql`update organizations set kind = 'unit' where id = ${unitId}`);
    }
  });
});

/** The intake answers with the case as the case page shows it, built without reading it back. */
describe('the intake answer is the case page', () => {
  let app: TestApp;
  let admin: TestSession;
  let officer: TestSession;
  let worker: TestSession;
  let unitId: string;

  const intake = (session: TestSession, overrides: Record<string, unknown> = {}) =>
    api(app, session).post('/api/intakes', {
      organizationId: unitId,
      source: 'satpol_pp_raid',
      broughtByAgency: 'Satpol PP',
      letterNumber: 'SP/1/2026',
      foundLocation: 'Terminal',
      foundAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
      arrivedAt: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
      categories: ['ppks_11', 'ppks_12'],
      presentingProblem: 'Tidur di terminal',
      client: { name: 'Siti Aminah', nameQuality: 'full', aliases: ['Bu Siti'], sex: 'male', nik: '3574015207850001', birthDate: '1985-07-12' },
      ...overrides,
    });
  /** Working minutes depend on the moment of reading: left out of the comparison. */
  const withoutElapsed = (c: CaseDetail) => ({
    ...c,
    elapsedMinutes: undefined,
    stages: c.stages.map((s) => ({ ...s, elapsedMinutes: undefined })),
  });

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    officer = (await buildUserSession(app, admin, { role: 'shelter_officer', organizationId: unitId })).session;
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('for a new client with a NIK, a social worker (assigned to the case), and a returning client with an earlier case', async () => {
    const first = expectJson<CaseDetail>(await intake(worker), 201);
    expect(first.assignedWorkerName).toBeTruthy();
    expect(first.client.nikCheck).toMatchObject({ valid: true, sexMismatch: true });
    expect(withoutElapsed(first)).toEqual(withoutElapsed(expectJson<CaseDetail>(await api(app, worker).get(`/api/cases/${first.id}`), 200)));

    const again = expectJson<CaseDetail>(await intake(officer, { client: undefined, existingClientId: first.client.id, receptionCompletedAt: new Date(Date.now() - 90 * 60_000).toISOString() }), 201);
    expect(again.previousCases.map((p) => p.id)).toEqual([first.id]);
    expect(again.assignedWorkerName).toBeNull();
    expect(withoutElapsed(again)).toEqual(withoutElapsed(expectJson<CaseDetail>(await api(app, officer).get(`/api/cases/${again.id}`), 200)));
  });

  it('writes the audit rows of an intake: client created, case created with its number, client viewed', async () => {
    const c = expectJson<CaseDetail>(await intake(officer, { client: { name: 'Audit Klien', sex: 'female' } }), 201);
    type Rows = { items: { action: string; entityType: string; entityId: string; changes: Record<string, unknown> | null; changesWithheld: boolean }[] };
    const head = (await buildUserSession(app, admin, { role: 'head', organizationId: unitId })).session;
    const rows = expectJson<Rows>(await api(app, head).get('/api/audit', { query: { limit: 10 } }), 200);
    const mine = rows.items.filter((r) => r.entityId === c.id || r.entityId === c.client.id).reverse();
    expect(mine.map((r) => r.action)).toEqual(['client.created', 'case.created', 'client.viewed']);
    expect(mine.every((r) => !r.changesWithheld)).toBe(true);
    // The administrator sees the same rows (who, what, when) without what was written: client data.
    const asAdmin = expectJson<Rows>(await api(app, admin).get('/api/audit', { query: { limit: 10 } }), 200);
    const adminMine = asAdmin.items.filter((r) => r.entityId === c.id || r.entityId === c.client.id).reverse();
    expect(adminMine.map((r) => [r.action, r.changes, r.changesWithheld])).toEqual([
      ['client.created', null, true],
      ['case.created', null, true],
      ['client.viewed', null, true],
    ]);
    expect(JSON.stringify(asAdmin)).not.toContain('Audit Klien');
    expect(mine[0].changes).toEqual({ name: 'Audit Klien', nik: null });
    expect(mine[1].changes).toEqual({ caseNumber: c.caseNumber, clientId: c.client.id, source: 'satpol_pp_raid', categories: ['ppks_11', 'ppks_12'], batchId: null });
    expect(mine[2].changes).toEqual({ caseId: c.id });
  });
});
