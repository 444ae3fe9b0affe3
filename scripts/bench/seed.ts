/**
 * `npm run bench:seed -- --cases N --orgs M [--database-url URL | --data-dir DIR] [--years Y] [--seed S]`
 *
 * Fills a database with realistic, clearly fictional data for benchmarks: M districts (each a Dinas
 * Sosial with one shelter unit, created through the setup services), then N cases spread over Y years
 * with their clients (Indonesian names with aliases and typos, structurally valid NIKs), every SOP
 * stage's row with plausible working-time durations, audit rows for the timeline, health checks,
 * tracing attempts, rehabilitation services, stays, reunifications, complaints and survey responses.
 *
 * Bulk rows go in as large `INSERT … SELECT * FROM unnest($1::uuid[], …)` statements (one parameter
 * per column), several at once on PostgreSQL. Every name carries "(BENCH)"-free but fictional data:
 * organizations are suffixed "(BENCH)" so nobody mistakes them for a real office.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { CATEGORY_CODES } from '../../src/shared/domain/ppks.js';
import { CASE_SOURCES, SPM_SERVICES, TERMINATION_OUTCOMES } from '../../src/shared/domain/enums.js';
import { addWorkingMinutes, DEFAULT_CALENDAR } from '../../src/shared/workflow/working-time.js';
import { type Database, migrateDatabase, openDatabase } from '../../src/server/db/client.js';
import { clientSearchText } from '../../src/server/modules/clients/clients.repository.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { findOrganizationById, insertOrganization } from '../../src/server/modules/organizations/organizations.repository.js';
import { ensureRegencyOrganization } from '../../src/server/modules/setup/setup.service.js';
import { publicProfiles } from '../../src/server/modules/public-profile/public-profile.table.js';
import { instanceFacts } from '../../src/server/modules/setup/instance.table.js';
import { ensureCurrentSop, loadServiceSettings } from '../../src/server/modules/sop/sop.service.js';
import { insertUser } from '../../src/server/modules/users/users.repository.js';
import { listDistricts, listProvinces, listRegencies } from '../../src/server/regions/region-data.js';

export const BENCH_PASSWORD = 'bench-singgah-2026';

// ---------------------------------------------------------------- deterministic randomness
let state = 0x2f6b3a1d;
function rand(): number {
  // mulberry32
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const chance = (p: number) => rand() < p;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** A log-normal factor around 1 (median 1): how long a stage really took against its standard. */
/**
 * Working minutes to elapsed time, roughly: short tasks finish within office hours, long ones spread
 * over 8-hour working days and weekends. (The exact calendar is used for deadlines that show.)
 */
const approxWorking = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000 * (minutes < 240 ? 1.3 : 4.2));
const lognormal = (sigma: number) => Math.exp(sigma * Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand()));

// ---------------------------------------------------------------- names
const MALE = ['Slamet', 'Budi', 'Agus', 'Joko', 'Bambang', 'Sutrisno', 'Wahyu', 'Eko', 'Hendra', 'Rudi', 'Supriyadi', 'Suparman', 'Darto', 'Sugeng', 'Rizky', 'Andi', 'Yusuf', 'Imam', 'Dedi', 'Asep', 'Ujang', 'Made', 'Ketut', 'Nyoman', 'Teguh', 'Wawan', 'Heri', 'Mulyadi', 'Paijo', 'Tukiman', 'Samsul', 'Ahmad', 'Muhammad', 'Irfan', 'Fajar', 'Bayu', 'Gilang', 'Dimas', 'Arif', 'Hasan'];
const FEMALE = ['Siti', 'Sri', 'Sarinah', 'Sumiati', 'Wartini', 'Dewi', 'Ani', 'Yuni', 'Endang', 'Rina', 'Suwarni', 'Tuminah', 'Parmi', 'Lestari', 'Kartini', 'Nur', 'Aisyah', 'Fitri', 'Ratna', 'Wulan', 'Ayu', 'Putri', 'Nining', 'Iis', 'Euis', 'Komang', 'Ningsih', 'Marni', 'Painem', 'Rohmah'];
const FAMILY = ['Santoso', 'Wijaya', 'Setiawan', 'Hidayat', 'Saputra', 'Nugroho', 'Kurniawan', 'Pratama', 'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Hutapea', 'Lubis', 'Rahayu', 'Susanti', 'Wati', 'Handayani', 'Purnomo', 'Hartono', 'Gunawan', 'Sembiring', 'Manurung', 'Sinaga', 'Tanjung', 'Syahputra', 'Ramadhan', 'Firmansyah', 'Prasetyo', 'Utomo'];
const NICK = ['Pak Jenggot', 'Mbah', 'Cak', 'Bang', 'Mas', 'Mbak', 'Bu', 'Dik', 'Ucok', 'Butet', 'Gendut', 'Kriting', 'Item', 'Bule', 'Kancil'];
const PLACES = ['Terminal', 'Stasiun', 'Pasar', 'Alun-alun', 'Perempatan', 'Jembatan', 'Masjid Agung', 'Pelabuhan', 'Taman Kota'];

