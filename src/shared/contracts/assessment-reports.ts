/**
 * The assessment report (Laporan Hasil Asesmen / Laporan Sosial): generated from a case's latest
 * submitted psychosocial assessment, approved by the head of the unit, printed as an official letter.
 *
 *   draft ──submit──▶ submitted ──approve (head)──▶ approved   (letter number allocated here)
 *     ▲                   │
 *     └──── edit ◀── returned ◀──return with a note (head)
 */
import { z } from 'zod';

export const ASSESSMENT_REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type AssessmentReportStatus = (typeof ASSESSMENT_REPORT_STATUSES)[number];

/** The form template whose latest submitted response feeds the report. */
export const ASSESSMENT_TEMPLATE_KEY = 'psychosocial_assessment';

const text = (max: number) => z.string().trim().max(max);

/** One section of findings: its title and the answers in it, as printed. */
export const assessmentFinding = z.object({
  title: text(300),
  items: z.array(z.object({ label: text(500), value: text(10_000) })).max(200),
});
export type AssessmentFinding = z.infer<typeof assessmentFinding>;

/** A signatory as printed: name, NIP, position and rank. */
export const reportSignatory = z.object({
  name: z.string().nullable(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  rank: z.string().nullable(),
});
export type ReportSignatory = z.infer<typeof reportSignatory>;

/** What an approved report prints, frozen at approval (client identity and signatories). */
export const assessmentReportSnapshot = z.object({
  caseNumber: z.string(),
  client: z.object({
    name: z.string(),
    aliases: z.array(z.string()),
    nik: z.string().nullable(),
    kkNumber: z.string().nullable(),
    sex: z.string(),
    birthPlace: z.string().nullable(),
    birthDate: z.string().nullable(),
    estimatedAge: z.number().nullable(),
    religion: z.string().nullable(),
    education: z.string().nullable(),
    occupation: z.string().nullable(),
    maritalStatus: z.string().nullable(),
    originAddress: z.string().nullable(),
  }),
  photoAttachmentId: z.string().nullable(),
  arrivedAt: z.string(),
  placeName: z.string().nullable(),
  worker: reportSignatory,
  head: reportSignatory,
});
export type AssessmentReportSnapshot = z.infer<typeof assessmentReportSnapshot>;

export const assessmentReportView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  organizationId: z.uuid(),
  status: z.enum(ASSESSMENT_REPORT_STATUSES),
  sourceResponseId: z.uuid().nullable(),
  /** Sifat: `Biasa`, `Rahasia`, … */
  nature: z.string(),
  /** Lampiran. */
  attachmentsNote: z.string(),
  /** Hal. */
  subject: z.string(),
  /** Yth. … (the addressee), if any. */
  addressee: z.string().nullable(),
  findings: z.array(assessmentFinding),
  analysis: z.string(),
  recommendation: z.string(),
  letterNumber: z.string().nullable(),
  letterDate: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdByName: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  submittedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decidedByName: z.string().nullable(),
  returnNote: z.string().nullable(),
  pdfUrl: z.string().describe('GET: the PDF (audited); watermarked DRAFT until approved'),
});
export type AssessmentReportView = z.infer<typeof assessmentReportView>;

export const assessmentReportList = z.object({ items: z.array(assessmentReportView) });

export const assessmentReportParams = z.object({ caseId: z.uuid(), reportId: z.uuid() });

export const createAssessmentReportBody = z.object({
  /** A specific submitted response; the latest submitted psychosocial assessment when left out. */
  responseId: z.uuid().optional(),
});
export type CreateAssessmentReportBody = z.infer<typeof createAssessmentReportBody>;

export const updateAssessmentReportBody = z.object({
  nature: text(60).min(1).optional(),
  attachmentsNote: text(120).min(1).optional(),
  subject: text(300).min(1).optional(),
  addressee: text(300).nullable().optional(),
  findings: z.array(assessmentFinding).max(80).optional(),
  analysis: text(20_000).optional(),
  recommendation: text(20_000).optional(),
  /** Take the findings, analysis and recommendation again from the latest submitted assessment. */
  refreshFromAssessment: z.boolean().optional(),
});
export type UpdateAssessmentReportBody = z.infer<typeof updateAssessmentReportBody>;

export const returnAssessmentReportBody = z.object({ note: text(2000).min(3) });
export type ReturnAssessmentReportBody = z.infer<typeof returnAssessmentReportBody>;

export const assessmentReportPdfQuery = z.object({ lang: z.enum(['id', 'en']).default('id') });

/** Transitions of the report: which action moves which status where. */
export const ASSESSMENT_REPORT_TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
} as const satisfies Record<string, { from: readonly AssessmentReportStatus[]; to: AssessmentReportStatus }>;
export type AssessmentReportAction = keyof typeof ASSESSMENT_REPORT_TRANSITIONS;

/** The status after an action, or null when the action is not allowed from `status`. */
export function nextReportStatus(status: AssessmentReportStatus, action: AssessmentReportAction): AssessmentReportStatus | null {
  const t = ASSESSMENT_REPORT_TRANSITIONS[action];
  return (t.from as readonly AssessmentReportStatus[]).includes(status) ? t.to : null;
}

/** Whether the report's text may still be edited. */
export function isReportEditable(status: AssessmentReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}
