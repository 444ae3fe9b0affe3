/**
 * Pure helpers for Indonesian administrative region codes (Kepmendagri 300.2.2-2138/2025).
 * The dotted form is the canonical one everywhere in Singgah: province `35`, regency/city `35.74`,
 * district `35.74.01`, village `35.74.01.1001`. NIK and KK numbers and many spreadsheets carry the
 * same code without dots (`3574011001`), so both forms are accepted as input.
 */

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Digits in each part of a code: 2 (province) · 2 (regency) · 2 (district) · 4 (village). */
const PART_LENGTHS = [2, 2, 2, 4] as const;
/** Total digits of an undotted code at each level: 2, 4, 6, 10. */
const UNDOTTED_LENGTHS = [2, 4, 6, 10] as const;

const DOTTED_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/**
 * Canonical dotted form of a region code, from either form (`3574011001` or `35.74.01.1001`,
 * surrounding spaces ignored). Undefined when the value is not a well-formed code of any level.
 */
export function toDottedRegionCode(code: string): string | undefined {
  const value = code.trim();
  if (DOTTED_CODE.test(value)) return value;
  if (!/^\d+$/.test(value)) return undefined;
  const depth = UNDOTTED_LENGTHS.indexOf(value.length as (typeof UNDOTTED_LENGTHS)[number]);
  if (depth < 0) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i <= depth; i++) {
    parts.push(value.slice(at, at + PART_LENGTHS[i]));
    at += PART_LENGTHS[i];
  }
  return parts.join('.');
}

/** Level of a region code (dotted or undotted), or undefined when it is malformed. */
export function regionLevel(code: string): RegionLevel | undefined {
  const dotted = toDottedRegionCode(code);
  if (dotted === undefined) return undefined;
  return REGION_LEVELS[dotted.split('.').length - 1];
}

/**
 * Dotted code of the region one level up (`35.74.01` → `35.74`). Undefined for a province, which
 * has no parent, and for a malformed code.
 */
export function parentRegionCode(code: string): string | undefined {
  const dotted = toDottedRegionCode(code);
  if (dotted === undefined) return undefined;
  const cut = dotted.lastIndexOf('.');
  return cut < 0 ? undefined : dotted.slice(0, cut);
}
