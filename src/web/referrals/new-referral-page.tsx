/** Write a referral from a case: where to, why, which services, which documents, and the client's consent. */
import { Button, Card, Checkbox, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { AttachmentView } from '../../shared/contracts/attachments.js';
import type { CaseSummary } from '../../shared/contracts/cases.js';
import type { InstitutionView } from '../../shared/contracts/institutions.js';
import { REFERRAL_CONSENTS, REFERRAL_URGENCIES, type ReferralDetail } from '../../shared/contracts/referrals.js';
import { SPM_SERVICES } from '../../shared/domain/enums.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { optionalText, useForm } from '../forms.js';

export default function NewReferralPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [caseSearch, setCaseSearch] = useState('');
  const [debounced] = useDebouncedValue(caseSearch, 250);
  const form = useForm({
    initialValues: {
      caseId: params.get('caseId') ?? '',
      toOrganizationId: params.get('to') ?? '',
      reason: '',
      services: [] as string[],
      servicesNote: '',
      urgency: 'routine',
      consent: 'given',
      legalBasis: '',
      documentIds: [] as string[],
    },
    validate: (v, tr) => ({
      caseId: v.caseId ? undefined : tr('validation.required'),
      toOrganizationId: v.toOrganizationId ? undefined : tr('validation.required'),
      reason: v.reason.trim().length >= 5 ? undefined : tr('validation.required'),
      legalBasis: v.consent !== 'given' && v.legalBasis.trim().length < 5 ? tr('validation.legal_basis_required') : undefined,
    }),
  });
  const cases = useQuery({
    queryKey: ['referrals', 'case-search', debounced],
    queryFn: () => api.get<{ items: CaseSummary[] }>('/cases', { list: 'open', q: debounced || undefined, limit: 30 }),
  });
  const institutions = useQuery({ queryKey: ['institutions', 'all'], queryFn: () => api.get<{ items: InstitutionView[] }>('/institutions') });
  const attachments = useQuery({
    queryKey: ['attachments', 'case', form.values.caseId],
    queryFn: () => api.get<AttachmentView[]>('/attachments', { caseId: form.values.caseId }),
    enabled: Boolean(form.values.caseId),
  });
  const docs = attachments.data ?? [];

  const submit = form.onSubmit(async (v) => {
    const created = await api.post<ReferralDetail>('/referrals', {
      caseId: v.caseId,
      toOrganizationId: v.toOrganizationId,
      reason: v.reason,
      services: v.services,
      servicesNote: optionalText(v.servicesNote) ?? null,
      urgency: v.urgency,
      consent: v.consent,
      legalBasis: optionalText(v.legalBasis) ?? null,
      documentIds: v.documentIds,
    });
    navigate(`/referrals/${created.id}`);
  });

  const caseOptions = (cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} · ${c.clientName}` }));
  const institutionOptions = (institutions.data?.items ?? []).map((i) => ({
    value: i.id,
    label: i.availablePlaces != null ? `${i.name} (${t('referrals.web.placesFree', { count: i.availablePlaces })})` : i.name,
  }));

  return (
    <Stack maw={760}>
      <Title order={2}>{t('referrals.web.new')}</Title>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select
              label={t('referrals.web.case')}
              required
              searchable
              data={caseOptions}
              searchValue={caseSearch}
              onSearchChange={setCaseSearch}
              nothingFoundMessage={t('referrals.web.noCases')}
              comboboxProps={{ withinPortal: true }}
              data-testid="referral-case"
              {...form.getInputProps('caseId')}
              onChange={(v) => form.setValue('caseId', v ?? '')}
            />
            <Select
              label={t('fields.toOrganizationId')}
              required
              searchable
              data={institutionOptions}
              comboboxProps={{ withinPortal: true }}
              data-testid="referral-institution"
              {...form.getInputProps('toOrganizationId')}
              onChange={(v) => form.setValue('toOrganizationId', v ?? '')}
            />
            <Textarea label={t('referrals.web.reason')} required autosize minRows={3} {...form.getInputProps('reason')} />
            <MultiSelect
              label={t('fields.services')}
              data={SPM_SERVICES.map((s) => ({ value: s, label: t(`enums.spm_services.${s}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('services')}
            />
            <TextInput label={t('fields.servicesNote')} {...form.getInputProps('servicesNote')} />
            <Group grow wrap="wrap">
              <Select
                label={t('fields.urgency')}
                data={REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`enums.referral_urgencies.${u}`) }))}
                allowDeselect={false}
                {...form.getInputProps('urgency')}
              />
              <Select
                label={t('fields.consent')}
                data={REFERRAL_CONSENTS.map((c) => ({ value: c, label: t(`enums.referral_consents.${c}`) }))}
                allowDeselect={false}
                {...form.getInputProps('consent')}
              />
            </Group>
            {form.values.consent !== 'given' && (
              <Textarea label={t('referrals.web.legalBasis')} description={t('referrals.web.legalBasisHint')} required autosize minRows={2} {...form.getInputProps('legalBasis')} />
            )}
            {form.values.caseId && (
              <Checkbox.Group label={t('fields.documentIds')} value={form.values.documentIds} onChange={(v) => form.setValue('documentIds', v)} error={form.errors.documentIds}>
                <Stack gap={6} mt={6}>
                  {docs.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('referrals.web.noDocuments')}
                    </Text>
                  )}
                  {docs.map((d) => (
                    <Checkbox key={d.id} value={d.id} label={d.caption || d.fileName} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <ApiErrorAlert error={form.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting} data-testid="referral-create">
                {t('referrals.web.saveDraft')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
