/** The dashboard's charts, in their own chunk: recharts is heavy, so the page shows its numbers first. */
import '@mantine/charts/styles.layer.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfficeDashboard } from '../../shared/contracts/reports.js';

export default function DashboardCharts({ data }: { data: OfficeDashboard }) {
  const { t } = useTranslation();
  const categories = data.byCategory.map((c) => ({ category: t(`ppks.${c.key}`), count: c.count }));
  const trend = data.leadTrend.map((m) => ({ month: m.month, median: m.medianLeadMinutes ?? 0, target: data.targetMinutes }));
  return (
    <>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t('reports.web.dashboard.byCategory')}
        </Text>
        <BarChart h={Math.max(160, categories.length * 36)} data={categories} dataKey="category" orientation="vertical" yAxisProps={{ width: 140 }} series={[{ name: 'count', label: t('reports.columns.count'), color: 'teal.6' }]} />
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t('reports.web.dashboard.leadTrend')}
        </Text>
        <LineChart
          h={220}
          data={trend}
          dataKey="month"
          series={[
            { name: 'median', label: t('reports.columns.median'), color: 'blue.6' },
            { name: 'target', label: t('reports.web.dashboard.target', { value: data.targetMinutes }), color: 'red.5' },
          ]}
        />
      </Paper>
    </>
  );
}
