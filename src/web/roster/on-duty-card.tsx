import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OnDutyView } from '../../shared/contracts/roster.js';
import { whatsappLink } from '../../shared/whatsapp.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';

export const onDutyKey = ['roster', 'on-duty'] as const;

export function useOnDuty() {
  return useQuery({
    queryKey: onDutyKey,
    queryFn: ({ signal }) => api.get<OnDutyView>('/roster/on-duty', undefined, signal),
    refetchInterval: 60_000,
  });
}

/** "Petugas piket sekarang": who is on duty now (night shifts across midnight included), their phone, the last handover note. */
export function OnDutyCard({ withLink = true }: { withLink?: boolean }) {
  const { t, i18n } = useTranslation();
  const onDuty = useOnDuty();
  const officers = onDuty.data?.officers ?? [];
  const handover = onDuty.data?.lastHandover;
  return (
    <Card withBorder radius="md" padding="md" data-testid="on-duty-card" style={{ borderLeft: '4px solid var(--mantine-color-teal-7)' }}>
      <Group justify="space-between" mb={6}>
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          {t('roster.onDutyNow')}
        </Text>
        {withLink && (
          <Anchor component={Link} to="/roster" size="xs">
            {t('roster.openRoster')} →
          </Anchor>
        )}
      </Group>
      <ApiErrorAlert error={onDuty.error} />
      {onDuty.data && officers.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('roster.nobodyOnDuty')}
        </Text>
      )}
      <Stack gap={6}>
        {officers.map((o) => {
          const wa = whatsappLink(o.phone);
          return (
            <Group key={o.shiftId} justify="space-between" wrap="wrap" gap="xs" data-testid="on-duty-officer">
              <div>
                <Text fw={600}>{o.name}</Text>
                <Text size="xs" c="dimmed">
                  {o.startTime}–{o.endTime}
                  {o.roleNote ? ` · ${o.roleNote}` : ''}
                </Text>
              </div>
              {o.phone && (
                <Group gap="xs">
                  <Anchor href={`tel:${o.phone.replace(/[^\d+]/g, '')}`} size="sm">
                    {t('roster.call')} {o.phone}
                  </Anchor>
                  {wa && (
                    <Badge component="a" href={wa} target="_blank" rel="noreferrer" color="green" variant="light" tt="none" style={{ cursor: 'pointer' }}>
                      {t('roster.whatsapp')}
                    </Badge>
                  )}
                </Group>
              )}
            </Group>
          );
        })}
      </Stack>
      {handover && (
        <Stack gap={2} mt="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('roster.lastHandover')} · {t('roster.by', { name: handover.officerName })}
            {handover.at ? ` · ${new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(handover.at))}` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
            {handover.note}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
