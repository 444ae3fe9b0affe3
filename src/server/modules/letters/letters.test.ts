/**
 * Letter numbering (pattern, per-year restart, no duplicates or gaps under concurrency) and the
 * letterhead settings an administrator keeps for official letters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../shared/contracts/audit.js';
import type { LetterSettingsView } from '../../../shared/contracts/letters.js';
import { isValidLetterPattern } from '../../../shared/contracts/letters.js';
import { api, buildUserSession, createTestApp, expectError, expectJson, setupInstance, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { createSecondDistrict } from '../../../../tests/support/second-district.js';
import { allocateLetterNumber, formatLetterNumber, organizationLetterhead, romanMonth } from './letters.service.js';

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('letter number patterns', () => {
  it.each([
    ['400.9/{seq}/425.108/{year}', 3, '', 7, 2026, 5, '400.9/007/425.108/2026'],
    ['{code}/{seq}/{month_roman}/{year}', 3, '460', 12, 2026, 11, '460/012/XI/2026'],
    ['{seq}/{code}/{month}.{year}', 0, 'RS', 1234, 2027, 1, '1234/RS/01.2027'],
    ['B-{seq}/DINSOS/{year}', 4, '', 5, 2026, 12, 'B-0005/DINSOS/2026'],
  ])('%s with padding %i → %s…', (pattern, seqPadding, code, seq, year, month, expected) => {
    expect(formatLetterNumber({ pattern, seqPadding, code }, { seq, year, month })).toBe(expected);
  });

  it('writes months in Roman numerals', () => {
    expect([1, 4, 9, 12].map(romanMonth)).toEqual(['I', 'IV', 'IX', 'XII']);
  });

  it.each([
    ['400.9/{seq}/{year}', true],
    ['{year}/{month_roman}', false],
    ['{seq}/{seq}', false],
    ['{seq}/{tahun}', false],
    ['{seq}/{year', false],
  ])('pattern %s is %s', (pattern, valid) => {
    expect(isValidLetterPattern(pattern)).toBe(valid);
  });
});

describe('letter numbering and letterhead settings', () => {
  let app: TestApp;
  let admin: TestSession;
  let worker: TestSession;
  let unitId: string;
  let regencyId: string;
  let otherAdmin: TestSession;
  let otherUnitId: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = (await setupInstance(app)).session;
    const orgs = expectJson<{ items: { id: string; kind: string }[] }>(await api(app, admin).get('/api/organizations'), 200);
    unitId = orgs.items.find((o) => o.kind === 'unit')!.id;
    regencyId = orgs.items.find((o) => o.kind === 'regency')!.id;
    worker = (await buildUserSession(app, admin, { role: 'social_worker', organizationId: unitId })).session;
    const other = await createSecondDistrict(app);
    otherAdmin = other.adminSession;
    otherUnitId = other.unitId;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const db = () => app.testDatabase.db;

  it('numbers run per organization and kind, and start again at 1 in a new year', async () => {
    const mid2026 = new Date('2026-05-11T03:00:00Z');
    const a = await db().transaction((tx) => allocateLetterNumber(tx, unitId, 'referral_letter', mid2026));
    const b = await db().transaction((tx) => allocateLetterNumber(tx, unitId, 'referral_letter', mid2026));
    expect([a.number, b.number]).toEqual(['400.9/001/V/2026', '400.9/002/V/2026']);
    // 31 Dec 16:30 UTC is 23:30 in Jakarta: still 2026.
    const lastOf2026 = await db().transaction((tx) => allocateLetterNumber(tx, unitId, 'referral_letter', new Date('2026-12-31T16:30:00Z')));
    expect(lastOf2026.number).toBe('400.9/003/XII/2026');
    // 31 Dec 17:30 UTC is 00:30 on 1 January 2027 in Jakarta: the new year's first number.
    const firstOf2027 = await db().transaction((tx) => allocateLetterNumber(tx, unitId, 'referral_letter', new Date('2026-12-31T17:30:00Z')));
    expect(firstOf2027).toMatchObject({ number: '400.9/001/I/2027', seq: 1, year: 2027 });
    // Another kind, and another organization, have their own counters.
    const handover = await db().transaction((tx) => allocateLetterNumber(tx, unitId, 'handover_record', mid2026));
    const otherUnit = await db().transaction((tx) => allocateLetterNumber(tx, otherUnitId, 'referral_letter', mid2026));
    expect([handover.seq, otherUnit.seq]).toEqual([1, 1]);
  });

  it('a letter whose transaction rolls back gives its number back: no gap in the register', async () => {
    const at = new Date('2028-03-01T03:00:00Z');
    await expect(
      db().transaction(async (tx) => {
        await allocateLetterNumber(tx, unitId, 'handover_record', at);
        throw new Error('the letter could not be stored');
      }),
    ).rejects.toThrow('could not be stored');
    const next = await db().transaction((tx) => allocateLetterNumber(tx, unitId, 'handover_record', at));
    expect(next.seq).toBe(1);
  });

  it('twelve letters numbered at the same moment get twelve different numbers, 1 to 12', async () => {
    const at = new Date('2029-08-17T03:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        db().transaction(async (tx) => {
          const n = await allocateLetterNumber(tx, unitId, 'assessment_report', at);
          // Hold the lock a moment, so the others really have to wait for it.
          await new Promise((resolve) => setTimeout(resolve, 5));
          return n.seq;
        }),
      ),
    );
    expect([...results].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('an administrator sets the letterhead, logo, head title and pattern; letters use them, the rest stays derived', async () => {
    const before = expectJson<LetterSettingsView>(await api(app, admin).get('/api/letters/settings', { query: { organizationId: unitId } }), 200);
    expect(before.effective.government).toBe('PEMERINTAH KOTA PROBOLINGGO');
    expect(before.previews.assessment_report).toMatch(/^400\.9\/001\/[IVX]+\/\d{4}$/);

    const saved = expectJson<LetterSettingsView>(
      await api(app, admin).put(
        '/api/letters/settings',
        {
          unitName: 'UPTD Rumah Singgah Sejahtera',
          address: 'Jl. Soekarno Hatta No. 10, Probolinggo',
          placeName: 'Probolinggo',
          headPosition: 'Kepala UPTD Rumah Singgah',
          headRank: 'Pembina (IV/a)',
          patterns: { assessment_report: { pattern: '400.9/{seq}/425.108/{year}', seqPadding: 3, code: '' } },
        },
        { query: { organizationId: unitId } },
      ),
      200,
    );
    expect(saved.effective).toMatchObject({ government: 'PEMERINTAH KOTA PROBOLINGGO', unit: 'UPTD RUMAH SINGGAH SEJAHTERA' });
    expect(saved.effective.contact[0]).toBe('Jl. Soekarno Hatta No. 10, Probolinggo');
    expect(saved.previews.assessment_report).toMatch(/^400\.9\/001\/425\.108\/\d{4}$/);

    const withLogo = expectJson<LetterSettingsView>(
      await api(app, admin).put('/api/letters/settings/logo', { image: `data:image/png;base64,${PNG}` }, { query: { organizationId: unitId } }),
      200,
    );
    expect(withLogo.hasLogo).toBe(true);
    const head = await organizationLetterhead(db(), unitId, 'id');
    expect(head.logo).toBe(`data:image/png;base64,${PNG}`);
    expect(head.unit).toBe('UPTD RUMAH SINGGAH SEJAHTERA');

    const audit = expectJson<{ items: AuditEntryView[] }>(
      await api(app, admin).get('/api/audit', { query: { action: 'letters.settings_updated', entityId: unitId } }),
      200,
    ).items;
    expect(audit.length).toBe(2);
    expect(audit.find((a) => a.changes?.logo)?.changes).toMatchObject({ logo: [null, 'set'], logoMimeType: 'image/png' });
  });

  it('a logo that is not a PNG or JPEG, or a pattern without {seq}, is refused naming the field', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1').toString('base64');
    const logo = expectError(await api(app, admin).put('/api/letters/settings/logo', { image: gif }, { query: { organizationId: unitId } }), 400);
    expect(logo).toMatchObject({ code: 'letters.logo_not_image', fields: [{ field: 'image' }] });
    const pattern = expectError(
      await api(app, admin).put('/api/letters/settings', { patterns: { referral_letter: { pattern: '400.9/{year}', seqPadding: 3, code: '' } } }, { query: { organizationId: unitId } }),
      400,
    );
    expect(pattern.fields?.[0].field).toBe('patterns.referral_letter.pattern');
  });

  it('only administrators change letter settings, and only for organizations in their scope', async () => {
    expect(expectError(await api(app, worker).get('/api/letters/settings', { query: { organizationId: unitId } }), 403).code).toBe('forbidden');
    expect(expectError(await api(app, worker).put('/api/letters/settings', { placeName: 'X' }, { query: { organizationId: unitId } }), 403).code).toBe('forbidden');
    expectError(await api(app, otherAdmin).get('/api/letters/settings', { query: { organizationId: unitId } }), 404);
    expectError(await api(app, otherAdmin).put('/api/letters/settings', { placeName: 'X' }, { query: { organizationId: regencyId } }), 404);
  });
});
