/** What every stage-record form of the case page shares: its dialog, how a write refreshes the page, a date field. */
import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { todayDate } from './case-format.js';
import { caseKey, casesKey, caseTimelineKey } from './case-queries.js';
import { DayField, type DayFieldProps } from './date-fields.js';

export const recordsKey = (caseId: string) => [...casesKey, 'records', caseId] as const;
export const staysKey = (caseId: string) => [...casesKey, 'stays', caseId] as const;
export const attachmentsKey = (caseId: string) => [...casesKey, 'attachments', caseId] as const;

/** After a record is written: the records, the case (its statuses may follow) and its history. */
export function useRecordWritten(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: recordsKey(caseId) }),
      queryClient.invalidateQueries({ queryKey: staysKey(caseId) }),
      queryClient.invalidateQueries({ queryKey: attachmentsKey(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseTimelineKey(caseId) }),
    ]);
}

/** A form in a dialog (full screen on a phone), with the server's error above the buttons. */
export function RecordModal({
  title,
  onClose,
  onSubmit,
  submitting,
  error,
  submitLabel,
  submitColor,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event?: FormEvent) => void;
  submitting: boolean;
  error: ApiError | null;
  submitLabel?: string;
  submitColor?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={isPhone} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} color={submitColor}>
              {submitLabel ?? t('web.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A calendar date typed as dd/mm/yyyy or picked, by default not after today. Value: `YYYY-MM-DD`. */
export function DateField({ notAfterToday = true, ...props }: DayFieldProps & { notAfterToday?: boolean }) {
  return <DayField maxDate={notAfterToday ? todayDate() : undefined} clearable={false} {...props} />;
}

/** The count shown beside a section title. */
export function CountBadge({ count, color = 'gray' }: { count: number; color?: string }) {
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="light" color={color} circle={count < 10}>
      {count}
    </Badge>
  );
}

export function NoRecords() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('casework.labels.no_records')}
    </Text>
  );
}

/** Numbers from NumberInput (number | ''), as the contracts want them. */
export const toNumber = (value: number | string): number | null => (value === '' || value === null ? null : Number(value));
