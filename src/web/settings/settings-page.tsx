/** `/settings`: the settings of the shelter's service this user may open, each with what it is for. */
import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon, type IconName } from '../components/icons.js';
import { useCan } from '../session.js';
import { MANAGE_ROOMS, READ_ROOMS, useCanAny } from './settings-common.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canAny = useCanAny();
  const cards: { to: string; icon: IconName; title: string; body: string; canEdit: boolean; visible: boolean }[] = [
    { to: '/settings/sop', icon: 'audit', title: 'settingsWeb.sop.title', body: 'settingsWeb.hub.sop', canEdit: can('settings.write'), visible: true },
    { to: '/settings/service', icon: 'clock', title: 'settingsWeb.service.title', body: 'settingsWeb.hub.service', canEdit: can('settings.write'), visible: true },
    { to: '/settings/rooms', icon: 'bed', title: 'settingsWeb.rooms.title', body: 'settingsWeb.hub.rooms', canEdit: canAny(MANAGE_ROOMS), visible: canAny(READ_ROOMS) },
    { to: '/settings/forms', icon: 'cases', title: 'forms.designer.title', body: 'forms.designer.card', canEdit: true, visible: can('forms.design') },
  ];
  return (
    <Stack maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('settingsWeb.hub.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('settingsWeb.hub.intro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {cards
          .filter((card) => card.visible)
          .map((card) => (
            <Card key={card.to} component={Link} to={card.to} withBorder radius="md" padding="md" className="singgah-link-card">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" radius="md">
                  <Icon name={card.icon} />
                </ThemeIcon>
                <div>
                  <Group gap="xs">
                    <Text fw={600}>{t(card.title)}</Text>
                    {!card.canEdit && (
                      <Badge size="xs" variant="outline" color="gray">
                        {t('settingsWeb.common.readOnly')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(card.body)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
      </SimpleGrid>
    </Stack>
  );
}

export default SettingsPage;
