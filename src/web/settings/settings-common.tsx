/**
 * What the settings pages share: the shelter unit being configured (kept in `?unit=` so it survives
 * switching between the pages), the header with the unit picker and the tabs, and turning the
 * server's field problems (`stages.3.standardMinutes`) into messages next to the right input.
 */
import { Box, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { OrganizationView } from '../../shared/contracts/organizations.js';
import type { Permission } from '../../shared/permissions.js';
import { ApiError } from '../api.js';
import i18n from '../i18n.js';
import { flattenTree, buildOrganizationTree, useOrganizations } from '../organizations.js';
import { useCan, useSession } from '../session.js';

export type FieldErrors = Record<string, string>;

/** The settings pages, in tab order. */
export const SETTINGS_PAGES = [
  { path: '/settings/sop', label: 'settingsWeb.tabs.sop' },
  { path: '/settings/service', label: 'settingsWeb.tabs.service' },
  { path: '/settings/rooms', label: 'settingsWeb.tabs.rooms' },
] as const;

/** Rooms and beds are managed by an administrator or the head of the unit (server: shelter.routes MANAGE_ROOMS). */
export const MANAGE_ROOMS: Permission[] = ['settings.write', 'cases.approve'];
/** Everyone doing casework may look at the rooms (server: READ_ROOMS). */
export const READ_ROOMS: Permission[] = ['settings.write', 'cases.approve', 'cases.read'];

/** Whether the user holds any of the permissions (only to hide what they cannot do; the server decides). */
export function useCanAny(): (permissions: Permission[]) => boolean {
  const can = useCan();
  return (permissions) => permissions.some((p) => can(p));
}

/** Shows a page only to users holding one of `permissions`. */
export function RequireAnyPermission({ permissions, children }: { permissions: Permission[]; children: ReactNode }) {
  const canAny = useCanAny();
  const { t } = useTranslation();
  if (!canAny(permissions)) {
    return (
      <Stack>
        <Title order={2}>{t('web.forbidden.title')}</Title>
        <Text>{t('web.forbidden.body')}</Text>
      </Stack>
    );
  }
  return children;
}

/**
 * The units this user may configure, in tree order, and the one chosen: `?unit=`, else the user's
 * own organization when it is a unit, else the first unit. A user with no unit in reach (a partner
 * institution, a province) configures their own organization.
 */
export function useSettingsUnit() {
  const { user } = useSession();
  const organizations = useOrganizations();
  const [params, setParams] = useSearchParams();
  const ordered = flattenTree(buildOrganizationTree(organizations.data ?? []));
  const units: OrganizationView[] = ordered.filter((org) => org.kind === 'unit');
  const own = units.find((unit) => unit.id === user.organization.id);
  const requested = params.get('unit');
  const chosen =
    units.find((unit) => unit.id === requested) ??
    own ??
    units[0] ??
    (organizations.isSuccess ? { id: user.organization.id, name: user.organization.name } : undefined);
  const setUnit = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('unit', id);
        return next;
      },
      { replace: true },
    );
  return {
    units,
    unitId: chosen?.id,
    unitName: chosen?.name ?? '',
    setUnit,
    isPending: organizations.isPending,
    error: organizations.error,
  };
}

/** Title, intro, the unit picker and the tabs to the other settings pages. */
export function SettingsHeader({
  title,
  intro,
  unit,
  actions,
}: {
  title: string;
  intro: string;
  unit: ReturnType<typeof useSettingsUnit>;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const canAny = useCanAny();
  const pages = SETTINGS_PAGES.filter((page) => page.path !== '/settings/rooms' || canAny(READ_ROOMS));
  return (
    <Stack gap="sm">
      <Tabs value={pathname} onChange={(value) => value && navigate(`${value}${search}`)} keepMounted={false}>
        <Tabs.List aria-label={t('settingsWeb.tabs.label')} style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {pages.map((page) => (
            <Tabs.Tab key={page.path} value={page.path} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {t(page.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Box maw={640}>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {intro}
          </Text>
        </Box>
        {actions}
      </Group>
      {unit.units.length > 1 ? (
        <Select
          label={t('settingsWeb.unit')}
          data={unit.units.map((u) => ({ value: u.id, label: u.name }))}
          value={unit.unitId ?? null}
          onChange={(value) => value && unit.setUnit(value)}
          allowDeselect={false}
          maw={480}
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        unit.unitName && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('settingsWeb.unit')}:{' '}
            </Text>
            <Text span fw={600}>
              {unit.unitName}
            </Text>
          </Text>
        )
      )}
    </Stack>
  );
}

/** The server writes field messages as "Label: problem"; next to the input the label is already shown. */
function withoutLabel(field: string, message: string): string {
  const leaf = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  const label = i18n.t(`fields.${leaf}`, { defaultValue: '' });
  return label && message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
}

/**
 * Split a failed request into messages by field path (as the server names them, e.g.
 * `stages.3.standardMinutes`) for the inputs that exist (`isKnown`), and the error for an Alert with
 * whatever no input can show.
 */
export function splitApiError(caught: unknown, isKnown: (field: string) => boolean): { fields: FieldErrors; rest: ApiError } {
  const error = caught instanceof ApiError ? caught : new ApiError(0, 'unknown', i18n.t('web.errors.unknown'));
  const fields: FieldErrors = {};
  const unplaced = [];
  for (const problem of error.fields) {
    if (isKnown(problem.field)) fields[problem.field] ??= withoutLabel(problem.field, problem.message);
    else unplaced.push(problem);
  }
  return { fields, rest: new ApiError(error.status, error.code, error.message, unplaced) };
}

/** Small arrow icons for moving rows (the shared icon set has none). */
export function ArrowIcon({ direction, size = 16 }: { direction: 'up' | 'down'; size?: number }) {
  return (
    <svg aria-hidden width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={direction === 'up' ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M19 12l-7 7-7-7'} />
    </svg>
  );
}

/** A unique id for a row that has no server id yet (React keys, test ids). */
let rowCounter = 0;
export const newRowId = () => `new-${++rowCounter}`;
