/**
 * The data interchange bundle (docs/INTERCHANGE.md): a ZIP of CSV files, one per table, and a
 * manifest. Modelled on the HMIS CSV export: every row carries created/updated/deleted-at and the user.
 */
import { z } from 'zod';

export const INTERCHANGE_FORMAT = 'singgah-interchange';
/** Major.minor: a reader accepts any minor version of its major. */
export const INTERCHANGE_VERSION = '1.0';

export const interchangeExportQuery = z.object({
  organizationId: z.uuid().optional().describe("Default: the user's own organization (with its children)"),
  since: z.iso.datetime({ offset: true }).optional().describe('Only rows created or changed since this instant (a delta bundle)'),
});

export const interchangeImportQuery = z.object({
  organizationId: z.uuid().optional().describe("The organization the bundle's root organization maps to; default the bundle's own"),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Validate only; change nothing'),
});

export const manifestSchema = z.object({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.string().regex(/^1\.\d+$/),
  kind: z.enum(['full', 'delta']),
  since: z.string().nullable(),
  exportedAt: z.string(),
  exportedBy: z.object({ id: z.string(), name: z.string() }),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  files: z.array(z.object({ name: z.string(), table: z.string(), rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type InterchangeManifest = z.infer<typeof manifestSchema>;

export const importResult = z.object({
  dryRun: z.boolean(),
  organizationId: z.uuid(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), inserted: z.number().int(), updated: z.number().int() })),
});
export type ImportResult = z.infer<typeof importResult>;
