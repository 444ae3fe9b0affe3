/**
 * The assessment forms Singgah ships, written for shelters of a Dinas Sosial: seeded for each
 * organization on first use (see `ensureShippedTemplates`), then the organization may edit them as
 * new versions. Indonesian first, English beside it. Field keys are stable: reports and statistics
 * read them (e.g. `presenting_problem`, `recommendation`).
 */
import type { AnyFormField, FormDefinition, FormField, FormSection, LocalizedText } from '../../../shared/contracts/forms.js';

const t = (id: string, en: string): LocalizedText => ({ id, en });
type Extra = Partial<Omit<FormField, 'key' | 'type' | 'label'>>;
type Opt = [value: string, id: string, en: string];

const field = (type: FormField['type']) => (key: string, id: string, en: string, extra: Extra = {}): FormField => ({
  key,
  type,
  label: t(id, en),
  ...extra,
});
const text = field('short_text');
const long = field('long_text');
const num = field('number');
const date = field('date');
const yesNo = field('yes_no');
const scale = field('scale_1_5');
const photo = field('photo');
const signature = field('signature');
const options = (list: Opt[]) => list.map(([value, id, en]) => ({ value, label: t(id, en) }));
const choice = (key: string, id: string, en: string, list: Opt[], extra: Extra = {}) =>
  field('single_choice')(key, id, en, { options: options(list), ...extra });
const multi = (key: string, id: string, en: string, list: Opt[], extra: Extra = {}) =>
  field('multiple_choice')(key, id, en, { options: options(list), ...extra });
const group = (key: string, id: string, en: string, fields: AnyFormField[], extra: Extra = {}) =>
  field('repeating_group')(key, id, en, { fields, ...extra });
const help = (id: string, en: string) => ({ help: t(id, en) });
const when = (fieldKey: string, equals: string | number | boolean) => ({ showWhen: { field: fieldKey, equals } });
const section = (key: string, id: string, en: string, fields: FormField[], description?: LocalizedText): FormSection => ({
  key,
  title: t(id, en),
  ...(description ? { description } : {}),
  fields,
});

const SEX: Opt[] = [
  ['male', 'Laki-laki', 'Male'],
  ['female', 'Perempuan', 'Female'],
];
const MARITAL: Opt[] = [
  ['single', 'Belum kawin', 'Never married'],
  ['married', 'Kawin', 'Married'],
  ['divorced', 'Cerai hidup', 'Divorced'],
  ['widowed', 'Cerai mati', 'Widowed'],
  ['unknown', 'Tidak diketahui', 'Unknown'],
];
const EDUCATION: Opt[] = [
  ['none', 'Tidak/belum sekolah', 'No schooling'],
  ['sd_not_finished', 'Tidak tamat SD', 'Primary school not finished'],
  ['sd', 'SD/sederajat', 'Primary school'],
  ['smp', 'SMP/sederajat', 'Junior high school'],
  ['sma', 'SMA/SMK/sederajat', 'Senior high school'],
  ['diploma', 'Diploma', 'Diploma'],
  ['bachelor', 'S1 atau lebih tinggi', 'Bachelor or higher'],
  ['unknown', 'Tidak diketahui', 'Unknown'],
];
const RELIGION: Opt[] = [
  ['islam', 'Islam', 'Islam'],
  ['protestant', 'Kristen Protestan', 'Protestant'],
  ['catholic', 'Katolik', 'Catholic'],
  ['hindu', 'Hindu', 'Hindu'],
  ['buddhist', 'Buddha', 'Buddhist'],
  ['confucian', 'Khonghucu', 'Confucian'],
  ['belief', 'Penghayat Kepercayaan', 'Indigenous belief'],
  ['unknown', 'Tidak diketahui', 'Unknown'],
];
const REFERRAL_SOURCE: Opt[] = [
  ['call_112', 'Layanan darurat 112', 'Emergency line 112'],
  ['satpol_pp', 'Razia Satpol PP', 'Satpol PP raid'],
  ['police', 'Kepolisian', 'Police'],
  ['community', 'Aduan masyarakat', 'Community complaint'],
  ['agency', 'Rujukan instansi (RS, Dinas Sosial lain)', 'Agency referral (hospital, other Dinas Sosial)'],
  ['social_pillar', 'Pilar sosial (TKSK, PSM, Pendamping PKH)', 'Social pillar (TKSK, PSM, PKH facilitator)'],
  ['self', 'Datang sendiri', 'Came on their own'],
  ['other', 'Lainnya', 'Other'],
];
const CONDITION: Opt[] = [
  ['good', 'Baik', 'Good'],
  ['fair', 'Cukup', 'Fair'],
  ['poor', 'Buruk', 'Poor'],
];

