/**
 * `/settings/forms`: the assessment form templates of a unit (shipped and custom), creating one,
 * importing and exporting files, and editing a draft version in the designer. Loaded lazily.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FormTemplateView, FormVersionView } from '../../shared/contracts/forms.js';
import { ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { useLocalized } from '../forms-runtime/form-renderer.js';
import { fetchTemplates, formsKey, templatesKey } from '../forms-runtime/forms-queries.js';
import { useSettingsUnit } from '../settings/settings-common.js';
import { DefinitionEditor } from './definition-editor.js';

export function FormDesignerPage() {
  const { t } = useTranslation();
  const unit = useSettingsUnit();
  const [params, setParams] = useSearchParams();
  const versionId = params.get('version');
  const organizationId = unit.unitId;

  const openVersion = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('version', id);
      else next.delete('version');
      return next;
    });

  if (unit.isPending || !organizationId) return <Loader />;
  if (versionId) return <VersionLoader versionId={versionId} organizationId={organizationId} onClose={() => openVersion(null)} />;

  return (
    <Stack maw={1100} gap="md">
      <div>
        <Anchor component={Link} to="/settings" size="sm">
          ← {t('settingsWeb.hub.title', { defaultValue: 'Pengaturan' })}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('forms.designer.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4} maw={720}>
          {t('forms.designer.intro')}
        </Text>
      </div>
      {unit.units.length > 1 && (
        <Select
          label={t('settingsWeb.unit', { defaultValue: 'Unit' })}
          data={unit.units.map((u) => ({ value: u.id, label: u.name }))}
          value={organizationId}
          onChange={(v) => v && unit.setUnit(v)}
          allowDeselect={false}
          maw={480}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <TemplateList organizationId={organizationId} onOpen={openVersion} />
    </Stack>
  );
}

function VersionLoader({ versionId, organizationId, onClose }: { versionId: string; organizationId: string; onClose: () => void }) {
  const version = useQuery({
    queryKey: [...formsKey, 'version', versionId],
    queryFn: ({ signal }) => api.get<FormVersionView>(`/forms/versions/${versionId}`, undefined, signal),
  });
  if (version.isPending) return <Loader />;
  if (version.isError) return <ApiErrorAlert error={version.error} />;
  return <DefinitionEditor key={`${version.data.id}-${version.data.status}`} version={version.data} organizationId={organizationId} onClose={onClose} />;
}

function TemplateList({ organizationId, onOpen }: { organizationId: string; onOpen: (versionId: string) => void }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const [titleId, setTitleId] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const templates = useQuery({ queryKey: templatesKey(organizationId), queryFn: ({ signal }) => fetchTemplates(organizationId, signal) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: formsKey });

  const create = useMutation({
    mutationFn: () => api.post<FormVersionView>(`/forms/templates?organizationId=${organizationId}`, { key, title: { id: titleId, en: titleEn } }),
    onSuccess: (draft) => {
      refresh();
      onOpen(draft.id);
    },
  });
  const newDraft = useMutation({
    mutationFn: (templateId: string) => api.post<FormVersionView>(`/forms/templates/${templateId}/drafts`, {}),
    onSuccess: (draft) => {
      refresh();
      onOpen(draft.id);
    },
  });
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, 'forms.import_invalid', t('forms.designer.importInvalid'));
      }
      return api.post<{ draft: FormVersionView }>(`/forms/import?organizationId=${organizationId}`, body);
    },
    onSuccess: () => {
      refresh();
      setNotice(t('forms.designer.importDone'));
    },
  });
  const createErrors = create.error instanceof ApiError ? Object.fromEntries(create.error.fields.map((f) => [f.field, f.message])) : {};

  return (
    <Stack gap="md">
      {notice && (
        <Alert color="teal" variant="light" role="status" onClose={() => setNotice(null)} withCloseButton>
          {notice}
        </Alert>
      )}
      <ApiErrorAlert error={importFile.error ?? newDraft.error} />
      {templates.isPending && <Loader />}
      {templates.isError && <ApiErrorAlert error={templates.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="designer-templates">
        {(templates.data ?? []).map((tpl: FormTemplateView) => (
          <Paper key={tpl.id} withBorder p="sm" radius="md" data-testid={`designer-template-${tpl.key}`}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{localized(tpl.title)}</Text>
                <Badge size="xs" variant="outline" color="gray">
                  {t(`forms.designer.${tpl.origin}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" ff="monospace">
                {tpl.key}
              </Text>
              <Group gap={6}>
                {tpl.published ? (
                  <Badge variant="light" color="teal">
                    {t('forms.designer.published', { version: tpl.published.version })}
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray">
                    {t('forms.designer.notPublished')}
                  </Badge>
                )}
                {tpl.draft && (
                  <Badge variant="light" color="yellow">
                    {t('forms.designer.draft', { version: tpl.draft.version })}
                  </Badge>
                )}
              </Group>
              {tpl.published?.publishedAt && (
                <Text size="xs" c="dimmed">
                  {formatDateTime(tpl.published.publishedAt, i18n.language)}
                  {tpl.published.publishedByName ? ` · ${tpl.published.publishedByName}` : ''}
                </Text>
              )}
              <Group gap="xs" mt={4}>
                {tpl.draft ? (
                  <Button size="xs" onClick={() => onOpen(tpl.draft!.id)} data-testid="designer-edit-draft">
                    {t('forms.designer.editDraft')}
                  </Button>
                ) : (
                  <Button size="xs" variant="light" onClick={() => newDraft.mutate(tpl.id)} loading={newDraft.isPending && newDraft.variables === tpl.id} data-testid="designer-new-draft">
                    {t('forms.designer.newDraft')}
                  </Button>
                )}
                {tpl.published && (
                  <Button size="xs" variant="subtle" onClick={() => onOpen(tpl.published!.id)}>
                    {t('forms.designer.preview')}
                  </Button>
                )}
                <Button size="xs" variant="subtle" component="a" href={`/api/forms/templates/${tpl.id}/export`} download>
                  {t('forms.designer.export')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p="sm" radius="md">
        <Title order={2} size="h5" mb="xs">
          {t('forms.designer.newTemplate')}
        </Title>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput label={t('forms.designer.key')} value={key} onChange={(e) => setKey(e.currentTarget.value)} error={createErrors.key} style={{ flex: '1 1 160px' }} placeholder="home_visit" />
          <TextInput label={t('forms.designer.titleId')} value={titleId} onChange={(e) => setTitleId(e.currentTarget.value)} error={createErrors['title.id']} style={{ flex: '2 1 200px' }} />
          <TextInput label={t('forms.designer.titleEn')} value={titleEn} onChange={(e) => setTitleEn(e.currentTarget.value)} style={{ flex: '2 1 200px' }} />
        </Group>
        <Group gap="xs" mt="sm">
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!key || !titleId}>
            {t('forms.designer.create')}
          </Button>
          <FileButton accept="application/json,.json" onChange={(file) => file && importFile.mutate(file)}>
            {(props) => (
              <Button {...props} variant="default" loading={importFile.isPending} data-testid="designer-import">
                {t('forms.designer.import')}
              </Button>
            )}
          </FileButton>
        </Group>
        {create.error && !(create.error instanceof ApiError && create.error.fields.length) && <ApiErrorAlert error={create.error} />}
      </Paper>
    </Stack>
  );
}

export default FormDesignerPage;
