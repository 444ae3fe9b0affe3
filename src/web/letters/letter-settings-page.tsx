/**
 * `/settings/letters`: the letterhead (kop surat) with its logo, the signing details, and the letter
 * number patterns of an organization, with a preview. Administrators only (`settings.write`).
 */
import { Alert, Button, Card, FileButton, Group, Image, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LETTER_KINDS,
  type LetterKind,
  type LetterNumberPattern,
  type LetterSettingsView,
  type UpdateLetterSettingsBody,
} from '../../shared/contracts/letters.js';
import { api, request } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { useForm } from '../forms.js';
import { organizationSelectProps, useOrganizations } from '../organizations.js';
import { useSession } from '../session.js';

const TEXT_FIELDS = ['governmentLine', 'officeName', 'unitName', 'address', 'phone', 'email', 'website', 'postalCode'] as const;
const SIGNING_FIELDS = ['placeName', 'headPosition', 'headRank'] as const;
type FormValues = Record<(typeof TEXT_FIELDS)[number] | (typeof SIGNING_FIELDS)[number], string> & { patterns: Record<LetterKind, LetterNumberPattern> };

function toValues(s: LetterSettingsView): FormValues {
  const values = { patterns: s.patterns } as FormValues;
  for (const f of [...TEXT_FIELDS, ...SIGNING_FIELDS]) values[f] = s[f] ?? '';
  return values;
}

function LetterheadPreview({ settings }: { settings: LetterSettingsView }) {
  const { t } = useTranslation();
  const e = settings.effective;
  return (
    <Card withBorder radius="sm" padding="sm" data-testid="letterhead-preview">
      <Text size="xs" c="dimmed" mb={6}>
        {t('letters.preview')}
      </Text>
      <Group wrap="nowrap" align="center" gap="sm">
        {settings.logoDataUrl ? <Image src={settings.logoDataUrl} alt="" w={48} h={56} fit="contain" /> : <div style={{ width: 48 }} />}
        <Stack gap={0} style={{ flex: 1, textAlign: 'center' }}>
          {e.government && (
            <Text fw={700} size="sm">
              {e.government}
            </Text>
          )}
          {e.office && (
            <Text fw={700} size="sm">
              {e.office}
            </Text>
          )}
          {e.unit && <Text fw={700}>{e.unit}</Text>}
          {e.contact.map((line) => (
            <Text key={line} size="xs">
              {line}
            </Text>
          ))}
        </Stack>
        <div style={{ width: 48 }} />
      </Group>
      <div style={{ borderBottom: '3px double var(--mantine-color-dark-6)', marginTop: 6 }} />
    </Card>
  );
}

