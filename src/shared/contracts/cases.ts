import { z } from 'zod';
import {
  CASE_SOURCES,
  CASE_STATUSES,
  CIVIL_REGISTRATION,
  DATA_QUALITY,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  RELIGIONS,
  SEXES,
  STAGE_STATUSES,
  TERMINATION_OUTCOMES,
  TRACING_STATUSES,
} from '../domain/enums.js';
import { CATEGORY_CODES } from '../domain/ppks.js';
import { pagingQuery } from './common.js';

const text = (max = 500) => z.string().trim().max(max);
const optionalText = (max = 500) => text(max).optional().nullable();
const regionCode = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { message: 'validation.region_code' });

/** Identity of a client as recorded; every field optional except a name or description. */
export const clientIdentityInput = z.object({
  name: text(160).min(1).describe('Name, nickname, or a description such as "Mr. X found at the terminal"'),
  nameQuality: z.enum(DATA_QUALITY).default('full'),
  aliases: z.array(text(120).min(1)).max(20).default([]),
  sex: z.enum(SEXES).default('unknown'),
  birthDate: z.iso.date().optional().nullable(),
  birthDateQuality: z.enum(DATA_QUALITY).default('unknown'),
  estimatedAge: z.number().int().min(0).max(120).optional().nullable(),
  birthPlace: optionalText(120),
  religion: z.enum(RELIGIONS).optional().nullable(),
  maritalStatus: z.enum(MARITAL_STATUSES).optional().nullable(),
  education: z.enum(EDUCATION_LEVELS).optional().nullable(),
  occupation: optionalText(120),
  phone: optionalText(40),
  nik: z
    .string()
    .trim()
    .regex(/^\d{16}$/, { message: 'nik.problem.length' })
    .optional()
    .nullable(),
  nikQuality: z.enum(DATA_QUALITY).default('unknown'),
  kkNumber: z
    .string()
    .trim()
    .regex(/^\d{16}$/, { message: 'nik.problem.length' })
    .optional()
    .nullable(),
  originRegionCode: regionCode.optional().nullable(),
  originAddress: optionalText(300),
  lastKnownAddress: optionalText(300),
  physicalDescription: optionalText(1000),
  distinguishingMarks: optionalText(1000),
});
export type ClientIdentityInput = z.infer<typeof clientIdentityInput>;

/** Who brought the client, from where and when; `arrivedAt` starts the clock. */
export const intakeSourceInput = z.object({
  source: z.enum(CASE_SOURCES),
  broughtByName: optionalText(120),
  broughtByAgency: optionalText(160),
  letterNumber: optionalText(80),
  foundLocation: optionalText(300),
  foundAt: z.iso.datetime({ offset: true }).optional().nullable(),
  arrivedAt: z.iso.datetime({ offset: true }),
  receptionCompletedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .nullable()
    .describe('When reception was done, for a client registered after the fact; now when left out'),
});

export const createIntakeBody = intakeSourceInput.extend({
  organizationId: z.uuid().describe('The shelter unit that receives the client'),
  existingClientId: z.uuid().optional().describe('A returning client: a new case for this client'),
  client: clientIdentityInput.optional(),
  categories: z.array(z.enum(CATEGORY_CODES)).min(1).max(10),
  presentingProblem: optionalText(2000),
});
export type CreateIntakeBody = z.infer<typeof createIntakeBody>;

