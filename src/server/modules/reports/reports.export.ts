/**
 * Every report as XLSX, CSV or PDF from one table model. XLSX (exceljs streaming writer) and CSV
 * (csv-stringify) stream row by row to the reply, so a register of any size never sits in memory and
 * the server keeps answering other requests between pages. PDF goes through pdfmake with the
 * office's letterhead.
 */
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { RegisterRow, ServiceTimeReport, SpmReport, SummaryReport, WorkloadReport } from '../../../shared/contracts/reports.js';
import { type Language, lookup, translate } from '../../../shared/i18n/index.js';
import { formatNumber } from '../../../shared/i18n/numbers.js';
import { DEFAULT_SOP } from '../../../shared/workflow/default-sop.js';
import { type Letterhead, letterheadContent } from '../../documents/letterhead.js';
import { type Content, renderPdf } from '../../documents/pdf.js';
import { localDate } from '../../local-date.js';

export type Cell = string | number | null;
export interface ReportTable {
  title: string;
  columns: string[];
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
}
export interface ReportDocument {
  title: string;
  organization: string;
  period: string;
  tables: ReportTable[];
  /** Wide tables (the register) print in landscape. */
  landscape?: boolean;
}

const t = (lang: Language, key: string, vars?: Record<string, unknown>) => translate(lang, `reports.${key}`, vars);
/** A coded value's label, from any feature's i18n (`enums.case_sources.police`…), else the code. */
const label = (lang: Language, keys: string[], code: string | null) => {
  if (code === null) return '';
  for (const k of keys) {
    const found = lookup(lang, `${k}.${code}`);
    if (found) return found;
  }
  return code;
};
export const labels = {
  category: (lang: Language, code: string) => label(lang, ['ppks'], code),
  source: (lang: Language, code: string) => label(lang, ['enums.case_sources'], code),
  sex: (lang: Language, code: string) => label(lang, ['enums.sexes'], code),
  outcome: (lang: Language, code: string | null) => label(lang, ['enums.termination_outcomes'], code),
  status: (lang: Language, code: string) => label(lang, ['enums.case_statuses'], code),
  service: (lang: Language, code: string) => label(lang, ['enums.spm_services'], code),
  docType: (lang: Language, code: string) => label(lang, ['enums.identity_document_types'], code),
  destination: (lang: Language, code: string) => label(lang, ['enums.reunification_destinations'], code),
  ageGroup: (lang: Language, code: string) => label(lang, ['reports.age_groups'], code),
  stage: (lang: Language, key: string | null) => (key === null ? '' : (DEFAULT_SOP.find((s) => s.key === key)?.name[lang] ?? key)),
};

function period(lang: Language, from: string, to: string) {
  return t(lang, 'export.period', { from, to });
}

const countTable = (title: string, keyColumn: string, countColumn: string, rows: { key: string; count: number }[], name: (k: string) => string): ReportTable => ({
  title,
  columns: [keyColumn, countColumn],
  rows: rows.map((r) => [name(r.key), r.count]),
});

