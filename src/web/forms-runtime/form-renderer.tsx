/**
 * Renders a form definition (any version) for filling in or for reading: sections, questions of every
 * type, repeating groups, and conditions (a hidden question is not shown and its answer does not
 * count). The same component is the designer's live preview.
 */
import '@mantine/dates/styles.layer.css';
import {
  Button,
  Checkbox,
  Chip,
  FileButton,
  Group,
  Image,
  Input,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyFormField, FormAnswerRow, FormAnswers, FormAnswerValue, FormDefinition, FormField, LocalizedText } from '../../shared/contracts/forms.js';
import { visibleFields, visibleRowFields } from '../../shared/forms/answers.js';
import { ApiError } from '../api.js';
import { todayDate } from '../cases/case-format.js';
import { DatesScope, DayField } from '../cases/date-fields.js';
import { uploadAttachment } from '../cases/upload.js';
import { useMe } from '../session.js';
import { SignaturePad } from './signature-pad.js';

/** A text in the UI language (the Indonesian one when the English is left empty). */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (text: LocalizedText | undefined) => (text ? (i18n.language === 'en' && text.en) || text.id : '');
}

/** Where uploaded photos go: the case being filled in (none in the designer's preview). */
export interface PhotoTarget {
  caseId: string;
}

interface RendererProps {
  definition: FormDefinition;
  answers: FormAnswers;
  onChange?: (answers: FormAnswers) => void;
  /** Problems by answer path (`name`, `family.0.age`), already in the UI language. */
  errors?: Record<string, string>;
  readOnly?: boolean;
  photoTarget?: PhotoTarget;
}

/** Every section of the form with its shown questions. */
export function FormRenderer({ definition, answers, onChange, errors = {}, readOnly, photoTarget }: RendererProps) {
  const localized = useLocalized();
  const visible = visibleFields(definition, answers);
  const set = (key: string, value: FormAnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange?.(next);
  };
  return (
    <DatesScope>
      <Stack gap="lg" data-testid="form-renderer">
        {definition.sections.map((section) => {
          const fields = section.fields.filter((f) => visible.has(f.key));
          if (fields.length === 0) return null;
          return (
            <Stack key={section.key} gap="sm" component="section" data-testid={`form-section-${section.key}`}>
              <div>
                <Title order={3} size="h5">
                  {localized(section.title)}
                </Title>
                {section.description && (
                  <Text size="xs" c="dimmed">
                    {localized(section.description)}
                  </Text>
                )}
              </div>
              {fields.map((field) =>
                field.type === 'repeating_group' ? (
                  <RepeatingGroup
                    key={field.key}
                    field={field}
                    answers={answers}
                    visibleTop={visible}
                    rows={Array.isArray(answers[field.key]) ? (answers[field.key] as FormAnswerRow[]) : []}
                    onRows={(rows) => set(field.key, rows)}
                    errors={errors}
                    readOnly={readOnly}
                    photoTarget={photoTarget}
                  />
                ) : (
                  <FieldInput
                    key={field.key}
                    field={field}
                    path={field.key}
                    value={answers[field.key]}
                    onValue={(v) => set(field.key, v)}
                    error={errors[field.key]}
                    readOnly={readOnly}
                    photoTarget={photoTarget}
                  />
                ),
              )}
            </Stack>
          );
        })}
      </Stack>
    </DatesScope>
  );
}

