/** The dashboard's charts, in their own chunk: recharts is heavy, so the page shows its numbers first. */
import '@mantine/charts/styles.layer.css';
import { LineChart } from '@mantine/charts';
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfficeDashboard } from '../../shared/contracts/reports.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import { formatMonth } from '../components/labels.js';

export default function DashboardCharts({ data }: { data: OfficeDashboard }) {
  const { t, i18n } = useTranslation();
  const categories = data.byCategory.map((c) => ({ category: t(`ppks.${c.key}`), count: c.count }));
  const maxCount = Math.max(1, ...categories.map((c) => c.count));
  // A month without closed cases has no median: a gap in the line, never a median of 0 minutes.
  const trend = data.leadTrend.map((m) => ({ month: formatMonth(m.month, i18n.language, 'short'), median: m.medianLeadMinutes, target: data.targetMinutes }));
  const noMedian = trend.every((m) => m.median === null);
  return (
    <>
      <Paper withBorder p="md">
        <Text fw={600} mb="sm">
          {t('reports.web.dashboard.byCategory')}
        </Text>
        {/* The PPKS names are long ("Anak yang menjadi korban tindak kekerasan…"): each is written whole
            above its bar, which a chart's axis on a phone's width cannot do. */}
        <Stack gap="xs" data-testid="dashboard-categories">
          {categories.map((c) => (
            <div key={c.category}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-end">
                <Text size="sm" lh={1.3}>
                  {c.category}
                </Text>
                <Text size="sm" fw={600} ff="monospace" aria-label={t('reports.columns.count')}>
                  {formatNumber(c.count, i18n.language)}
                </Text>
              </Group>
              <Progress value={(100 * c.count) / maxCount} color="teal.6" size="md" mt={4} aria-hidden />
            </div>
          ))}
        </Stack>
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
