/** /survey — survey periods of a unit, the IKM results per element, the report PDF and the survey link/QR. */
import { Alert, Anchor, Badge, Button, Card, Group, Image, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicProfileView } from '../../shared/contracts/public-profile.js';
import { type SurveyPeriodView, type SurveyResultsView, surveyPeriodBody } from '../../shared/contracts/survey.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import { api, apiUrl } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { schemaErrors, useForm } from '../forms.js';
import { UnitSelect, useUnitPicker } from '../public-settings/unit-picker.js';
import { useCan } from '../session.js';
import { DayField } from '../cases/date-fields.js';


function NewPeriodForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const year = new Date().getFullYear();
  const form = useForm({
    initialValues: { name: `SKM ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
    validate: (v, tt) => schemaErrors(surveyPeriodBody, v, tt),
  });
  const submit = form.onSubmit(async (v) => {
    await api.post(`/survey/periods?organizationId=${unitId}`, v);
    await queryClient.invalidateQueries({ queryKey: ['survey-periods', unitId] });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>{t('survey.web.newPeriod')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('survey.web.name')} {...form.getInputProps('name')} />
          <DayField label={t('survey.web.startsOn')} {...form.getInputProps('startsOn')} />
          <DayField label={t('survey.web.endsOn')} {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        <ApiErrorAlert error={form.error} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('survey.web.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Results({ periodId }: { periodId: string }) {
  const { t, i18n } = useTranslation();
  const results = useQuery({
    queryKey: ['survey-results', periodId],
    queryFn: ({ signal }) => api.get<SurveyResultsView>(`/survey/periods/${periodId}/results`, undefined, signal),
  });
  if (results.error) return <ApiErrorAlert error={results.error} />;
  const r = results.data;
  if (!r) return null;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Text c="dimmed" size="sm">
            {r.period.name} · {t('survey.web.responses', { count: r.respondents })}
          </Text>
          {r.grade ? (
            <Group gap="sm" align="baseline">
              <Title order={2} data-testid="ikm-value">
                {t('survey.web.ikm')} {formatNumber(r.ikmRounded, i18n.language, 2)}
              </Title>
              <Badge size="lg" color={r.grade === 'A' ? 'green' : r.grade === 'B' ? 'teal' : r.grade === 'C' ? 'yellow' : 'red'}>
                {r.grade} · {t(`survey.grades.${r.grade}`)}
              </Badge>
            </Group>
          ) : (
            <Text>{t('survey.web.noAnswers')}</Text>
          )}
        </div>
        <Button component="a" href={apiUrl(`/survey/periods/${periodId}/report.pdf`, { lang: i18n.language })} variant="light">
          {t('survey.web.report')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('survey.web.element')}</Table.Th>
              <Table.Th ta="right">{t('survey.web.nrr')}</Table.Th>
              <Table.Th ta="right">{t('survey.web.weighted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.elements.map((e) => (
              <Table.Tr key={e.element}>
                <Table.Td>{t(`survey.elements.${e.element}.name`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(e.nrr, i18n.language, 3)}</Table.Td>
                <Table.Td ta="right">{formatNumber(e.weighted, i18n.language, 3)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Text fw={600}>{t('survey.web.profile')}</Text>
          {r.profile.respondentType.map((row) => (
            <Text key={row.value} size="sm">
              {t(`survey.respondentType.${row.value}`)}: {row.count}
            </Text>
          ))}
        </div>
        <div>
          <Text fw={600}>{t('survey.web.suggestions')}</Text>
          {r.suggestions.map((s) => (
            <Text key={s.submittedAt + s.text} size="sm">
              “{s.text}”
            </Text>
          ))}
        </div>
      </SimpleGrid>
    </Stack>
  );
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const picker = useUnitPicker();
  const unitId = picker.unitId;
  const [periodId, setPeriodId] = useState<string | null>(null);
  const periods = useQuery({
    queryKey: ['survey-periods', unitId],
    queryFn: ({ signal }) => api.get<{ items: SurveyPeriodView[] }>('/survey/periods', { organizationId: unitId }, signal),
    enabled: Boolean(unitId),
  });
  const profile = useQuery({
    queryKey: ['public-profile', unitId],
    queryFn: ({ signal }) => api.get<PublicProfileView>('/public-profile', { organizationId: unitId }, signal),
    enabled: Boolean(unitId),
  });
  useEffect(() => {
    const items = periods.data?.items ?? [];
    if (items.length && !items.some((p) => p.id === periodId)) setPeriodId((items.find((p) => p.isOpen) ?? items[0]).id);
  }, [periods.data, periodId]);
  useEffect(() => {
    document.title = t('survey.web.title');
  }, [t]);
  const surveyPath = profile.data?.profile?.surveyPath;
  return (
    <Stack>
      <Title order={2}>{t('survey.web.title')}</Title>
      <Text c="dimmed">{t('survey.web.intro')}</Text>
      <UnitSelect units={picker.units} value={unitId} onChange={(id) => { picker.setUnitId(id); setPeriodId(null); }} />
      <ApiErrorAlert error={periods.error} />
      {unitId && profile.data && !surveyPath && <Alert color="yellow">{t('survey.web.noPublicPage')}</Alert>}
      {surveyPath && (
        <Card withBorder>
          <Group align="center" wrap="nowrap">
            <Image src={apiUrl('/publications/qr.svg', { organizationId: unitId, target: 'survey' })} w={120} h={120} alt={t('survey.web.qr')} />
            <div style={{ minWidth: 0 }}>
              <Text fw={600}>{t('survey.web.link')}</Text>
              <Anchor href={surveyPath} target="_blank" style={{ wordBreak: 'break-all' }}>
                {`${window.location.origin}${surveyPath}`}
              </Anchor>
            </div>
          </Group>
        </Card>
      )}
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Text fw={600}>{t('survey.web.periods')}</Text>
          {periods.data?.items.length === 0 && <Text c="dimmed">{t('survey.web.noPeriods')}</Text>}
          <Group gap="xs">
            {periods.data?.items.map((p) => (
              <Button key={p.id} size="compact-md" variant={p.id === periodId ? 'filled' : 'default'} onClick={() => setPeriodId(p.id)}>
                {p.name} · {p.isOpen ? t('survey.web.open') : t('survey.web.closed')} · {p.responses}
              </Button>
            ))}
          </Group>
          {can('settings.write') && unitId && <NewPeriodForm unitId={unitId} />}
        </Stack>
      </Paper>
      {periodId && (
        <Paper withBorder p="md" radius="md">
          <Results periodId={periodId} />
        </Paper>
      )}
    </Stack>
  );
}
