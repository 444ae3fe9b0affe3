/** One case conference: when, where, who, the cases with decisions, the plan, and its actions. */
import { Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseConferenceView } from '../../shared/contracts/case-conferences.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { useCan } from '../session.js';
import { conferencesKey, useConferenceWritten } from './conference-queries.js';
import { PlanItemRow } from './my-plan-items.js';

function HeldModal({ conference, onClose }: { conference: CaseConferenceView; onClose: () => void }) {
  const { t } = useTranslation();
  const written = useConferenceWritten();
  const atStage = conference.cases.filter((c) => c.currentStageKey === 'case_conference').map((c) => c.caseId);
  const [chosen, setChosen] = useState<string[]>(atStage);
  const held = useMutation({
    mutationFn: () => api.post<CaseConferenceView>(`/case-conferences/${conference.id}/held`, { completeStageForCaseIds: chosen }),
    onSuccess: async () => {
      await written();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('caseConferences.web.heldTitle')}>
      <Stack>
        <Text size="sm">{t('caseConferences.web.heldIntro')}</Text>
        {conference.cases.map((c) => {
          const available = atStage.includes(c.caseId);
          return (
            <Checkbox
              key={c.caseId}
              label={`${c.clientName} · ${c.caseNumber}`}
              description={available ? undefined : t('caseConferences.web.stageNotCurrent')}
              disabled={!available}
              checked={chosen.includes(c.caseId)}
              onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, c.caseId] : chosen.filter((id) => id !== c.caseId))}
              data-testid="held-case"
            />
          );
        })}
        <ApiErrorAlert error={held.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('web.common.cancel')}
          </Button>
          <Button onClick={() => held.mutate()} loading={held.isPending} data-testid="held-confirm">
            {t('caseConferences.web.markHeld')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ConferenceCard({ conference, currentCaseId }: { conference: CaseConferenceView; currentCaseId?: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [holding, setHolding] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Paper withBorder radius="md" p="sm" data-testid="conference-card" data-status={conference.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {formatDateTime(conference.heldAt, i18n.language)} · {conference.place}
          </Text>
          <Badge color={conference.status === 'held' ? 'teal' : 'blue'} variant="light" data-testid="conference-status">
            {t(`caseConferences.web.statuses.${conference.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('caseConferences.web.participants')}: {conference.participants.map((p) => (p.institution ? `${p.name} (${p.institution})` : p.name)).join(', ')}
        </Text>
        {conference.cases.map((c) => (
          <Text key={c.caseId} size="sm">
            {c.caseId === currentCaseId ? (
              <Text span fw={600}>
                {c.clientName}
              </Text>
            ) : (
              <Anchor component={Link} to={`/cases/${c.caseId}`} size="sm" fw={600}>
                {c.clientName} · {c.caseNumber}
              </Anchor>
            )}
            {c.decision ? `: ${c.decision}` : ''}
          </Text>
        ))}
        {conference.summary && (
          <Text size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>
            {conference.summary}
          </Text>
        )}
        {conference.planItems.length > 0 && (
          <Stack gap={6} mt={4}>
            <Text size="xs" fw={600} tt="uppercase" c="dimmed">
              {t('caseConferences.web.plan')}
            </Text>
            {conference.planItems.map((item) => (
              <PlanItemRow key={item.id} item={item} showCase={conference.cases.length > 1} />
            ))}
          </Stack>
        )}
        <Group gap="xs" mt={4}>
          <Anchor href={`${conference.minutesUrl}?lang=${lang}`} size="sm" fw={600} download data-testid="conference-minutes">
            {t('caseConferences.web.minutes')}
          </Anchor>
          {conference.status === 'planned' && can('cases.write') && (
            <Button size="xs" variant="light" onClick={() => setHolding(true)} data-testid="conference-held">
              {t('caseConferences.web.markHeld')}
            </Button>
          )}
        </Group>
      </Stack>
      {holding && <HeldModal conference={conference} onClose={() => setHolding(false)} />}
    </Paper>
  );
}

/** A conference loaded by id (lists carry summaries only). */
export function ConferenceById({ id, currentCaseId }: { id: string; currentCaseId?: string }) {
  const query = useQuery({
    queryKey: [...conferencesKey, 'detail', id],
    queryFn: ({ signal }) => api.get<CaseConferenceView>(`/case-conferences/${id}`, undefined, signal),
  });
  if (query.error) return <ApiErrorAlert error={query.error} />;
  if (!query.data) return null;
  return <ConferenceCard conference={query.data} currentCaseId={currentCaseId} />;
}