export function summaryDocument(r: SummaryReport, lang: Language): ReportDocument {
  const n = t(lang, 'columns.count');
  const tables: ReportTable[] = [
    {
      title: t(lang, 'summary.totals'),
      columns: [t(lang, 'columns.figure'), n],
      rows: [
        [t(lang, 'summary.casesServed'), r.casesServed],
        [t(lang, 'summary.clientsServed'), r.clientsServed],
        [t(lang, 'summary.newCases'), r.newCases],
        [t(lang, 'summary.closedCases'), r.closedCases],
        [t(lang, 'summary.repeatClients'), r.repeatClients],
      ],
    },
    countTable(t(lang, 'summary.byCategory'), t(lang, 'columns.category'), n, r.byCategory, (k) => labels.category(lang, k)),
    countTable(t(lang, 'summary.bySex'), t(lang, 'columns.sex'), n, r.bySex, (k) => labels.sex(lang, k)),
    countTable(t(lang, 'summary.byAgeGroup'), t(lang, 'columns.ageGroup'), n, r.byAgeGroup, (k) => labels.ageGroup(lang, k)),
    countTable(t(lang, 'summary.bySource'), t(lang, 'columns.source'), n, r.bySource, (k) => labels.source(lang, k)),
    {
      title: t(lang, 'summary.byOriginProvince'),
      columns: [t(lang, 'columns.region'), n],
      rows: r.byOriginProvince.map((x) => [x.name || t(lang, 'unknown'), x.count]),
    },
    {
      title: t(lang, 'summary.byOriginRegency'),
      columns: [t(lang, 'columns.region'), n],
      rows: r.byOriginRegency.map((x) => [x.name || t(lang, 'unknown'), x.count]),
    },
    countTable(t(lang, 'summary.byOutcome'), t(lang, 'columns.outcome'), n, r.byOutcome, (k) => labels.outcome(lang, k)),
    {
      title: t(lang, 'summary.identityDocuments'),
      columns: [t(lang, 'columns.documentType'), t(lang, 'columns.requested'), t(lang, 'columns.issued')],
      rows: [...r.identityDocuments.byType.map((d) => [labels.docType(lang, d.key), d.count, d.issued]), [t(lang, 'columns.total'), r.identityDocuments.requested, r.identityDocuments.issued]],
    },
    {
      title: t(lang, 'summary.tracing'),
      columns: [t(lang, 'columns.figure'), n],
      rows: [
        [t(lang, 'summary.tracingAttempts'), r.tracing.attempts],
        [t(lang, 'summary.casesTraced'), r.tracing.casesTraced],
        [t(lang, 'summary.familiesFound'), r.tracing.familiesFound],
        [t(lang, 'summary.reunifications'), r.reunifications.total],
        ...r.reunifications.byDestination.map((d): Cell[] => [`  ${labels.destination(lang, d.key)}`, d.count]),
      ],
    },
  ];
  if (r.referrals) {
    tables.push(countTable(t(lang, 'summary.referralsByStatus'), t(lang, 'columns.status'), n, r.referrals.byStatus, (k) => label(lang, ['enums.referral_statuses', 'referrals.statuses'], k)));
    tables.push({ title: t(lang, 'summary.referralsByInstitution'), columns: [t(lang, 'columns.institution'), n], rows: r.referrals.byInstitution.map((x) => [x.name, x.count]) });
  }
  if (r.complaints) {
    tables.push({
      title: t(lang, 'summary.complaints'),
      columns: [t(lang, 'columns.figure'), n],
      rows: [
        [t(lang, 'summary.complaintsReceived'), r.complaints.received],
        [t(lang, 'summary.complaintsTriaged'), r.complaints.triaged],
        [t(lang, 'summary.medianResponseMinutes'), r.complaints.medianResponseMinutes],
      ],
    });
  }
  if (r.satisfaction) {
    tables.push({
      title: t(lang, 'summary.satisfaction'),
      columns: [t(lang, 'columns.figure'), t(lang, 'columns.value')],
      rows: [
        [t(lang, 'summary.respondents'), r.satisfaction.respondents],
        ['IKM', r.satisfaction.ikm ?? '-'],
        [t(lang, 'summary.grade'), r.satisfaction.grade ?? '-'],
      ],
    });
  }
  return { title: t(lang, 'summary.title'), organization: r.header.organizationName, period: period(lang, r.header.from, r.header.to), tables };
}

export function spmDocument(r: SpmReport, lang: Language): ReportDocument {
  return {
    title: t(lang, 'spm.title', { year: r.year }),
    organization: r.header.organizationName,
    period: period(lang, r.header.from, r.header.to),
    tables: [
      {
        title: t(lang, 'spm.indicator'),
        columns: [t(lang, 'columns.figure'), t(lang, 'columns.value')],
        rows: [
          [t(lang, 'spm.targetClients'), r.targetClients],
          [t(lang, 'spm.basicNeedsMet'), r.basicNeedsMet],
          [t(lang, 'spm.percentage'), r.percentage],
          [t(lang, 'spm.definition'), r.basicNeeds.map((s) => labels.service(lang, s)).join(', ')],
        ],
      },
      {
        title: t(lang, 'spm.services'),
        columns: ['No', t(lang, 'columns.service'), t(lang, 'spm.targetClientsServed'), t(lang, 'spm.allClientsServed')],
        rows: r.services.map((s, i) => [i + 1, labels.service(lang, s.service), s.targetClients, s.allClients]),
      },
    ],
  };
}