const initialIdentification: FormDefinition = {
  format: 1,
  key: 'initial_identification',
  title: t('Identifikasi Awal', 'Initial identification'),
  description: t(
    'Diisi petugas saat klien tiba: siapa klien, dari mana, dalam kondisi apa, dan apa yang dibutuhkan segera.',
    'Filled in by the officer when the client arrives: who, from where, in what condition, and what is needed at once.',
  ),
  completesStage: 'initial_identification',
  sections: [
    section('identity', 'Identitas sementara', 'Provisional identity', [
      text('name', 'Nama atau nama panggilan', 'Name or nickname', {
        required: true,
        ...help('Tulis nama yang disebutkan klien; bila tidak diketahui tulis "Mr. X/Mrs. X".', 'As the client gives it; "Mr. X/Mrs. X" when unknown.'),
      }),
      choice('sex', 'Jenis kelamin', 'Sex', SEX, { required: true }),
      num('estimated_age', 'Perkiraan usia (tahun)', 'Estimated age (years)', { min: 0, max: 120, integer: true }),
      text('language', 'Bahasa/dialek yang digunakan', 'Language or dialect spoken'),
      long('physical_marks', 'Ciri fisik khusus', 'Distinguishing physical marks', help('Tato, bekas luka, tahi lalat, cacat fisik.', 'Tattoos, scars, moles, physical disability.')),
      photo('client_photo', 'Foto klien', 'Photo of the client', help('Foto wajah untuk penelusuran keluarga.', 'Face photo for family tracing.')),
    ]),
    section('arrival', 'Kedatangan', 'Arrival', [
      choice('referral_source', 'Sumber rujukan', 'Referral source', REFERRAL_SOURCE, { required: true }),
      text('found_location', 'Lokasi ditemukan', 'Where the client was found'),
      long('condition_on_arrival', 'Kondisi saat tiba', 'Condition on arrival', { required: true }),
      long('belongings', 'Barang bawaan', 'Belongings carried'),
    ]),
    section('communication', 'Komunikasi dan asal', 'Communication and origin', [
      scale('communication_ability', 'Kemampuan berkomunikasi', 'Ability to communicate', help('1 = tidak dapat diajak bicara, 5 = lancar dan runtut.', '1 = cannot talk, 5 = fluent and coherent.')),
      yesNo('knows_origin', 'Klien dapat menyebutkan daerah asal?', 'Can the client name where they come from?', { required: true }),
      text('origin', 'Daerah asal yang disebutkan', 'Place of origin given', { required: true, ...when('knows_origin', true) }),
      text('family_contact', 'Nama/kontak keluarga yang disebutkan', 'Family name or contact given', when('knows_origin', true)),
    ]),
    section('urgent_needs', 'Kebutuhan segera', 'Urgent needs', [
      multi('urgent_needs', 'Kebutuhan yang harus segera dipenuhi', 'Needs to meet at once', [
        ['food', 'Makan dan minum', 'Food and drink'],
        ['clothing', 'Pakaian', 'Clothing'],
        ['hygiene', 'Mandi dan kebersihan diri', 'Bathing and hygiene'],
        ['medical', 'Pemeriksaan/pengobatan', 'Medical check or treatment'],
        ['rest', 'Istirahat', 'Rest'],
        ['security', 'Perlindungan/keamanan', 'Protection and safety'],
      ]),
      long('officer_notes', 'Catatan petugas', "Officer's notes"),
      signature('officer_signature', 'Tanda tangan petugas', "Officer's signature"),
    ]),
  ],
};

