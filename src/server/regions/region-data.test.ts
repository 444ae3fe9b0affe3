import { describe, expect, it } from 'vitest';
import { parseNik } from '../../shared/nik.js';
import {
  findRegion,
  listDistricts,
  listProvinces,
  listRegencies,
  listVillages,
  loadRegionLookup,
  regionExists,
  regionPath,
} from './region-data.js';

function isSortedByCode(list: readonly { code: string }[]): boolean {
  return list.every((item, i) => i === 0 || list[i - 1].code < item.code);
}

describe('administrative regions from idn-area-data', () => {
  it('lists the 38 provinces in code order, from Aceh to Papua Barat Daya', async () => {
    const provinces = await listProvinces();
    expect(provinces).toHaveLength(38);
    expect(provinces[0]).toEqual({ code: '11', name: 'Aceh' });
    expect(provinces.at(-1)).toEqual({ code: '96', name: 'Papua Barat Daya' });
    expect(provinces).toContainEqual({ code: '35', name: 'Jawa Timur' });
    expect(isSortedByCode(provinces)).toBe(true);
  });

  it.each([
    { level: 'regencies of Jawa Timur', list: () => listRegencies('35'), contains: { code: '35.74', name: 'Kota Probolinggo' }, prefix: '35.' },
    { level: 'districts of Kota Probolinggo', list: () => listDistricts('35.74'), contains: { code: '35.74.01', name: 'Kademangan' }, prefix: '35.74.' },
    { level: 'villages of Kademangan', list: () => listVillages('35.74.01'), contains: { code: '35.74.01.1001', name: 'Ketapang' }, prefix: '35.74.01.' },
    { level: 'regencies of Jawa Tengah', list: () => listRegencies('33'), contains: { code: '33.23', name: 'Kabupaten Temanggung' }, prefix: '33.' },
    { level: 'regencies of Jawa Timur, beside the city the Kabupaten', list: () => listRegencies('35'), contains: { code: '35.13', name: 'Kabupaten Probolinggo' }, prefix: '35.' },
    { level: 'villages asked with an undotted district code', list: () => listVillages('357401'), contains: { code: '35.74.01.1008', name: 'Kademangan' }, prefix: '35.74.01.' },
    { level: 'districts asked with an undotted code', list: () => listDistricts('3574'), contains: { code: '35.74.03', name: 'Mayangan' }, prefix: '35.74.' },
  ])('lists the $level, sorted, each under its parent', async ({ list, contains, prefix }) => {
    const items = await list();
    expect(items.length).toBeGreaterThan(0);
    expect(items).toContainEqual(contains);
    expect(items.every((r) => r.code.startsWith(prefix) && r.code.split('.').length === prefix.split('.').length)).toBe(true);
    expect(isSortedByCode(items)).toBe(true);
  });

  it('lists exactly the five districts of Kota Probolinggo', async () => {
    expect((await listDistricts('35.74')).map((d) => d.name)).toEqual(['Kademangan', 'Wonoasih', 'Mayangan', 'Kanigaran', 'Kedopok']);
  });

  it.each([
    { what: 'regencies of an unknown province', list: () => listRegencies('99') },
    { what: 'regencies asked with a regency code', list: () => listRegencies('35.74') },
    { what: 'districts of an unknown regency', list: () => listDistricts('35.99') },
    { what: 'villages of an unknown district', list: () => listVillages('35.74.99') },
    { what: 'villages asked with garbage', list: () => listVillages('abc') },
  ])('gives an empty list for $what', async ({ list }) => {
    expect(await list()).toEqual([]);
  });

  it.each([
    { code: '35', found: { code: '35', name: 'Jawa Timur', level: 'province', parentCode: undefined } },
    { code: '35.74', found: { code: '35.74', name: 'Kota Probolinggo', level: 'regency', parentCode: '35' } },
    { code: '357401', found: { code: '35.74.01', name: 'Kademangan', level: 'district', parentCode: '35.74' } },
    { code: '35.74.01.1001', found: { code: '35.74.01.1001', name: 'Ketapang', level: 'village', parentCode: '35.74.01' } },
    { code: '11.01.01.2001', found: { code: '11.01.01.2001', name: 'Keude Bakongan', level: 'village', parentCode: '11.01.01' } },
    { code: '35.29.22', found: { code: '35.29.22', name: 'Ra"as', level: 'district', parentCode: '35.29' } },
    { code: '99', found: undefined },
    { code: '35.74.09', found: undefined },
    { code: '35.74.01.9999', found: undefined },
    { code: 'not a code', found: undefined },
  ])('finds region $code as $found.name', async ({ code, found }) => {
    expect(await findRegion(code)).toEqual(found);
    expect(await regionExists(code)).toBe(found !== undefined);
  });

  it('gives the path from the province down to a village', async () => {
    const path = await regionPath('3574011001');
    expect(path.map((r) => r.name)).toEqual(['Jawa Timur', 'Kota Probolinggo', 'Kademangan', 'Ketapang']);
    expect(path.map((r) => r.level)).toEqual(['province', 'regency', 'district', 'village']);
  });

  it.each(['99.01', '35.74.01.9999', ''])('gives an empty path for the unknown code "%s"', async (code) => {
    expect(await regionPath(code)).toEqual([]);
  });

  it('offers synchronous lookups over every level once loaded, for NIK checks', async () => {
    const lookup = await loadRegionLookup();
    expect(lookup.regionExists('35.74.01')).toBe(true);
    expect(lookup.regionExists('3574011001')).toBe(true);
    expect(lookup.regionExists('99')).toBe(false);
    expect(lookup.findRegion('33.23')?.name).toBe('Kabupaten Temanggung');
  });

  it.each([
    { case: 'a NIK from Kademangan, Kota Probolinggo', nik: '3574015207850001', result: { ok: true, regionMatch: 'district' } },
    { case: 'a Merauke NIK from before Papua was split', nik: '9101015207850001', result: { ok: true, regionMatch: 'province' } },
    { case: 'a NIK from province 99', nik: '9974015207850001', result: { ok: false, problem: 'region' } },
  ])('checks the region of $case against the real list', async ({ nik, result }) => {
    const { regionExists: exists } = await loadRegionLookup();
    expect(parseNik(nik, { regionExists: exists })).toMatchObject(result);
  });

  it('holds every region of the current code list', async () => {
    const provinces = await listProvinces();
    const regencies = (await Promise.all(provinces.map((p) => listRegencies(p.code)))).flat();
    const districts = (await Promise.all(regencies.map((r) => listDistricts(r.code)))).flat();
    const villages = (await Promise.all(districts.map((d) => listVillages(d.code)))).flat();
    expect(regencies).toHaveLength(514);
    expect(districts).toHaveLength(7285);
    expect(villages).toHaveLength(83762);
  });
});
