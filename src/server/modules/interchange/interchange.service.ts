/**
 * Export an organization's data as a versioned bundle (ZIP of CSVs + manifest.json) and import such a
 * bundle again, safely re-runnable: rows are upserted by their stable ids, and every imported row must
 * end up inside the importing user's scope or the whole import is rolled back.
 * The format is documented in docs/INTERCHANGE.md.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import type { PgColumn } from 'drizzle-orm/pg-core';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { type ImportResult, INTERCHANGE_FORMAT, INTERCHANGE_VERSION, type InterchangeManifest, manifestSchema } from '../../../shared/contracts/interchange.js';
import { translate } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/authorize.js';
import { AppError } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import { getReachableOrganization } from '../organizations/organizations.service.js';
import * as repo from './interchange.repository.js';

/** HMIS-style metadata columns appended to every file (derived; ignored on import). */
export const META_COLUMNS = ['date_created', 'date_updated', 'user_id', 'date_deleted'] as const;
const PAGE = 500;

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A CSV cell back to the column's value; an empty cell is null (as in HMIS CSV). */
function parseCell(cell: string, column: PgColumn): unknown {
  if (cell === '') return column.notNull && column.columnType === 'PgArray' ? [] : null;
  switch (column.columnType) {
    case 'PgTimestamp':
      return new Date(cell);
    case 'PgInteger':
    case 'PgSmallInt':
    case 'PgDoublePrecision':
      return Number(cell);
    case 'PgBoolean':
      return cell === 'true';
    case 'PgArray':
    case 'PgJsonb':
    case 'PgJson':
      return JSON.parse(cell);
    default:
      return cell;
  }
}