/** A typing error as a clerk makes them: a dropped, doubled or swapped letter. */
function typo(word: string): string {
  if (word.length < 4) return word;
  const i = int(1, word.length - 2);
  switch (int(0, 2)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

// ---------------------------------------------------------------- arguments
function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    cases: Number(get('cases') ?? 10_000),
    orgs: Number(get('orgs') ?? 10),
    years: Number(get('years') ?? 10),
    seed: Number(get('seed') ?? 1),
    databaseUrl: get('database-url') ?? process.env.DATABASE_URL,
    dataDir: get('data-dir'),
    batch: Number(get('batch') ?? 5_000),
  };
}

// ---------------------------------------------------------------- bulk insert
type ColumnType = 'uuid' | 'text' | 'int' | 'ts' | 'date' | 'bool' | 'text[]' | 'jsonb' | 'numeric' | 'smallint' | 'float8';
const PG_TYPE: Record<ColumnType, string> = {
  uuid: 'uuid',
  text: 'text',
  int: 'int4',
  ts: 'timestamptz',
  date: 'date',
  bool: 'bool',
  'text[]': 'text',
  jsonb: 'text',
  numeric: 'numeric',
  smallint: 'int2',
  float8: 'float8',
};

/** A table's rows collected column by column, written with one unnest() statement. */
class Bulk {
  readonly columns: { name: string; type: ColumnType; values: unknown[] }[];
  constructor(
    readonly table: string,
    spec: [string, ColumnType][],
  ) {
    this.columns = spec.map(([name, type]) => ({ name, type, values: [] }));
  }
  add(...values: unknown[]) {
    for (let i = 0; i < this.columns.length; i++) {
      const c = this.columns[i];
      let v = values[i] ?? null;
      if (v !== null && c.type === 'text[]') v = pgArray(v as string[]);
      else if (v !== null && c.type === 'jsonb') v = JSON.stringify(v);
      else if (v instanceof Date) v = v.toISOString();
      c.values.push(v);
    }
  }
  get size() {
    return this.columns[0].values.length;
  }
  take(): { sql: string; params: unknown[] } | null {
    if (this.size === 0) return null;
    const names = this.columns.map((c) => c.name).join(', ');
    const args = this.columns.map((c, i) => `$${i + 1}::${PG_TYPE[c.type]}[]`).join(', ');
    const select = this.columns.map((c, i) => (c.type === 'text[]' ? `c${i}::text[]` : c.type === 'jsonb' ? `c${i}::jsonb` : `c${i}`)).join(', ');
    const alias = this.columns.map((_, i) => `c${i}`).join(', ');
    const params = this.columns.map((c) => c.values);
    for (const c of this.columns) c.values = [];
    return { sql: `insert into ${this.table} (${names}) select ${select} from unnest(${args}) as u(${alias})`, params };
  }
}
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

