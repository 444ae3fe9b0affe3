/**
 * The unit's SOP: the ordered service stages with their standard times. Everyone in reach may read
 * it; an administrator edits a draft (reorder with up/down buttons, add, remove, change fields) and
 * publishes it as a new version. Cases already running keep the version they started on.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publishSopBody, type SopView } from '../../shared/contracts/sop.js';
import { formatNumber } from '../../shared/i18n/numbers.js';
import type { Role } from '../../shared/permissions.js';
import { SOP_RESPONSIBLE_ROLES } from '../../shared/workflow/default-sop.js';
import { ApiError, api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { formatDateTime, roleLabel } from '../components/labels.js';
import { schemaErrors } from '../forms.js';
import i18n from '../i18n.js';
import { useCan } from '../session.js';
import { ArrowIcon, type FieldErrors, newRowId, SettingsHeader, splitApiError, useSettingsUnit } from './settings-common.js';
import { makeStageKey } from './stage-key.js';

type Stage = SopView['stages'][number];

/** One stage in the draft. `key` is empty for a stage added here until it is published. */
type StageRow = {
  rowId: string;
  key: string;
  nameId: string;
  nameEn: string;
  description: string;
  responsibleRole: Role;
  standardMinutes: number | '';
  skippable: boolean;
};

/**
 * The case flow relies on these stages: the first is completed by the intake itself, and the last
 * (termination) closes the case with its outcome. The editor keeps them in place.
 */
const FIRST_KEY = 'reception';
const LAST_KEY = 'termination';

export const sopKey = (organizationId: string | undefined) => ['sop', organizationId] as const;

/** "1.455 menit" / "1,455 minutes". */
export function minutesText(t: TFunction, count: number): string {
  return t('settingsWeb.sop.minutesValue', { count, n: formatNumber(count, i18n.language) });
}

/** `hh j mm m`-style duration in the UI language. */
export function formatMinutes(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('settingsWeb.duration.minutes', { m: rest });
  if (rest === 0) return t('settingsWeb.duration.hours', { h: hours });
  return t('settingsWeb.duration.hoursMinutes', { h: hours, m: rest });
}

const toRow = (stage: Stage): StageRow => ({
  rowId: stage.id,
  key: stage.key,
  nameId: stage.nameId,
  nameEn: stage.nameEn,
  description: stage.description ?? '',
  responsibleRole: stage.responsibleRole,
  standardMinutes: stage.standardMinutes,
  skippable: stage.skippable,
});

/** The request body for the draft; stages added here get their key now. */
function toBody(name: string, rows: StageRow[]) {
  const taken = new Set(rows.map((row) => row.key).filter(Boolean));
  return {
    name: name.trim(),
    stages: rows.map((row) => ({
      key: row.key || makeStageKey(row.nameEn, taken),
      nameId: row.nameId.trim(),
      nameEn: row.nameEn.trim(),
      description: row.description.trim() || null,
      responsibleRole: row.responsibleRole,
      standardMinutes: row.standardMinutes === '' ? (undefined as unknown as number) : row.standardMinutes,
      skippable: row.skippable,
    })),
  };
}

const totalOf = (rows: { standardMinutes: number | '' }[]) => rows.reduce((sum, row) => sum + (Number(row.standardMinutes) || 0), 0);

