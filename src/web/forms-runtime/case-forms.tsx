/**
 * "Formulir asesmen" on the case page: the forms filled in for the case, starting one from a
 * template, and filling it in (auto-saved as a draft every few seconds), submitting it (problems
 * shown at the questions), reading a submitted one and correcting it. Full screen on a phone.
 */
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import type { FormAnswers, FormResponseSummary, FormResponseView } from '../../shared/contracts/forms.js';
import { ApiError, api, request } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { casesKey } from '../cases/case-queries.js';
import { useCan } from '../session.js';
import { FormRenderer, useLocalized } from './form-renderer.js';
import { caseFormKey, caseFormsKey, fetchTemplates, problemsByPath, templatesKey } from './forms-queries.js';

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 2500;

function useStageName(detail: CaseDetail) {
  const { i18n } = useTranslation();
  return (key: string | null) => {
    const stage = detail.stages.find((s) => s.key === key);
    if (!stage) return key ?? '';
    return i18n.language === 'en' ? stage.nameEn : stage.nameId;
  };
}

/** The case page section. */
export function CaseForms({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const stageName = useStageName(detail);
  const [openId, setOpenId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const writable = canWrite && detail.status === 'open';

  const responses = useQuery({
    queryKey: caseFormsKey(detail.id),
    queryFn: ({ signal }) => api.get<{ items: FormResponseSummary[] }>(`/cases/${detail.id}/forms`, undefined, signal).then((r) => r.items),
  });
  const templates = useQuery({
    queryKey: templatesKey(detail.organizationId),
    queryFn: ({ signal }) => fetchTemplates(detail.organizationId, signal),
    enabled: writable && can('forms.read'),
    staleTime: 5 * 60_000,
  });
  const published = (templates.data ?? []).filter((tpl) => tpl.published);
  // The form that completes the stage in progress comes first and is chosen by default.
  const ordered = [...published].sort((a, b) => Number(b.completesStage === detail.currentStageKey) - Number(a.completesStage === detail.currentStageKey));
  const chosen = templateId ?? ordered[0]?.id ?? null;

  const start = useMutation({
    mutationFn: (id: string) => api.post<FormResponseView>(`/cases/${detail.id}/forms`, { templateId: id }),
    onSuccess: (response) => {
      queryClient.setQueryData(caseFormKey(detail.id, response.id), response);
      void queryClient.invalidateQueries({ queryKey: caseFormsKey(detail.id) });
      setOpenId(response.id);
    },
  });

  return (
    <Stack gap="sm" data-testid="case-forms">
      {responses.isPending && <Loader size="sm" />}
      {responses.isError && <ApiErrorAlert error={responses.error} />}
      {responses.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('forms.runtime.empty')}
        </Text>
      )}
      {responses.data?.map((r) => (
        <Paper key={r.id} withBorder radius="sm" p="xs" data-testid={`case-form-${r.templateKey}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {localized(r.title)}
                </Text>
                <Badge size="xs" variant="light" color={r.status === 'submitted' ? 'teal' : 'yellow'} data-testid="case-form-status">
                  {t(`forms.runtime.${r.status}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('forms.runtime.version', { version: r.version })} ·{' '}
                {r.status === 'submitted'
                  ? t('forms.runtime.submittedBy', { name: r.submittedByName ?? '—', date: formatDateTime(r.submittedAt, i18n.language) })
                  : t('forms.runtime.startedBy', { name: r.createdByName ?? '—', date: formatDateTime(r.updatedAt, i18n.language) })}
              </Text>
            </div>
            <Button size="compact-sm" variant="light" onClick={() => setOpenId(r.id)} data-testid="case-form-open">
              {r.status === 'draft' && writable ? t('forms.runtime.continue') : t('forms.runtime.open')}
            </Button>
          </Group>
        </Paper>
      ))}
      {writable && ordered.length > 0 && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('forms.runtime.pickTemplate')}
            placeholder={t('forms.runtime.templatePlaceholder')}
            data={ordered.map((tpl) => ({
              value: tpl.id,
              label: localized(tpl.title),
            }))}
            value={chosen}
            onChange={setTemplateId}
            allowDeselect={false}
            style={{ flex: '1 1 220px' }}
            data-testid="case-form-template"
            comboboxProps={{ withinPortal: true }}
          />
          <Button onClick={() => chosen && start.mutate(chosen)} loading={start.isPending} disabled={!chosen} data-testid="case-form-start">
            {t('forms.runtime.start')}
          </Button>
        </Group>
      )}
      {writable && chosen && ordered.find((tpl) => tpl.id === chosen)?.completesStage && (
        <Text size="xs" c="dimmed">
          {t('forms.runtime.completesStage', { stage: stageName(ordered.find((tpl) => tpl.id === chosen)!.completesStage) })}
        </Text>
      )}
      {start.isError && <ApiErrorAlert error={start.error} />}
      {openId && <FormModal detail={detail} responseId={openId} writable={writable} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}

