/**
 * Record a case conference: when and where, who took part (users and outside people), the cases
 * discussed with a decision for each, the summary, and the intervention plan.
 */
import { ActionIcon, Button, Divider, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseConferenceView, CreateCaseConferenceBody } from '../../shared/contracts/case-conferences.js';
import type { CaseSummary } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { useForm } from '../forms.js';
import { useConferenceWritten } from './conference-queries.js';
import { DateTimeField, DayField } from '../cases/date-fields.js';
import { fromPickerValue, todayDate, toPickerValue } from '../cases/case-format.js';

export interface ConferenceCase {
  caseId: string;
  caseNumber: string;
  clientName: string;
}

interface PlanRow {
  caseId: string;
  activity: string;
  responsibleUserId: string;
  dueDate: string;
}

interface Values extends Record<string, unknown> {
  heldAt: string;
  place: string;
  summary: string;
  userIds: string[];
  external: { name: string; institution: string }[];
  cases: (ConferenceCase & { decision: string })[];
  plan: PlanRow[];
}

export function ConferenceFormModal({
  organizationId,
  initialCases,
  onClose,
  onCreated,
}: {
  organizationId: string;
  initialCases: ConferenceCase[];
  onClose: () => void;
  onCreated?: (conference: CaseConferenceView) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const written = useConferenceWritten();
  const people = useQuery({
    queryKey: ['case-conferences', 'people', organizationId],
    queryFn: ({ signal }) => api.get<{ items: { id: string; name: string; position: string | null }[] }>('/case-conferences/people', { organizationId }, signal),
  });
  const openCases = useQuery({
    queryKey: ['cases', 'list', 'conference-options'],
    queryFn: ({ signal }) => api.get<{ items: CaseSummary[] }>('/cases', { list: 'open', limit: 200 }, signal),
  });
  const form = useForm<Values>({
    initialValues: {
      heldAt: toPickerValue(),
      place: '',
      summary: '',
      userIds: [],
      external: [],
      cases: initialCases.map((c) => ({ ...c, decision: '' })),
      plan: [],
    },
    serverFields: { heldAt: 'heldAt', place: 'place' },
  });
  const v = form.values;
  const userOptions = (people.data?.items ?? []).map((u) => ({ value: u.id, label: u.position ? `${u.name} — ${u.position}` : u.name }));
  const caseOptions = (openCases.data?.items ?? [])
    .filter((c) => c.organizationId === organizationId && !v.cases.some((x) => x.caseId === c.id))
    .map((c) => ({ value: c.id, label: `${c.clientName} · ${c.caseNumber}` }));
  const setPlan = (i: number, patch: Partial<PlanRow>) => form.setValue('plan', v.plan.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const submit = async (values: Values) => {
    const body: CreateCaseConferenceBody = {
      // Empty (cleared) goes to the server as is, whose answer names the field.
      heldAt: fromPickerValue(values.heldAt) ?? '',
      place: values.place.trim(),
      summary: values.summary.trim() || null,
      participants: [
        ...values.userIds.map((userId) => ({ userId })),
        ...values.external.filter((p) => p.name.trim() || p.institution.trim()).map((p) => ({ name: p.name.trim(), institution: p.institution.trim() })),
      ],
      cases: values.cases.map((c) => ({ caseId: c.caseId, decision: c.decision.trim() || null })),
      planItems: values.plan.map((p) => ({ ...p, activity: p.activity.trim() })),
    };
    const created = await api.post<CaseConferenceView>('/case-conferences', body);
    await written();
    onCreated?.(created);
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('caseConferences.web.new')} fullScreen={isPhone} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimeField label={t('caseConferences.web.heldAt')} required {...form.getInputProps('heldAt')} data-testid="conference-held-at" />
            <TextInput label={t('caseConferences.web.place')} required {...form.getInputProps('place')} data-testid="conference-place" />
          </SimpleGrid>

          <Divider label={t('caseConferences.web.participants')} labelPosition="left" />
          <MultiSelect
            label={t('caseConferences.web.internal')}
            data={userOptions}
            searchable
            value={v.userIds}
            onChange={(value) => form.setValue('userIds', value)}
            comboboxProps={{ withinPortal: true }}
            data-testid="conference-users"
          />
          {v.external.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
            <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
              <TextInput
                label={t('caseConferences.web.externalName')}
                value={p.name}
                onChange={(e) => form.setValue('external', v.external.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
                style={{ flex: 1 }}
                data-testid="external-name"
              />
              <TextInput
                label={t('caseConferences.web.externalInstitution')}
                value={p.institution}
                onChange={(e) => form.setValue('external', v.external.map((x, j) => (j === i ? { ...x, institution: e.currentTarget.value } : x)))}
                style={{ flex: 1 }}
                data-testid="external-institution"
              />
              <ActionIcon variant="subtle" color="red" aria-label={t('caseConferences.web.remove')} onClick={() => form.setValue('external', v.external.filter((_, j) => j !== i))} mb={4}>
                <Icon name="trash" size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="default" leftSection={<Icon name="plus" size={14} />} onClick={() => form.setValue('external', [...v.external, { name: '', institution: '' }])} data-testid="add-external">
              {t('caseConferences.web.addExternal')}
            </Button>
          </Group>

          <Divider label={t('caseConferences.web.cases')} labelPosition="left" />
          {v.cases.map((c, i) => (
            <Textarea
              key={c.caseId}
              label={t('caseConferences.web.decision', { client: `${c.clientName} (${c.caseNumber})` })}
              autosize
              minRows={2}
              value={c.decision}
              onChange={(e) => form.setValue('cases', v.cases.map((x, j) => (j === i ? { ...x, decision: e.currentTarget.value } : x)))}
              data-testid="conference-decision"
            />
          ))}
          <Select
            label={t('caseConferences.web.addCase')}
            data={caseOptions}
            searchable
            clearable
            value={null}
            onChange={(value) => {
              const found = openCases.data?.items.find((c) => c.id === value);
              if (found) form.setValue('cases', [...v.cases, { caseId: found.id, caseNumber: found.caseNumber, clientName: found.clientName, decision: '' }]);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea label={t('caseConferences.web.summary')} autosize minRows={3} {...form.getInputProps('summary')} data-testid="conference-summary" />

          <Divider label={t('caseConferences.web.plan')} labelPosition="left" />
          {v.plan.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
            <Stack key={i} gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid="plan-row">
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  #{i + 1}
                </Text>
                <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('caseConferences.web.remove')} onClick={() => form.setValue('plan', v.plan.filter((_, j) => j !== i))}>
                  <Icon name="trash" size={14} />
                </ActionIcon>
              </Group>
              <TextInput label={t('caseConferences.web.activity')} value={row.activity} onChange={(e) => setPlan(i, { activity: e.currentTarget.value })} data-testid="plan-activity" />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <Select
                  label={t('caseConferences.web.case')}
                  data={v.cases.map((c) => ({ value: c.caseId, label: `${c.clientName} · ${c.caseNumber}` }))}
                  value={row.caseId}
                  onChange={(value) => value && setPlan(i, { caseId: value })}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('caseConferences.web.responsible')}
                  data={userOptions}
                  searchable
                  value={row.responsibleUserId || null}
                  onChange={(value) => setPlan(i, { responsibleUserId: value ?? '' })}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="plan-responsible"
                />
                <DayField label={t('caseConferences.web.dueDate')} value={row.dueDate} onChange={(dueDate) => setPlan(i, { dueDate })} data-testid="plan-due" />
              </SimpleGrid>
            </Stack>
          ))}
          <Group>
            <Button
              size="xs"
              variant="default"
              leftSection={<Icon name="plus" size={14} />}
              disabled={v.cases.length === 0}
              onClick={() => form.setValue('plan', [...v.plan, { caseId: v.cases[0].caseId, activity: '', responsibleUserId: '', dueDate: todayDate(3) }])}
              data-testid="add-plan-item"
            >
              {t('caseConferences.web.addItem')}
            </Button>
          </Group>

          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="conference-save">
              {t('web.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