function SettingsForm({ organizationId, settings }: { organizationId: string; settings: LetterSettingsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<FormValues>({ initialValues: toValues(settings) });
  const { reset } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the form when the stored settings change
  useEffect(() => reset(toValues(settings)), [settings.updatedAt, organizationId]);
  const key = ['letters', 'settings', organizationId];
  const save = async (values: FormValues) => {
    const body: UpdateLetterSettingsBody = { patterns: values.patterns };
    for (const f of [...TEXT_FIELDS, ...SIGNING_FIELDS]) body[f] = values[f].trim() || null;
    const next = await api.put<LetterSettingsView>(`/letters/settings?organizationId=${organizationId}`, body);
    queryClient.setQueryData(key, next);
    setSaved(true);
  };
  const [logoError, setLogoError] = useState<unknown>(null);
  const uploadLogo = async (file: File | null) => {
    if (!file) return;
    setLogoError(null);
    try {
      const dataUrl = await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(file);
      });
      queryClient.setQueryData(key, await api.put<LetterSettingsView>(`/letters/settings/logo?organizationId=${organizationId}`, { image: dataUrl }));
    } catch (error) {
      setLogoError(error);
    }
  };
  const removeLogo = async () => {
    try {
      queryClient.setQueryData(key, await request<LetterSettingsView>('DELETE', `/letters/settings/logo?organizationId=${organizationId}`));
    } catch (error) {
      setLogoError(error);
    }
  };
  const setPattern = (kind: LetterKind, patch: Partial<LetterNumberPattern>) =>
    form.setValue('patterns', { ...form.values.patterns, [kind]: { ...form.values.patterns[kind], ...patch } });

  return (
    <form onSubmit={form.onSubmit(save)} noValidate>
      <Stack gap="md">
        <LetterheadPreview settings={settings} />
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('letters.logo')}
          </Title>
          <Group>
            <FileButton onChange={(file) => void uploadLogo(file)} accept="image/png,image/jpeg">
              {(props) => (
                <Button size="xs" variant="default" {...props}>
                  {t('letters.uploadLogo')}
                </Button>
              )}
            </FileButton>
            {settings.hasLogo ? (
              <Button size="xs" variant="subtle" color="red" onClick={() => void removeLogo()}>
                {t('letters.removeLogo')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('letters.noLogo')}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            {t('letters.logoHint')}
          </Text>
          <ApiErrorAlert error={logoError} />
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('letters.letterhead')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {TEXT_FIELDS.map((f) => (
              <TextInput key={f} label={t(`fields.${f}`)} placeholder={t(`letters.placeholders.${f}`, { defaultValue: '' })} {...form.getInputProps(f)} />
            ))}
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('letters.signing')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {SIGNING_FIELDS.map((f) => (
              <TextInput key={f} label={t(`fields.${f}`)} placeholder={t(`letters.placeholders.${f}`)} {...form.getInputProps(f)} />
            ))}
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb={4}>
            {t('letters.numbering')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('letters.numberingHint')}
          </Text>
          <Stack gap="sm">
            {LETTER_KINDS.map((kind) => (
              <Stack key={kind} gap={4}>
                <Text size="sm" fw={600}>
                  {t(`letters.kinds.${kind}`)}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput label={t('fields.pattern')} value={form.values.patterns[kind].pattern} onChange={(e) => setPattern(kind, { pattern: e.currentTarget.value })} data-testid={`pattern-${kind}`} />
                  <TextInput label={t('fields.code')} value={form.values.patterns[kind].code} onChange={(e) => setPattern(kind, { code: e.currentTarget.value })} />
                  <NumberInput label={t('fields.seqPadding')} min={0} max={6} value={form.values.patterns[kind].seqPadding} onChange={(v) => setPattern(kind, { seqPadding: Number(v) || 0 })} />
                </SimpleGrid>
                <Text size="xs" c="dimmed" ff="monospace">
                  {t('letters.nextNumber', { number: settings.previews[kind] })}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Paper>
        {saved && !form.error && (
          <Alert color="teal" variant="light" role="status">
            {t('letters.saved')}
          </Alert>
        )}
        <ApiErrorAlert error={form.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} data-testid="letters-save">
            {t('web.common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function LetterSettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const organizations = useOrganizations();
  const firstUnit = organizations.data?.find((o) => o.kind === 'unit')?.id;
  const [chosen, setChosen] = useState<string | null>(null);
  const organizationId = chosen ?? firstUnit ?? user.organization.id;
  const settings = useQuery({
    queryKey: ['letters', 'settings', organizationId],
    queryFn: ({ signal }) => api.get<LetterSettingsView>('/letters/settings', { organizationId }, signal),
  });
  return (
    <Stack maw={960} gap="md">
      <div>
        <Title order={1} size="h2">
          {t('letters.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('letters.intro')}
        </Text>
      </div>
      <Select
        label={t('letters.organization')}
        {...organizationSelectProps(organizations.data)}
        value={organizationId}
        onChange={(value) => value && setChosen(value)}
        allowDeselect={false}
        maw={480}
        comboboxProps={{ withinPortal: true }}
      />
      <ApiErrorAlert error={settings.error} />
      {settings.data && <SettingsForm organizationId={organizationId} settings={settings.data} />}
    </Stack>
  );
}

export default LetterSettingsPage;
