/**
 * The field report, on a phone: a social pillar or Satpol PP officer photographs a person in need,
 * takes the location, describes them and picks a category; the shelter receives it as a pending
 * intake. Below, the submitter follows what happened to the people they reported (and nothing else).
 */
import { Alert, Badge, Button, Card, FileButton, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnFieldReportView } from '../../shared/contracts/field-reports.js';
import { SEXES } from '../../shared/domain/enums.js';
import { api } from '../api.js';
import { CategorySelect } from '../cases/category-select.js';
import { defaultStageName } from '../cases/case-format.js';
import { shrinkPhoto } from '../cases/upload.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { useForm } from '../forms.js';
import { postMultipart } from '../referrals/referral-bits.js';
import { useSession } from '../session.js';

const STATUS_COLORS = { pending: 'blue', accepted: 'teal', declined: 'gray' } as const;

function MyReports() {
  const { t, i18n } = useTranslation();
  const mine = useQuery({ queryKey: ['field-reports', 'mine'], queryFn: () => api.get<{ items: OwnFieldReportView[] }>('/field-reports/mine', { limit: 50 }), refetchInterval: 15000 });
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('referrals.fieldReport.mine')}
      </Title>
      <ApiErrorAlert error={mine.error} />
      {mine.data?.items.length === 0 && <Text c="dimmed">{t('referrals.fieldReport.noneYet')}</Text>}
      {mine.data?.items.map((r) => (
        <Card key={r.id} withBorder padding="sm" data-testid="own-field-report">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" lineClamp={2}>
                {r.description}
              </Text>
              <Text size="xs" c="dimmed">
                {[formatDateTime(r.createdAt, i18n.language), r.locationText, r.organizationName].filter(Boolean).join(' · ')}
              </Text>
              {r.caseStatus && (
                <Text size="xs">
                  {r.caseStatus === 'open'
                    ? t('referrals.fieldReport.caseOpen', { stage: r.caseStageKey ? (defaultStageName(r.caseStageKey, i18n.language) ?? r.caseStageKey) : '' })
                    : t('referrals.fieldReport.caseClosed', { outcome: r.caseOutcome ? t(`enums.termination_outcomes.${r.caseOutcome}`) : '' })}
                </Text>
              )}
              {r.declineReason && <Text size="xs">{r.declineReason}</Text>}
            </Stack>
            <Badge color={STATUS_COLORS[r.status]} variant="light" style={{ flexShrink: 0 }}>
              {t(`enums.field_report_statuses.${r.status}`)}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export default function FieldReportPage() {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const queryClient = useQueryClient();
  const [photo, setPhoto] = useState<File | null>(null);
  const [locating, setLocating] = useState(false);
  const [locationProblem, setLocationProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const initial = {
    description: '',
    categories: [] as string[],
    personName: '',
    sex: 'unknown',
    estimatedAge: '' as number | string,
    locationText: '',
    latitude: null as number | null,
    longitude: null as number | null,
  };
  const form = useForm({
    initialValues: initial,
    validate: (v, tr) => ({
      description: v.description.trim().length >= 5 ? undefined : tr('validation.required'),
      categories: v.categories.length ? undefined : tr('validation.required'),
    }),
  });

  const locate = () => {
    setLocationProblem(null);
    if (!navigator.geolocation) return setLocationProblem(t('referrals.fieldReport.noGps'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        form.setValues((v) => ({ ...v, latitude: pos.coords.latitude, longitude: pos.coords.longitude }));
        setLocating(false);
      },
      () => {
        setLocationProblem(t('referrals.fieldReport.noGps'));
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15000 },
    );
  };

  const submit = form.onSubmit(async (v) => {
    const body = new FormData();
    body.append('description', v.description);
    body.append('categories', v.categories.join(','));
    if (v.personName.trim()) body.append('personName', v.personName.trim());
    body.append('sex', v.sex);
    if (v.estimatedAge !== '') body.append('estimatedAge', String(v.estimatedAge));
    if (v.locationText.trim()) body.append('locationText', v.locationText.trim());
    if (v.latitude != null && v.longitude != null) {
      body.append('latitude', String(v.latitude));
      body.append('longitude', String(v.longitude));
    }
    body.append('foundAt', new Date().toISOString());
    if (photo) {
      const ready = await shrinkPhoto(photo);
      body.append('photo', ready, ready.name);
    }
    await postMultipart<OwnFieldReportView>('/field-reports', csrfToken, body);
    form.reset(initial);
    setPhoto(null);
    setSent(true);
    await queryClient.invalidateQueries({ queryKey: ['field-reports', 'mine'] });
  });

  return (
    <Stack maw={640}>
      <Title order={2}>{t('referrals.fieldReport.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('referrals.fieldReport.intro')}
      </Text>
      {sent && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setSent(false)} data-testid="field-report-sent">
          {t('referrals.fieldReport.sent')}
        </Alert>
      )}
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group wrap="wrap">
              <FileButton onChange={setPhoto} accept="image/*" capture="environment">
                {(props) => (
                  <Button variant="default" {...props}>
                    {photo ? t('referrals.fieldReport.retakePhoto') : t('referrals.fieldReport.takePhoto')}
                  </Button>
                )}
              </FileButton>
              {photo && (
                <Text size="sm" truncate maw={200}>
                  {photo.name}
                </Text>
              )}
            </Group>
            <Group wrap="wrap" align="center">
              <Button variant="default" onClick={locate} loading={locating}>
                {t('referrals.fieldReport.useLocation')}
              </Button>
              {form.values.latitude != null && (
                <Text size="sm" data-testid="gps">
                  {form.values.latitude.toFixed(5)}, {form.values.longitude?.toFixed(5)}
                </Text>
              )}
              {locationProblem && (
                <Text size="sm" c="red">
                  {locationProblem}
                </Text>
              )}
            </Group>
            <TextInput label={t('fields.locationText')} placeholder={t('referrals.fieldReport.locationPlaceholder')} {...form.getInputProps('locationText')} />
            <Textarea label={t('referrals.fieldReport.description')} required autosize minRows={3} {...form.getInputProps('description')} />
            <CategorySelect label={t('fields.categories')} required {...form.getInputProps('categories')} />
            <TextInput label={t('fields.personName')} description={t('referrals.fieldReport.nameHint')} {...form.getInputProps('personName')} />
            <Group grow wrap="wrap">
              <Select
                label={t('fields.sex')}
                data={SEXES.map((s) => ({ value: s, label: t(`enums.sexes.${s}`) }))}
                allowDeselect={false}
                {...form.getInputProps('sex')}
              />
              <NumberInput label={t('fields.estimatedAge')} min={0} max={120} {...form.getInputProps('estimatedAge')} />
            </Group>
            <ApiErrorAlert error={form.error} />
            <Button type="submit" loading={form.submitting} size="md" data-testid="field-report-submit">
              {t('referrals.fieldReport.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <MyReports />
    </Stack>
  );
}
