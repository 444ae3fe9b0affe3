/** Terminate a case with a coded outcome, after a confirmation: it closes the case for good. */
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import { TERMINATION_OUTCOMES, type TerminationOutcome } from '../../shared/domain/enums.js';
import { ApiError, api } from '../api.js';
import { optionalText, useForm } from '../forms.js';
import { enumLabel, enumOptions } from './case-format.js';
import { CaseWriteError, useCaseUpdated } from './case-stages.js';

export function TerminateModal({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const refresh = useCaseUpdated(detail.id);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    initialValues: { outcome: null as TerminationOutcome | null, notes: '' },
    validate: ({ outcome }, tr) => (outcome ? {} : { outcome: tr('validation.required') }),
  });

  const ask = form.onSubmit(() => setConfirming(true));
  const terminate = form.onSubmit(async ({ outcome, notes }) => {
    try {
      const closed = await api.post<CaseDetail>(`/cases/${detail.id}/terminate`, { outcome, notes: optionalText(notes) ?? null });
      await refresh(closed);
      onClose();
    } catch (error) {
      setConfirming(false);
      if (error instanceof ApiError && error.status === 409) void refresh();
      throw error;
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('casesWeb.terminate.title', { number: detail.caseNumber })} fullScreen={isPhone} size="lg">
      <form onSubmit={confirming ? terminate : ask} noValidate>
        <Stack>
          <Text size="sm">{t('casesWeb.terminate.intro')}</Text>
          <Select
            label={t('fields.outcome')}
            required
            data={enumOptions(t, 'termination_outcomes', TERMINATION_OUTCOMES)}
            disabled={confirming}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('outcome')}
          />
          <Textarea label={t('casesWeb.terminate.notes')} autosize minRows={3} disabled={confirming} {...form.getInputProps('notes')} />
          {confirming && (
            <Alert color="red" variant="light" title={t('casesWeb.terminate.confirmTitle')} role="alert">
              {t('casesWeb.terminate.confirmBody', {
                client: detail.clientName,
                outcome: enumLabel(t, 'termination_outcomes', form.values.outcome),
              })}
            </Alert>
          )}
          <CaseWriteError error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={confirming ? () => setConfirming(false) : onClose}>
              {confirming ? t('casesWeb.terminate.back') : t('web.common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={form.submitting} data-testid={confirming ? 'terminate-confirm' : 'terminate-next'}>
              {confirming ? t('casesWeb.terminate.confirm') : t('casesWeb.terminate.action')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