/** Stream a bundle of the organization (and its children); `since` makes it a delta bundle. */
export async function exportBundle(db: Db, actor: Actor, q: { organizationId?: string; since?: string }, ip?: string): Promise<{ stream: Readable; fileName: string }> {
  const org = await getReachableOrganization(db, actor, q.organizationId ?? actor.organizationId);
  const since = q.since ? new Date(q.since) : null;
  const exportedAt = new Date();
  await db.transaction((tx) =>
    insertAuditEvent(tx, {
      action: 'export.downloaded',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'organization',
      entityId: org.id,
      changes: { document: 'interchange_bundle', version: INTERCHANGE_VERSION, since: since?.toISOString() ?? null },
      ip,
    }),
  );
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  (async () => {
    const files: InterchangeManifest['files'] = [];
    const orgCsv = stringify({ header: true, columns: ['id', 'parent_id', 'kind', 'name', 'region_code'] });
    const orgs = await repo.findOrganizationsUnder(db, org.path);
    const orgText = await new Promise<string>((resolve, reject) => {
      let text = '';
      orgCsv.on('data', (d: Buffer) => {
        text += d.toString();
      });
      orgCsv.on('end', () => resolve(text));
      orgCsv.on('error', reject);
      for (const o of orgs) orgCsv.write([o.id, o.parentId ?? '', o.kind, o.name, o.regionCode ?? '']);
      orgCsv.end();
    });
    zip.addBuffer(Buffer.from(orgText), 'organizations.csv');
    files.push({ name: 'organizations.csv', table: 'organizations', rows: orgs.length, sha256: createHash('sha256').update(orgText).digest('hex') });
    for (const bt of repo.BUNDLE_TABLES) {
      const cols = repo.columnsOf(bt.table);
      const hash = createHash('sha256');
      const csv = stringify({ header: true, columns: [...cols.map((c) => c.name), ...META_COLUMNS] });
      const entry = new PassThrough();
      csv.on('data', (d: Buffer) => hash.update(d));
      csv.pipe(entry);
      const done = new Promise<void>((resolve, reject) => {
        csv.on('end', resolve);
        csv.on('error', reject);
      });
      zip.addReadStream(entry, `${bt.name}.csv`);
      let rows = 0;
      let after: string | null = null;
      for (;;) {
        const page = await repo.findBundlePage(db, bt, org.path, since, after, PAGE);
        for (const row of page) {
          const byName = Object.fromEntries(cols.map((c) => [c.name, row[c.key]]));
          const meta = [bt.meta.created, bt.meta.updated, bt.meta.user, bt.meta.deleted].map((m) => (m ? byName[m] : null));
          if (!csv.write([...cols.map((c) => cellOf(row[c.key])), ...meta.map(cellOf)])) await new Promise((r) => csv.once('drain', r));
          rows += 1;
        }
        if (page.length < PAGE) break;
        after = (page[page.length - 1] as { id: string }).id;
      }
      csv.end();
      await done;
      files.push({ name: `${bt.name}.csv`, table: bt.name, rows, sha256: hash.digest('hex') });
    }
    const manifest: InterchangeManifest = {
      format: INTERCHANGE_FORMAT,
      version: INTERCHANGE_VERSION,
      kind: since ? 'delta' : 'full',
      since: since?.toISOString() ?? null,
      exportedAt: exportedAt.toISOString(),
      exportedBy: { id: actor.id, name: actor.name },
      organization: { id: org.id, name: org.name },
      files,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
    zip.end();
  })().catch((err) => out.destroy(err as Error));
  const stamp = exportedAt.toISOString().slice(0, 10);
  return { stream: out, fileName: `singgah-${since ? 'delta' : 'full'}-${stamp}.zip` };
}

/** At most this many files, and this many bytes once unpacked, in a bundle (a ZIP bomb is refused unread). */
const MAX_ZIP_ENTRIES = 64;
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Every entry of a ZIP held in memory, by name. */
export async function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err || !z ? reject(err ?? new Error('zip')) : resolve(z))),
  );
  const entries = new Map<string, Buffer>();
  let count = 0;
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      // The sizes are the ones the ZIP declares; yauzl stops a stream that unpacks to more than declared.
      count += 1;
      unpacked += entry.uncompressedSize;
      if (count > MAX_ZIP_ENTRIES || unpacked > MAX_UNPACKED_BYTES) {
        zip.close();
        return reject(invalidBundle('too_large', { files: MAX_ZIP_ENTRIES, megabytes: MAX_UNPACKED_BYTES / 1024 / 1024 }));
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('zip entry'));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** A bundle refused, saying what is wrong with it in the user's language. */
export const invalidBundle = (problem: string, vars: Record<string, unknown> = {}) =>
  new AppError(400, 'interchange.invalid_bundle', {
    problem: { id: translate('id', `errors.interchange.problems.${problem}`, vars), en: translate('en', `errors.interchange.problems.${problem}`, vars) },
  });

/**
 * A row may not be pointed, by an import, at another organization's record outside the importer's
 * scope (a case at another district's client, a stay at its bed): the link would show that record on
 * this organization's pages. A link the stored row already has (a returning client registered by a
 * sibling unit, exported and imported again) is kept.
 */
async function checkReferences(tx: Db, bt: repo.BundleTable, rows: Record<string, unknown>[], path: string) {
  for (const ref of bt.references ?? []) {
    const pointed = [...new Set(rows.map((r) => r[ref.key]).filter((v): v is string => typeof v === 'string'))];
    const outside = await repo.findOutsideScope(tx, repo.bundleTable(ref.table), pointed, path);
    if (outside.size === 0) continue;
    const linking = rows.filter((r) => outside.has(r[ref.key] as string));
    const stored = await repo.findColumnValues(tx, bt, ref.key, linking.map((r) => r.id as string));
    if (linking.some((r) => stored.get(r.id as string) !== r[ref.key])) throw new AppError(409, 'interchange.reference_outside_scope', { table: bt.name, column: ref.column });
  }
}

