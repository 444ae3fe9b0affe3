/**
 * Editing one version of a template: the form's details, its sections and questions (add, move up
 * and down, remove), the problems the shared validator finds as you type, and a live preview with
 * the same renderer the case page uses. Published versions are shown read-only.
 */
import { Alert, Badge, Button, Grid, Group, List, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormAnswers, FormDefinition, FormProblem, FormVersionView } from '../../shared/contracts/forms.js';
import type { SopView } from '../../shared/contracts/sop.js';
import { describeDefinitionPath, validateDefinition } from '../../shared/forms/definition.js';
import { ApiError, api, request } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { FormRenderer, useLocalized } from '../forms-runtime/form-renderer.js';
import { formsKey } from '../forms-runtime/forms-queries.js';
import { earlierFields, move, newField, newSection, updateField, updateSection } from './designer-model.js';
import { FieldEditor } from './field-editor.js';

/** Problems under `prefix`, keyed by the rest of their path. */
function problemsUnder(problems: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

export function DefinitionEditor({ version, organizationId, onClose }: { version: FormVersionView; organizationId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const isWide = useMediaQuery('(min-width: 62em)');
  const [definition, setDefinition] = useState<FormDefinition>(version.definition);
  const [savedText, setSavedText] = useState(JSON.stringify(version.definition));
  const [previewAnswers, setPreviewAnswers] = useState<FormAnswers>({});
  const [notice, setNotice] = useState<string | null>(null);
  /** The question whose settings are open (`section-field` positions); the others show one line. */
  const [openField, setOpenField] = useState<string | null>(null);
  const readOnly = version.status !== 'draft';
  const dirty = JSON.stringify(definition) !== savedText;

  const sop = useQuery({
    queryKey: ['sop', organizationId],
    queryFn: ({ signal }) => api.get<SopView>('/sop', { organizationId }, signal),
    staleTime: 10 * 60_000,
  });

  const problemList: FormProblem[] = validateDefinition(definition);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const problems: Record<string, string> = {};
  for (const p of problemList) problems[p.path] ??= t(`forms.problems.${p.code}`, p.vars);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: formsKey });
  const save = useMutation({
    mutationFn: () => api.put<FormVersionView>(`/forms/versions/${version.id}`, { definition }),
    onSuccess: (saved) => {
      setDefinition(saved.definition);
      setSavedText(JSON.stringify(saved.definition));
      setNotice(t('forms.designer.saved'));
      refresh();
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await save.mutateAsync();
      return api.post<FormVersionView>(`/forms/versions/${version.id}/publish`, {});
    },
    onSuccess: (published) => {
      refresh();
      setNotice(t('forms.designer.publishedOk', { version: published.version }));
      onClose();
    },
  });
  const discard = useMutation({
    mutationFn: () => request('DELETE', `/forms/versions/${version.id}`),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });

  const stageOptions = (sop.data?.stages ?? []).map((s) => ({ value: s.key, label: lang === 'en' ? s.nameEn : s.nameId }));

  const structure = (
    <Stack gap="md" data-testid="designer-structure">
      <Paper withBorder p="sm" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('forms.designer.formDetails')}
        </Title>
        <Grid gap="xs">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('forms.designer.titleId')}
              value={definition.title.id}
              onChange={(e) => setDefinition({ ...definition, title: { ...definition.title, id: e.currentTarget.value } })}
              error={problems['title.id']}
              disabled={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('forms.designer.titleEn')}
              value={definition.title.en}
              onChange={(e) => setDefinition({ ...definition, title: { ...definition.title, en: e.currentTarget.value } })}
              disabled={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Select
              label={t('forms.designer.completesStage')}
              placeholder={t('forms.designer.noStage')}
              data={stageOptions}
              value={definition.completesStage ?? null}
              onChange={(v) => setDefinition({ ...definition, completesStage: v ?? null })}
              clearable
              disabled={readOnly}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
        </Grid>
      </Paper>

      {definition.sections.map((section, si) => (
        // Sections are edited in place (their key may be typed over): position is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Paper key={si} withBorder p="sm" radius="md" data-testid={`designer-section-${si}`}>
          <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
            <Badge variant="light">{t('forms.designer.section', { n: si + 1 })}</Badge>
            {!readOnly && (
              <Group gap={4}>
                <Button size="compact-xs" variant="subtle" onClick={() => setDefinition({ ...definition, sections: move(definition.sections, si, -1) })}>
                  ↑ {t('forms.designer.moveUp')}
                </Button>
                <Button size="compact-xs" variant="subtle" onClick={() => setDefinition({ ...definition, sections: move(definition.sections, si, 1) })}>
                  ↓ {t('forms.designer.moveDown')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setDefinition({ ...definition, sections: definition.sections.filter((_, i) => i !== si) })}
                >
                  {t('forms.designer.removeSection')}
                </Button>
              </Group>
            )}
          </Group>
          <Grid gap="xs" mb="xs">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('forms.designer.sectionTitleId')}
                value={section.title.id}
                onChange={(e) => setDefinition(updateSection(definition, si, (s) => ({ ...s, title: { ...s.title, id: e.currentTarget.value } })))}
                error={problems[`sections.${si}.title.id`]}
                disabled={readOnly}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('forms.designer.sectionTitleEn')}
                value={section.title.en}
                onChange={(e) => setDefinition(updateSection(definition, si, (s) => ({ ...s, title: { ...s.title, en: e.currentTarget.value } })))}
                disabled={readOnly}
              />
            </Grid.Col>
          </Grid>
          {problems[`sections.${si}.fields`] && (
            <Text size="xs" c="red" mb="xs">
              {problems[`sections.${si}.fields`]}
            </Text>
          )}
          <Stack gap={6}>
            {section.fields.map((field, fi) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place, position is their identity
              <Paper key={fi} withBorder p="xs" radius="sm" bg="var(--mantine-color-gray-0)">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate>
                      {fi + 1}. {localized(field.label) || field.key}
                      {field.required ? ' *' : ''}
                    </Text>
                    <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                      {t(`forms.types.${field.type}`)}
                    </Badge>
                    {field.showWhen && (
                      <Badge size="xs" variant="light" color="grape" style={{ flexShrink: 0 }}>
                        {t('forms.designer.conditional')}
                      </Badge>
                    )}
                    {Object.keys(problemsUnder(problems, `sections.${si}.fields.${fi}.`)).length > 0 && (
                      <Badge size="xs" color="red" style={{ flexShrink: 0 }}>
                        !
                      </Badge>
                    )}
                  </Group>
                  <Group gap={2} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant={openField === `${si}-${fi}` ? 'filled' : 'light'}
                      onClick={() => setOpenField(openField === `${si}-${fi}` ? null : `${si}-${fi}`)}
                      data-testid={`designer-toggle-${si}-${fi}`}
                    >
                      {readOnly ? t('forms.designer.details') : t('forms.designer.edit')}
                    </Button>
                  {!readOnly && (
                    <Group gap={2} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t('forms.designer.moveUp')}
                        onClick={() => {
                          setDefinition(updateSection(definition, si, (s) => ({ ...s, fields: move(s.fields, fi, -1) })));
                          setOpenField(null);
                        }}
                      >
                        ↑
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t('forms.designer.moveDown')}
                        onClick={() => {
                          setDefinition(updateSection(definition, si, (s) => ({ ...s, fields: move(s.fields, fi, 1) })));
                          setOpenField(null);
                        }}
                      >
                        ↓
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('forms.designer.removeField')}
                        onClick={() => {
                          setDefinition(updateSection(definition, si, (s) => ({ ...s, fields: s.fields.filter((_, i) => i !== fi) })));
                          setOpenField(null);
                        }}
                      >
                        ✕
                      </Button>
                    </Group>
                  )}
                  </Group>
                </Group>
                {openField === `${si}-${fi}` && (
                  <Stack mt="xs">
                    <FieldEditor
                      field={field}
                      onChange={(next) => setDefinition(updateField(definition, si, fi, () => next))}
                      earlier={earlierFields(definition, si, fi)}
                      problems={problemsUnder(problems, `sections.${si}.fields.${fi}.`)}
                      readOnly={readOnly}
                      testId={`designer-field-${si}-${fi}`}
                    />
                  </Stack>
                )}
              </Paper>
            ))}
          </Stack>
          {!readOnly && (
            <Button
              mt="sm"
              size="xs"
              variant="light"
              onClick={() => {
                setDefinition(updateSection(definition, si, (s) => ({ ...s, fields: [...s.fields, newField(definition)] })));
                setOpenField(`${si}-${section.fields.length}`);
              }}
              data-testid={`designer-add-field-${si}`}
            >
              {t('forms.designer.addField')}
            </Button>
          )}
        </Paper>
      ))}
      {!readOnly && (
        <Button variant="default" onClick={() => setDefinition({ ...definition, sections: [...definition.sections, newSection(definition)] })} data-testid="designer-add-section">
          {t('forms.designer.addSection')}
        </Button>
      )}
    </Stack>
  );

  const preview = (
    <Paper withBorder p="sm" radius="md" data-testid="designer-preview">
      <Title order={3} size="h5" mb="sm">
        {t('forms.designer.preview')} · {localized(definition.title)}
      </Title>
      <FormRenderer definition={definition} answers={previewAnswers} onChange={setPreviewAnswers} />
    </Paper>
  );

  const serverProblems = [save.error, publish.error].find((e) => e instanceof ApiError) as ApiError | undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Button variant="subtle" size="compact-sm" onClick={onClose} px={0}>
            ← {t('forms.designer.backToList')}
          </Button>
          <Title order={2} size="h3">
            {localized(definition.title)}{' '}
            <Badge variant="light" color={readOnly ? 'teal' : 'yellow'}>
              {readOnly ? t('forms.designer.published', { version: version.version }) : t('forms.designer.draft', { version: version.version })}
            </Badge>
          </Title>
        </div>
        {!readOnly && (
          <Group gap="xs">
            <Button variant="subtle" color="red" onClick={() => window.confirm(t('forms.designer.discardConfirm')) && discard.mutate()} loading={discard.isPending}>
              {t('forms.designer.discardDraft')}
            </Button>
            <Button variant="default" onClick={() => save.mutate()} disabled={!dirty || problemList.length > 0} loading={save.isPending} data-testid="designer-save">
              {t('forms.designer.save')}
            </Button>
            <Button
              onClick={() => window.confirm(t('forms.designer.publishConfirm')) && publish.mutate()}
              disabled={problemList.length > 0}
              loading={publish.isPending}
              data-testid="designer-publish"
            >
              {t('forms.designer.publish')}
            </Button>
          </Group>
        )}
      </Group>
      {readOnly && (
        <Alert variant="light" color="gray">
          {t('forms.designer.readOnly')}
        </Alert>
      )}
      {notice && !dirty && (
        <Alert variant="light" color="teal" role="status">
          {notice}
        </Alert>
      )}
      {!readOnly && (
        <Alert variant="light" color={problemList.length ? 'red' : 'teal'} title={t('forms.designer.problems')} data-testid="designer-problems">
          {problemList.length === 0 ? (
            t('forms.designer.noProblems')
          ) : (
            <List size="sm">
              {problemList.map((p) => (
                <List.Item key={`${p.path}-${p.code}`}>
                  {describeDefinitionPath(definition, p.path, lang) || p.path}: {t(`forms.problems.${p.code}`, p.vars)}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {serverProblems && <ApiErrorAlert error={serverProblems} />}
      <ApiErrorAlert error={discard.error} />
      {isWide ? (
        <Grid gap="md">
          <Grid.Col span={7}>{structure}</Grid.Col>
          <Grid.Col span={5}>
            <div style={{ position: 'sticky', top: 70, maxHeight: 'calc(100vh - 90px)', overflowY: 'auto' }}>{preview}</div>
          </Grid.Col>
        </Grid>
      ) : (
        <Tabs defaultValue="structure" keepMounted={false}>
          <Tabs.List grow>
            <Tabs.Tab value="structure">{t('forms.designer.structure')}</Tabs.Tab>
            <Tabs.Tab value="preview">{t('forms.designer.preview')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="structure" pt="sm">
            {structure}
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            {preview}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
