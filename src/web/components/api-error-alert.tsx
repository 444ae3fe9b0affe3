import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.js';

/** The server's message for a failed request, with any field problems no input could show. */
export function ApiErrorAlert({ error }: { error: ApiError | null | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('web.errors.title')}>
      {error.message}
      {error.fields.length > 0 && (
        <List size="sm" mt="xs">
          {error.fields.map((problem) => (
            <List.Item key={problem.field}>{t('validation.field_message', { field: fieldLabel(t, problem.field), message: problem.message })}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function fieldLabel(t: (key: string, options?: Record<string, unknown>) => string, field: string): string {
  const last = field.split('.').pop() ?? field;
  return t(`fields.${last}`, { defaultValue: field });
}