function RepeatingGroup({
  field,
  rows,
  onRows,
  answers,
  visibleTop,
  errors,
  readOnly,
  photoTarget,
}: {
  field: FormField;
  rows: FormAnswerRow[];
  onRows: (rows: FormAnswerRow[]) => void;
  answers: FormAnswers;
  visibleTop: Set<string>;
  errors: Record<string, string>;
  readOnly?: boolean;
  photoTarget?: PhotoTarget;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const max = field.maxRows ?? 50;
  const setCell = (index: number, key: string, value: FormAnswerValue | undefined) => {
    const next = rows.map((row, i) => {
      if (i !== index) return row;
      const copy = { ...row };
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete copy[key];
      else copy[key] = value as FormAnswerRow[string];
      return copy;
    });
    onRows(next);
  };
  return (
    <Input.Wrapper
      label={localized(field.label)}
      description={localized(field.help)}
      required={field.required && !readOnly}
      error={errors[field.key]}
      data-testid={`form-field-${field.key}`}
    >
      <Stack gap="xs" mt={4}>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {readOnly ? t('forms.runtime.notAnswered') : t('forms.runtime.noRows')}
          </Text>
        )}
        {rows.map((row, index) => {
          const rowVisible = visibleRowFields(field, row, answers, visibleTop);
          return (
            // Rows have no identity of their own; the position is what the answers store.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are identified by position
            <Paper key={index} withBorder p="xs" radius="sm" data-testid={`form-row-${field.key}-${index}`}>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>
                  {t('forms.runtime.row', { n: index + 1 })}
                </Text>
                {!readOnly && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRows(rows.filter((_, i) => i !== index))}>
                    {t('forms.runtime.removeRow')}
                  </Button>
                )}
              </Group>
              <Stack gap="xs">
                {(field.fields ?? [])
                  .filter((sub) => rowVisible.has(sub.key))
                  .map((sub) => {
                    const path = `${field.key}.${index}.${sub.key}`;
                    return (
                      <FieldInput
                        key={sub.key}
                        field={sub}
                        path={path}
                        value={row[sub.key]}
                        onValue={(v) => setCell(index, sub.key, v)}
                        error={errors[path]}
                        readOnly={readOnly}
                        photoTarget={photoTarget}
                      />
                    );
                  })}
              </Stack>
            </Paper>
          );
        })}
        {!readOnly && rows.length < max && (
          <Button variant="light" size="xs" onClick={() => onRows([...rows, {}])} data-testid={`form-add-row-${field.key}`} style={{ alignSelf: 'flex-start' }}>
            {t('forms.runtime.addRow')}
          </Button>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

interface FieldProps {
  field: AnyFormField;
  path: string;
  value: FormAnswerValue | undefined;
  onValue: (value: FormAnswerValue | undefined) => void;
  error?: string;
  readOnly?: boolean;
  photoTarget?: PhotoTarget;
}

/** One question as an input fitting its type (or as its answer, when reading). */
export function FieldInput({ field, path, value, onValue, error, readOnly, photoTarget }: FieldProps) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const testId = `form-field-${path.replaceAll('.', '-')}`;
  const common = {
    label: localized(field.label),
    description: localized(field.help) || undefined,
    required: Boolean(field.required) && !readOnly,
    error,
  };
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: localized(o.label) }));

  if (readOnly) return <AnswerView field={field} value={value} label={common.label} testId={testId} />;

  switch (field.type) {
    case 'short_text':
      return (
        <TextInput
          {...common}
          data-testid={testId}
          value={typeof value === 'string' ? value : ''}
          maxLength={field.maxLength ?? 500}
          onChange={(e) => onValue(e.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          data-testid={testId}
          autosize
          minRows={2}
          maxRows={10}
          value={typeof value === 'string' ? value : ''}
          maxLength={field.maxLength ?? 10_000}
          onChange={(e) => onValue(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          data-testid={testId}
          value={typeof value === 'number' ? value : ''}
          min={field.min}
          max={field.max}
          allowDecimal={!field.integer}
          decimalSeparator={i18n.language === 'en' ? '.' : ','}
          inputMode={field.integer ? 'numeric' : 'decimal'}
          onChange={(v) => onValue(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'date':
      return (
        <DayField
          {...common}
          data-testid={testId}
          maxDate={field.pastOnly ? todayDate() : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onValue(v || undefined)}
        />
      );
    case 'single_choice':
      if (options.length > 6)
        return (
          <Select
            {...common}
            data-testid={testId}
            data={options}
            searchable
            clearable
            value={typeof value === 'string' ? value : null}
            onChange={(v) => onValue(v ?? undefined)}
          />
        );
      return (
        <Radio.Group {...common} data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(v) => onValue(v)}>
          <Stack gap={6} mt={4}>
            {options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group {...common} data-testid={testId} value={Array.isArray(value) ? (value as string[]) : []} onChange={(v) => onValue(v)}>
          <Stack gap={6} mt={4}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'yes_no':
      return (
        <Radio.Group
          {...common}
          data-testid={testId}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onValue(v === 'yes' ? true : v === 'no' ? false : undefined)}
        >
          <Group gap="lg" mt={4}>
            <Radio value="yes" label={t('forms.runtime.yes')} />
            <Radio value="no" label={t('forms.runtime.no')} />
          </Group>
        </Radio.Group>
      );
    case 'scale_1_5':
      return (
        <Input.Wrapper {...common} data-testid={testId}>
          <Chip.Group multiple={false} value={typeof value === 'number' ? String(value) : ''} onChange={(v) => onValue(v ? Number(v) : undefined)}>
            <Group gap={6} mt={4}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Chip key={n} value={String(n)} variant="outline">
                  {n}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
      );
    case 'photo':
      return (
        <Input.Wrapper {...common} data-testid={testId}>
          <PhotoInput value={typeof value === 'string' ? value : null} onValue={onValue} photoTarget={photoTarget} />
        </Input.Wrapper>
      );
    case 'signature':
      return (
        <Input.Wrapper {...common}>
          <SignaturePad value={typeof value === 'string' ? value : null} onChange={(v) => onValue(v ?? undefined)} testId={testId} />
        </Input.Wrapper>
      );
    case 'repeating_group':
      return null;
  }
}

function PhotoInput({ value, onValue, photoTarget }: { value: string | null; onValue: (v: string | undefined) => void; photoTarget?: PhotoTarget }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file || !photoTarget || !me) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await uploadAttachment(me.csrfToken, { caseId: photoTarget.caseId, kind: 'photo' }, file);
      onValue(saved.id);
    } catch (err) {
      setFailure(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={6} mt={4}>
      {value && <Image src={`/api/attachments/${value}/thumbnail`} alt="" maw={220} radius="sm" />}
      <Group gap="xs">
        <FileButton accept="image/jpeg,image/png,image/webp" onChange={upload} disabled={!photoTarget || busy}>
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={busy}>
              {value ? t('forms.runtime.replacePhoto') : t('forms.runtime.uploadPhoto')}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => onValue(undefined)}>
            {t('forms.runtime.removePhoto')}
          </Button>
        )}
      </Group>
      {failure && (
        <Text size="xs" c="red">
          {failure}
        </Text>
      )}
    </Stack>
  );
}

/** A question and its answer, for reading a submitted form. */
function AnswerView({ field, value, label, testId }: { field: AnyFormField; value: FormAnswerValue | undefined; label: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const optionLabel = (v: string) => localized(field.options?.find((o) => o.value === v)?.label) || v;
  let shown: React.ReactNode;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) shown = t('forms.runtime.notAnswered');
  else if (field.type === 'yes_no') shown = value ? t('forms.runtime.yes') : t('forms.runtime.no');
  else if (field.type === 'single_choice') shown = optionLabel(String(value));
  else if (field.type === 'multiple_choice') shown = (value as string[]).map(optionLabel).join(', ');
  else if (field.type === 'date' && typeof value === 'string')
    shown = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  else if (field.type === 'number' && typeof value === 'number') shown = value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  else if (field.type === 'scale_1_5') shown = `${value} / 5`;
  else if (field.type === 'photo') shown = <Image src={`/api/attachments/${value}/thumbnail`} alt="" maw={220} radius="sm" />;
  else if (field.type === 'signature') shown = <SignaturePad value={String(value)} onChange={() => {}} readOnly />;
  else shown = String(value);
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof shown === 'string' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {shown}
        </Text>
      ) : (
        shown
      )}
    </div>
  );
}
