/**
 * The first step of an intake: look for a returning client (name, alias or NIK, typo tolerant) so
 * that their new case joins their record instead of creating a duplicate person.
 */
import { Button, Card, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { clientSearchResult } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { enumLabel, formatDate } from './case-format.js';

export type ClientSearchResult = z.infer<typeof clientSearchResult>;

function ClientLine({ client }: { client: ClientSearchResult }) {
  const { t, i18n } = useTranslation();
  const facts = [
    enumLabel(t, 'sexes', client.sex),
    client.birthDate ? formatDate(client.birthDate, i18n.language) : null,
    client.nik ? `${t('fields.nik')} ${client.nik}` : null,
    client.lastCaseNumber ? t('casesWeb.clientSearch.lastCase', { number: client.lastCaseNumber }) : null,
  ].filter(Boolean);
  return (
    <div style={{ minWidth: 0 }}>
      <Text fw={600} size="sm">
        {client.name}
      </Text>
      {client.aliases.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('casesWeb.aka', { names: client.aliases.join(', ') })}
        </Text>
      )}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {facts.join(' · ')}
      </Text>
    </div>
  );
}

export function ClientSearch({
  selected,
  onSelect,
}: {
  selected: ClientSearchResult | null;
  onSelect: (client: ClientSearchResult | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    queryKey: ['client-search', q],
    queryFn: ({ signal }) => api.get<{ items: ClientSearchResult[] }>('/clients/search', { q, limit: 8 }, signal),
    enabled: q.length >= 2 && !selected,
    select: (data) => data.items,
  });

  if (selected) {
    return (
      <Card withBorder radius="md" p="sm" bg="teal.0" data-testid="selected-client">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="xs" c="teal.9" fw={600}>
              {t('casesWeb.clientSearch.selected')}
            </Text>
            <ClientLine client={selected} />
          </Stack>
          <Button variant="default" size="xs" onClick={() => onSelect(null)}>
            {t('casesWeb.clientSearch.change')}
          </Button>
        </Group>
      </Card>
    );
  }

  return (
    <Stack gap="xs">
      <TextInput
        label={t('casesWeb.clientSearch.label')}
        description={t('casesWeb.clientSearch.hint')}
        placeholder={t('casesWeb.clientSearch.placeholder')}
        leftSection={<Icon name="search" size={16} />}
        rightSection={results.isFetching ? <Loader size="xs" /> : undefined}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        type="search"
        autoComplete="off"
      />
      <ApiErrorAlert error={results.error} />
      {q.length >= 2 && results.data && results.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('casesWeb.clientSearch.none')}
        </Text>
      )}
      {results.data && results.data.length > 0 && (
        <Stack gap={6} role="list" aria-label={t('casesWeb.clientSearch.results')}>
          {results.data.map((client) => (
            <Card key={client.id} withBorder radius="md" p="xs" role="listitem">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <ClientLine client={client} />
                <Button size="xs" variant="light" onClick={() => onSelect(client)} aria-label={t('casesWeb.clientSearch.chooseNamed', { name: client.name })}>
                  {t('casesWeb.clientSearch.choose')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