/** A raid: one shared source/place/time, then per person the minimum to open a case. */
export const createBatchIntakeBody = intakeSourceInput.extend({
  organizationId: z.uuid(),
  categories: z.array(z.enum(CATEGORY_CODES)).min(1).max(10),
  people: z
    .array(
      z.object({
        name: text(160).min(1),
        nameQuality: z.enum(DATA_QUALITY).default('partial'),
        sex: z.enum(SEXES).default('unknown'),
        estimatedAge: z.number().int().min(0).max(120).optional().nullable(),
        physicalDescription: optionalText(1000),
        categories: z.array(z.enum(CATEGORY_CODES)).max(10).optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type CreateBatchIntakeBody = z.infer<typeof createBatchIntakeBody>;

export const nikCheck = z.object({
  valid: z.boolean(),
  problem: z.string().nullable(),
  derivedSex: z.enum(['male', 'female']).nullable(),
  derivedBirthDate: z.string().nullable(),
  sexMismatch: z.boolean(),
  birthDateMismatch: z.boolean(),
  duplicates: z.array(z.object({ clientId: z.uuid(), name: z.string() })),
});
export type NikCheck = z.infer<typeof nikCheck>;

export const clientView = clientIdentityInput.extend({
  id: z.uuid(),
  organizationId: z.uuid(),
  aliases: z.array(z.string()),
  nikCheck: nikCheck.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ClientView = z.infer<typeof clientView>;

export const stageView = z.object({
  id: z.uuid(),
  key: z.string(),
  position: z.number().int(),
  nameId: z.string(),
  nameEn: z.string(),
  responsibleRole: z.string(),
  skippable: z.boolean(),
  standardMinutes: z.number().int(),
  status: z.enum(STAGE_STATUSES),
  startedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  completedByName: z.string().nullable(),
  skipReason: z.string().nullable(),
  notes: z.string().nullable(),
  elapsedMinutes: z.number().int().nullable().describe('Working minutes spent in the stage so far (or in all)'),
  isOverdue: z.boolean(),
});
export type StageView = z.infer<typeof stageView>;

export const caseSummary = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  clientAliases: z.array(z.string()),
  clientSex: z.enum(SEXES),
  status: z.enum(CASE_STATUSES),
  source: z.enum(CASE_SOURCES),
  categories: z.array(z.string()),
  arrivedAt: z.iso.datetime(),
  currentStageKey: z.string().nullable(),
  currentStageStartedAt: z.iso.datetime().nullable(),
  currentStageStandardMinutes: z.number().int().nullable(),
  assignedWorkerId: z.uuid().nullable(),
  assignedWorkerName: z.string().nullable(),
  elapsedMinutes: z.number().int().describe('Working minutes since arrival (until termination when closed)'),
  targetMinutes: z.number().int(),
  isOverdue: z.boolean().describe('The case is past its target, or its current stage past its standard'),
  isStageOverdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const caseDetail = caseSummary.extend({
  client: clientView,
  broughtByName: z.string().nullable(),
  broughtByAgency: z.string().nullable(),
  letterNumber: z.string().nullable(),
  foundLocation: z.string().nullable(),
  foundAt: z.iso.datetime().nullable(),
  presentingProblem: z.string().nullable(),
  batchId: z.uuid().nullable(),
  civilRegistration: z.enum(CIVIL_REGISTRATION),
  tracingStatus: z.enum(TRACING_STATUSES),
  terminatedAt: z.iso.datetime().nullable(),
  terminationOutcome: z.enum(TERMINATION_OUTCOMES).nullable(),
  terminationNotes: z.string().nullable(),
  stages: z.array(stageView),
  previousCases: z.array(z.object({ id: z.uuid(), caseNumber: z.string(), arrivedAt: z.iso.datetime(), status: z.enum(CASE_STATUSES) })),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const WORKLISTS = ['open', 'mine', 'overdue', 'waiting_for_me', 'new_today', 'closed', 'all'] as const;
export const listCasesQuery = pagingQuery.extend({
  list: z.enum(WORKLISTS).default('open'),
  q: z.string().trim().max(100).optional().describe('Name, alias, NIK or case number; tolerant of typos'),
  category: z.enum(CATEGORY_CODES).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  stage: z.string().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseParams = z.object({ caseId: z.uuid() });
export const stageParams = z.object({ caseId: z.uuid(), stageKey: z.string().max(60) });

export const completeStageBody = z.object({ notes: optionalText(2000), at: z.iso.datetime({ offset: true }).optional() });
export const skipStageBody = z.object({ reason: text(1000).min(3) });
export const updateCaseBody = z.object({
  categories: z.array(z.enum(CATEGORY_CODES)).min(1).max(10).optional(),
  presentingProblem: optionalText(2000),
  assignedWorkerId: z.uuid().nullable().optional(),
  civilRegistration: z.enum(CIVIL_REGISTRATION).optional(),
  broughtByName: optionalText(120),
  broughtByAgency: optionalText(160),
  letterNumber: optionalText(80),
  foundLocation: optionalText(300),
});
export const terminateCaseBody = z.object({
  outcome: z.enum(TERMINATION_OUTCOMES),
  notes: optionalText(2000),
  at: z.iso.datetime({ offset: true }).optional(),
});

export const timelineEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  action: z.string(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});

export const clientSearchQuery = z.object({ q: z.string().trim().min(2).max(100), limit: z.coerce.number().int().min(1).max(50).default(10) });
export const clientSearchResult = z.object({
  id: z.uuid(),
  name: z.string(),
  aliases: z.array(z.string()),
  nik: z.string().nullable(),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  lastCaseNumber: z.string().nullable(),
  score: z.number(),
});

export const nikCheckQuery = z.object({
  nik: z.string().trim().max(32),
  sex: z.enum(SEXES).optional(),
  birthDate: z.iso.date().optional(),
  excludeClientId: z.uuid().optional(),
});

/** A user who may be assigned to a case: active, with a casework role, in the case's organization or above it. */
export const assignableWorker = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(['social_worker', 'shelter_officer', 'head']),
});
export type AssignableWorker = z.infer<typeof assignableWorker>;

/** A family member or contact of a client (for tracing and the return home). */
export const familyMemberInput = z.object({
  name: z.string().trim().min(1).max(160),
  relation: z.string().trim().min(1).max(60).describe('e.g. mother, brother, neighbour'),
  phone: z.string().trim().max(40).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  regionCode: regionCode.nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
});
export type FamilyMemberInput = z.infer<typeof familyMemberInput>;
export const familyMemberView = familyMemberInput.extend({ id: z.uuid(), createdAt: z.iso.datetime() });
export type FamilyMemberView = z.infer<typeof familyMemberView>;
