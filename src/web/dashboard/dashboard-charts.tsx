/** The dashboard's charts, in their own chunk: recharts is heavy, so the page shows its numbers first. */
import '@mantine/charts/styles.layer.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfficeDashboard } from '../../shared/contracts/reports.js';
import { formatMonth } from '../components/labels.js';

export default function DashboardCharts({ data }: { data: OfficeDashboard }) {
  const { t, i18n } = useTranslation();
  const categories = data.byCategory.map((c) => ({ category: t(`ppks.${c.key}`), count: c.count }));
  // A month without closed cases has no median: a gap in the line, never a median of 0 minutes.
  const trend = data.leadTrend.map((m) => ({ month: formatMonth(m.month, i18n.language, 'short'), median: m.medianLeadMinutes, target: data.targetMinutes }));
  const noMedian = trend.every((m) => m.median === null);
  return (
    <>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t('reports.web.dashboard.byCategory')}
        </Text>
        <BarChart
          h={Math.max(160, categories.length * 36)}
          data={categories}
          dataKey="category"
          orientation="vertical"
          yAxisProps={{ width: 140 }}
          // Counts of cases: whole numbers on the axis.
          xAxisProps={{ allowDecimals: false }}
          series={[{ name: 'count', label: t('reports.columns.count'), color: 'teal.6' }]}
        />
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t('reports.web.dashboard.leadTrend')}
        </Text>
        {noMedian && (
          <Text size="sm" c="dimmed" mb="sm" data-testid="lead-trend-empty">
            {t('reports.web.dashboard.noClosedCases')}
          </Text>
        )}
        <LineChart
          h={220}
          data={trend}
          dataKey="month"
          connectNulls={false}
          series={[
            { name: 'median', label: t('reports.columns.median'), color: 'blue.6' },
            { name: 'target', label: t('reports.web.dashboard.target', { value: data.targetMinutes }), color: 'red.5' },
          ]}
        />
      </Paper>
    </>
  );
}