export function serviceTimeDocument(r: ServiceTimeReport, lang: Language): ReportDocument {
  return {
    title: t(lang, 'serviceTime.title'),
    organization: r.header.organizationName,
    period: period(lang, r.header.from, r.header.to),
    tables: [
      {
        title: t(lang, 'serviceTime.lead'),
        columns: [t(lang, 'columns.figure'), t(lang, 'columns.value')],
        rows: [
          [t(lang, 'serviceTime.closedCases'), r.closedCases],
          [t(lang, 'serviceTime.withinTarget'), r.withinTarget],
          [t(lang, 'serviceTime.withinTargetShare'), r.withinTargetShare],
          [t(lang, 'serviceTime.medianLead'), r.medianLeadMinutes],
          [t(lang, 'serviceTime.p90Lead'), r.p90LeadMinutes],
        ],
      },
      {
        title: t(lang, 'serviceTime.stages'),
        columns: [t(lang, 'columns.stage'), t(lang, 'columns.standard'), t(lang, 'columns.completed'), t(lang, 'columns.median'), t(lang, 'columns.p90'), t(lang, 'columns.late'), t(lang, 'columns.overdueNow')],
        rows: r.stages.map((s) => [labels.stage(lang, s.key), s.standardMinutes, s.completed, s.medianMinutes, s.p90Minutes, s.late, s.overdueNow]),
      },
      {
        title: t(lang, 'serviceTime.months'),
        columns: [t(lang, 'columns.month'), t(lang, 'serviceTime.closedCases'), t(lang, 'serviceTime.withinTarget'), t(lang, 'columns.median')],
        rows: r.months.map((m) => [m.month, m.closedCases, m.withinTarget, m.medianLeadMinutes]),
      },
      countTable(t(lang, 'serviceTime.mostLate'), t(lang, 'columns.stage'), t(lang, 'columns.late'), r.mostLate, (k) => labels.stage(lang, k)),
    ],
  };
}

export function workloadDocument(r: WorkloadReport, lang: Language): ReportDocument {
  return {
    title: t(lang, 'workload.title'),
    organization: r.header.organizationName,
    period: period(lang, r.header.from, r.header.to),
    tables: [
      {
        title: t(lang, 'workload.title'),
        columns: [t(lang, 'columns.worker'), t(lang, 'columns.casesServed'), t(lang, 'columns.openCases'), t(lang, 'columns.stagesCompleted'), t(lang, 'columns.late'), t(lang, 'columns.overdueNow')],
        rows: r.workers.map((w) => [w.name ?? t(lang, 'workload.unassigned'), w.casesServed, w.openCases, w.stagesCompleted, w.lateStages, w.overdueNow]),
      },
    ],
  };
}

/** The register as a document whose rows stream from the database page by page. */
export function registerDocument(
  rows: AsyncIterable<{ row: RegisterRow; identityShown: boolean }>,
  meta: { organization: string; from: string; to: string; timeZone: string; identityShown: boolean },
  lang: Language,
): ReportDocument {
  const identity = meta.identityShown ? [t(lang, 'columns.name'), 'NIK', t(lang, 'columns.birthDate')] : [];
  const date = (iso: string | null) => (iso ? localDate(new Date(iso), meta.timeZone) : '');
  async function* cells(): AsyncIterable<Cell[]> {
    let i = 0;
    for await (const { row: r } of rows) {
      i += 1;
      yield [
        i,
        r.caseNumber,
        ...(meta.identityShown ? [r.client?.name ?? '', r.client?.nik ?? '', r.client?.birthDate ?? ''] : []),
        labels.sex(lang, r.sex),
        labels.ageGroup(lang, r.ageGroup),
        r.officialCategories.map((c) => labels.category(lang, c)).join('; '),
        labels.source(lang, r.source),
        date(r.arrivedAt),
        date(r.terminatedAt),
        `${r.stagesCompleted}/${r.stagesTotal}`,
        labels.stage(lang, r.currentStageKey),
        labels.outcome(lang, r.outcome),
        r.leadWorkingMinutes,
      ];
    }
  }
  return {
    title: t(lang, 'register.title'),
    organization: meta.organization,
    period: period(lang, meta.from, meta.to),
    landscape: true,
    tables: [
      {
        title: t(lang, 'register.title'),
        columns: [
          'No',
          t(lang, 'columns.caseNumber'),
          ...identity,
          t(lang, 'columns.sex'),
          t(lang, 'columns.ageGroup'),
          t(lang, 'columns.category'),
          t(lang, 'columns.source'),
          t(lang, 'columns.arrivedAt'),
          t(lang, 'columns.terminatedAt'),
          t(lang, 'columns.stages'),
          t(lang, 'columns.currentStage'),
          t(lang, 'columns.outcome'),
          t(lang, 'columns.leadMinutes'),
        ],
        rows: cells(),
      },
    ],
  };
}

