/** The "Rapat kasus" section of the case page: the conferences that discussed the case, and a new one. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseConferenceList } from '../../shared/contracts/case-conferences.js';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { useCan } from '../session.js';
import { ConferenceById } from './conference-card.js';
import { ConferenceFormModal } from './conference-form.js';
import { conferencesKey } from './conference-queries.js';

export function CaseConferenceSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: [...conferencesKey, 'case', detail.id],
    queryFn: ({ signal }) => api.get<CaseConferenceList>('/case-conferences', { caseId: detail.id, limit: 50 }, signal),
  });
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" data-testid="case-conference-section">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('caseConferences.web.sectionTitle')}
        </Title>
        {detail.status === 'open' && can('cases.write') && (
          <Button size="xs" onClick={() => setCreating(true)} data-testid="conference-new">
            {t('caseConferences.web.new')}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        <ApiErrorAlert error={list.error} />
        {items.length === 0 && !list.isPending && (
          <Text size="sm" c="dimmed">
            {t('caseConferences.web.none')}
          </Text>
        )}
        {items.map((c) => (
          <ConferenceById key={c.id} id={c.id} currentCaseId={detail.id} />
        ))}
      </Stack>
      {creating && (
        <ConferenceFormModal
          organizationId={detail.organizationId}
          initialCases={[{ caseId: detail.id, caseNumber: detail.caseNumber, clientName: detail.clientName }]}
          onClose={() => setCreating(false)}
        />
      )}
    </Paper>
  );
}
