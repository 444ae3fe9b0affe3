/**
 * The live occupancy board (`/shelter`): the rooms of a shelter unit, their beds and who is on each,
 * with nights stayed against the unit's limit (orange when it nears, red past it). Refreshed every
 * minute and whenever the window gets focus, so a board left open at the front desk stays true.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OccupancyBoard, OccupantView } from '../../shared/contracts/shelter.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { formatDateTime } from '../components/labels.js';
import { useOrganizations } from '../organizations.js';
import { useSession } from '../session.js';

export const occupancyKey = (organizationId: string) => ['shelter', 'occupancy', organizationId] as const;

/** The units the user can pick, and the one shown: the `unit` URL parameter, else the user's own unit, else the first. */
function useChosenUnit() {
  const { user } = useSession();
  const organizations = useOrganizations();
  const [params, setParams] = useSearchParams();
  const units = (organizations.data ?? []).filter((org) => org.kind === 'unit');
  const asked = params.get('unit');
  const chosen =
    (asked && units.some((unit) => unit.id === asked) ? asked : null) ??
    (units.some((unit) => unit.id === user.organization.id) ? user.organization.id : (units[0]?.id ?? null)) ??
    (organizations.isPending ? null : user.organization.id);
  const choose = (id: string) =>
    setParams(
      (current) => {
        current.set('unit', id);
        return current;
      },
      { replace: true },
    );
  return { units, chosen, choose, isPending: organizations.isPending, error: organizations.error };
}

function Total({ label, value, color, testId, visibleFrom }: { label: string; value: number; color?: string; testId: string; visibleFrom?: 'sm' }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'sm' }} data-testid={testId} visibleFrom={visibleFrom}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={{ base: 24, sm: 28 }} lh={1.1} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

function StayBadge({ occupant }: { occupant: OccupantView }) {
  const { t } = useTranslation();
  if (occupant.isOverStay) {
    return (
      <Badge color="red" variant="filled" tt="none" leftSection={<Icon name="alert" size={10} />} data-testid="over-stay">
        {t('shelterWeb.over')}
      </Badge>
    );
  }
  if (occupant.isStayWarning) {
    return (
      <Badge color="orange" variant="light" tt="none" data-testid="stay-warning">
        {t('shelterWeb.warning', { count: occupant.daysLeft })}
      </Badge>
    );
  }
  return null;
}

function Occupant({ occupant }: { occupant: OccupantView }) {
  const { t, i18n } = useTranslation();
  const color = occupant.isOverStay ? 'red.8' : occupant.isStayWarning ? 'orange.8' : undefined;
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Group gap={6} wrap="wrap">
        <Anchor component={Link} to={`/cases/${occupant.caseId}`} ff="monospace" size="sm" data-testid="occupant-case">
          {occupant.caseNumber}
        </Anchor>
        <StayBadge occupant={occupant} />
      </Group>
      <Text fw={600} size="sm" data-testid="occupant-name" style={{ overflowWrap: 'anywhere' }}>
        {occupant.clientName}
      </Text>
      <Text size="xs" c="dimmed">
        {t('shelterWeb.admitted', { time: formatDateTime(occupant.admittedAt, i18n.language) })}
      </Text>
      <Text size="sm" c={color} fw={color ? 700 : 500} data-testid="occupant-nights">
        <Icon name="clock" size={14} /> {t('shelterWeb.nights', { count: occupant.daysStayed, limit: occupant.stayLimitDays })}
      </Text>
    </Stack>
  );
}