async function* iterate(rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): AsyncIterable<Cell[]> {
  for await (const r of rows as AsyncIterable<Cell[]>) yield r;
}

/** XLSX, streamed: a bold title, the organization and period lines, then each table with a header row. */
export function streamXlsx(doc: ReportDocument): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Singgah';
  const sheet = workbook.addWorksheet(doc.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const width = Math.max(...doc.tables.map((tb) => tb.columns.length));
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 36 : 18 }));
  (async () => {
    sheet.addRow([doc.title]).font = { bold: true, size: 14 };
    sheet.addRow([doc.organization]).font = { bold: true };
    sheet.addRow([doc.period]);
    sheet.addRow([]);
    for (const table of doc.tables) {
      sheet.addRow([table.title]).font = { bold: true, size: 12 };
      const head = sheet.addRow(table.columns);
      head.font = { bold: true };
      head.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
        cell.border = { bottom: { style: 'thin' } };
      });
      head.commit();
      for await (const row of iterate(table.rows)) sheet.addRow(row).commit();
      sheet.addRow([]).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}

/**
 * A text cell a spreadsheet program would run as a formula (=, +, -, @, a tab or a return first: a
 * client's name typed as `=HYPERLINK(…)`) is written with a leading apostrophe, which makes it text;
 * a plain signed number stays a number.
 */
export function csvSafeText(cell: Cell): Cell {
  if (typeof cell !== 'string' || !/^[=+\-@\t\r]/.test(cell) || /^[+-]?\d+([.,]\d+)?$/.test(cell)) return cell;
  return `'${cell}`;
}

/** CSV (UTF-8 with a byte-order mark so spreadsheet programs read Indonesian text right), streamed. */
export function streamCsv(doc: ReportDocument): Readable {
  const csv = stringify({ bom: true });
  (async () => {
    const write = async (row: Cell[]) => {
      if (!csv.write(row.map((c) => (c === null ? '' : csvSafeText(c))))) await new Promise((r) => csv.once('drain', r));
    };
    await write([doc.title]);
    await write([doc.organization]);
    await write([doc.period]);
    for (const table of doc.tables) {
      await write([]);
      await write([table.title]);
      await write(table.columns);
      for await (const row of iterate(table.rows)) await write(row);
    }
    csv.end();
  })().catch((err) => csv.destroy(err as Error));
  return csv;
}

/** PDF with the letterhead; every table in full. */
export async function renderReportPdf(doc: ReportDocument, letterhead: Letterhead, lang: Language): Promise<Buffer> {
  const content: Content[] = [...letterheadContent(letterhead), { text: doc.title.toUpperCase(), bold: true, alignment: 'center', margin: [0, 12, 0, 2] }];
  content.push({ text: doc.organization, alignment: 'center' }, { text: doc.period, alignment: 'center', margin: [0, 0, 0, 10] });
  for (const table of doc.tables) {
    const body: Content[][] = [table.columns.map((c) => ({ text: c, bold: true, fillColor: '#DDEBF7' }))];
    for await (const row of iterate(table.rows)) body.push(row.map((c) => ({ text: c === null ? '-' : typeof c === 'number' ? formatNumber(c, lang) : String(c) })));
    content.push({ text: table.title, bold: true, margin: [0, 8, 0, 4] });
    content.push({ table: { headerRows: 1, widths: table.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body }, fontSize: 8, layout: 'lightHorizontalLines' } as Content);
  }
  content.push({ text: t(lang, 'export.generated'), fontSize: 7, margin: [0, 12, 0, 0], color: '#666666' });
  return renderPdf({ content, pageOrientation: doc.landscape ? 'landscape' : 'portrait', defaultStyle: { fontSize: 9 } });
}
