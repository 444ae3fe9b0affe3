import { Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeDashboard, ProvinceDashboard } from '../../shared/contracts/reports.js';
import { api } from '../api.js';
import { formatDate } from '../cases/case-format.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatMonth } from '../components/labels.js';
import { ReportTable } from '../reports/report-tables.js';
import { useCan } from '../session.js';

const DashboardCharts = lazy(() => import('./dashboard-charts.js'));

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={typeof value === 'number' ? 28 : 18} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function yearToDate() {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${now.getFullYear()}-01-01`, to: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
}

/** /dashboard: the office at a glance; with report rights, its districts (or units) compared. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const office = useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => api.get<OfficeDashboard>('/dashboard', {}, signal) });
  const period = yearToDate();
  const districts = useQuery({
    queryKey: ['dashboard-districts', period],
    queryFn: ({ signal }) => api.get<ProvinceDashboard>('/dashboard/districts', period, signal),
    enabled: can('reports.read'),
  });
  const d = office.data;
  return (
    <Stack>
      <Title order={2}>{t('reports.web.dashboard.title')}</Title>
      {office.error && <ApiErrorAlert error={office.error} />}
      {d && (
        <>
          <Text c="dimmed">
            {d.organizationName} · {formatMonth(d.month, i18n.language)}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Stat label={t('reports.web.dashboard.casesThisMonth')} value={d.casesThisMonth} testId="stat-cases-month" />
            <Stat label={t('reports.web.dashboard.openCases')} value={d.openCases} />
            <Stat label={t('reports.web.dashboard.overdueCases')} value={d.overdueCases} />
            <Stat label={t('reports.web.dashboard.overdueStages')} value={d.overdueStages} />
            <Stat label={t('reports.web.dashboard.occupancy')} value={t('reports.web.dashboard.occupancyValue', { occupied: d.occupancy.occupied, beds: d.occupancy.beds })} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Suspense fallback={<Loader aria-label={t('reports.web.dashboard.loadingCharts')} />}>
              <DashboardCharts data={d} />
            </Suspense>
          </SimpleGrid>
        </>
      )}
      {districts.data && districts.data.districts.length > 0 && (
        <ReportTable
          title={`${t('reports.web.dashboard.districts')} (${formatDate(districts.data.from, i18n.language)} – ${formatDate(districts.data.to, i18n.language)})`}
          columns={[t('reports.web.dashboard.district'), t('reports.columns.casesServed'), t('reports.summary.newCases'), t('reports.serviceTime.closedCases'), t('reports.web.dashboard.withinTarget'), t('reports.columns.median'), t('reports.columns.overdueNow'), t('reports.web.dashboard.spm')]}
          rows={districts.data.districts.map((x) => [x.name, x.casesServed, x.newCases, x.closedCases, x.withinTargetShare ?? '-', x.medianLeadMinutes ?? '-', x.overdueNow, x.spmPercentage ?? '-'])}
        />
      )}
    </Stack>
  );
}
