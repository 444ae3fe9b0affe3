import { Alert, Button, Group, NumberInput, Pagination, Select, SimpleGrid, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterPage, ServiceTimeReport, SpmReport, SummaryReport, WorkloadReport } from '../../shared/contracts/reports.js';
import { PPKS_CATEGORIES } from '../../shared/domain/ppks.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import { DEFAULT_SOP } from '../../shared/workflow/default-sop.js';
import { api, apiUrl } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatMonth } from '../components/labels.js';
import { ReportTable } from './report-tables.js';
import { DayField } from '../cases/date-fields.js';

const pad = (n: number) => String(n).padStart(2, '0');
function monthPeriod(offset: number) {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0);
  const fmt = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { from: fmt(first), to: fmt(last) };
}

type Query = Record<string, string | number | undefined>;

function ExportButtons({ kind, query }: { kind: string; query: Query }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['xlsx', 'csv', 'pdf'] as const).map((format) => (
        <Button key={format} component="a" href={apiUrl(`/reports/${kind}/export`, { ...query, format })} download variant="light" size="xs" data-testid={`export-${kind}-${format}`}>
          {t('reports.web.download')} {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

function useReport<T>(path: string, query: Query) {
  return useQuery({ queryKey: [path, query], queryFn: ({ signal }) => api.get<T>(path, query, signal), placeholderData: keepPreviousData });
}

function SummaryTab({ query }: { query: Query }) {
  const { t, i18n } = useTranslation();
  const q = useReport<SummaryReport>('/reports/summary', query);
  if (q.error) return <ApiErrorAlert error={q.error} />;
  const r = q.data;
  if (!r) return null;
  const n = t('reports.columns.count');
  const counts = (title: string, col: string, rows: { key: string; count: number; name?: string }[], label: (k: string, name?: string) => string) => (
    <ReportTable title={title} columns={[col, n]} rows={rows.map((x) => [label(x.key, x.name), x.count])} />
  );
  return (
    <Stack>
      <ExportButtons kind="summary" query={query} />
      <ReportTable
        title={t('reports.summary.totals')}
        columns={[t('reports.columns.figure'), n]}
        rows={[
          [t('reports.summary.casesServed'), r.casesServed],
          [t('reports.summary.clientsServed'), r.clientsServed],
          [t('reports.summary.newCases'), r.newCases],
          [t('reports.summary.closedCases'), r.closedCases],
          [t('reports.summary.repeatClients'), r.repeatClients],
          [t('reports.summary.tracingAttempts'), r.tracing.attempts],
          [t('reports.summary.familiesFound'), r.tracing.familiesFound],
          [t('reports.summary.reunifications'), r.reunifications.total],
          [`${t('reports.summary.identityDocuments')}: ${t('reports.columns.requested')}`, r.identityDocuments.requested],
          [`${t('reports.summary.identityDocuments')}: ${t('reports.columns.issued')}`, r.identityDocuments.issued],
          [t('reports.summary.complaintsReceived'), r.complaints ? r.complaints.received : t('reports.summary.notAvailable')],
          [
            'IKM',
            !r.satisfaction
              ? t('reports.summary.notAvailable')
              : r.satisfaction.ikm === null
                ? t('reports.summary.noRespondents')
                : `${formatNumber(r.satisfaction.ikm, i18n.language, 2)} (${r.satisfaction.grade ?? '-'}) · ${t('reports.summary.respondentsCount', { count: r.satisfaction.respondents })}`,
          ],
        ]}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {counts(t('reports.summary.byCategory'), t('reports.columns.category'), r.byCategory, (k) => t(`ppks.${k}`))}
        {counts(t('reports.summary.byAgeGroup'), t('reports.columns.ageGroup'), r.byAgeGroup, (k) => t(`reports.age_groups.${k}`))}
        {counts(t('reports.summary.bySex'), t('reports.columns.sex'), r.bySex, (k) => t(`enums.sexes.${k}`))}
        {counts(t('reports.summary.bySource'), t('reports.columns.source'), r.bySource, (k) => t(`enums.case_sources.${k}`))}
        {counts(t('reports.summary.byOriginRegency'), t('reports.columns.region'), r.byOriginRegency, (_k, name) => name || t('reports.unknown'))}
        {counts(t('reports.summary.byOutcome'), t('reports.columns.outcome'), r.byOutcome, (k) => t(`enums.termination_outcomes.${k}`))}
        {r.referrals && counts(t('reports.summary.referralsByInstitution'), t('reports.columns.institution'), r.referrals.byInstitution, (_k, name) => name ?? '')}
      </SimpleGrid>
    </Stack>
  );
}

function RegisterTab({ query }: { query: Query }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const full = { ...query, q: search.trim().length >= 2 ? search.trim() : undefined, category: category ?? undefined };
  const q = useReport<RegisterPage>('/reports/register', { ...full, limit: 50, offset: (page - 1) * 50 });
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID') : '-');
  return (
    <Stack>
      <ExportButtons kind="register" query={full} />
      <Group grow>
        <TextInput label={t('reports.web.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          label={t('reports.columns.category')}
          placeholder={t('reports.web.allCategories')}
          clearable
          data={PPKS_CATEGORIES.map((c) => ({ value: c.code, label: t(`ppks.${c.code}`) }))}
          value={category}
          onChange={setCategory}
        />
      </Group>
      {q.error && <ApiErrorAlert error={q.error} />}
      {q.data && !q.data.identityShown && <Alert color="gray">{t('reports.web.identityHidden')}</Alert>}
      {q.data && (
        <ReportTable
          title={t('reports.register.title')}
          columns={[
            t('reports.columns.caseNumber'),
            ...(q.data.identityShown ? [t('reports.columns.name')] : []),
            t('reports.columns.ageGroup'),
            t('reports.columns.category'),
            t('reports.columns.source'),
            t('reports.columns.arrivedAt'),
            t('reports.columns.terminatedAt'),
            t('reports.columns.stages'),
            t('reports.columns.outcome'),
          ]}
          rows={q.data.items.map((r) => [
            r.caseNumber,
            ...(q.data.identityShown ? [r.client?.name ?? ''] : []),
            t(`reports.age_groups.${r.ageGroup}`),
            r.officialCategories.map((c) => t(`ppks.${c}`)).join(', '),
            t(`enums.case_sources.${r.source}`),
            date(r.arrivedAt),
            date(r.terminatedAt),
            `${r.stagesCompleted}/${r.stagesTotal}`,
            r.outcome ? t(`enums.termination_outcomes.${r.outcome}`) : '-',
          ])}
        />
      )}
      {q.data && q.data.total > 50 && <Pagination value={page} onChange={setPage} total={Math.ceil(q.data.total / 50)} />}
    </Stack>
  );
}

function SpmTab({ organizationId }: { organizationId?: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const query = { organizationId, year };
  const q = useReport<SpmReport>('/reports/spm', query);
  return (
    <Stack>
      <Group align="end">
        <NumberInput label={t('reports.web.year')} value={year} onChange={(v) => setYear(Number(v) || year)} min={2000} max={2100} w={120} />
        <ExportButtons kind="spm" query={query} />
      </Group>
      {q.error && <ApiErrorAlert error={q.error} />}
      {q.data && (
        <>
          <ReportTable
            title={t('reports.spm.indicator')}
            columns={[t('reports.columns.figure'), t('reports.columns.value')]}
            rows={[
              [t('reports.spm.targetClients'), q.data.targetClients],
              [t('reports.spm.basicNeedsMet'), q.data.basicNeedsMet],
              [t('reports.spm.percentage'), q.data.percentage ?? '-'],
              [t('reports.spm.definition'), q.data.basicNeeds.map((s) => t(`enums.spm_services.${s}`)).join(', ')],
            ]}
          />
          <ReportTable
            title={t('reports.spm.services')}
            columns={['No', t('reports.columns.service'), t('reports.spm.targetClientsServed'), t('reports.spm.allClientsServed')]}
            rows={q.data.services.map((s, i) => [i + 1, t(`enums.spm_services.${s.service}`), s.targetClients, s.allClients])}
          />
        </>
      )}
    </Stack>
  );
}

function ServiceTimeTab({ query }: { query: Query }) {
  const { t, i18n } = useTranslation();
  const q = useReport<ServiceTimeReport>('/reports/service-time', query);
  if (q.error) return <ApiErrorAlert error={q.error} />;
  const r = q.data;
  if (!r) return null;
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const stageName = (key: string) => DEFAULT_SOP.find((s) => s.key === key)?.name[lang] ?? key;
  return (
    <Stack>
      <ExportButtons kind="service-time" query={query} />
      <ReportTable
        title={t('reports.serviceTime.lead')}
        columns={[t('reports.columns.figure'), t('reports.columns.value')]}
        rows={[
          [t('reports.serviceTime.closedCases'), r.closedCases],
          [t('reports.serviceTime.withinTarget'), r.withinTarget],
          [t('reports.serviceTime.withinTargetShare'), r.withinTargetShare ?? '-'],
          [t('reports.serviceTime.medianLead'), r.medianLeadMinutes ?? '-'],
          [t('reports.serviceTime.p90Lead'), r.p90LeadMinutes ?? '-'],
        ]}
      />
      <ReportTable
        title={t('reports.serviceTime.stages')}
        columns={[t('reports.columns.stage'), t('reports.columns.standard'), t('reports.columns.completed'), t('reports.columns.median'), t('reports.columns.p90'), t('reports.columns.late'), t('reports.columns.overdueNow')]}
        rows={r.stages.map((s) => [stageName(s.key), s.standardMinutes, s.completed, s.medianMinutes ?? '-', s.p90Minutes ?? '-', s.late, s.overdueNow])}
      />
      <ReportTable
        title={t('reports.serviceTime.months')}
        columns={[t('reports.columns.month'), t('reports.serviceTime.closedCases'), t('reports.serviceTime.withinTarget'), t('reports.columns.median')]}
        rows={r.months.map((m) => [formatMonth(m.month, i18n.language), m.closedCases, m.withinTarget, m.medianLeadMinutes ?? '-'])}
      />
    </Stack>
  );
}

function WorkloadTab({ query }: { query: Query }) {
  const { t } = useTranslation();
  const q = useReport<WorkloadReport>('/reports/workload', query);
  if (q.error) return <ApiErrorAlert error={q.error} />;
  if (!q.data) return null;
  return (
    <Stack>
      <ExportButtons kind="workload" query={query} />
      <ReportTable
        title={t('reports.workload.title')}
        columns={[t('reports.columns.worker'), t('reports.columns.casesServed'), t('reports.columns.openCases'), t('reports.columns.stagesCompleted'), t('reports.columns.late'), t('reports.columns.overdueNow')]}
        rows={q.data.workers.map((w) => [w.name ?? t('reports.workload.unassigned'), w.casesServed, w.openCases, w.stagesCompleted, w.lateStages, w.overdueNow])}
      />
    </Stack>
  );
}

/** /reports: the register and every report of a period, each downloadable as XLSX, CSV and PDF. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(monthPeriod(0));
  const query: Query = { from: period.from, to: period.to };
  return (
    <Stack>
      <Title order={2}>{t('reports.web.title')}</Title>
      <Group align="end" wrap="wrap">
        <DayField label={t('reports.web.from')} value={period.from} onChange={(from) => setPeriod({ ...period, from })} clearable={false} w={170} />
        <DayField label={t('reports.web.to')} value={period.to} onChange={(to) => setPeriod({ ...period, to })} clearable={false} w={170} />
        <Button variant="default" onClick={() => setPeriod(monthPeriod(0))}>
          {t('reports.web.thisMonth')}
        </Button>
        <Button variant="default" onClick={() => setPeriod(monthPeriod(-1))}>
          {t('reports.web.lastMonth')}
        </Button>
        <Button variant="default" onClick={() => setPeriod({ from: `${new Date().getFullYear()}-01-01`, to: `${new Date().getFullYear()}-12-31` })}>
          {t('reports.web.thisYear')}
        </Button>
      </Group>
      <Tabs defaultValue="summary" keepMounted={false}>
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          <Tabs.Tab value="summary">{t('reports.web.tabs.summary')}</Tabs.Tab>
          <Tabs.Tab value="register">{t('reports.web.tabs.register')}</Tabs.Tab>
          <Tabs.Tab value="spm">{t('reports.web.tabs.spm')}</Tabs.Tab>
          <Tabs.Tab value="serviceTime">{t('reports.web.tabs.serviceTime')}</Tabs.Tab>
          <Tabs.Tab value="workload">{t('reports.web.tabs.workload')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="summary" pt="md">
          <SummaryTab query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="register" pt="md">
          <RegisterTab query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="spm" pt="md">
          <SpmTab />
        </Tabs.Panel>
        <Tabs.Panel value="serviceTime" pt="md">
          <ServiceTimeTab query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="workload" pt="md">
          <WorkloadTab query={query} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
