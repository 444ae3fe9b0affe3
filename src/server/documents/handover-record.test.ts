/**
 * The handover record's layout from plain facts (no database): what it says when parts are missing.
 * The full document, from a real case, is checked in the casework API tests.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type HandoverRecordFacts, handoverRecordDefinition } from './handover-record.js';
import { letterheadFor } from './letterhead.js';
import { renderPdf } from './pdf.js';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const PDFTOTEXT_MISSING = 'pdftotext is not installed, so the PDF text is not checked: apt-get install -y poppler-utils';
// Like scripts/test.mjs: on CI a missing tool fails the run instead of skipping quietly.
if (!hasPdftotext && ['true', '1'].includes(String(process.env.CI).toLowerCase())) throw new Error(PDFTOTEXT_MISSING);

function pdfText(pdf: Buffer): string {
  const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'buffer' });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr.toString()}`);
  return out.stdout.toString('utf8').replace(/\s+/g, ' ');
}

const regency = { kind: 'regency', name: 'Dinas Sosial Kabupaten Temanggung', regionCode: '33.23', address: 'Jl. Pahlawan No. 5, Temanggung', phone: '(0293) 491234', email: null, website: 'dinsos.temanggungkab.go.id', postalCode: '56211' };

async function facts(overrides: Partial<HandoverRecordFacts> = {}): Promise<HandoverRecordFacts> {
  return {
    lang: 'id',
    timeZone: 'Asia/Jakarta',
    letterhead: await letterheadFor(regency, undefined, 'id'),
    unitName: 'Dinas Sosial Kabupaten Temanggung',
    caseNumber: 'RS-2026-0042',
    arrivedAt: new Date('2026-02-02T01:00:00Z'),
    client: { name: 'Mbah Karto', aliases: [], nik: null, sex: 'male', birthPlace: null, birthDate: null, estimatedAge: 70, originAddress: null },
    reunification: {
      destinationType: 'institution',
      destinationName: 'BRSPDM "Margo Laras" Pati',
      destinationAddress: null,
      receivedByName: 'Sri Lestari',
      receivedByRelation: 'Pekerja Sosial',
      receivedByIdNumber: '198001012006042001',
      handedOverAt: new Date('2026-02-04T07:00:00Z'),
      handoverNumber: null,
      notes: 'Klien dirujuk untuk rehabilitasi lanjutan.',
    },
    belongings: [],
    firstParty: { name: 'Budi Santoso', nip: null, position: null },
    head: undefined,
    ...overrides,
  };
}

describe('the handover record from plain facts', () => {
  it('a Dinas Sosial without a unit heads the letter itself; its contact line lists what it has', async () => {
    const head = await letterheadFor(regency, undefined, 'id');
    expect(head).toEqual({
      government: 'PEMERINTAH KABUPATEN TEMANGGUNG',
      office: 'DINAS SOSIAL KABUPATEN TEMANGGUNG',
      unit: undefined,
      contact: ['Jl. Pahlawan No. 5, Temanggung', 'Telp. (0293) 491234, Laman: dinsos.temanggungkab.go.id, Kode Pos 56211'],
    });
  });

  it('a referral to an institution without number, belongings or head of unit leaves room to fill in by hand', async (ctx) => {
    const pdf = await renderPdf(handoverRecordDefinition(await facts()));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    ctx.skip(!hasPdftotext, PDFTOTEXT_MISSING);
    const text = pdfText(pdf);
    for (const expected of [
      'PEMERINTAH KABUPATEN TEMANGGUNG',
      'Nomor: .............................',
      'Pada hari ini Rabu tanggal empat bulan Februari tahun dua ribu dua puluh enam (04-02-2026)',
      'untuk dan atas nama BRSPDM "Margo Laras" Pati, selanjutnya disebut PIHAK KEDUA',
      'Perkiraan umur : ± 70 tahun',
      'Tujuan penyerahan : Lembaga/panti — BRSPDM "Margo Laras" Pati',
      'Klien tidak menitipkan barang.',
      'Catatan: Klien dirujuk untuk rehabilitasi lanjutan.',
      'NIP. 198001012006042001',
      'Kepala Dinas Sosial Kabupaten Temanggung',
      '(..............................................)',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('pdfmake may not fetch a remote image or read a local file named in a document', async () => {
    await expect(renderPdf({ content: [{ image: 'logo' }], images: { logo: 'https://example.com/logo.png' } })).rejects.toThrow(
      'Access to URL denied by resource access policy',
    );
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow('Access to local file denied by resource access policy');
    // Not even pdfmake's own fonts by a path other than the one configured.
    await expect(renderPdf({ content: [{ image: 'node_modules/pdfmake/fonts/Roboto/Roboto-Regular.ttf' }] })).rejects.toThrow(
      'Access to local file denied by resource access policy',
    );
  });
});