interface Runner {
  run(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
  parallel: number;
}

function runnerFor(database: Database, url?: string): Runner {
  if (url) {
    // A bulk load on a fresh benchmark database: no commit wait, and (as superuser) no per-row
    // foreign-key triggers; the generator only writes rows whose parents it wrote first.
    const pool = new pg.Pool({ connectionString: url, max: 3, options: '-c synchronous_commit=off -c session_replication_role=replica -c maintenance_work_mem=256MB' });
    return {
      parallel: 3,
      run: async (sql, params) => {
        await pool.query(sql, params as unknown[]);
      },
      rows: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
      close: () => pool.end(),
    };
  }
  // PGlite: its one session, through the app's own pool (db/client.ts), so that nothing reaches the
  // session around it.
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  return {
    parallel: 1,
    run: async (sql, params) => {
      await pool.query(sql, params as unknown[]);
    },
    rows: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    close: async () => undefined,
  };
}

// ---------------------------------------------------------------- organizations
interface Unit {
  id: string;
  regencyId: string;
  regionCode: string;
  districts: string[];
  prefix: string;
  stages: { id: string; key: string; position: number; standardMinutes: number; responsibleRole: string; skippable: boolean }[];
  sopVersionId: string;
  targetMinutes: number;
  workerIds: string[];
  officerId: string;
  beds: string[];
  surveyPeriods: Map<number, string>;
  seq: Map<number, number>;
  clients: string[];
}

async function regencyCodes(count: number): Promise<string[]> {
  // Fill Jawa Timur first (one full province for the province-wide report), then the others.
  const provinces = (await listProvinces()).map((p) => p.code);
  const order = ['35', ...provinces.filter((p) => p !== '35')];
  const codes: string[] = [];
  for (const p of order) {
    for (const r of await listRegencies(p)) {
      if (codes.length >= count) return codes;
      codes.push(r.code);
    }
  }
  return codes;
}

async function createOrganizations(database: Database, orgCount: number): Promise<{ units: Unit[]; provinceId: string }> {
  const db = database.db;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const units: Unit[] = [];
  let provinceId = '';
  await db.insert(instanceFacts).values({ key: 'setup', value: new Date().toISOString() }).onConflictDoNothing();
  const codes = await regencyCodes(orgCount);
  for (const [n, code] of codes.entries()) {
    await db.transaction(async (tx) => {
      const regency = await ensureRegencyOrganization(tx, code, false);
      const unit = await insertOrganization(tx, {
        kind: 'unit',
        name: `UPTD Rumah Singgah ${regency.name.replace('Dinas Sosial ', '')} (BENCH)`,
        regionCode: regency.regionCode,
        address: 'Jl. Fiktif No. 1 (data uji)',
        parentId: regency.id,
        parentPath: regency.path,
      });
      if (n === 0) {
        const province = await findOrganizationById(tx, regency.parentId!);
        provinceId = province!.id;
        await insertUser(tx, { organizationId: province!.id, username: 'bench.provinsi', name: 'Analis Provinsi (BENCH)', role: 'viewer', passwordHash });
        // The first unit's public page, /layanan/rumah-singgah-bench, for the front-end measurements.
        await tx.insert(publicProfiles).values({
          organizationId: unit.id,
          slug: 'rumah-singgah-bench',
          description: 'Rumah singgah fiktif untuk uji kinerja: menerima orang terlantar, gelandangan dan pengemis, 24 jam.',
          servesWhom: 'Orang terlantar, lansia terlantar, anak jalanan (data uji).',
          dutyPhone: '0335-000000',
          openingHours: '24 jam',
        });
      }
      const suffix = n === 0 ? '' : `.${n}`;
      await insertUser(tx, { organizationId: regency.id, username: `bench.admin${suffix}`, name: `Admin ${n} (BENCH)`, role: 'admin', passwordHash });
      await insertUser(tx, { organizationId: unit.id, username: `bench.kepala${suffix}`, name: `Kepala ${n} (BENCH)`, role: 'head', passwordHash });
      const officer = await insertUser(tx, { organizationId: unit.id, username: `bench.petugas${suffix}`, name: `Petugas ${n} (BENCH)`, role: 'shelter_officer', passwordHash });
      const workers = [];
      for (let w = 0; w < 3; w++) {
        workers.push(
          await insertUser(tx, {
            organizationId: unit.id,
            username: `bench.peksos${suffix}.${w}`,
            name: `${pick(MALE)} ${pick(FAMILY)} (Peksos ${n}.${w})`,
            role: 'social_worker',
            passwordHash,
          }),
        );
      }
      const sop = await ensureCurrentSop(tx, unit.id, officer.id);
      const settings = await loadServiceSettings(tx, unit.id);
      const districts = (await listDistricts(code)).map((d) => d.code);
      units.push({
        id: unit.id,
        regencyId: regency.id,
        regionCode: code,
        districts: districts.length ? districts : [`${code}.01`],
        prefix: settings.caseNumberPrefix,
        stages: sop.stages.map((s) => ({ id: s.id, key: s.key, position: s.position, standardMinutes: s.standardMinutes, responsibleRole: s.responsibleRole, skippable: s.skippable })),
        sopVersionId: sop.version.id,
        targetMinutes: settings.targetMinutes,
        workerIds: workers.map((w) => w.id),
        officerId: officer.id,
        beds: [],
        surveyPeriods: new Map(),
        seq: new Map(),
        clients: [],
      });
    });
  }
  return { units, provinceId };
}

// ---------------------------------------------------------------- the generator
const DAY = 86_400_000;

function nikFor(districtCode: string, sex: string, birth: Date): string {
  const region = districtCode.replace(/\./g, '').padEnd(6, '0').slice(0, 6);
  const day = birth.getUTCDate() + (sex === 'female' ? 40 : 0);
  const dd = String(day).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  return `${region}${dd}${mm}${yy}${String(int(1, 9999)).padStart(4, '0')}`;
}

export async function seed(argv: string[]) {
  const args = parseArgs(argv);
  state = (0x2f6b3a1d + args.seed * 7919) | 0;
  const started = Date.now();
  const database = await openDatabase(args.databaseUrl ? { url: args.databaseUrl } : { dataDir: path.resolve(args.dataDir ?? './data/db') });
  await migrateDatabase(database, args.databaseUrl);
  const runner = runnerFor(database, args.databaseUrl);
  const { units, provinceId } = await createOrganizations(database, args.orgs);
  const orgSeconds = (Date.now() - started) / 1000;

  // Rooms, beds and survey periods per unit.
  const now = Date.now();
  const firstYear = new Date(now - args.years * 365 * DAY).getUTCFullYear();
  const rooms = new Bulk('rooms', [['id', 'uuid'], ['organization_id', 'uuid'], ['name', 'text'], ['sex', 'text']]);
  const beds = new Bulk('beds', [['id', 'uuid'], ['room_id', 'uuid'], ['label', 'text']]);
  const periods = new Bulk('survey_periods', [['id', 'uuid'], ['organization_id', 'uuid'], ['name', 'text'], ['starts_on', 'date'], ['ends_on', 'date']]);
  for (const u of units) {
    for (const [r, sex] of (['male', 'female'] as const).entries()) {
      const roomId = randomUUID();
      rooms.add(roomId, u.id, `Ruang ${r + 1}`, sex);
      for (let b = 1; b <= 8; b++) {
        const bedId = randomUUID();
        beds.add(bedId, roomId, `${r + 1}-${b}`);
        u.beds.push(bedId);
      }
    }
    for (let y = firstYear; y <= new Date(now).getUTCFullYear(); y++) {
      const id = randomUUID();
      periods.add(id, u.id, `SKM ${y}`, `${y}-01-01`, `${y}-12-31`);
      u.surveyPeriods.set(y, id);
    }
  }
  for (const b of [rooms, beds, periods]) {
    const q = b.take();
    if (q) await runner.run(q.sql, q.params);
  }

  const T = {
    clients: new Bulk('clients', [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['name', 'text'], ['name_quality', 'text'], ['aliases', 'text[]'], ['sex', 'text'],
      ['birth_date', 'date'], ['birth_date_quality', 'text'], ['estimated_age', 'int'], ['nik', 'text'], ['nik_quality', 'text'],
      ['origin_region_code', 'text'], ['search_text', 'text'], ['created_at', 'ts'], ['updated_at', 'ts'],
    ]),
    cases: new Bulk('cases', [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['client_id', 'uuid'], ['case_number', 'text'], ['sop_version_id', 'uuid'], ['status', 'text'],
      ['source', 'text'], ['found_location', 'text'], ['arrived_at', 'ts'], ['categories', 'text[]'], ['assigned_worker_id', 'uuid'],
      ['current_stage_key', 'text'], ['target_minutes', 'int'], ['due_at', 'ts'], ['civil_registration', 'text'], ['tracing_status', 'text'],
      ['terminated_at', 'ts'], ['termination_outcome', 'text'], ['created_at', 'ts'], ['updated_at', 'ts'], ['created_by', 'uuid'], ['updated_by', 'uuid'],
    ]),
    stages: new Bulk('case_stages', [
      ['id', 'uuid'], ['case_id', 'uuid'], ['sop_stage_id', 'uuid'], ['position', 'int'], ['key', 'text'], ['standard_minutes', 'int'], ['status', 'text'],
      ['started_at', 'ts'], ['due_at', 'ts'], ['completed_at', 'ts'], ['completed_by', 'uuid'], ['responsible_role', 'text'], ['skippable', 'bool'], ['skip_reason', 'text'],
    ]),
    audit: new Bulk('audit_log', [['occurred_at', 'ts'], ['action', 'text'], ['actor_user_id', 'uuid'], ['organization_id', 'uuid'], ['entity_type', 'text'], ['entity_id', 'text'], ['changes', 'jsonb']]),
    health: new Bulk('health_checks', [['id', 'uuid'], ['case_id', 'uuid'], ['checked_at', 'ts'], ['blood_pressure', 'text'], ['pulse', 'int'], ['mental_state', 'text'], ['suspected_psychosis', 'bool'], ['insurance_type', 'text']]),
    tracing: new Bulk('tracing_attempts', [['id', 'uuid'], ['case_id', 'uuid'], ['attempted_at', 'ts'], ['channel', 'text'], ['result', 'text']]),
    rehab: new Bulk('rehabilitation_services', [['id', 'uuid'], ['case_id', 'uuid'], ['service', 'text'], ['service_date', 'date'], ['quantity', 'int']]),
    stays: new Bulk('stays', [['id', 'uuid'], ['organization_id', 'uuid'], ['case_id', 'uuid'], ['bed_id', 'uuid'], ['admitted_at', 'ts'], ['discharged_at', 'ts']]),
    reunif: new Bulk('reunifications', [['id', 'uuid'], ['case_id', 'uuid'], ['destination_type', 'text'], ['destination_name', 'text'], ['destination_region_code', 'text'], ['received_by_name', 'text'], ['handed_over_at', 'ts']]),
    complaints: new Bulk('complaints', [['id', 'uuid'], ['organization_id', 'uuid'], ['tracking_code', 'text'], ['description', 'text'], ['address', 'text'], ['status', 'text'], ['received_at', 'ts'], ['case_id', 'uuid'], ['updated_at', 'ts']]),
    survey: new Bulk('survey_responses', [
      ['id', 'uuid'], ['period_id', 'uuid'], ['organization_id', 'uuid'], ['device_hash', 'text'], ['u1', 'smallint'], ['u2', 'smallint'], ['u3', 'smallint'], ['u4', 'smallint'],
      ['u5', 'smallint'], ['u6', 'smallint'], ['u7', 'smallint'], ['u8', 'smallint'], ['u9', 'smallint'], ['age_group', 'text'], ['sex', 'text'], ['education', 'text'], ['respondent_type', 'text'], ['submitted_at', 'ts'],
    ]),
  };
  // On a database without cases, the secondary indexes of the big tables are dropped during the
  // load and built afterwards (one sort per index instead of millions of index insertions).
  const BIG = ['clients', 'cases', 'case_stages', 'audit_log', 'health_checks', 'tracing_attempts', 'rehabilitation_services', 'stays', 'reunifications'];
  const [{ n: existingCases }] = await runner.rows<{ n: number }>('select count(*)::int as n from cases');
  const deferred =
    existingCases === 0
      ? await runner.rows<{ name: string; def: string }>(
          `select i.indexname as name, i.indexdef as def from pg_indexes i
           where i.schemaname = 'public' and i.tablename in (${BIG.map((t) => `'${t}'`).join(',')})
             and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
        )
      : [];
  for (const ix of deferred) await runner.run(`drop index "${ix.name}"`);

  // Parents first: clients before cases before everything that references a case.
  const ORDER: (keyof typeof T)[] = ['clients', 'cases', 'stages', 'audit', 'health', 'tracing', 'rehab', 'stays', 'reunif', 'complaints', 'survey'];
  const counts: Record<string, number> = {};
  const inflight: Promise<void>[] = [];
  async function flush() {
    // Each flush writes one batch: its tables in order; batches may overlap on PostgreSQL.
    const statements = ORDER.map((k) => {
      counts[k] = (counts[k] ?? 0) + T[k].size;
      return T[k].take();
    }).filter((s) => s !== null);
    const job = (async () => {
      for (const s of statements) await runner.run(s!.sql, s!.params);
    })();
    inflight.push(job);
    if (inflight.length >= runner.parallel) await inflight.shift();
  }

  // Arrival times in order, so case numbers run with time within each unit and year.
  const span = args.years * 365 * DAY;
  const arrivals: number[] = new Array(args.cases);
  for (let i = 0; i < args.cases; i++) arrivals[i] = now - rand() * span;
  arrivals.sort((a, b) => a - b);
  // Some units are busier than others (a city shelter vs. a rural one).
  const weights = units.map(() => 0.4 + rand() * 1.6);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((acc, w, i) => (cumulative[i] = acc + w / totalWeight), 0);
  const pickUnit = () => {
    const x = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return units[lo];
  };
  const openBeds = new Map<string, number>();
  let complaintSeq = 0;
  let deviceSeq = 0;

  for (let i = 0; i < args.cases; i++) {
    const u = pickUnit();
    const arrived = new Date(arrivals[i]);
    const ageDays = (now - arrivals[i]) / DAY;
    // Recent cases are mostly still open; a few old ones were never closed.
    const open = ageDays < 21 ? chance(0.75) : ageDays < 120 ? chance(0.05) : chance(0.001);

    // The client: mostly new; some return (a new case for an earlier client).
    let clientId: string;
    if (u.clients.length > 20 && chance(0.08)) {
      clientId = u.clients[int(Math.max(0, u.clients.length - 2000), u.clients.length - 1)];
    } else {
      clientId = randomUUID();
      const sex = chance(0.62) ? 'male' : chance(0.95) ? 'female' : 'unknown';
      const nameQuality = chance(0.7) ? 'full' : chance(0.6) ? 'partial' : 'unknown';
      const first = pick(sex === 'female' ? FEMALE : MALE);
      let name =
        nameQuality === 'full'
          ? `${first} ${pick(FAMILY)}`
          : nameQuality === 'partial'
            ? first
            : `Mr. X ${pick(PLACES)} ${int(1, 999)}`;
      if (chance(0.1)) name = name.split(' ').map((w, k) => (k === 0 ? typo(w) : w)).join(' ');
      const aliases = chance(0.3) ? [`${pick(NICK)} ${chance(0.5) ? first : pick(MALE)}`] : [];
      const age = int(5, 85);
      const birth = new Date(Date.UTC(arrived.getUTCFullYear() - age, int(0, 11), int(1, 28)));
      const hasBirth = nameQuality === 'full' && chance(0.5);
      const hasNik = nameQuality === 'full' && chance(0.45);
      const district = pick(u.districts);
      const nik = hasNik ? nikFor(district, sex === 'female' ? 'female' : 'male', birth) : null;
      T.clients.add(
        clientId, u.id, name, nameQuality, aliases, sex,
        hasBirth ? birth.toISOString().slice(0, 10) : null, hasBirth ? 'full' : 'partial', hasBirth ? null : age,
        nik, nik ? 'full' : 'unknown', hasNik ? district : null, clientSearchText({ name, aliases, nik }), arrived, arrived,
      );
      u.clients.push(clientId);
    }

    const caseId = randomUUID();
    const year = arrived.getUTCFullYear();
    const seq = (u.seq.get(year) ?? 0) + 1;
    u.seq.set(year, seq);
    const worker = pick(u.workerIds);
    const source = pick(CASE_SOURCES);
    const categories = chance(0.85) ? [pick(CATEGORY_CODES)] : [pick(CATEGORY_CODES), pick(CATEGORY_CODES)].filter((c, k, a) => a.indexOf(c) === k);
    const dueAt = open ? addWorkingMinutes(arrived, u.targetMinutes, DEFAULT_CALENDAR) : approxWorking(arrived, u.targetMinutes);

    // Walk the stages: each takes its standard time times a log-normal factor, in working time.
    let t = arrived;
    const openAt = open ? int(1, u.stages.length - 1) : u.stages.length;
    let currentKey: string | null = null;
    for (const [k, s] of u.stages.entries()) {
      const stageId = randomUUID();
      if (k < openAt) {
        const skip = s.skippable && k > 0 && chance(0.35);
        const took = skip ? 0 : Math.max(1, Math.round(s.standardMinutes * lognormal(0.6)));
        const end = skip ? t : k === 0 ? new Date(t.getTime() + int(1, 20) * 60_000) : approxWorking(t, took);
        T.stages.add(stageId, caseId, s.id, s.position, s.key, s.standardMinutes, skip ? 'skipped' : 'completed', t, approxWorking(t, s.standardMinutes), end, k === 0 ? u.officerId : worker, s.responsibleRole, s.skippable, skip ? 'Tidak diperlukan' : null);
        t = end;
      } else if (k === openAt) {
        currentKey = s.key;
        const start = t.getTime() > now ? new Date(now) : t;
        T.stages.add(stageId, caseId, s.id, s.position, s.key, s.standardMinutes, 'in_progress', start, addWorkingMinutes(start, s.standardMinutes, DEFAULT_CALENDAR), null, null, s.responsibleRole, s.skippable, null);
      } else {
        T.stages.add(stageId, caseId, s.id, s.position, s.key, s.standardMinutes, 'pending', null, null, null, null, s.responsibleRole, s.skippable, null);
      }
    }
    const terminatedAt = open ? null : t.getTime() > now ? new Date(now) : t;
    const outcome = open ? null : pick(TERMINATION_OUTCOMES);
    T.cases.add(
      caseId, u.id, clientId, `${u.prefix}-${year}-${String(seq).padStart(4, '0')}`, u.sopVersionId, open ? 'open' : 'closed',
      source, chance(0.6) ? `${pick(PLACES)} ${int(1, 20)}` : null, arrived, categories, chance(0.8) ? worker : null,
      currentKey ?? u.stages[u.stages.length - 1].key, u.targetMinutes, dueAt, pick(['unknown', 'registered', 'not_registered']),
      pick(['not_started', 'in_progress', 'found', 'closed_not_found']), terminatedAt, outcome, arrived, terminatedAt ?? arrived, u.officerId, worker,
    );
    T.audit.add(arrived, 'case.created', u.officerId, u.id, 'case', caseId, { source, categories });
    T.audit.add(new Date(arrived.getTime() + 30 * 60_000), 'case.stage_completed', worker, u.id, 'case', caseId, { stage: 'initial_identification' });
    if (terminatedAt) T.audit.add(terminatedAt, 'case.terminated', worker, u.id, 'case', caseId, { outcome });

    if (chance(0.6)) T.health.add(randomUUID(), caseId, new Date(arrived.getTime() + 45 * 60_000), `${int(100, 160)}/${int(60, 100)}`, int(60, 110), pick(['calm', 'anxious', 'confused', 'suspected_psychosis']), chance(0.15), pick(['none', 'bpjs_pbi', 'kis']));
    if (chance(0.3)) T.tracing.add(randomUUID(), caseId, new Date(arrived.getTime() + DAY), pick(['phone', 'visit', 'social_pillar', 'police']), pick(['not_found', 'lead', 'found']));
    if (chance(0.4)) {
      for (let r = int(1, 3); r > 0; r--) T.rehab.add(randomUUID(), caseId, pick(SPM_SERVICES), new Date(arrived.getTime() + r * DAY).toISOString().slice(0, 10), int(1, 3));
    }
    if (chance(0.5)) {
      const bed = pick(u.beds);
      if (terminatedAt) T.stays.add(randomUUID(), u.id, caseId, bed, arrived, terminatedAt);
      else if ((openBeds.get(bed) ?? 0) === 0) {
        openBeds.set(bed, 1);
        T.stays.add(randomUUID(), u.id, caseId, bed, arrived, null);
      }
    }
    if (outcome === 'reunified_family' || outcome === 'returned_home_district') {
      T.reunif.add(randomUUID(), caseId, outcome === 'reunified_family' ? 'family' : 'home_dinsos', `Keluarga ${pick(FAMILY)}`, pick(u.districts), `${pick(MALE)} ${pick(FAMILY)}`, terminatedAt);
    }
    if (chance(0.05)) {
      complaintSeq++;
      T.complaints.add(randomUUID(), u.id, `BN${String(complaintSeq).padStart(8, '0')}`, `Ada orang terlantar di ${pick(PLACES)} (data uji).`, `${pick(PLACES)}, ${u.regionCode}`, 'handled', new Date(arrived.getTime() - 2 * 3_600_000), caseId, arrived);
    }
    if (chance(0.1)) {
      const periodId = u.surveyPeriods.get(year) ?? u.surveyPeriods.values().next().value!;
      const s = () => int(2, 4);
      T.survey.add(randomUUID(), periodId, u.id, `bench-device-${++deviceSeq}`, s(), s(), s(), s(), s(), s(), s(), s(), s(), pick(['18_59', '60_plus']), pick(['male', 'female']), pick(['sd', 'smp', 'sma']), pick(['client', 'family', 'partner']), terminatedAt ?? arrived);
    }

    if (T.cases.size >= args.batch) {
      await flush();
      if ((i + 1) % (args.batch * 10) === 0) {
        const s = (Date.now() - started) / 1000;
        console.log(`  ${i + 1} cases, ${s.toFixed(0)} s (${Math.round((i + 1) / s)} cases/s)`);
      }
    }
  }
  await flush();
  await Promise.all(inflight);
  const loadSeconds = (Date.now() - started) / 1000;
  const queue = [...deferred];
  await Promise.all(
    Array.from({ length: runner.parallel }, async () => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) await runner.run(ix.def);
    }),
  );
  const indexSeconds = (Date.now() - started) / 1000 - loadSeconds;
  await runner.run('analyze');
  await runner.close();
  await database.close();
  const seconds = (Date.now() - started) / 1000;
  const summary = { cases: args.cases, orgs: units.length, years: args.years, database: args.databaseUrl ? 'postgres' : 'pglite', orgSeconds, loadSeconds, indexSeconds, totalSeconds: seconds, rows: counts, provinceId };
  console.log(JSON.stringify(summary));
  return summary;
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  seed(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
