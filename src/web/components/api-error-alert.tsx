import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

/** The server's message for a failed request, with any field problems no input could show. */
export function ApiErrorAlert({ error: shown }: { error: unknown }) {
  const { t } = useTranslation();
  if (!shown) return null;
  const error = shown instanceof ApiError ? shown : new ApiError(0, 'unknown', t('web.errors.unknown'));
  return (
    <Alert color="red" variant="light" title={t('web.errors.title')}>
      {error.message}
      {error.fields.length > 0 && (
        <List size="sm" mt="xs">
          {error.fields.map((problem) => (
            <List.Item key={problem.field}>{problem.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
