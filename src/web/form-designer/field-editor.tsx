/** Editing one question: key, type, labels, help, required, choices, number range, rows, condition. */
import { Button, Checkbox, Grid, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type AnyFormField,
  CHOICE_FIELD_TYPES,
  FORM_FIELD_TYPES,
  type FormCondition,
  type FormField,
  type FormOption,
  type FormSubField,
} from '../../shared/contracts/forms.js';
import { CONDITION_TARGET_TYPES } from '../../shared/forms/definition.js';
import { useLocalized } from '../forms-runtime/form-renderer.js';
import { freshKey, move, withType } from './designer-model.js';

interface Props<T extends AnyFormField> {
  field: T;
  onChange: (field: T) => void;
  /** Questions a condition may look at (earlier ones). */
  earlier: AnyFormField[];
  /** Problems by path relative to this question (`options`, `showWhen.field`). */
  problems: Record<string, string>;
  isSubField?: boolean;
  readOnly?: boolean;
  testId: string;
}

export function FieldEditor<T extends AnyFormField>({ field, onChange, earlier, problems, isSubField, readOnly, testId }: Props<T>) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const set = (patch: Partial<FormField>) => {
    const next = { ...field, ...patch } as T;
    for (const k of Object.keys(patch) as (keyof T)[]) if (next[k] === undefined || (next[k] as unknown) === '') delete next[k];
    onChange(next);
  };
  const types = FORM_FIELD_TYPES.filter((type) => !isSubField || type !== 'repeating_group');
  const isChoice = CHOICE_FIELD_TYPES.includes(field.type);
  const target = earlier.find((f) => f.key === field.showWhen?.field);

  return (
    <Stack gap="xs" data-testid={testId}>
      <Grid gap="xs">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('forms.designer.fieldType')}
            data={types.map((type) => ({ value: type, label: t(`forms.types.${type}`) }))}
            value={field.type}
            onChange={(type) => type && onChange(withType(field, type as FormField['type']))}
            allowDeselect={false}
            disabled={readOnly}
            comboboxProps={{ withinPortal: true }}
            data-testid={`${testId}-type`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('forms.designer.key')} value={field.key} onChange={(e) => set({ key: e.currentTarget.value })} error={problems.key} disabled={readOnly} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('forms.designer.labelId')}
            value={field.label.id}
            onChange={(e) => set({ label: { ...field.label, id: e.currentTarget.value } })}
            error={problems['label.id']}
            disabled={readOnly}
            data-testid={`${testId}-label-id`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('forms.designer.labelEn')} value={field.label.en} onChange={(e) => set({ label: { ...field.label, en: e.currentTarget.value } })} disabled={readOnly} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('forms.designer.helpId')}
            value={field.help?.id ?? ''}
            onChange={(e) => set({ help: e.currentTarget.value || field.help?.en ? { id: e.currentTarget.value, en: field.help?.en ?? '' } : undefined })}
            disabled={readOnly}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('forms.designer.helpEn')}
            value={field.help?.en ?? ''}
            onChange={(e) => set({ help: e.currentTarget.value || field.help?.id ? { id: field.help?.id ?? '', en: e.currentTarget.value } : undefined })}
            disabled={readOnly}
          />
        </Grid.Col>
      </Grid>
      <Checkbox label={t('forms.designer.required')} checked={Boolean(field.required)} onChange={(e) => set({ required: e.currentTarget.checked || undefined })} disabled={readOnly} />

      {isChoice && <OptionsEditor options={field.options ?? []} onChange={(options) => set({ options })} problems={problems} readOnly={readOnly} />}
      {problems.options && (
        <Text size="xs" c="red">
          {problems.options}
        </Text>
      )}

      {field.type === 'date' && (
        <Checkbox label={t('forms.designer.pastOnly')} checked={Boolean(field.pastOnly)} onChange={(e) => set({ pastOnly: e.currentTarget.checked || undefined })} disabled={readOnly} />
      )}

      {field.type === 'number' && (
        <Group gap="xs" align="flex-end">
          <NumberInput label={t('forms.designer.min')} value={field.min ?? ''} onChange={(v) => set({ min: typeof v === 'number' ? v : undefined })} w={120} error={problems.min} disabled={readOnly} />
          <NumberInput label={t('forms.designer.max')} value={field.max ?? ''} onChange={(v) => set({ max: typeof v === 'number' ? v : undefined })} w={120} disabled={readOnly} />
          <Checkbox label={t('forms.designer.integer')} checked={Boolean(field.integer)} onChange={(e) => set({ integer: e.currentTarget.checked || undefined })} mb={8} disabled={readOnly} />
        </Group>
      )}

      {field.type === 'repeating_group' && 'fields' in field && (
        <SubFieldsEditor field={field as FormField} onChange={(next) => onChange(next as T)} earlier={earlier} problems={problems} readOnly={readOnly} testId={testId} />
      )}

      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('forms.designer.condition')}
          placeholder={t('forms.designer.noCondition')}
          data={earlier
            .filter((f) => (CONDITION_TARGET_TYPES as readonly string[]).includes(f.type))
            .map((f) => ({ value: f.key, label: localized(f.label) || f.key }))}
          value={field.showWhen?.field ?? null}
          onChange={(key) => {
            const t2 = earlier.find((f) => f.key === key);
            set({ showWhen: key && t2 ? { field: key, equals: defaultEquals(t2) } : undefined });
          }}
          clearable
          error={problems['showWhen.field']}
          style={{ flex: '1 1 200px' }}
          disabled={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
        {field.showWhen && target && (
          <ConditionValue target={target} value={field.showWhen.equals} onChange={(equals) => set({ showWhen: { ...(field.showWhen as FormCondition), equals } })} error={problems['showWhen.equals']} readOnly={readOnly} />
        )}
      </Group>
    </Stack>
  );
}

