import '@mantine/dates/styles.layer.css';
import 'dayjs/locale/id';
import { Button, Code, Group, Modal, Pagination, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider, type DatesRangeValue } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditEntryView } from '../../shared/contracts/audit.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';

const PAGE_SIZE = 50;

/** Entity types the audit log records; new features add theirs here and in web.json. */
const ENTITY_TYPES = [
  'user',
  'organization',
  'client',
  'case',
  'room',
  'attachment',
  'sop',
  'complaint',
  'field_report',
  'form_response',
  'form_template',
  'public_profile',
  'roster_pattern',
  'roster_shift',
  'survey_period',
] as const;

function toDateString(value: DatesRangeValue[number]): string | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

function EntryDetails({ entry, onClose }: { entry: AuditEntryView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const rows: [string, string][] = [
    [t('web.audit.time'), formatDateTime(entry.occurredAt, i18n.language)],
    [t('web.audit.action'), t(`web.audit.actions.${entry.action}`, { defaultValue: entry.action })],
    [t('web.audit.actor'), entry.actorName ?? t('web.audit.system')],
    [
      t('web.audit.entity'),
      [entry.entityType && t(`web.audit.entities.${entry.entityType}`, { defaultValue: entry.entityType }), entry.entityId]
        .filter(Boolean)
        .join(' · ') || '—',
    ],
    [t('web.audit.ip'), entry.ip ?? '—'],
  ];
  return (
    <Modal opened onClose={onClose} title={t('web.audit.detailTitle')} size="lg" fullScreen={isPhone}>
      <Stack>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={140}>{label}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('web.audit.changes')}
          </Text>
          {entry.changes ? (
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(entry.changes, null, 2)}
            </Code>
          ) : entry.changesWithheld ? (
            <Text size="sm" c="dimmed" data-testid="audit-changes-withheld">
              {t('web.audit.changesWithheld')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </div>
      </Stack>
    </Modal>
  );
}

/** Who did what and when, for administrators and heads of unit. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<string | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [range, setRange] = useState<DatesRangeValue>([null, null]);
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<AuditEntryView | null>(null);

  const from = toDateString(range[0]);
  const to = toDateString(range[1]) ?? from;
  const offset = (page - 1) * PAGE_SIZE;
  const entries = useQuery({
    queryKey: ['audit', { action, entityType, from, to, offset }],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntryView[]; total: number }>(
        '/audit',
        { action, entityType, from, to, limit: PAGE_SIZE, offset },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((entries.data?.total ?? 0) / PAGE_SIZE));
  const filtered = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  const actionLabel = (value: string) => t(`web.audit.actions.${value}`, { defaultValue: value });
  const entityLabel = (value: string) => t(`web.audit.entities.${value}`, { defaultValue: value });

  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'id', firstDayOfWeek: 1 }}>
      <Stack maw={1200}>
        <Title order={1} size="h2">
          {t('web.audit.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('web.audit.action')}
            placeholder={t('web.audit.allActions')}
            searchable
            clearable
            data={AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(value) }))}
            value={action}
            onChange={filtered(setAction)}
          />
          <Select
            label={t('web.audit.entity')}
            placeholder={t('web.audit.allEntities')}
            clearable
            data={ENTITY_TYPES.map((value) => ({ value, label: entityLabel(value) }))}
            value={entityType}
            onChange={filtered(setEntityType)}
          />
          <DatePickerInput
            type="range"
            label={t('web.audit.dateRange')}
            placeholder={t('web.audit.anyDate')}
            clearable
            allowSingleDateInRange
            valueFormat="D MMM YYYY"
            value={range}
            onChange={filtered(setRange)}
          />
        </SimpleGrid>

        <ApiErrorAlert error={entries.error} />

        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="xs" striped highlightOnHover aria-busy={entries.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('web.audit.time')}</Table.Th>
                <Table.Th>{t('web.audit.action')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('web.audit.actor')}</Table.Th>
                <Table.Th visibleFrom="md">{t('web.audit.entity')}</Table.Th>
                <Table.Th visibleFrom="lg">{t('web.audit.ip')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data?.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(entry.occurredAt, i18n.language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actionLabel(entry.action)}</Text>
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {entry.actorName ?? t('web.audit.system')}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{entry.actorName ?? t('web.audit.system')}</Table.Td>
                  <Table.Td visibleFrom="md">
                    {entry.entityType ? entityLabel(entry.entityType) : '—'}
                  </Table.Td>
                  <Table.Td visibleFrom="lg">{entry.ip ?? '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setShown(entry)}
                      aria-label={t('web.audit.detailFor', { action: actionLabel(entry.action) })}
                    >
                      {t('web.audit.detail')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {entries.data && entries.data.items.length === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            {t('web.audit.empty')}
          </Text>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('web.common.totalCount', { count: entries.data?.total ?? 0 })}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
        </Group>
        {shown && <EntryDetails entry={shown} onClose={() => setShown(null)} />}
      </Stack>
    </DatesProvider>
  );
}

export default AuditPage;
