import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The product name with a small mark; the tagline hides on narrow screens. */
export function Brand({ withTagline = false }: { withTagline?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size="md" radius="md" variant="filled" aria-hidden>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M3 11.5 12 4l9 7.5" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M5.5 10v9.5h13V10" strokeLinejoin="round" />
          <path d="M10 19.5v-5h4v5" strokeLinejoin="round" />
        </svg>
      </ThemeIcon>
      <Text fw={700} size="lg">
        Singgah
      </Text>
      {withTagline && (
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t('web.app.tagline')}
        </Text>
      )}
    </Group>
  );
}
