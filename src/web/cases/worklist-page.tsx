/**
 * The worklists (`/cases`): open, mine, overdue, waiting for my role, new today, closed; search by
 * name, alias, NIK or case number; filters by category and source. Cards on a phone, a table on a
 * desktop. The list, search and filters live in the URL so "back" from a case returns to them.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Loader,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CaseSummary, ListCasesQuery } from '../../shared/contracts/cases.js';
import { CASE_SOURCES } from '../../shared/domain/enums.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { MyPlanItems } from '../case-conferences/my-plan-items.js';
import { useCan } from '../session.js';
import { CategoryBadges, ElapsedVsTarget, OverdueBadge } from './case-bits.js';
import { categoryOptions, enumLabel, enumOptions, formatDuration } from './case-format.js';
import { casesKey, useStageNames } from './case-queries.js';

const PAGE_SIZE = 20;
const LISTS = ['open', 'mine', 'overdue', 'waiting_for_me', 'new_today', 'closed', 'all'] as const satisfies readonly ListCasesQuery['list'][];
type ListName = (typeof LISTS)[number];

function useWorklistParams() {
  const [params, setParams] = useSearchParams();
  const listParam = params.get('list');
  const list: ListName = LISTS.includes(listParam as ListName) ? (listParam as ListName) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Record<string, string | null>, keepPage = false) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  return { list, q: params.get('q') ?? '', category: params.get('category'), source: params.get('source'), page, update };
}

function CaseCard({ item, stageLabel }: { item: CaseSummary; stageLabel: string }) {
  const { t } = useTranslation();
  return (
    <Card
      component={Link}
      to={`/cases/${item.id}`}
      withBorder
      radius="md"
      padding="sm"
      className="singgah-link-card"
      data-testid="case-card"
      style={item.isOverdue ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" ff="monospace" c="dimmed" truncate>
            {item.caseNumber}
          </Text>
          {item.isOverdue && <OverdueBadge />}
        </Group>
        <div>
          <Text fw={700} lh={1.3}>
            {item.clientName}
          </Text>
          {item.clientAliases.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('casesWeb.aka', { names: item.clientAliases.join(', ') })}
            </Text>
          )}
        </div>
        <CategoryBadges codes={item.categories} max={2} />
        <Group justify="space-between" gap="xs" align="flex-end">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="xs" c="dimmed">
              {item.status === 'open' ? t('casesWeb.list.currentStage') : t('casesWeb.list.status')}
            </Text>
            <Text size="sm" fw={500} c={item.isStageOverdue ? 'red.8' : undefined}>
              {item.status === 'open' ? stageLabel : enumLabel(t, 'case_statuses', item.status)}
            </Text>
          </div>
          <ElapsedVsTarget elapsedMinutes={item.elapsedMinutes} targetMinutes={item.targetMinutes} isOverdue={item.isOverdue} />
        </Group>
      </Stack>
    </Card>
  );
}

function CaseTable({ items, stageLabel }: { items: CaseSummary[]; stageLabel: (item: CaseSummary) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('casesWeb.list.caseNumber')}</Table.Th>
            <Table.Th>{t('casesWeb.list.client')}</Table.Th>
            <Table.Th>{t('fields.categories')}</Table.Th>
            <Table.Th>{t('casesWeb.list.currentStage')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('casesWeb.list.time')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="case-row"
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                navigate(`/cases/${item.id}`);
              }}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/cases/${item.id}`} ff="monospace" size="sm">
                  {item.caseNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {item.clientName}
                </Text>
                {item.clientAliases.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('casesWeb.aka', { names: item.clientAliases.join(', ') })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={280}>
                <CategoryBadges codes={item.categories} max={3} />
              </Table.Td>
              <Table.Td>
                {item.status === 'open' ? (
                  <>
                    <Text size="sm" c={item.isStageOverdue ? 'red.8' : undefined} fw={item.isStageOverdue ? 600 : undefined}>
                      {stageLabel(item)}
                    </Text>
                    {item.currentStageStandardMinutes !== null && (
                      <Text size="xs" c="dimmed">
                        {t('casesWeb.list.stageStandard', { duration: formatDuration(item.currentStageStandardMinutes, t) })}
                      </Text>
                    )}
                  </>
                ) : (
                  <Badge color="gray" variant="light">
                    {enumLabel(t, 'case_statuses', item.status)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ElapsedVsTarget elapsedMinutes={item.elapsedMinutes} targetMinutes={item.targetMinutes} isOverdue={item.isOverdue} />
                  {item.isOverdue && <OverdueBadge stage={item.isStageOverdue && item.status === 'open'} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function WorklistPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isDesktop = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const { list, q, category, source, page, update } = useWorklistParams();
  const [search, setSearch] = useState(q);
  const [filtersOpen, setFiltersOpen] = useState(Boolean(category || source));
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 350);
  const tabsRef = useRef<HTMLDivElement>(null);

  // On a phone the tabs scroll sideways: keep the chosen one in sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another list is chosen
  useEffect(() => {
    const tab = tabsRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    const strip = tabsRef.current;
    if (tab && strip) strip.scrollLeft = tab.offsetLeft - (strip.clientWidth - tab.offsetWidth) / 2;
  }, [list]);

  const offset = (page - 1) * PAGE_SIZE;
  const cases = useQuery({
    queryKey: [...casesKey, 'list', { list, q, category, source, offset }],
    queryFn: ({ signal }) =>
      api.get<{ items: CaseSummary[]; total: number }>('/cases', { list, q, category, source, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const items = cases.data?.items ?? [];
  const stageName = useStageNames(items.map((item) => item.organizationId));
  const stageLabel = (item: CaseSummary) => stageName(item.organizationId, item.currentStageKey);
  const pages = Math.max(1, Math.ceil((cases.data?.total ?? 0) / PAGE_SIZE));
  const activeFilters = Number(Boolean(category)) + Number(Boolean(source));

  const filters = (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('fields.categories')}
        placeholder={t('casesWeb.list.allCategories')}
        data={categoryOptions(t)}
        searchable
        clearable
        value={category}
        onChange={(value) => update({ category: value })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('fields.source')}
        placeholder={t('casesWeb.list.allSources')}
        data={enumOptions(t, 'case_sources', CASE_SOURCES)}
        clearable
        value={source}
        onChange={(value) => update({ source: value })}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );

  return (
    <Stack maw={1280} gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={1} size="h2">
          {t('casesWeb.list.title')}
        </Title>
        {can('cases.write') && (
          <Group gap="xs">
            <Button component={Link} to="/cases/raid" variant="default" leftSection={<Icon name="raid" size={16} />} size={isPhone ? 'xs' : 'sm'}>
              {t('casesWeb.nav.raid')}
            </Button>
            <Button component={Link} to="/cases/new" leftSection={<Icon name="plus" size={16} />} size={isPhone ? 'xs' : 'sm'}>
              {t('casesWeb.list.newIntake')}
            </Button>
          </Group>
        )}
      </Group>

      <MyPlanItems hideWhenEmpty />

      <Tabs value={list} onChange={(value) => value && update({ list: value })} keepMounted={false}>
        <Tabs.List
          ref={tabsRef}
          aria-label={t('casesWeb.list.worklists')}
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}
        >
          {LISTS.map((name) => (
            <Tabs.Tab
              key={name}
              value={name}
              style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              color={name === 'overdue' ? 'red' : undefined}
              leftSection={name === 'overdue' ? <Icon name="alert" size={14} /> : undefined}
            >
              {t(`casesWeb.lists.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('casesWeb.list.search')}
            placeholder={t('casesWeb.list.searchPlaceholder')}
            leftSection={<Icon name="search" size={16} />}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              pushSearch(event.currentTarget.value);
            }}
            style={{ flex: 1 }}
          />
          {!isDesktop && (
            <Button
              variant={activeFilters ? 'light' : 'default'}
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-controls="case-filters"
            >
              {activeFilters ? t('casesWeb.list.filtersCount', { count: activeFilters }) : t('casesWeb.list.filters')}
            </Button>
          )}
        </Group>
        {isDesktop ? (
          filters
        ) : (
          <Collapse expanded={filtersOpen} id="case-filters">
            {filters}
          </Collapse>
        )}
      </Stack>

      <ApiErrorAlert error={cases.error} />

      {cases.isPending ? (
        <Group justify="center" py="xl">
          <Loader aria-label={t('web.common.loading')} />
        </Group>
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl" data-testid="worklist-empty">
          {q || category || source ? t('casesWeb.list.noMatches') : t(`casesWeb.list.empty.${list}`, { defaultValue: t('casesWeb.list.noMatches') })}
        </Text>
      ) : isDesktop ? (
        <CaseTable items={items} stageLabel={stageLabel} />
      ) : (
        <Stack gap="sm" aria-busy={cases.isFetching}>
          {items.map((item) => (
            <CaseCard key={item.id} item={item} stageLabel={stageLabel(item)} />
          ))}
        </Stack>
      )}

      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" data-testid="worklist-total">
          {t('casesWeb.list.total', { count: cases.data?.total ?? 0 })}
        </Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={(value) => update({ page: String(value) }, true)} size="sm" />}
      </Group>
    </Stack>
  );
}

export default WorklistPage;
