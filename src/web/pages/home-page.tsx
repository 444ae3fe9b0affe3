import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../components/icons.js';
import { organizationKindLabel, roleLabel } from '../components/labels.js';
import { NAV_ITEMS } from '../layout/nav.js';
import { useCan, useSession } from '../session.js';

/** Start page: who you are, where you work, and the sections you can open. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useCan();
  const sections = [
    ...NAV_ITEMS.filter((item) => item.to !== '/' && (!item.permission || can(item.permission))),
    { to: '/change-password', label: 'web.nav.changePassword', description: 'web.home.cards.changePassword', icon: 'key' as const },
  ];

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('web.home.welcome', { name: user.name })}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('web.home.signedInAs', { role: roleLabel(t, user.role) })}
        </Text>
      </div>

      <Card withBorder radius="md" padding="md">
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          {t('web.home.yourOrganization')}
        </Text>
        <Text fw={600} size="lg">
          {user.organization.name}
        </Text>
        <Text size="sm" c="dimmed">
          {organizationKindLabel(t, user.organization.kind)}
        </Text>
      </Card>

      <div>
        <Title order={2} size="h4" mb="sm">
          {t('web.home.sections')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {sections.map((section) => (
            <Card
              key={section.to}
              component={Link}
              to={section.to}
              withBorder
              radius="md"
              padding="md"
              className="singgah-link-card"
            >
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" radius="md">
                  <Icon name={section.icon} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(section.label)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(section.description)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