const psychosocialAssessment: FormDefinition = {
  format: 1,
  key: 'psychosocial_assessment',
  title: t('Asesmen Psikososial', 'Psychosocial assessment'),
  description: t(
    'Asesmen masalah, potensi dan sumber klien oleh pekerja sosial, dasar Laporan Sosial dan rapat kasus.',
    "The social worker's assessment of the client's problems, potentials and resources: the basis of the social report and the case conference.",
  ),
  completesStage: 'assessment',
  sections: [
    section('identity', 'Identitas klien', 'Client identity', [
      text('full_name', 'Nama lengkap', 'Full name', { required: true }),
      text('alias', 'Nama alias/panggilan', 'Alias or nickname'),
      choice('sex', 'Jenis kelamin', 'Sex', SEX, { required: true }),
      text('birth_place', 'Tempat lahir', 'Place of birth'),
      date('birth_date', 'Tanggal lahir', 'Date of birth', { ...help('Kosongkan bila tidak diketahui; isi perkiraan usia.', 'Leave empty when unknown; give the estimated age.'), pastOnly: true }),
      num('estimated_age', 'Perkiraan usia (tahun)', 'Estimated age (years)', { min: 0, max: 120, integer: true }),
      choice('marital_status', 'Status perkawinan', 'Marital status', MARITAL),
      text('last_address', 'Alamat terakhir', 'Last known address'),
      multi('data_sources', 'Sumber data asesmen', 'Sources of the assessment data', [
        ['client', 'Klien sendiri', 'The client'],
        ['family', 'Keluarga', 'Family'],
        ['neighbours', 'Tetangga/masyarakat', 'Neighbours or community'],
        ['officials', 'Aparat (RT/RW, desa, polisi)', 'Officials (RT/RW, village, police)'],
        ['documents', 'Dokumen', 'Documents'],
        ['other_agency', 'Instansi lain', 'Other agencies'],
      ]),
    ]),
    section('referral', 'Sumber rujukan', 'Referral source', [
      choice('referral_source', 'Klien datang melalui', 'The client came through', REFERRAL_SOURCE, { required: true }),
      text('referrer_name', 'Nama perujuk dan instansinya', 'Referrer and their agency'),
      text('referral_other', 'Sebutkan sumber lainnya', 'Name the other source', { required: true, ...when('referral_source', 'other') }),
    ]),
    section('presenting_problem', 'Masalah yang dihadapi', 'Presenting problem', [
      long('presenting_problem', 'Uraian masalah klien saat ini', "The client's current problem", {
        required: true,
        ...help('Apa yang terjadi, sejak kapan, dan bagaimana klien sampai di rumah singgah.', 'What happened, since when, and how the client came to the shelter.'),
      }),
      multi('ppks_indication', 'Indikasi jenis PPKS', 'Likely PPKS categories', [
        ['stranded_traveller', 'Orang terlantar (kehabisan bekal)', 'Stranded traveller'],
        ['homeless', 'Gelandangan', 'Homeless person'],
        ['beggar', 'Pengemis', 'Beggar'],
        ['psychotic_homeless', 'Gelandangan psikotik/ODGJ', 'Psychotic homeless person'],
        ['neglected_elderly', 'Lanjut usia terlantar', 'Neglected elderly person'],
        ['neglected_child', 'Anak terlantar/anak jalanan', 'Neglected or street child'],
        ['disability', 'Penyandang disabilitas', 'Person with disability'],
        ['violence_victim', 'Korban tindak kekerasan/perdagangan orang', 'Victim of violence or trafficking'],
        ['migrant_worker', 'Pekerja migran bermasalah sosial', 'Migrant worker in social trouble'],
      ]),
    ]),
    section('family', 'Susunan keluarga dan genogram', 'Family composition and genogram', [
      group(
        'family_members',
        'Anggota keluarga',
        'Family members',
        [
          text('name', 'Nama', 'Name', { required: true }),
          choice('relation', 'Hubungan dengan klien', 'Relation to the client', [
            ['father', 'Ayah', 'Father'],
            ['mother', 'Ibu', 'Mother'],
            ['spouse', 'Suami/istri', 'Spouse'],
            ['child', 'Anak', 'Child'],
            ['sibling', 'Saudara kandung', 'Sibling'],
            ['relative', 'Kerabat lain', 'Other relative'],
          ]),
          num('age', 'Usia', 'Age', { min: 0, max: 120, integer: true }),
          yesNo('alive', 'Masih hidup?', 'Alive?'),
          text('occupation', 'Pekerjaan', 'Occupation', when('alive', true)),
          text('whereabouts', 'Tempat tinggal/kontak', 'Whereabouts or contact', when('alive', true)),
        ],
        { maxRows: 30 },
      ),
      long('genogram_notes', 'Catatan genogram dan relasi keluarga', 'Genogram and family relations', help(
        'Tiga generasi bila memungkinkan; kedekatan, konflik, dan siapa yang dapat dihubungi.',
        'Three generations where possible; closeness, conflicts, and who can be contacted.',
      )),
    ]),
    section('education_work', 'Pendidikan, pekerjaan dan agama', 'Education, work and religion', [
      choice('education', 'Pendidikan terakhir', 'Highest education', EDUCATION),
      yesNo('can_read_write', 'Dapat membaca dan menulis?', 'Can read and write?'),
      text('occupation', 'Pekerjaan terakhir', 'Last occupation'),
      long('skills', 'Keterampilan yang dimiliki', 'Skills'),
      choice('religion', 'Agama/kepercayaan', 'Religion or belief', RELIGION),
      long('religious_practice', 'Kegiatan ibadah/spiritual', 'Religious or spiritual practice'),
    ]),
    section('physical_health', 'Kesehatan fisik', 'Physical health', [
      choice('physical_condition', 'Kondisi fisik umum', 'General physical condition', CONDITION, { required: true }),
      long('illnesses', 'Penyakit/keluhan yang diderita', 'Illnesses or complaints'),
      yesNo('has_disability', 'Memiliki disabilitas?', 'Has a disability?'),
      multi('disability_types', 'Jenis disabilitas', 'Type of disability', [
        ['physical', 'Fisik', 'Physical'],
        ['intellectual', 'Intelektual', 'Intellectual'],
        ['mental', 'Mental', 'Mental'],
        ['sensory', 'Sensorik (netra, rungu, wicara)', 'Sensory (sight, hearing, speech)'],
      ], { required: true, ...when('has_disability', true) }),
      yesNo('on_medication', 'Sedang menjalani pengobatan?', 'Currently on medication?'),
      text('medication', 'Obat dan tempat berobat', 'Medication and where treated', when('on_medication', true)),
    ]),
    section('psychological', 'Kondisi psikologis/psikiatris', 'Psychological and psychiatric state', [
      choice('orientation', 'Orientasi (waktu, tempat, orang)', 'Orientation (time, place, person)', [
        ['good', 'Baik', 'Good'],
        ['partial', 'Sebagian', 'Partial'],
        ['disoriented', 'Disorientasi', 'Disoriented'],
      ], { required: true }),
      scale('emotional_state', 'Kestabilan emosi', 'Emotional stability', help('1 = sangat labil, 5 = stabil.', '1 = very unstable, 5 = stable.')),
      yesNo('psychotic_signs', 'Tampak gejala psikotik (halusinasi, waham, bicara kacau)?', 'Psychotic signs (hallucinations, delusions, disorganised speech)?', { required: true }),
      long('psychotic_description', 'Uraian gejala', 'Describe the signs', { required: true, ...when('psychotic_signs', true) }),
      yesNo('self_harm_risk', 'Ada risiko menyakiti diri/orang lain?', 'Risk of harming self or others?'),
      long('psychological_notes', 'Catatan psikologis', 'Psychological notes'),
    ]),
    section('social', 'Situasi sosial dan kebutuhan dasar', 'Social situation and basic needs', [
      long('social_situation', 'Relasi sosial dan lingkungan', 'Social relations and environment', help(
        'Hubungan dengan keluarga, tetangga, teman; tempat tinggal sebelum ini; ekomap.',
        'Relations with family, neighbours, friends; where the client lived before; ecomap.',
      )),
      choice('residence_before', 'Tempat tinggal sebelumnya', 'Where the client lived before', [
        ['household', 'Rumah tangga', 'A household'],
        ['institution', 'Panti/lembaga', 'An institution'],
        ['street', 'Jalanan/tidak menetap', 'The street, no fixed place'],
      ]),
      multi('unmet_basic_needs', 'Kebutuhan dasar yang belum terpenuhi', 'Basic needs not met', [
        ['food', 'Makanan', 'Food'],
        ['clothing', 'Pakaian', 'Clothing'],
        ['shelter', 'Tempat tinggal', 'Shelter'],
        ['health', 'Kesehatan', 'Health care'],
        ['education', 'Pendidikan', 'Education'],
        ['identity', 'Dokumen kependudukan', 'Identity documents'],
        ['income', 'Penghasilan', 'Income'],
      ]),
    ]),
    section('legal', 'Status hukum dan kependudukan', 'Legal and civil status', [
      choice('civil_documents', 'Dokumen kependudukan', 'Identity documents', [
        ['has_ktp', 'Memiliki KTP-el/KK', 'Has KTP-el/KK'],
        ['registered_no_card', 'Terdaftar, dokumen hilang', 'Registered, documents lost'],
        ['not_registered', 'Belum terdaftar (penduduk rentan adminduk)', 'Not registered'],
        ['unknown', 'Belum diketahui', 'Not known yet'],
      ], { required: true }),
      yesNo('legal_issue', 'Sedang berhadapan dengan hukum?', 'In conflict with the law?'),
      long('legal_notes', 'Keterangan masalah hukum', 'Legal problem details', when('legal_issue', true)),
    ]),
    section(
      'strengths',
      'Masalah, potensi dan sumber',
      'Problems, potentials and resources',
      [
        long('problems', 'Masalah', 'Problems', { required: true, ...help('Masalah utama menurut klien dan menurut pekerja sosial.', 'The main problems as the client and the social worker see them.') }),
        long('potentials', 'Potensi', 'Potentials', { required: true, ...help('Kekuatan, kemampuan dan motivasi klien.', "The client's strengths, abilities and motivation.") }),
        long('resources', 'Sumber', 'Resources', {
          required: true,
          ...help('Keluarga, masyarakat, lembaga dan layanan yang dapat mendukung klien.', 'Family, community, institutions and services that can support the client.'),
        }),
        scale('motivation', 'Motivasi klien untuk berubah', "The client's motivation to change"),
      ],
      t('Inti asesmen (masalah, potensi, sumber).', 'The core of the assessment.'),
    ),
    section('analysis', 'Analisis dan rekomendasi', 'Analysis and recommendation', [
      long('analysis', 'Analisis pekerja sosial', "The social worker's analysis", { required: true }),
      choice('recommended_plan', 'Rencana tindak lanjut', 'Recommended next step', [
        ['return_home', 'Dipulangkan ke keluarga/daerah asal', 'Return to family or home district'],
        ['refer_panti', 'Dirujuk ke panti/balai', 'Refer to a panti or balai'],
        ['refer_hospital', 'Dirujuk ke RS/RSJ', 'Refer to a hospital or psychiatric hospital'],
        ['rehabilitation', 'Rehabilitasi di rumah singgah', 'Rehabilitation in the shelter'],
        ['other', 'Lainnya', 'Other'],
      ], { required: true }),
      long('recommendation', 'Rekomendasi', 'Recommendation', { required: true }),
      signature('social_worker_signature', 'Tanda tangan pekerja sosial', "Social worker's signature"),
    ]),
  ],
};

