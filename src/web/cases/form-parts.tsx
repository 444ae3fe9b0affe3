/** Form pieces of the intake and raid pages. */
import { Group, Input, Paper, Radio, SegmentedControl, Select, type SelectProps, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEXES } from '../../shared/domain/enums.js';

export type Sex = (typeof SEXES)[number];

/** A titled block of a long form. */
export function FormSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * Male / female / unknown as one tap: radio buttons that wrap on a narrow screen, or a compact
 * segmented control with L / P / ? (the letters used on Indonesian forms) in the raid rows.
 */
export function SexControl({
  value,
  onChange,
  label,
  error,
  short = false,
}: {
  value: Sex;
  onChange: (value: Sex) => void;
  label?: string;
  error?: string;
  short?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const text = label ?? t('fields.sex');
  if (!short) {
    return (
      <Radio.Group label={text} error={error} value={value} onChange={(next) => onChange(next as Sex)}>
        <Group gap="lg" mt={6} wrap="wrap">
          {SEXES.map((sex) => (
            <Radio key={sex} value={sex} label={t(`enums.sexes.${sex}`)} />
          ))}
        </Group>
      </Radio.Group>
    );
  }
  return (
    <Input.Wrapper label={text} error={error} labelElement="div" id={id}>
      <SegmentedControl
        fullWidth
        aria-label={text}
        value={value}
        onChange={(next) => onChange(next as Sex)}
        data={SEXES.map((sex) => ({
          value: sex,
          label: (
            <span title={t(`enums.sexes.${sex}`)}>
              <span aria-hidden>{t(`casesWeb.sexShort.${sex}`)}</span>
              <VisuallyHidden>{t(`enums.sexes.${sex}`)}</VisuallyHidden>
            </span>
          ),
        }))}
      />
    </Input.Wrapper>
  );
}

/** The shelter unit receiving the client; preselected (and still shown) when the user has only one. */
export function UnitSelect(props: SelectProps & { units: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const { units, ...rest } = props;
  return (
    <Select
      label={t('casesWeb.intake.unit')}
      required
      data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
      allowDeselect={false}
      nothingFoundMessage={t('casesWeb.intake.noUnits')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
