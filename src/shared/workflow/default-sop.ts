/**
 * The default service SOP: the twelve stages of SPOT HANDAL (Dinas Sosial Kota Probolinggo) with
 * their standard times, 1,455 minutes in all. A shelter starts from this and may adapt it; the keys
 * are stable identifiers stored with every case, so they never change once released.
 */
import type { Role } from '../permissions.js';

export const SOP_STAGE_KEYS = [
  'reception',
  'initial_identification',
  'health_civil_check',
  'family_tracing',
  'assessment',
  'assessment_report',
  'case_conference',
  'referral',
  'rehabilitation',
  'reunification',
  'monitoring_evaluation',
  'termination',
] as const;
export type SopStageKey = (typeof SOP_STAGE_KEYS)[number];

/** Roles that can own a stage: the staff who work cases (overdue alerts go to them, with the client's name). */
export const SOP_RESPONSIBLE_ROLES = ['shelter_officer', 'social_worker', 'head'] as const satisfies readonly Role[];
export type SopResponsibleRole = (typeof SOP_RESPONSIBLE_ROLES)[number];

type Bilingual = { readonly id: string; readonly en: string };

export type SopStage = {
  readonly key: SopStageKey;
  readonly name: Bilingual;
  readonly description: Bilingual;
  /** The role that carries the stage out and answers for its timer. */
  readonly responsibleRole: SopResponsibleRole;
  /** Standard time in working minutes (see `working-time.ts`). */
  readonly standardMinutes: number;
  /** Whether a case may pass over the stage; skipping always records a reason. */
  readonly skippable: boolean;
};

/**
 * The stages in order. Skippable: not every case needs tracing, a conference, a referral, a stay,
 * a return or follow-up (a stranded traveller may go from assessment straight to return home).
 * Never skipped: reception, identification, the health/civil check, the assessment and its report
 * (the social report is the basis for civil documents and referrals), and termination.
 */
export const DEFAULT_SOP: readonly SopStage[] = Object.freeze(
  (
    [
      {
        key: 'reception',
        name: { id: 'Penerimaan klien', en: 'Client reception' },
        description: {
          id: 'Menerima klien PPKS terlantar dari layanan 112, razia Satpol PP, aduan masyarakat, atau rujukan instansi lain.',
          en: 'Receive a neglected client brought in through the 112 line, a Satpol PP raid, a community complaint or another agency’s referral.',
        },
        responsibleRole: 'shelter_officer',
        standardMinutes: 15,
        skippable: false,
      },
      {
        key: 'initial_identification',
        name: { id: 'Identifikasi awal', en: 'Initial identification' },
        description: {
          id: 'Mencatat identitas, kondisi, dan permasalahan awal klien.',
          en: 'Record the client’s identity, condition and presenting problem.',
        },
        responsibleRole: 'shelter_officer',
        standardMinutes: 30,
        skippable: false,
      },
      {
        key: 'health_civil_check',
        name: { id: 'Pemeriksaan kesehatan / identifikasi kependudukan', en: 'Health check and civil-ID check' },
        description: {
          id: 'Memeriksa kesehatan klien dan menelusuri data kependudukannya (NIK, KK) bersama Dukcapil.',
          en: 'Check the client’s health and look up their civil registration (NIK, KK) with Dukcapil.',
        },
        responsibleRole: 'shelter_officer',
        standardMinutes: 30,
        skippable: false,
      },
      {
        key: 'family_tracing',
        name: { id: 'Penjangkauan / penelusuran klien dan keluarga', en: 'Outreach and family tracing' },
        description: {
          id: 'Menelusuri keluarga dan daerah asal klien, bersama pilar sosial setempat.',
          en: 'Trace the client’s family and home area, with the local social pillars.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 60,
        skippable: true,
      },
      {
        key: 'assessment',
        name: { id: 'Asesmen klien', en: 'Client assessment' },
        description: {
          id: 'Menggali masalah, potensi, dan sumber daya klien.',
          en: 'Assess the client’s problems, potentials and resources.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 60,
        skippable: false,
      },
      {
        key: 'assessment_report',
        name: { id: 'Laporan hasil asesmen', en: 'Assessment report' },
        description: {
          id: 'Menyusun laporan sosial hasil asesmen sebagai dasar rencana penanganan.',
          en: 'Write the social report of the assessment as the basis of the plan.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 120,
        skippable: false,
      },
      {
        key: 'case_conference',
        name: { id: 'Rapat kasus', en: 'Case conference' },
        description: {
          id: 'Membahas hasil asesmen bersama tim dan memutuskan rencana penanganan klien.',
          en: 'Discuss the assessment with the team and decide the client’s plan.',
        },
        responsibleRole: 'head',
        standardMinutes: 120,
        skippable: true,
      },
      {
        key: 'referral',
        name: { id: 'Membuat rujukan', en: 'Referral' },
        description: {
          id: 'Menyiapkan rujukan ke panti atau balai, rumah sakit, atau Dinas Sosial daerah asal klien.',
          en: 'Prepare the referral to a provincial centre, a hospital or the Dinas Sosial of the client’s home area.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 30,
        skippable: true,
      },
      {
        key: 'rehabilitation',
        name: { id: 'Rehabilitasi klien', en: 'Rehabilitation' },
        description: {
          id: 'Memenuhi kebutuhan dasar dan memberi bimbingan fisik, mental, dan sosial selama klien di shelter.',
          en: 'Meet basic needs and give physical, mental and social guidance while the client stays in the shelter.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 720,
        skippable: true,
      },
      {
        key: 'reunification',
        name: { id: 'Reunifikasi / pemulangan klien pada keluarga', en: 'Reunification and return home' },
        description: {
          id: 'Mengembalikan klien kepada keluarganya atau ke daerah asalnya.',
          en: 'Return the client to their family or home area.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 180,
        skippable: true,
      },
      {
        key: 'monitoring_evaluation',
        name: { id: 'Monitoring dan evaluasi', en: 'Monitoring and evaluation' },
        description: {
          id: 'Memantau keadaan klien setelah layanan dan menilai hasilnya.',
          en: 'Follow up on the client after the service and evaluate the outcome.',
        },
        responsibleRole: 'social_worker',
        standardMinutes: 60,
        skippable: true,
      },
      {
        key: 'termination',
        name: { id: 'Terminasi', en: 'Termination' },
        description: {
          id: 'Mengakhiri layanan dan menutup kasus klien.',
          en: 'End the service and close the client’s case.',
        },
        responsibleRole: 'head',
        standardMinutes: 30,
        skippable: false,
      },
    ] satisfies SopStage[]
  ).map((stage) => Object.freeze({ ...stage, name: Object.freeze(stage.name), description: Object.freeze(stage.description) })),
);

/** Sum of the standard times of a list of stages, in working minutes. */
export function totalStandardMinutes(stages: readonly SopStage[]): number {
  return stages.reduce((sum, stage) => sum + stage.standardMinutes, 0);
}