const healthScreening: FormDefinition = {
  format: 1,
  key: 'health_screening',
  title: t('Skrining Kesehatan dan Kependudukan', 'Health and civil-status screening'),
  description: t(
    'Pemeriksaan kesehatan awal dan pengecekan data kependudukan sebelum klien ditempatkan.',
    'First health check and civil-registry check before the client is placed.',
  ),
  completesStage: 'health_civil_check',
  sections: [
    section('vitals', 'Tanda vital', 'Vital signs', [
      text('blood_pressure', 'Tekanan darah (mmHg)', 'Blood pressure (mmHg)', help('Contoh: 120/80', 'e.g. 120/80')),
      num('pulse', 'Nadi (per menit)', 'Pulse (per minute)', { min: 20, max: 250, integer: true }),
      num('temperature', 'Suhu tubuh (°C)', 'Body temperature (°C)', { min: 30, max: 45 }),
      num('weight', 'Berat badan (kg)', 'Weight (kg)', { min: 1, max: 300 }),
    ]),
    section('screening', 'Skrining', 'Screening', [
      choice('general_condition', 'Keadaan umum', 'General condition', CONDITION, { required: true }),
      multi('symptoms', 'Gejala yang tampak', 'Symptoms seen', [
        ['cough', 'Batuk lebih dari 2 minggu', 'Cough for more than 2 weeks'],
        ['fever', 'Demam', 'Fever'],
        ['wounds', 'Luka terbuka', 'Open wounds'],
        ['skin', 'Penyakit kulit/gatal', 'Skin disease or itching'],
        ['malnutrition', 'Tampak kurang gizi', 'Looks malnourished'],
        ['lice', 'Kutu rambut', 'Head lice'],
      ]),
      yesNo('infectious_suspected', 'Diduga penyakit menular?', 'Infectious disease suspected?', { required: true }),
      text('isolation_notes', 'Tindakan pencegahan penularan', 'Measures against transmission', { required: true, ...when('infectious_suspected', true) }),
      yesNo('mental_disorder_suspected', 'Diduga gangguan jiwa?', 'Mental disorder suspected?', { required: true }),
      yesNo('pregnant', 'Sedang hamil?', 'Pregnant?'),
      yesNo('needs_referral', 'Perlu dirujuk ke fasilitas kesehatan?', 'Needs referral to a health facility?', { required: true }),
      text('referred_to', 'Dirujuk ke', 'Referred to', { required: true, ...when('needs_referral', true) }),
    ]),
    section('civil', 'Identifikasi kependudukan', 'Civil-registry check', [
      yesNo('nik_known', 'NIK diketahui?', 'NIK known?', { required: true }),
      text('nik', 'NIK', 'NIK', { required: true, maxLength: 16, ...when('nik_known', true) }),
      choice('bpjs', 'Kepesertaan jaminan kesehatan', 'Health insurance', [
        ['pbi', 'BPJS/KIS PBI', 'BPJS/KIS (subsidised)'],
        ['non_pbi', 'BPJS non-PBI', 'BPJS (paying)'],
        ['none', 'Tidak ada', 'None'],
        ['unknown', 'Belum diketahui', 'Not known yet'],
      ]),
      long('notes', 'Catatan pemeriksa', "Examiner's notes"),
      text('examiner', 'Nama pemeriksa (dokter/perawat/petugas)', 'Examiner (doctor, nurse, officer)', { required: true }),
      signature('examiner_signature', 'Tanda tangan pemeriksa', "Examiner's signature"),
    ]),
  ],
};

