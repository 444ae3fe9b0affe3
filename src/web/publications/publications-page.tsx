/** /publications — the unit's banner, social-media images, family leaflet, SOP document and WhatsApp text. */
import { Alert, Anchor, Button, CopyButton, Group, Image, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicProfileView } from '../../shared/contracts/public-profile.js';
import { api, apiUrl } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { UnitSelect, useUnitPicker } from '../public-settings/unit-picker.js';

function Download({ href, label }: { href: string; label: string }) {
  return (
    <Button component="a" href={href} variant="light" fullWidth justify="flex-start">
      {label}
    </Button>
  );
}

export default function PublicationsPage() {
  const { t, i18n } = useTranslation();
  const picker = useUnitPicker();
  const unitId = picker.unitId;
  const profile = useQuery({
    queryKey: ['public-profile', unitId],
    queryFn: ({ signal }) => api.get<PublicProfileView>('/public-profile', { organizationId: unitId }, signal),
    enabled: Boolean(unitId),
  });
  const ready = Boolean(profile.data?.profile);
  const wa = useQuery({
    queryKey: ['whatsapp-text', unitId, i18n.language],
    queryFn: ({ signal }) => api.get<{ text: string; shareUrl: string }>('/publications/whatsapp-text', { organizationId: unitId }, signal),
    enabled: Boolean(unitId) && ready,
  });
  useEffect(() => {
    document.title = t('publications.web.title');
  }, [t]);
  const url = (path: string, extra: Record<string, string> = {}) => apiUrl(path, { organizationId: unitId, ...extra });
  return (
    <Stack>
      <Title order={2}>{t('publications.web.title')}</Title>
      <Text c="dimmed">{t('publications.web.intro')}</Text>
      <UnitSelect units={picker.units} value={unitId} onChange={picker.setUnitId} />
      <ApiErrorAlert error={profile.error} />
      {unitId && profile.data && !ready && <Alert color="yellow">{t('publications.web.noPublicPage')}</Alert>}
      {ready && unitId && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Title order={4}>{t('publications.web.banner')}</Title>
              <Download href={url('/publications/banner.pdf', { size: 'a3' })} label={t('publications.web.bannerA3')} />
              <Download href={url('/publications/banner.pdf', { size: 'roll' })} label={t('publications.web.bannerRoll')} />
              <Title order={4} mt="sm">
                {t('publications.web.sop')}
              </Title>
              <Download href={url('/publications/sop.pdf')} label={t('publications.web.sopPdf')} />
              <Title order={4} mt="sm">
                {t('publications.web.leaflet')}
              </Title>
              <Download href={url('/publications/leaflet.pdf')} label={t('publications.web.leafletPdf')} />
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Title order={4}>{t('publications.web.images')}</Title>
              <Image src={url('/publications/image.png', { kind: 'flow', format: 'square' })} alt={t('publications.web.flowSquare')} radius="sm" maw={320} />
              {(
                [
                  ['flow', 'square', 'flowSquare'],
                  ['flow', 'story', 'flowStory'],
                  ['stats', 'square', 'statsSquare'],
                  ['stats', 'story', 'statsStory'],
                ] as const
              ).map(([kind, format, label]) => (
                <Anchor key={label} href={url('/publications/image.png', { kind, format })} download={`${kind}-${format}.png`}>
                  {t('publications.web.download')}: {t(`publications.web.${label}`)}
                </Anchor>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" style={{ gridColumn: '1 / -1' }}>
            <Stack gap="xs">
              <Title order={4}>{t('publications.web.whatsapp')}</Title>
              <ApiErrorAlert error={wa.error} />
              <Textarea value={wa.data?.text ?? ''} readOnly autosize minRows={6} maxRows={14} aria-label={t('publications.web.whatsapp')} />
              <Group>
                <CopyButton value={wa.data?.text ?? ''}>
                  {({ copied, copy }) => (
                    <Button onClick={copy} color={copied ? 'teal' : undefined} disabled={!wa.data}>
                      {copied ? t('publications.web.copied') : t('publications.web.copy')}
                    </Button>
                  )}
                </CopyButton>
                {wa.data && (
                  <Button component="a" href={wa.data.shareUrl} target="_blank" rel="noopener" variant="light">
                    {t('publications.web.share')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