function RoomCard({ room }: { room: OccupancyBoard['rooms'][number] }) {
  const { t } = useTranslation();
  const occupied = room.beds.filter((bed) => bed.occupant).length;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" data-testid={`room-${room.name}`}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
        <Group gap={6} wrap="wrap">
          <Title order={2} size="h4">
            {room.name}
          </Title>
          <Badge variant="light" color="gray" tt="none">
            {t(`shelter.room_sexes.${room.sex}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('shelterWeb.roomCount', { occupied, beds: room.beds.length })}
        </Text>
      </Group>
      {room.beds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('shelterWeb.noBeds')}
        </Text>
      ) : (
        <Stack gap={6}>
          {room.beds.map((bed) => {
            const o = bed.occupant;
            const edge = o?.isOverStay ? 'var(--mantine-color-red-7)' : o?.isStayWarning ? 'var(--mantine-color-orange-6)' : o ? 'var(--mantine-color-blue-5)' : 'var(--mantine-color-gray-3)';
            return (
              <Paper
                key={bed.id}
                withBorder
                radius="sm"
                p="xs"
                bg={o ? undefined : 'gray.0'}
                style={{ borderLeft: `4px solid ${edge}` }}
                data-testid={`bed-${bed.label}`}
                data-occupied={o ? 'true' : 'false'}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Text ff="monospace" fw={700} size="sm" w={44} style={{ flexShrink: 0 }}>
                    {bed.label}
                  </Text>
                  {o ? (
                    <Occupant occupant={o} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('shelterWeb.freeBed')}
                    </Text>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

export function OccupancyPage() {
  const { t, i18n } = useTranslation();
  const unit = useChosenUnit();
  const board = useQuery({
    queryKey: occupancyKey(unit.chosen ?? ''),
    queryFn: ({ signal }) => api.get<OccupancyBoard>('/shelter/occupancy', { organizationId: unit.chosen }, signal),
    enabled: Boolean(unit.chosen),
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
  });
  const data = board.data;

  return (
    <Stack maw={1280} gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('shelterWeb.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('shelterWeb.intro')}
          </Text>
        </div>
        {unit.units.length > 1 && (
          <Select
            label={t('shelterWeb.unit')}
            data={unit.units.map((u) => ({ value: u.id, label: u.name }))}
            value={unit.chosen}
            onChange={(id) => id && unit.choose(id)}
            allowDeselect={false}
            w={{ base: '100%', sm: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </Group>
      <ApiErrorAlert error={unit.error} />
      <ApiErrorAlert error={board.error} />
      {(unit.isPending || board.isPending) && !board.isError && (
        <Group justify="center" py="xl">
          <Loader aria-label={t('web.common.loading')} />
        </Group>
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="sm" data-testid="occupancy-totals">
            <Total label={t('shelterWeb.totals.beds')} value={data.totals.beds} testId="total-beds" />
            <Total label={t('shelterWeb.totals.occupied')} value={data.totals.occupied} color="blue.8" testId="total-occupied" />
            <Total label={t('shelterWeb.totals.free')} value={data.totals.free} color="teal.8" testId="total-free" />
            <Total label={t('shelterWeb.totals.warnings')} value={data.totals.stayWarnings} color={data.totals.stayWarnings ? 'orange.8' : undefined} testId="total-warnings" visibleFrom="sm" />
            <Total label={t('shelterWeb.totals.over')} value={data.totals.overStays} color={data.totals.overStays ? 'red.8' : undefined} testId="total-over" visibleFrom="sm" />
          </SimpleGrid>
          {/* On a phone the stay-limit counts are one line of badges under the three main totals. */}
          <Group gap="xs" hiddenFrom="sm">
            <Badge color={data.totals.stayWarnings ? 'orange' : 'gray'} variant="light" tt="none">
              {t('shelterWeb.totals.warnings')}: {data.totals.stayWarnings}
            </Badge>
            <Badge color={data.totals.overStays ? 'red' : 'gray'} variant={data.totals.overStays ? 'filled' : 'light'} tt="none">
              {t('shelterWeb.totals.over')}: {data.totals.overStays}
            </Badge>
          </Group>
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {data.organizationName} · {t('shelterWeb.stayLimit', { count: data.stayLimitDays })}; {t('shelterWeb.stayWarning', { count: data.stayWarningDays })}.
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" data-testid="occupancy-as-of" style={{ minWidth: 0 }}>
                {t('shelterWeb.asOf', { time: formatDateTime(data.asOf, i18n.language) })}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => board.refetch()} loading={board.isFetching} style={{ flexShrink: 0 }}>
                {t('shelterWeb.refresh')}
              </Button>
            </Group>
          </Group>
          {data.rooms.length === 0 ? (
            <Alert color="gray" variant="light">
              {t('shelterWeb.noRooms')}
            </Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {data.rooms.map((room) => (
                <RoomCard key={room.id} room={room} />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
      {!unit.isPending && !unit.chosen && <Alert color="gray">{t('shelterWeb.noUnits')}</Alert>}
    </Stack>
  );
}

export default OccupancyPage;