type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

function FormModal({ detail, responseId, writable, onClose }: { detail: CaseDetail; responseId: string; writable: boolean; onClose: () => void }) {
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const localized = useLocalized();
  const response = useQuery({
    queryKey: caseFormKey(detail.id, responseId),
    queryFn: ({ signal }) => api.get<FormResponseView>(`/cases/${detail.id}/forms/${responseId}`, undefined, signal),
  });
  const closeRef = useRef<() => Promise<void>>(async () => {});
  return (
    <Modal
      opened
      onClose={() => void closeRef.current().finally(onClose)}
      fullScreen={isPhone}
      size="xl"
      title={response.data ? `${localized(response.data.title)} · v${response.data.version}` : ''}
      data-testid="case-form-modal"
    >
      {response.isPending && <Loader size="sm" />}
      {response.isError && <ApiErrorAlert error={response.error} />}
      {response.data && <FormFiller detail={detail} response={response.data} writable={writable} closeRef={closeRef} onDone={onClose} />}
    </Modal>
  );
}

function FormFiller({
  detail,
  response,
  writable,
  closeRef,
  onDone,
}: {
  detail: CaseDetail;
  response: FormResponseView;
  writable: boolean;
  closeRef: React.MutableRefObject<() => Promise<void>>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stageName = useStageName(detail);
  const [answers, setAnswers] = useState<FormAnswers>(response.answers);
  const [correcting, setCorrecting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const saved = useRef(JSON.stringify(response.answers));
  const latest = useRef(answers);
  latest.current = answers;
  const isDraft = response.status === 'draft';
  const editable = writable && (isDraft || correcting);
  const url = `/cases/${detail.id}/forms/${response.id}`;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseFormsKey(detail.id) });
    void queryClient.invalidateQueries({ queryKey: caseFormKey(detail.id, response.id) });
  };

  const saveNow = async () => {
    const body = latest.current;
    const text = JSON.stringify(body);
    if (text === saved.current) return;
    setSaveState('saving');
    try {
      await api.put<FormResponseView>(url, { answers: body });
      saved.current = text;
      setSaveState(JSON.stringify(latest.current) === text ? 'saved' : 'dirty');
    } catch (err) {
      setSaveState('error');
      if (err instanceof ApiError && err.fields.length) setErrors(problemsByPath(err.fields));
    }
  };

  // Auto-save a draft a moment after the last change; closing the form saves what is pending.
  // biome-ignore lint/correctness/useExhaustiveDependencies: saveNow reads the latest answers from a ref
  useEffect(() => {
    if (!isDraft || !writable) return;
    if (JSON.stringify(answers) === saved.current) return;
    setSaveState('dirty');
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [answers, isDraft, writable]);
  closeRef.current = async () => {
    if (isDraft && writable) await saveNow();
    refresh();
  };

  const submit = useMutation({
    mutationFn: () => api.post<FormResponseView>(`${url}/submit`, { answers: latest.current }),
    onSuccess: (result) => {
      saved.current = JSON.stringify(result.answers);
      setAnswers(result.answers);
      setErrors({});
      queryClient.setQueryData(caseFormKey(detail.id, response.id), result);
      void queryClient.invalidateQueries({ queryKey: casesKey });
      refresh();
      setNotice(result.stageCompleted ? `${t('forms.runtime.submittedOk')} ${t('forms.runtime.stageCompleted', { stage: stageName(result.stageKey) })}` : t('forms.runtime.submittedOk'));
    },
    onError: (err) => showProblems(err),
  });
  const correct = useMutation({
    mutationFn: () => api.post<FormResponseView>(`${url}/correct`, { answers: latest.current }),
    onSuccess: (result) => {
      setErrors({});
      setCorrecting(false);
      setAnswers(result.answers);
      queryClient.setQueryData(caseFormKey(detail.id, response.id), result);
      refresh();
      setNotice(t('forms.runtime.corrected'));
    },
    onError: (err) => showProblems(err),
  });
  const discard = useMutation({
    mutationFn: () => request('DELETE', url),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseFormsKey(detail.id) });
      onDone();
    },
  });

  function showProblems(err: unknown) {
    if (err instanceof ApiError && err.code === 'forms.answers_invalid') {
      setErrors(problemsByPath(err.fields));
      setFailure(null);
      // Bring the first problem into view (on a phone it is usually far above the button).
      requestAnimationFrame(() => document.querySelector('[data-testid="form-renderer"] [aria-invalid="true"], [data-testid="form-renderer"] .mantine-InputWrapper-error')?.scrollIntoView({ block: 'center' }));
    } else setFailure(err);
  }

  const stateLabel: Record<SaveState, string> = {
    saved: t('forms.runtime.saved'),
    dirty: t('forms.runtime.unsaved'),
    saving: t('forms.runtime.saving'),
    error: t('forms.runtime.saveFailed'),
  };

  return (
    <Stack gap="md">
      <FormRenderer
        definition={response.definition}
        answers={answers}
        onChange={(next) => {
          setAnswers(next);
          setNotice(null);
        }}
        errors={errors}
        readOnly={!editable}
        photoTarget={{ caseId: detail.id }}
      />
      {Object.keys(errors).length > 0 && (
        <Alert color="red" variant="light" data-testid="case-form-errors">
          {t('forms.runtime.fixErrors')}
        </Alert>
      )}
      <ApiErrorAlert error={failure ?? discard.error} />
      {/* The actions and the outcome stay in view at the bottom, however long the form. */}
      <Stack gap={6} pos="sticky" bottom={0} py="xs" bg="var(--mantine-color-body)" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}>
        {notice && (
          <Alert color="teal" variant="light" role="status" p="xs" data-testid="case-form-notice">
            {notice}
          </Alert>
        )}
      <Group justify="space-between" gap="xs">
        {isDraft && writable ? (
          <Text size="xs" c={saveState === 'error' ? 'red' : 'dimmed'} data-testid="case-form-save-state" aria-live="polite">
            {stateLabel[saveState]}
          </Text>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {isDraft && writable && (
            <>
              <Button variant="subtle" color="red" size="sm" onClick={() => window.confirm(t('forms.runtime.discardConfirm')) && discard.mutate()}>
                {t('forms.runtime.discard')}
              </Button>
              <Button size="sm" onClick={() => submit.mutate()} loading={submit.isPending} data-testid="case-form-submit">
                {t('forms.runtime.submit')}
              </Button>
            </>
          )}
          {!isDraft && writable && !correcting && (
            <Button size="sm" variant="light" onClick={() => setCorrecting(true)} data-testid="case-form-correct">
              {t('forms.runtime.correct')}
            </Button>
          )}
          {correcting && (
            <>
              <Button
                size="sm"
                variant="subtle"
                onClick={() => {
                  setCorrecting(false);
                  setErrors({});
                  setAnswers(response.answers);
                }}
              >
                {t('forms.runtime.cancel')}
              </Button>
              <Button size="sm" onClick={() => correct.mutate()} loading={correct.isPending} data-testid="case-form-save-correction">
                {t('forms.runtime.saveCorrection')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      </Stack>
    </Stack>
  );
}