function defaultEquals(target: AnyFormField): FormCondition['equals'] {
  if (target.type === 'yes_no') return true;
  if (target.type === 'scale_1_5' || target.type === 'number') return 1;
  if (target.options?.length) return target.options[0]!.value;
  return '';
}

function ConditionValue({
  target,
  value,
  onChange,
  error,
  readOnly,
}: {
  target: AnyFormField;
  value: FormCondition['equals'];
  onChange: (v: FormCondition['equals']) => void;
  error?: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const label = t('forms.designer.conditionEquals');
  if (target.type === 'yes_no')
    return (
      <Select
        label={label}
        data={[
          { value: 'true', label: t('forms.runtime.yes') },
          { value: 'false', label: t('forms.runtime.no') },
        ]}
        value={String(value)}
        onChange={(v) => onChange(v === 'true')}
        allowDeselect={false}
        w={140}
        disabled={readOnly}
        comboboxProps={{ withinPortal: true }}
      />
    );
  if (target.options)
    return (
      <Select
        label={label}
        data={target.options.map((o) => ({ value: o.value, label: localized(o.label) || o.value }))}
        value={String(value)}
        onChange={(v) => v && onChange(v)}
        allowDeselect={false}
        error={error}
        style={{ flex: '1 1 160px' }}
        disabled={readOnly}
        comboboxProps={{ withinPortal: true }}
      />
    );
  if (target.type === 'number' || target.type === 'scale_1_5')
    return <NumberInput label={label} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : 0)} w={120} error={error} disabled={readOnly} />;
  return <TextInput label={label} value={String(value)} onChange={(e) => onChange(e.currentTarget.value)} error={error} disabled={readOnly} />;
}

