/**
 * The worklists (`/cases`): open, mine, overdue, waiting for my role, new today, closed; search by
 * name, alias, NIK or case number; filters by category and source. Cards on a phone, a table on a
 * desktop. The list, search and filters live in the URL so "back" from a case returns to them.
 */
import { Button, Card, Collapse, Group, Loader, Pagination, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, Suspense, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CaseSummary } from '../../shared/contracts/cases.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { MyPlanItems } from '../case-conferences/my-plan-items.js';
import { useCan } from '../session.js';
import { CategoryBadges, ElapsedVsTarget, OverdueBadge } from './case-bits.js';
import { enumLabel } from './case-format.js';
import { useStageNames } from './case-queries.js';
import { DESKTOP_QUERY, WorklistFilters, WorklistTable } from './worklist-parts.js';
import { WORKLIST_PAGE_SIZE, WORKLISTS_SHOWN, worklistParams, worklistQuery } from './worklist-query.js';

/** Cards in the worklist's first render (a phone shows about three). */
const FIRST_CARDS = 4;

function useWorklistParams() {
  const [params, setParams] = useSearchParams();
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
  return { ...worklistParams(params), update };
}

/**
 * One case as a card. Memoized: a refetch keeps unchanged rows as the same objects, and the stage
 * names arriving after the first render change no card whose name the default SOP already gave.
 */
const CaseCard = memo(function CaseCard({ item, stageLabel }: { item: CaseSummary; stageLabel: string }) {
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
});

export function WorklistPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isDesktop = useMediaQuery(DESKTOP_QUERY, false, { getInitialValueInEffect: false });
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const { list, q, category, source, page, update } = useWorklistParams();
  const [search, setSearch] = useState(q);
  const [filtersOpen, setFiltersOpen] = useState(Boolean(category || source));
  // On a phone the filters' code loads when they are first opened, and then stays for the closing animation.
  const [filtersLoaded, setFiltersLoaded] = useState(filtersOpen);
  const toggleFilters = () => {
    if (filtersLoaded) {
      setFiltersOpen((open) => !open);
      return;
    }
    void WorklistFilters.preload().then(
      () => {
        setFiltersLoaded(true);
        setFiltersOpen(true);
      },
      () => undefined,
    );
  };
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 350);
  const tabsRef = useRef<HTMLDivElement>(null);

  // On a phone the tabs scroll sideways: keep the chosen one in sight. Measured in the next frame, when
  // the browser lays the page out anyway (measuring right after rendering would force an extra layout);
  // the first list needs nothing when the page opens, the strip starts there.
  const opening = useRef(true);
  useEffect(() => {
    const isOpening = opening.current;
    opening.current = false;
    if (isOpening && list === WORKLISTS_SHOWN[0]) return;
    const frame = requestAnimationFrame(() => {
      const tab = tabsRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
      const strip = tabsRef.current;
      if (tab && strip) strip.scrollLeft = tab.offsetLeft - (strip.clientWidth - tab.offsetWidth) / 2;
    });
    return () => cancelAnimationFrame(frame);
  }, [list]);

  // The strip fades at its right edge while tabs lie beyond it (app.css): told by an observer of the last
  // tab, which measures nothing on the page's first render.
  useEffect(() => {
    const strip = tabsRef.current;
    const last = strip?.querySelector<HTMLElement>('[role="tab"]:last-of-type');
    if (!strip || !last || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => strip.toggleAttribute('data-at-end', entry.intersectionRatio > 0.95), {
      root: strip,
      threshold: [0.95, 1],
    });
    observer.observe(last);
    return () => observer.disconnect();
  }, []);

  const cases = useQuery({
    ...worklistQuery({ list, q, category, source, page }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const items = cases.data?.items ?? [];
  // The first render draws the cards a phone shows at once; the rest follow in a background render
  // (React's deferred value), so the page's first paint does not wait for rows below the fold.
  const shownItems = useDeferredValue(items, items.slice(0, FIRST_CARDS));
  const stageName = useStageNames(items.map((item) => item.organizationId));
  const stageLabel = (item: CaseSummary) => stageName(item.organizationId, item.currentStageKey);
  const pages = Math.max(1, Math.ceil((cases.data?.total ?? 0) / WORKLIST_PAGE_SIZE));
  const activeFilters = Number(Boolean(category)) + Number(Boolean(source));

  const filters = (
    <Suspense fallback={<Loader size="sm" aria-label={t('web.common.loading')} />}>
      <WorklistFilters category={category} source={source} onChange={update} />
    </Suspense>
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
          className="singgah-tab-strip"
          aria-label={t('casesWeb.list.worklists')}
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'thin' }}
        >
          {WORKLISTS_SHOWN.map((name) => (
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
              onClick={toggleFilters}
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
            {filtersLoaded && filters}
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
        <Suspense
          fallback={
            <Group justify="center" py="xl">
              <Loader aria-label={t('web.common.loading')} />
            </Group>
          }
        >
          <WorklistTable items={items} stageLabel={stageLabel} />
        </Suspense>
      ) : (
        <Stack gap="sm" aria-busy={cases.isFetching}>
          {shownItems.map((item) => (
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
