/**
 * PPKS categories: the 26 of Permensos 08/2012 in their official order (codes `ppks_01` … `ppks_26`),
 * plus local sub-types shelters use, each mapped onto an official category.
 * Labels: i18n `ppks.<code>`.
 */
export const PPKS_CATEGORIES = [
  { code: 'ppks_01', nameId: 'Anak Balita Terlantar' },
  { code: 'ppks_02', nameId: 'Anak Terlantar' },
  { code: 'ppks_03', nameId: 'Anak yang Berhadapan dengan Hukum' },
  { code: 'ppks_04', nameId: 'Anak Jalanan' },
  { code: 'ppks_05', nameId: 'Anak dengan Kedisabilitasan' },
  { code: 'ppks_06', nameId: 'Anak yang menjadi Korban Tindak Kekerasan atau Diperlakukan Salah' },
  { code: 'ppks_07', nameId: 'Anak yang Memerlukan Perlindungan Khusus' },
  { code: 'ppks_08', nameId: 'Lanjut Usia Terlantar' },
  { code: 'ppks_09', nameId: 'Penyandang Disabilitas' },
  { code: 'ppks_10', nameId: 'Tuna Susila' },
  { code: 'ppks_11', nameId: 'Gelandangan' },
  { code: 'ppks_12', nameId: 'Pengemis' },
  { code: 'ppks_13', nameId: 'Pemulung' },
  { code: 'ppks_14', nameId: 'Kelompok Minoritas' },
  { code: 'ppks_15', nameId: 'Bekas Warga Binaan Lembaga Pemasyarakatan' },
  { code: 'ppks_16', nameId: 'Orang dengan HIV/AIDS' },
  { code: 'ppks_17', nameId: 'Korban Penyalahgunaan NAPZA' },
  { code: 'ppks_18', nameId: 'Korban Trafficking' },
  { code: 'ppks_19', nameId: 'Korban Tindak Kekerasan' },
  { code: 'ppks_20', nameId: 'Pekerja Migran Bermasalah Sosial' },
  { code: 'ppks_21', nameId: 'Korban Bencana Alam' },
  { code: 'ppks_22', nameId: 'Korban Bencana Sosial' },
  { code: 'ppks_23', nameId: 'Perempuan Rawan Sosial Ekonomi' },
  { code: 'ppks_24', nameId: 'Fakir Miskin' },
  { code: 'ppks_25', nameId: 'Keluarga Bermasalah Sosial Psikologis' },
  { code: 'ppks_26', nameId: 'Komunitas Adat Terpencil' },
] as const;

/** Local sub-types used by shelters, each counted under an official category in reports. */
export const LOCAL_SUBTYPES = [
  { code: 'local_stranded_traveller', nameId: 'Orang terlantar (kehabisan bekal perjalanan)', mapsTo: 'ppks_11' },
  { code: 'local_psychotic_homeless', nameId: 'Gelandangan psikotik / ODGJ', mapsTo: 'ppks_11' },
  { code: 'local_neglected_elderly', nameId: 'Lansia terlantar', mapsTo: 'ppks_08' },
] as const;

export const CATEGORY_CODES = [...PPKS_CATEGORIES.map((c) => c.code), ...LOCAL_SUBTYPES.map((c) => c.code)] as [string, ...string[]];

/** The official category a code counts under (itself for official codes). */
export function officialCategory(code: string): string {
  return LOCAL_SUBTYPES.find((s) => s.code === code)?.mapsTo ?? code;
}