const familyTracingInterview: FormDefinition = {
  format: 1,
  key: 'family_tracing_interview',
  title: t('Wawancara Penelusuran Keluarga', 'Family-tracing interview'),
  description: t(
    'Keterangan dari klien atau narasumber untuk menemukan keluarga; upaya penelusuran dicatat di tahap penelusuran.',
    'What the client or an informant says that helps find the family; tracing attempts are recorded in the tracing stage.',
  ),
  completesStage: null,
  sections: [
    section('informant', 'Narasumber', 'Informant', [
      choice('informant', 'Keterangan diperoleh dari', 'Information given by', [
        ['client', 'Klien', 'The client'],
        ['relative', 'Kerabat', 'A relative'],
        ['community', 'Masyarakat/tokoh setempat', 'Community or local leader'],
        ['official', 'Aparat desa/kelurahan', 'Village official'],
        ['other', 'Lainnya', 'Other'],
      ], { required: true }),
      text('informant_name', 'Nama narasumber', "Informant's name", { required: true, ...when('informant', 'relative') }),
      date('interview_date', 'Tanggal wawancara', 'Date of the interview', { required: true, pastOnly: true }),
    ]),
    section('origin', 'Asal-usul klien', "The client's origin", [
      text('village', 'Desa/kelurahan yang disebut', 'Village named'),
      text('district', 'Kecamatan', 'District'),
      text('regency', 'Kabupaten/kota', 'Regency or city'),
      long('landmarks', 'Ciri lingkungan rumah', 'Landmarks near the home', help('Masjid, pasar, sekolah, sungai, nama RT/RW.', 'Mosque, market, school, river, neighbourhood names.')),
      long('journey', 'Riwayat perjalanan hingga ditemukan', 'How the client came to be found here'),
    ]),
    section('contacts', 'Keluarga yang dapat dihubungi', 'Family to contact', [
      group('contacts', 'Kontak keluarga', 'Family contacts', [
        text('name', 'Nama', 'Name', { required: true }),
        text('relation', 'Hubungan', 'Relation'),
        text('phone', 'Nomor telepon', 'Phone number'),
        text('address', 'Alamat', 'Address'),
      ], { maxRows: 20 }),
      yesNo('client_wants_return', 'Klien bersedia dipulangkan ke keluarga?', 'Does the client want to go back to the family?', { required: true }),
      long('refusal_reason', 'Alasan tidak bersedia', 'Why not', { required: true, ...when('client_wants_return', false) }),
      multi('channels_to_try', 'Jalur penelusuran yang akan ditempuh', 'Tracing channels to try', [
        ['phone', 'Telepon keluarga', 'Phone the family'],
        ['dinsos_origin', 'Dinas Sosial daerah asal', 'Dinas Sosial of the home district'],
        ['village_office', 'Kantor desa/kelurahan', 'Village office'],
        ['police', 'Kepolisian', 'Police'],
        ['social_media', 'Media sosial', 'Social media'],
        ['dukcapil', 'Dukcapil (data NIK/sidik jari)', 'Dukcapil (NIK or fingerprint data)'],
      ]),
      photo('document_photo', 'Foto dokumen/petunjuk', 'Photo of a document or clue'),
    ]),
  ],
};

