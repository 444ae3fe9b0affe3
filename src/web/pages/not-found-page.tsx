import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1} size="h2">
        {t('web.notFound.title')}
      </Title>
      <Text>{t('web.notFound.body')}</Text>
      <Button component={Link} to="/">
        {t('web.notFound.home')}
      </Button>
    </Stack>
  );
}
