/**
 * Indonesian identity numbers: the NIK (Nomor Induk Kependudukan, on the KTP) and the KK number
 * (Kartu Keluarga, the family card). Both are 16 digits with the region code first; neither has a
 * check digit, so a well-formed number can still belong to someone else.
 *
 * NIK layout: PP RR DD ddmmyy SSSS
 *   PP RR DD  province, regency/city, district where the NIK was first registered (not domicile)
 *   dd        day of birth, plus 40 for women
 *   mm yy     month and two-digit year of birth
 *   SSSS      serial from 0001
 *
 * Region codes change: when a regency or province is split (Papua in 2022, Kalimantan Utara in 2012)
 * the NIKs issued before keep their old code, which may no longer be in the current code list. So a
 * number is rejected only when its *province* is unknown (a typo, since no province code has ever
 * been retired); a regency or district missing from the current list is reported in `regionMatch`
 * for the screen to warn about, never rejected.
 */

/** Why a number was rejected; each is the i18n key `nik.problem.<code>`. */
export type NikProblem = 'length' | 'digits' | 'region' | 'day' | 'month' | 'date' | 'serial';
export type KkProblem = Extract<NikProblem, 'length' | 'digits' | 'region' | 'serial'>;

export type Sex = 'female' | 'male';

/**
 * How deep the number's region code was found in the current code list: `district` is the normal
 * case; `regency`/`province` mean the rest is unknown today (an old code or a typo, worth a warning);
 * `unchecked` means no lookup was given.
 */
export type RegionMatch = 'district' | 'regency' | 'province' | 'unchecked';

export type IdNumberOptions = {
  /** Whether a dotted region code (`35`, `35.74`, `35.74.01`) exists; without it only the shape is checked. */
  regionExists?: (dottedCode: string) => boolean;
  /** The current moment, for the century of the birth year; defaults to now. */
  today?: Date;
};

/** What a valid NIK tells about its holder. */
export type NikDetails = {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  sex: Sex;
  /** `YYYY-MM-DD`; the century is the latest that does not put the birth in the future. */
  birthDate: string;
  /** The four-digit serial, leading zeros kept (`0001`). */
  serial: string;
  regionMatch: RegionMatch;
};

export type NikResult = ({ ok: true } & NikDetails) | { ok: false; problem: NikProblem };

/** What a valid KK number tells: where the family card was issued and its serial. */
export type KkDetails = {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  serial: string;
  regionMatch: RegionMatch;
};

export type KkResult = ({ ok: true } & KkDetails) | { ok: false; problem: KkProblem };

export const ID_NUMBER_LENGTH = 16;

/** Day-of-birth offset that marks a woman's NIK. */
const FEMALE_DAY_OFFSET = 40;

/**
 * Indonesia's easternmost zone (WIT, UTC+9, no daylight saving). "Today" is read there so that a
 * child born early in the morning in Papua is never judged to be born in the future.
 */
const LATEST_INDONESIAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Spaces are allowed for readability (`3574 0152 0785 0001`); anything else that is not a digit is not. */
function normalize(value: string): string {
  return value.replace(/\s+/g, '');
}

function shapeProblem(digits: string): 'digits' | 'length' | undefined {
  if (!/^\d*$/.test(digits)) return 'digits';
  if (digits.length !== ID_NUMBER_LENGTH) return 'length';
  return undefined;
}

type RegionCheck = { ok: true; codes: [string, string, string]; regionMatch: RegionMatch } | { ok: false };

