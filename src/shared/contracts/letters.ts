/**
 * Official letters: the organization's letterhead (kop surat) and its letter-numbering scheme. Every
 * numbered document (assessment report now; referral letters and handover records later) takes its
 * number from one place, so the office's register has no gaps and no duplicates.
 */
import { z } from 'zod';

/** The kinds of numbered letters. Each has its own pattern; the running number is per kind and year. */
export const LETTER_KINDS = ['assessment_report', 'referral_letter', 'handover_record'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Placeholders a pattern may use. `{seq}` (the running number) is required. */
export const LETTER_PLACEHOLDERS = ['seq', 'year', 'month_roman', 'month', 'code'] as const;

/** Logos are printed about 2 cm wide: a small PNG or JPEG is plenty. */
export const LETTER_LOGO_MAX_BYTES = 300 * 1024;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Whether a pattern uses only known placeholders, and `{seq}` exactly once. */
export function isValidLetterPattern(pattern: string): boolean {
  const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
  if (names.some((n) => !(LETTER_PLACEHOLDERS as readonly string[]).includes(n))) return false;
  if (names.filter((n) => n === 'seq').length !== 1) return false;
  // A stray brace is a typo the office would only notice on a printed letter.
  return !/[{}]/.test(pattern.replace(PLACEHOLDER, ''));
}

export const letterNumberPattern = z.object({
  /** e.g. `400.9/{seq}/425.108/{year}` or `{code}/{seq}/{month_roman}/{year}`. */
  pattern: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .refine(isValidLetterPattern, { message: 'validation.letter_pattern' }),
  /** Digits of the running number, zero-padded: 3 → `007`; 0 → `7`. */
  seqPadding: z.number().int().min(0).max(6),
  /** Fills `{code}`: usually the archive classification code, e.g. `400.9`. */
  code: z.string().trim().max(40),
});
export type LetterNumberPattern = z.infer<typeof letterNumberPattern>;

const line = (max = 200) => z.string().trim().max(max).nullable();

/** Letterhead lines and signature details; an empty value falls back to what Singgah derives. */
export const letterheadFields = z.object({
  /** `PEMERINTAH KOTA PROBOLINGGO`. */
  governmentLine: line(),
  /** `DINAS SOSIAL`. */
  officeName: line(),
  /** `UPTD RUMAH SINGGAH`. */
  unitName: line(),
  address: line(300),
  phone: line(60),
  email: line(120),
  website: line(120),
  postalCode: line(10),
  /** Where letters are signed: "Probolinggo, 11 Mei 2026". */
  placeName: line(80),
  /** Title printed above the head's name, e.g. `Kepala UPTD Rumah Singgah`. */
  headPosition: line(160),
  /** The head's civil-service rank (pangkat/golongan), e.g. `Pembina (IV/a)`. */
  headRank: line(80),
});
export type LetterheadFields = z.infer<typeof letterheadFields>;

export const letterSettingsView = letterheadFields.extend({
  organizationId: z.uuid(),
  hasLogo: z.boolean(),
  /** `data:image/png;base64,…` for the preview; null when no logo was uploaded. */
  logoDataUrl: z.string().nullable(),
  patterns: z.record(z.enum(LETTER_KINDS), letterNumberPattern),
  /** What the next number of each kind would look like today (not allocated). */
  previews: z.record(z.enum(LETTER_KINDS), z.string()),
  /** What the letterhead prints with the current settings and fallbacks. */
  effective: z.object({
    government: z.string().nullable(),
    office: z.string().nullable(),
    unit: z.string().nullable(),
    contact: z.array(z.string()),
  }),
  updatedAt: z.iso.datetime().nullable(),
});
export type LetterSettingsView = z.infer<typeof letterSettingsView>;

export const updateLetterSettingsBody = letterheadFields.partial().extend({
  /** Only the kinds given change. */
  patterns: z.partialRecord(z.enum(LETTER_KINDS), letterNumberPattern).optional(),
});
export type UpdateLetterSettingsBody = z.infer<typeof updateLetterSettingsBody>;

export const uploadLetterLogoBody = z.object({
  /** The PNG or JPEG file, base64-encoded (a `data:` URL prefix is accepted). */
  image: z.string().min(1).max(Math.ceil((LETTER_LOGO_MAX_BYTES * 4) / 3) + 100),
});
export type UploadLetterLogoBody = z.infer<typeof uploadLetterLogoBody>;

export const letterSettingsQuery = z.object({ organizationId: z.uuid() });