/** Validate a bundle and upsert its rows into the organization's scope, in one transaction. */
export async function importBundle(db: Db, actor: Actor, buffer: Buffer, q: { organizationId?: string; dryRun: boolean }, ip?: string): Promise<ImportResult> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZip(buffer);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalidBundle('not_zip');
  }
  const manifestText = entries.get('manifest.json');
  if (!manifestText) throw invalidBundle('manifest_missing');
  let parsedManifest: unknown;
  try {
    parsedManifest = JSON.parse(manifestText.toString('utf8'));
  } catch {
    throw invalidBundle('manifest_not_json');
  }
  const checked = manifestSchema.safeParse(parsedManifest);
  if (!checked.success) throw invalidBundle('manifest_invalid', { detail: checked.error.issues.map((i) => i.path.join('.')).join(', ') });
  const manifest = checked.data;
  const target = await getReachableOrganization(db, actor, q.organizationId ?? manifest.organization.id);

  const parsed: { bt: repo.BundleTable; rows: Record<string, unknown>[] }[] = [];
  for (const bt of repo.BUNDLE_TABLES) {
    const file = manifest.files.find((f) => f.table === bt.name);
    const content = entries.get(`${bt.name}.csv`);
    if (!file || !content) throw invalidBundle('file_missing', { file: `${bt.name}.csv` });
    if (createHash('sha256').update(content).digest('hex') !== file.sha256) throw invalidBundle('checksum', { file: `${bt.name}.csv` });
    const records = parse(content, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    if (records.length !== file.rows) throw invalidBundle('row_count', { file: `${bt.name}.csv`, rows: records.length, expected: file.rows });
    const cols = repo.columnsOf(bt.table);
    const rows = records.map((rec, i) => {
      const row: Record<string, unknown> = {};
      for (const c of cols) {
        if (!(c.name in rec)) throw invalidBundle('column_missing', { file: `${bt.name}.csv`, column: c.name });
        let value: unknown;
        try {
          value = parseCell(rec[c.name], c.column);
        } catch {
          throw invalidBundle('bad_value', { file: `${bt.name}.csv`, row: i + 1, column: c.name });
        }
        if (c.name === 'organization_id' && value === manifest.organization.id) value = target.id;
        if (value === null && c.column.notNull && !c.column.hasDefault) throw invalidBundle('empty_value', { file: `${bt.name}.csv`, row: i + 1, column: c.name });
        if (value !== null) row[c.key] = value;
        else if (!c.column.notNull) row[c.key] = null;
      }
      return row;
    });
    parsed.push({ bt, rows });
  }

  const result: ImportResult = { dryRun: q.dryRun, organizationId: target.id, tables: [] };
  const rollbackDryRun = new AppError(200, 'interchange.dry_run');
  try {
    await db.transaction(async (tx) => {
      for (const { bt, rows } of parsed) {
        const ids = rows.map((r) => r.id as string);
        const existing = await repo.findExistingIds(tx, bt, ids);
        // A row that exists elsewhere (another organization) is never taken over.
        if ((await repo.countOutsideScope(tx, bt, [...existing], target.path)) > 0) throw new AppError(409, 'interchange.id_conflict', { table: bt.name });
        await checkReferences(tx, bt, rows, target.path);
        await repo.upsertRows(tx, bt, rows);
        if ((await repo.countOutsideScope(tx, bt, ids, target.path)) > 0) throw new AppError(409, 'interchange.outside_scope', { table: bt.name });
        result.tables.push({ table: bt.name, rows: rows.length, inserted: rows.length - existing.size, updated: existing.size });
      }
      await insertAuditEvent(tx, {
        action: 'interchange.imported',
        actorUserId: actor.id,
        organizationId: target.id,
        entityType: 'organization',
        entityId: target.id,
        changes: { version: manifest.version, kind: manifest.kind, from: manifest.organization.id, rows: result.tables.reduce((n, t) => n + t.rows, 0) },
        ip,
      });
      if (q.dryRun) throw rollbackDryRun;
    });
  } catch (err) {
    if (err !== rollbackDryRun) throw err;
  }
  return result;
}
