/**
 * The NIK check as the officer sees it: what the number encodes (sex, birth date) next to what was
 * recorded, mismatches as orange warnings (both are kept, never blocked) and other clients with the
 * same number, with a link to their cases.
 */
import { Alert, Anchor, Group, Loader, Stack, Table, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NikCheck } from '../../shared/contracts/cases.js';
import { parseKk } from '../../shared/nik.js';
import { api } from '../api.js';
import { Icon } from '../components/icons.js';
import { enumLabel, formatDate } from './case-format.js';

type RecordedSex = 'male' | 'female' | 'unknown' | null | undefined;

export function NikCheckResult({
  check,
  nik,
  recordedSex,
  recordedBirthDate,
}: {
  check: NikCheck;
  nik: string;
  recordedSex: RecordedSex;
  recordedBirthDate: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const hasRecordedSex = recordedSex === 'male' || recordedSex === 'female';
  return (
    <Stack gap="xs" data-testid="nik-check">
      {!check.valid && check.problem && (
        <Alert color="orange" variant="light" p="xs" icon={<Icon name="alert" size={16} />}>
          <Text size="sm">{t('casesWeb.nik.checkNik', { problem: t(`nik.problem.${check.problem}`, { defaultValue: t('casesWeb.nik.invalid') }) })}</Text>
        </Alert>
      )}
      {check.valid && (
        <Table withTableBorder fz="sm" verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('casesWeb.nik.fromNik')}</Table.Th>
              <Table.Th>{t('casesWeb.nik.recorded')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th fw={500}>{t('fields.sex')}</Table.Th>
              <Table.Td>{enumLabel(t, 'sexes', check.derivedSex)}</Table.Td>
              <Table.Td c={check.sexMismatch ? 'orange.8' : undefined} fw={check.sexMismatch ? 700 : undefined}>
                {hasRecordedSex ? enumLabel(t, 'sexes', recordedSex) : '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th fw={500}>{t('fields.birthDate')}</Table.Th>
              <Table.Td>{formatDate(check.derivedBirthDate, i18n.language)}</Table.Td>
              <Table.Td c={check.birthDateMismatch ? 'orange.8' : undefined} fw={check.birthDateMismatch ? 700 : undefined}>
                {formatDate(recordedBirthDate, i18n.language)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      {check.sexMismatch && (
        <Alert color="orange" variant="light" p="xs" icon={<Icon name="alert" size={16} />} data-testid="nik-sex-mismatch">
          <Text size="sm">{t('nik.sex_mismatch')}</Text>
        </Alert>
      )}
      {check.birthDateMismatch && (
        <Alert color="orange" variant="light" p="xs" icon={<Icon name="alert" size={16} />} data-testid="nik-birth-date-mismatch">
          <Text size="sm">{t('nik.birth_date_mismatch')}</Text>
        </Alert>
      )}
      {check.duplicates.length > 0 && (
        <Alert color="orange" variant="light" p="xs" icon={<Icon name="alert" size={16} />} data-testid="nik-duplicates">
          <Stack gap={2}>
            {check.duplicates.map((duplicate) => (
              <Text size="sm" key={duplicate.clientId}>
                {t('nik.duplicate', { name: duplicate.name })}{' '}
                <Anchor component={Link} to={`/cases?list=all&q=${encodeURIComponent(nik)}`} size="sm">
                  {t('casesWeb.nik.seeCases')}
                </Anchor>
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

/** A NIK input that checks the number as soon as it has 16 digits. */
export function NikField({
  value,
  onChange,
  recordedSex,
  recordedBirthDate,
  excludeClientId,
  description,
  ...inputProps
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  recordedSex: RecordedSex;
  recordedBirthDate: string | null | undefined;
  /** The client being edited: its own record is not reported as a duplicate. */
  excludeClientId?: string;
}) {
  const { t } = useTranslation();
  const digits = value.replace(/\D/g, '');
  const [debounced] = useDebouncedValue(digits, 300);
  const sex = recordedSex === 'male' || recordedSex === 'female' ? recordedSex : undefined;
  const birthDate = recordedBirthDate && /^\d{4}-\d{2}-\d{2}$/.test(recordedBirthDate) ? recordedBirthDate : undefined;
  const check = useQuery({
    queryKey: ['nik-check', debounced, sex, birthDate, excludeClientId],
    queryFn: ({ signal }) => api.get<NikCheck>('/clients/nik-check', { nik: debounced, sex, birthDate, excludeClientId }, signal),
    enabled: debounced.length === 16,
    staleTime: 30_000,
  });
  return (
    <Stack gap="xs">
      <TextInput
        inputMode="numeric"
        autoComplete="off"
        maxLength={16}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
        description={digits.length > 0 && digits.length < 16 ? t('casesWeb.nik.digits', { count: digits.length }) : description}
        rightSection={check.isFetching ? <Loader size="xs" /> : undefined}
        {...inputProps}
      />
      {digits.length === 16 && debounced === digits && check.data && (
        <NikCheckResult check={check.data} nik={digits} recordedSex={recordedSex} recordedBirthDate={recordedBirthDate} />
      )}
      {digits.length === 16 && check.isError && (
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {t('casesWeb.nik.checkFailed')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

/** A KK (family card) number; its shape is checked here, on the phone (the server keeps it as given). */
export function KkField({ value, onChange, ...inputProps }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const check = value.length === 16 ? parseKk(value) : null;
  return (
    <Stack gap="xs">
      <TextInput
        inputMode="numeric"
        autoComplete="off"
        maxLength={16}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
        description={value.length > 0 && value.length < 16 ? t('casesWeb.nik.digits', { count: value.length }) : undefined}
        {...inputProps}
      />
      {check && !check.ok && (
        <Alert color="orange" variant="light" p="xs" icon={<Icon name="alert" size={16} />} data-testid="kk-check">
          <Text size="sm">{t('casesWeb.nik.checkKk', { problem: t(`nik.problem.${check.problem}`) })}</Text>
        </Alert>
      )}
    </Stack>
  );
}