function ReadOnlyStages({ sop }: { sop: SopView }) {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const nameOf = (stage: Stage) => (i18n.language === 'en' ? stage.nameEn : stage.nameId);
  const otherName = (stage: Stage) => (i18n.language === 'en' ? stage.nameId : stage.nameEn);
  if (isPhone) {
    return (
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {sop.stages.map((stage) => (
          <Paper key={stage.id} component="li" withBorder radius="md" p="sm" data-testid={`sop-view-${stage.key}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {stage.position}. {nameOf(stage)}
              </Text>
              <Badge variant="light" style={{ flexShrink: 0 }}>
                {formatMinutes(t, stage.standardMinutes)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {otherName(stage)}
            </Text>
            {stage.description && (
              <Text size="sm" mt={4}>
                {stage.description}
              </Text>
            )}
            <Group gap={6} mt={6}>
              <Badge size="sm" variant="outline" color="gray">
                {roleLabel(t, stage.responsibleRole)}
              </Badge>
              {stage.skippable && (
                <Badge size="sm" variant="light" color="yellow">
                  {t('settingsWeb.sop.skippable')}
                </Badge>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" aria-label={t('settingsWeb.sop.stages')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{t('settingsWeb.sop.position')}</Table.Th>
            <Table.Th>{t('settingsWeb.sop.stage')}</Table.Th>
            <Table.Th>{t('settingsWeb.sop.responsibleRole')}</Table.Th>
            <Table.Th ta="right">{t('settingsWeb.sop.standardTime')}</Table.Th>
            <Table.Th>{t('settingsWeb.sop.skippable')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sop.stages.map((stage) => (
            <Table.Tr key={stage.id} data-testid={`sop-view-${stage.key}`}>
              <Table.Td>{stage.position}</Table.Td>
              <Table.Td>
                <Text fw={600}>{nameOf(stage)}</Text>
                <Text size="xs" c="dimmed">
                  {otherName(stage)}
                </Text>
                {stage.description && (
                  <Text size="sm" mt={4} maw={520}>
                    {stage.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{roleLabel(t, stage.responsibleRole)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text span fw={600}>
                  {minutesText(t, stage.standardMinutes)}
                </Text>
                {stage.standardMinutes >= 60 && (
                  <Text size="xs" c="dimmed">
                    {formatMinutes(t, stage.standardMinutes)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{stage.skippable ? t('settingsWeb.common.yes') : t('settingsWeb.common.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th />
            <Table.Th colSpan={2}>{t('settingsWeb.sop.total')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              {minutesText(t, sop.totalMinutes)}
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function StageEditor({
  row,
  index,
  count,
  previousKey,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: StageRow;
  index: number;
  count: number;
  previousKey: string | undefined;
  errors: FieldErrors;
  onChange: (patch: Partial<StageRow>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const err = (field: string) => errors[`stages.${index}.${field}`];
  const name = (i18n.language === 'en' ? row.nameEn : row.nameId) || t('settingsWeb.sop.newStage');
  const isFixedFirst = row.key === FIRST_KEY;
  const isFixedLast = row.key === LAST_KEY;
  // Reception stays first: the stage right below it cannot move above it.
  const canMoveUp = index > 0 && !isFixedFirst && previousKey !== FIRST_KEY;
  const canMoveDown = index < count - 1 && !isFixedLast;
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid={`sop-stage-${row.key || row.rowId}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Badge variant="filled" circle size="lg" style={{ flexShrink: 0 }}>
            {index + 1}
          </Badge>
          <Text fw={600} truncate>
            {name}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('settingsWeb.sop.moveUp', { stage: name })}
            disabled={!canMoveUp}
            onClick={() => onMove(-1)}
          >
            <ArrowIcon direction="up" />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('settingsWeb.sop.moveDown', { stage: name })}
            disabled={!canMoveDown}
            onClick={() => onMove(1)}
          >
            <ArrowIcon direction="down" />
          </ActionIcon>
          <Tooltip label={t('settingsWeb.sop.fixedStage')} disabled={!isFixedFirst && !isFixedLast} withinPortal>
            <ActionIcon
              variant="default"
              color="red"
              size="lg"
              aria-label={t('settingsWeb.sop.remove', { stage: name })}
              disabled={isFixedFirst || isFixedLast || count <= 1}
              onClick={onRemove}
            >
              <Icon name="trash" size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('settingsWeb.sop.nameId')}
            required
            value={row.nameId}
            onChange={(e) => onChange({ nameId: e.currentTarget.value })}
            error={err('nameId')}
          />
          <TextInput
            label={t('settingsWeb.sop.nameEn')}
            required
            value={row.nameEn}
            onChange={(e) => onChange({ nameEn: e.currentTarget.value })}
            error={err('nameEn') ?? err('key')}
          />
        </SimpleGrid>
        <Textarea
          label={t('settingsWeb.sop.description')}
          autosize
          minRows={1}
          maxRows={4}
          value={row.description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
          error={err('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t('settingsWeb.sop.responsibleRole')}
            required
            data={SOP_RESPONSIBLE_ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }))}
            value={row.responsibleRole}
            onChange={(value) => value && onChange({ responsibleRole: value as Role })}
            allowDeselect={false}
            error={err('responsibleRole')}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('settingsWeb.sop.standardMinutes')}
            required
            min={1}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            value={row.standardMinutes}
            onChange={(value) => onChange({ standardMinutes: value === '' ? '' : Number(value) })}
            description={typeof row.standardMinutes === 'number' && row.standardMinutes >= 60 ? formatMinutes(t, row.standardMinutes) : undefined}
            error={err('standardMinutes')}
          />
          <Switch
            label={t('settingsWeb.sop.skippableLong')}
            checked={row.skippable}
            onChange={(e) => onChange({ skippable: e.currentTarget.checked })}
            error={err('skippable')}
            mt={{ base: 0, sm: 'xl' }}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function PublishModal({
  sop,
  rows,
  onClose,
  onPublished,
  onStageErrors,
}: {
  sop: SopView;
  rows: StageRow[];
  onClose: () => void;
  onPublished: (sop: SopView) => void;
  onStageErrors: (errors: FieldErrors, rest: ApiError | null) => void;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = sop.version + 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toBody(name, rows);
    const problems = schemaErrors(publishSopBody, body, t);
    if (problems.name) {
      setNameError(problems.name);
      return;
    }
    if (Object.keys(problems).length > 0) {
      onStageErrors(problems, null);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onPublished(await api.put<SopView>(`/sop?organizationId=${encodeURIComponent(sop.organizationId)}`, body));
    } catch (caught) {
      const { fields, rest } = splitApiError(caught, (field) => field === 'name' || field.startsWith('stages'));
      if (fields.name) setNameError(fields.name);
      const { name: _name, ...stageFields } = fields;
      if (Object.keys(stageFields).length > 0) onStageErrors(stageFields, rest);
      else setError(rest);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('settingsWeb.sop.publishTitle', { version: next })} size="lg" fullScreen={isPhone}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('settingsWeb.sop.publishExplain', { version: next, current: sop.version })}</Text>
          <Text size="sm">
            {t('settingsWeb.sop.publishSummary', { count: rows.length, total: minutesText(t, totalOf(rows)) })}
          </Text>
          <TextInput
            label={t('settingsWeb.sop.versionName')}
            placeholder={t('settingsWeb.sop.versionNamePlaceholder', { version: next })}
            required
            data-autofocus
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(undefined);
            }}
            error={nameError}
          />
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {t('settingsWeb.sop.publish', { version: next })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `/settings/sop` */
export function SopPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const canWrite = can('settings.write');
  const queryClient = useQueryClient();
  const unit = useSettingsUnit();
  const sop = useQuery({
    queryKey: sopKey(unit.unitId),
    queryFn: ({ signal }) => api.get<SopView>('/sop', { organizationId: unit.unitId }, signal),
    enabled: Boolean(unit.unitId),
  });
  const [draft, setDraft] = useState<StageRow[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<SopView | null>(null);

  const startEditing = () => {
    if (!sop.data) return;
    setDraft(sop.data.stages.map(toRow));
    setErrors({});
    setError(null);
    setPublished(null);
  };
  const cancel = () => {
    setDraft(null);
    setErrors({});
    setError(null);
  };
  // Row positions change: messages tied to positions no longer point at the right stage.
  const edit = (next: StageRow[]) => {
    setDraft(next);
    setErrors({});
    setError(null);
  };
  const changeRow = (index: number, patch: Partial<StageRow>) => {
    if (!draft) return;
    setDraft(draft.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    setError(null);
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch)) delete next[`stages.${index}.${field}`];
      if ('nameEn' in patch) delete next[`stages.${index}.key`];
      return next;
    });
  };
  const move = (index: number, delta: -1 | 1) => {
    if (!draft) return;
    const next = [...draft];
    const [row] = next.splice(index, 1);
    next.splice(index + delta, 0, row);
    edit(next);
  };
  const remove = (index: number) => draft && edit(draft.filter((_, i) => i !== index));
  const add = () => {
    if (!draft) return;
    const row: StageRow = {
      rowId: newRowId(),
      key: '',
      nameId: '',
      nameEn: '',
      description: '',
      responsibleRole: 'social_worker',
      standardMinutes: 30,
      skippable: true,
    };
    // New stages go before termination, which must stay last.
    const at = draft[draft.length - 1]?.key === LAST_KEY ? draft.length - 1 : draft.length;
    edit([...draft.slice(0, at), row, ...draft.slice(at)]);
  };
  const openPublish = () => {
    if (!draft) return;
    const problems = schemaErrors(publishSopBody, toBody('placeholder name', draft), t);
    if (Object.keys(problems).length > 0) {
      showStageErrors(problems, null);
      return;
    }
    setErrors({});
    setError(null);
    setPublishing(true);
  };
  const showStageErrors = (found: FieldErrors, rest: ApiError | null) => {
    setPublishing(false);
    setErrors(found);
    const count = Object.keys(found).length;
    setError(
      rest && (rest.fields.length > 0 || count === 0)
        ? rest
        : new ApiError(400, 'validation', t('settingsWeb.sop.fixErrors', { count })),
    );
  };
  const onPublished = (next: SopView) => {
    queryClient.setQueryData(sopKey(next.organizationId), next);
    setPublishing(false);
    setDraft(null);
    setErrors({});
    setError(null);
    setPublished(next);
  };

  const data = sop.data;
  const total = draft ? totalOf(draft) : (data?.totalMinutes ?? 0);

  return (
    <Stack maw={1100}>
      <SettingsHeader
        title={t('settingsWeb.sop.title')}
        intro={t(canWrite ? 'settingsWeb.sop.intro' : 'settingsWeb.sop.introReadOnly')}
        unit={unit}
        actions={
          canWrite && data && !draft ? (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={startEditing} variant="light">
              {t('settingsWeb.sop.edit')}
            </Button>
          ) : undefined
        }
      />
      <ApiErrorAlert error={unit.error ?? sop.error} />
      {(unit.isPending || sop.isPending) && <Loader aria-label={t('web.common.loading')} />}
      {published && (
        <Alert color="teal" variant="light" title={t('settingsWeb.sop.publishedTitle', { version: published.version })} withCloseButton onClose={() => setPublished(null)}>
          {t('settingsWeb.sop.publishedBody', { version: published.version })}
        </Alert>
      )}
      {data && (
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" gap="xs">
            <div>
              <Group gap="xs">
                <Badge variant="filled" color="teal" data-testid="sop-version">
                  {t('settingsWeb.sop.version', { version: data.version })}
                </Badge>
                <Text fw={600}>{data.name}</Text>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t('settingsWeb.sop.publishedAt', { date: formatDateTime(data.createdAt, i18n.language) })}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed" ta="right">
                {draft ? t('settingsWeb.sop.draftTotal') : t('settingsWeb.sop.total')}
              </Text>
              <Text fw={700} ta="right" data-testid="sop-total">
                {minutesText(t, total)}
              </Text>
              <Text size="xs" c="dimmed" ta="right">
                {formatMinutes(t, total)}
              </Text>
            </div>
          </Group>
        </Paper>
      )}
      {data && !draft && <ReadOnlyStages sop={data} />}
      {data && draft && (
        <>
          <Alert color="blue" variant="light">
            {t('settingsWeb.sop.editHint', { version: data.version + 1 })}
          </Alert>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {draft.map((row, index) => (
              <StageEditor
                key={row.rowId}
                row={row}
                index={index}
                count={draft.length}
                previousKey={draft[index - 1]?.key}
                errors={errors}
                onChange={(patch) => changeRow(index, patch)}
                onMove={(delta) => move(index, delta)}
                onRemove={() => remove(index)}
              />
            ))}
          </Stack>
          {errors.stages && (
            <Text c="red" size="sm">
              {errors.stages}
            </Text>
          )}
          <Button variant="default" leftSection={<Icon name="plus" size={16} />} onClick={add} w="fit-content">
            {t('settingsWeb.sop.addStage')}
          </Button>
          <ApiErrorAlert error={error} />
          <Paper
            withBorder
            radius="md"
            p="sm"
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
          >
            <Group justify="space-between" gap="xs">
              <Text fw={600}>
                {t('settingsWeb.sop.draftSummary', { count: draft.length, total: minutesText(t, total) })}
              </Text>
              <Group gap="xs">
                <Button variant="default" onClick={cancel}>
                  {t('web.common.cancel')}
                </Button>
                <Button onClick={openPublish}>{t('settingsWeb.sop.publishButton')}</Button>
              </Group>
            </Group>
          </Paper>
          {publishing && (
            <PublishModal sop={data} rows={draft} onClose={() => setPublishing(false)} onPublished={onPublished} onStageErrors={showStageErrors} />
          )}
        </>
      )}
    </Stack>
  );
}

export default SopPage;
