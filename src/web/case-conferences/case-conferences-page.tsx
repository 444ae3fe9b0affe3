/** `/case-conferences`: the user's own plan items, then every conference in scope, newest first. */
import { Badge, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseConferenceList } from '../../shared/contracts/case-conferences.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { ConferenceById } from './conference-card.js';
import { conferencesKey } from './conference-queries.js';
import { MyPlanItems } from './my-plan-items.js';

const PAGE_SIZE = 10;

export function CaseConferencesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...conferencesKey, 'list', page],
    queryFn: ({ signal }) => api.get<CaseConferenceList>('/case-conferences', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack maw={960} gap="md">
      <Title order={1} size="h2">
        {t('caseConferences.web.title')}
      </Title>
      <MyPlanItems />
      <ApiErrorAlert error={list.error} />
      {list.isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-label={t('web.common.loading')} />
        </Group>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('caseConferences.web.none')}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((c) => (
            <Stack key={c.id} gap={4}>
              {c.latePlanItems > 0 && (
                <Group gap="xs">
                  <Badge color="red" variant="light">
                    {t('caseConferences.web.lateItems', { count: c.latePlanItems })}
                  </Badge>
                </Group>
              )}
              <ConferenceById id={c.id} />
            </Stack>
          ))}
        </Stack>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('caseConferences.web.total', { count: list.data?.total ?? 0 })}
        </Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Group>
    </Stack>
  );
}

export default CaseConferencesPage;