const followUpVisit: FormDefinition = {
  format: 1,
  key: 'follow_up_visit',
  title: t('Kunjungan Tindak Lanjut (Monitoring dan Evaluasi)', 'Follow-up visit (monitoring and evaluation)'),
  description: t(
    'Kunjungan atau kontak setelah klien dipulangkan/dirujuk untuk menilai keberlanjutan hasil layanan.',
    'A visit or call after the client went home or was referred, to see whether the results hold.',
  ),
  completesStage: 'monitoring_evaluation',
  sections: [
    section('visit', 'Kunjungan', 'Visit', [
      date('visit_date', 'Tanggal kunjungan/kontak', 'Date of the visit or call', { required: true, pastOnly: true }),
      choice('channel', 'Cara', 'How', [
        ['home_visit', 'Kunjungan rumah', 'Home visit'],
        ['phone', 'Telepon/pesan', 'Phone or message'],
        ['via_partner', 'Melalui pilar sosial/instansi', 'Through a social pillar or agency'],
      ], { required: true }),
      yesNo('client_met', 'Klien dapat ditemui/dihubungi?', 'Could the client be reached?', { required: true }),
      long('not_met_reason', 'Keterangan', 'Details', { required: true, ...when('client_met', false) }),
    ]),
    section('situation', 'Keadaan klien', "The client's situation", [
      choice('living_with', 'Klien saat ini tinggal bersama', 'The client now lives with', [
        ['family', 'Keluarga', 'Family'],
        ['panti', 'Panti/balai', 'A panti or balai'],
        ['alone', 'Sendiri', 'Alone'],
        ['street', 'Kembali ke jalan', 'Back on the street'],
        ['unknown', 'Tidak diketahui', 'Unknown'],
      ], when('client_met', true)),
      scale('wellbeing', 'Keberfungsian sosial klien', "The client's social functioning", { required: true, ...when('client_met', true), ...help('1 = sangat buruk, 5 = sangat baik.', '1 = very poor, 5 = very good.') }),
      scale('family_support', 'Dukungan keluarga', 'Family support', when('client_met', true)),
      multi('services_received', 'Layanan lanjutan yang diterima', 'Further services received', [
        ['pkh', 'PKH/bansos', 'PKH or social assistance'],
        ['bpjs_pbi', 'BPJS PBI', 'BPJS (subsidised)'],
        ['identity_docs', 'Dokumen kependudukan', 'Identity documents'],
        ['medical', 'Pengobatan rutin', 'Regular treatment'],
        ['skills', 'Pelatihan/usaha', 'Training or livelihood'],
      ]),
      long('problems_found', 'Masalah yang masih ada', 'Problems still present'),
    ]),
    section('evaluation', 'Evaluasi', 'Evaluation', [
      choice('result', 'Hasil evaluasi', 'Result', [
        ['resolved', 'Masalah teratasi, kasus dapat diakhiri', 'Resolved: the case can be closed'],
        ['needs_follow_up', 'Perlu tindak lanjut', 'Needs more follow-up'],
        ['re_referral', 'Perlu dirujuk kembali', 'Needs a new referral'],
      ], { required: true }),
      long('follow_up_plan', 'Rencana tindak lanjut', 'Follow-up plan', { required: true, ...when('result', 'needs_follow_up') }),
      photo('visit_photo', 'Foto kunjungan', 'Photo of the visit'),
      signature('worker_signature', 'Tanda tangan petugas', "Worker's signature"),
    ]),
  ],
};

/** Every shipped template, in the order of the case flow. */
export const SHIPPED_TEMPLATES: readonly FormDefinition[] = [
  initialIdentification,
  healthScreening,
  familyTracingInterview,
  psychosocialAssessment,
  followUpVisit,
];