function checkRegion(digits: string, regionExists: IdNumberOptions['regionExists']): RegionCheck {
  const province = digits.slice(0, 2);
  const regency = `${province}.${digits.slice(2, 4)}`;
  const district = `${regency}.${digits.slice(4, 6)}`;
  // "00" is never a province, regency or district code.
  if (province === '00' || regency.endsWith('.00') || district.endsWith('.00')) return { ok: false };
  const codes: [string, string, string] = [province, regency, district];
  if (!regionExists) return { ok: true, codes, regionMatch: 'unchecked' };
  if (!regionExists(province)) return { ok: false };
  const regionMatch: RegionMatch = !regionExists(regency) ? 'province' : !regionExists(district) ? 'regency' : 'district';
  return { ok: true, codes, regionMatch };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The latest full year ending in `yy` whose `month`/`day` is not after today (in UTC+9). */
function birthYear(yy: number, month: number, day: number, today: Date): number {
  const now = new Date(today.getTime() + LATEST_INDONESIAN_OFFSET_MS);
  const todayKey = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  const year = Math.floor(now.getUTCFullYear() / 100) * 100 + yy;
  return year * 10000 + month * 100 + day > todayKey ? year - 100 : year;
}

/**
 * Check a NIK and read what it encodes. Rejects only what cannot be a NIK; a NIK that disagrees
 * with the recorded sex or birth date is valid (see `compareNikWithRecord`).
 */
export function parseNik(value: string, opts: IdNumberOptions = {}): NikResult {
  const digits = normalize(value);
  const shape = shapeProblem(digits);
  if (shape) return { ok: false, problem: shape };

  const region = checkRegion(digits, opts.regionExists);
  if (!region.ok) return { ok: false, problem: 'region' };

  const rawDay = Number(digits.slice(6, 8));
  const isFemale = rawDay > FEMALE_DAY_OFFSET;
  const day = isFemale ? rawDay - FEMALE_DAY_OFFSET : rawDay;
  if (day < 1 || day > 31) return { ok: false, problem: 'day' };

  const month = Number(digits.slice(8, 10));
  if (month < 1 || month > 12) return { ok: false, problem: 'month' };

  const year = birthYear(Number(digits.slice(10, 12)), month, day, opts.today ?? new Date());
  if (day > daysInMonth(year, month)) return { ok: false, problem: 'date' };

  const serial = digits.slice(12, 16);
  if (serial === '0000') return { ok: false, problem: 'serial' };

  const [provinceCode, regencyCode, districtCode] = region.codes;
  return {
    ok: true,
    provinceCode,
    regencyCode,
    districtCode,
    sex: isFemale ? 'female' : 'male',
    birthDate: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    serial,
    regionMatch: region.regionMatch,
  };
}

/**
 * Check a KK (family card) number: 16 digits, a known province first (the regency is reported in
 * `regionMatch`, as for a NIK), and a serial that is not all zeros. Digits 7–12 (commonly the
 * card's issue date) are not checked: the domain reference does not define them.
 */
export function parseKk(value: string, opts: Pick<IdNumberOptions, 'regionExists'> = {}): KkResult {
  const digits = normalize(value);
  const shape = shapeProblem(digits);
  if (shape) return { ok: false, problem: shape };

  const region = checkRegion(digits, opts.regionExists);
  if (!region.ok) return { ok: false, problem: 'region' };

  const serial = digits.slice(12, 16);
  if (serial === '0000') return { ok: false, problem: 'serial' };

  const [provinceCode, regencyCode, districtCode] = region.codes;
  return { ok: true, provinceCode, regencyCode, districtCode, serial, regionMatch: region.regionMatch };
}

/** Where a NIK disagrees with what was recorded about the person; both are kept, never rejected. */
export type NikRecordMismatch = { sexMismatch: boolean; birthDateMismatch: boolean };

/**
 * Compare what a NIK encodes with the client's recorded sex and birth date (`YYYY-MM-DD`). A field
 * not recorded is never a mismatch. Differences happen legitimately (registration errors, a birth
 * date corrected later), so the screen shows a warning (`nik.sex_mismatch`, `nik.birth_date_mismatch`).
 */
export function compareNikWithRecord(
  parsed: Pick<NikDetails, 'sex' | 'birthDate'>,
  record: { sex?: Sex | null; birthDate?: string | null },
): NikRecordMismatch {
  return {
    sexMismatch: record.sex != null && record.sex !== parsed.sex,
    birthDateMismatch: record.birthDate != null && record.birthDate !== parsed.birthDate,
  };
}
