/** The case's recorded events (GET /api/cases/:id/timeline), newest first, in the UI language. */
import { Button, Loader, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDetail, timelineEntry } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { categoryLabel, enumLabel, stageName } from './case-format.js';
import { caseTimelineKey } from './case-queries.js';

type TimelineEntry = z.infer<typeof timelineEntry>;

export function actionLabel(t: TFunction, action: string): string {
  return t(`casesWeb.timeline.actions.${action}`, {
    defaultValue: t(`web.audit.actions.${action}`, { defaultValue: t('casesWeb.timeline.otherAction') }),
  });
}

function entryDetails(t: TFunction, entry: TimelineEntry, detail: CaseDetail, language: string): string[] {
  const changes = (entry.changes ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  const stageLabel = (key: unknown) => {
    const stage = detail.stages.find((s) => s.key === key);
    return stage ? stageName(stage, language) : String(key);
  };
  switch (entry.action) {
    case 'case.created':
      if (typeof changes.source === 'string') lines.push(enumLabel(t, 'case_sources', changes.source));
      if (Array.isArray(changes.categories)) lines.push(changes.categories.map((code) => categoryLabel(t, String(code))).join(', '));
      break;
    case 'case.stage_completed':
    case 'case.stage_skipped':
      if (changes.stage) lines.push(stageLabel(changes.stage));
      if (typeof changes.reason === 'string') lines.push(`${t('fields.reason')}: ${changes.reason}`);
      if (typeof changes.notes === 'string') lines.push(changes.notes);
      if (changes.next) lines.push(t('casesWeb.timeline.next', { stage: stageLabel(changes.next) }));
      break;
    case 'case.terminated':
      if (typeof changes.outcome === 'string') lines.push(enumLabel(t, 'termination_outcomes', changes.outcome));
      if (typeof changes.notes === 'string') lines.push(changes.notes);
      break;
    case 'case.updated': {
      const fields = Object.keys(changes);
      if (fields.length > 0) lines.push(fields.map((field) => t(`fields.${field}`, { defaultValue: t(`casesWeb.fields.${field}`, { defaultValue: field }) })).join(', '));
      break;
    }
    default:
      break;
  }
  return lines;
}

/** The newest events shown before "show all": enough for today's work on a phone. */
const FIRST_SHOWN = 6;

export function CaseEvents({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const timeline = useQuery({
    queryKey: caseTimelineKey(detail.id),
    queryFn: ({ signal }) => api.get<{ items: TimelineEntry[] }>(`/cases/${detail.id}/timeline`, undefined, signal),
    select: (data) => [...data.items].reverse(),
  });
  if (timeline.isPending) return <Loader size="sm" aria-label={t('web.common.loading')} />;
  if (timeline.isError) return <ApiErrorAlert error={timeline.error} />;
  if (timeline.data.length === 0) return <Text c="dimmed">{t('casesWeb.timeline.empty')}</Text>;
  const shown = showAll ? timeline.data : timeline.data.slice(0, FIRST_SHOWN);
  return (
    <Stack gap="xs">
      <Timeline bulletSize={12} lineWidth={2} data-testid="case-events">
        {shown.map((entry) => (
          <Timeline.Item key={entry.id} title={<Text size="sm" fw={600}>{actionLabel(t, entry.action)}</Text>}>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at, i18n.language)}
                {entry.actorName ? ` · ${entry.actorName}` : ''}
              </Text>
              {entryDetails(t, entry, detail, i18n.language).map((line) => (
                <Text key={line} size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {line}
                </Text>
              ))}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      {timeline.data.length > FIRST_SHOWN && (
        <Button variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShowAll((all) => !all)}>
          {showAll ? t('casesWeb.timeline.showLess') : t('casesWeb.timeline.showAll', { count: timeline.data.length })}
        </Button>
      )}
    </Stack>
  );
}
