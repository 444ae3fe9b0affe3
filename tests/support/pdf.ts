/**
 * Generated PDFs read back in tests, with `pdftotext -layout` (poppler-utils, which .ci/run installs).
 * Without the tool the tests that read a PDF's text skip that part; on CI a missing tool fails the run
 * instead, as scripts/test.mjs does for the other tools.
 */
import { spawnSync } from 'node:child_process';

export const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
export const PDFTOTEXT_MISSING = 'pdftotext is not installed, so the PDF text is not checked: apt-get install -y poppler-utils';
if (!hasPdftotext && ['true', '1'].includes(String(process.env.CI).toLowerCase())) throw new Error(PDFTOTEXT_MISSING);

/** The text of a PDF as `pdftotext -layout` reads it, every run of white space as one space (lines are wrapped and justified). */
export function pdfText(pdf: Buffer): string {
  const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'buffer' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr.toString()}`);
  return out.stdout.toString('utf8').replace(/\s+/g, ' ');
}