function OptionsEditor({ options, onChange, problems, readOnly }: { options: FormOption[]; onChange: (o: FormOption[]) => void; problems: Record<string, string>; readOnly?: boolean }) {
  const { t } = useTranslation();
  const setOption = (i: number, patch: Partial<FormOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('forms.designer.options')}
      </Text>
      {options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a choice being typed has no stable identity yet
        <Group key={i} gap={6} align="flex-start" wrap="wrap">
          <TextInput
            aria-label={t('forms.designer.optionLabelId')}
            placeholder={t('forms.designer.optionLabelId')}
            value={o.label.id}
            onChange={(e) => setOption(i, { label: { ...o.label, id: e.currentTarget.value } })}
            error={problems[`options.${i}.label.id`]}
            style={{ flex: '2 1 140px' }}
            disabled={readOnly}
          />
          <TextInput
            aria-label={t('forms.designer.optionLabelEn')}
            placeholder={t('forms.designer.optionLabelEn')}
            value={o.label.en}
            onChange={(e) => setOption(i, { label: { ...o.label, en: e.currentTarget.value } })}
            style={{ flex: '2 1 140px' }}
            disabled={readOnly}
          />
          <TextInput
            aria-label={t('forms.designer.optionValue')}
            placeholder={t('forms.designer.optionValue')}
            value={o.value}
            onChange={(e) => setOption(i, { value: e.currentTarget.value })}
            error={problems[`options.${i}.value`]}
            style={{ flex: '1 1 100px' }}
            disabled={readOnly}
          />
          {!readOnly && (
            <Group gap={2}>
              <Button size="compact-xs" variant="subtle" onClick={() => onChange(move(options, i, -1))} aria-label={t('forms.designer.moveUp')}>
                ↑
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => onChange(move(options, i, 1))} aria-label={t('forms.designer.moveDown')}>
                ↓
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(options.filter((_, j) => j !== i))} aria-label={t('forms.designer.removeOption')}>
                ✕
              </Button>
            </Group>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          size="compact-sm"
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            const value = freshKey('option', options.map((o) => o.value));
            const n = options.length + 1;
            onChange([...options, { value, label: { id: `Pilihan ${n}`, en: `Option ${n}` } }]);
          }}
        >
          {t('forms.designer.addOption')}
        </Button>
      )}
    </Stack>
  );
}

function SubFieldsEditor({
  field,
  onChange,
  earlier,
  problems,
  readOnly,
  testId,
}: {
  field: FormField;
  onChange: (f: FormField) => void;
  earlier: AnyFormField[];
  problems: Record<string, string>;
  readOnly?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const subs = field.fields ?? [];
  const setSubs = (fields: FormSubField[]) => onChange({ ...field, fields });
  const sub = (prefix: string) =>
    Object.fromEntries(
      Object.entries(problems)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <Text size="sm" fw={500}>
          {t('forms.designer.subFields')}
        </Text>
        <NumberInput
          label={t('forms.designer.maxRows')}
          value={field.maxRows ?? ''}
          min={1}
          max={50}
          onChange={(v) => onChange({ ...field, maxRows: typeof v === 'number' ? v : undefined })}
          w={140}
          size="xs"
          disabled={readOnly}
        />
      </Group>
      {problems.fields && (
        <Text size="xs" c="red">
          {problems.fields}
        </Text>
      )}
      {subs.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: row questions are edited in place, position is their identity
        <Paper key={i} withBorder p="xs" radius="sm" bg="var(--mantine-color-gray-0)">
          <FieldEditor
            field={s}
            onChange={(next) => setSubs(subs.map((x, j) => (j === i ? next : x)))}
            earlier={[...earlier, ...subs.slice(0, i)]}
            problems={sub(`fields.${i}.`)}
            isSubField
            readOnly={readOnly}
            testId={`${testId}-sub-${i}`}
          />
          {!readOnly && (
            <Group gap={4} mt={6}>
              <Button size="compact-xs" variant="subtle" onClick={() => setSubs(move(subs, i, -1))}>
                ↑ {t('forms.designer.moveUp')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setSubs(move(subs, i, 1))}>
                ↓ {t('forms.designer.moveDown')}
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setSubs(subs.filter((_, j) => j !== i))}>
                {t('forms.designer.removeField')}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
      {!readOnly && (
        <Button
          size="compact-sm"
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setSubs([...subs, { key: freshKey('item', subs.map((s) => s.key)), type: 'short_text', label: { id: '', en: '' } }])}
        >
          {t('forms.designer.addField')}
        </Button>
      )}
    </Stack>
  );
}
