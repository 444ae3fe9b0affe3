/**
 * The directory of referral institutions: search and filter by type, PPKS category and region;
 * administrators edit an entry (services, categories, capacity, contacts). Contacts with a phone
 * number get a WhatsApp link with a prefilled greeting (no external API; the phone opens WhatsApp).
 */
import { ActionIcon, Anchor, Badge, Button, Card, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InstitutionContact, InstitutionView } from '../../shared/contracts/institutions.js';
import { SPM_SERVICES } from '../../shared/domain/enums.js';
import { PARTNER_TYPES } from '../../shared/permissions.js';
import { api } from '../api.js';
import { CategorySelect } from '../cases/category-select.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { formatDateTime, partnerTypeLabel } from '../components/labels.js';
import { optionalText, useForm } from '../forms.js';
import { useCan } from '../session.js';

const PROVINCES = [
  { value: '35', label: 'Jawa Timur' },
  { value: '33', label: 'Jawa Tengah' },
  { value: '34', label: 'DI Yogyakarta' },
  { value: '32', label: 'Jawa Barat' },
  { value: '31', label: 'DKI Jakarta' },
  { value: '36', label: 'Banten' },
];

/** `0812-3456-789` → `https://wa.me/628123456789?text=…` (Indonesian numbers: leading 0 becomes 62). */
export function whatsappLink(phone: string, text: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  if (digits.length < 9) return null;
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}

function EditModal({ institution, onClose }: { institution: InstitutionView; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: institution.name,
      address: institution.address ?? '',
      phone: institution.phone ?? '',
      email: institution.email ?? '',
      website: institution.website ?? '',
      services: institution.services,
      servicesNote: institution.servicesNote ?? '',
      categories: institution.categories,
      capacity: (institution.capacity ?? '') as number | string,
      contacts: institution.contacts.map((c) => [c.name, c.role ?? '', c.phone ?? '', c.email ?? ''].join(' | ')).join('\n'),
    },
  });
  const save = form.onSubmit(async (v) => {
    const contacts: InstitutionContact[] = v.contacts
      .split('\n')
      .map((line) => line.split('|').map((part) => part.trim()))
      .filter((parts) => parts[0])
      .map(([name, role, phone, email]) => ({ name, role: role || null, phone: phone || null, email: email || null }));
    await api.put<InstitutionView>(`/institutions/${institution.id}`, {
      name: v.name,
      address: optionalText(v.address) ?? null,
      phone: optionalText(v.phone) ?? null,
      email: optionalText(v.email) ?? null,
      website: optionalText(v.website) ?? null,
      services: v.services,
      servicesNote: optionalText(v.servicesNote) ?? null,
      categories: v.categories,
      capacity: v.capacity === '' ? null : Number(v.capacity),
      contacts,
    });
    await queryClient.invalidateQueries({ queryKey: ['institutions'] });
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('institutions.web.edit', { name: institution.name })} size="lg" fullScreen={isPhone}>
      <form onSubmit={save} noValidate>
        <Stack>
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('fields.address')} autosize {...form.getInputProps('address')} />
          <Group grow wrap="wrap">
            <TextInput label={t('fields.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('fields.email')} {...form.getInputProps('email')} />
          </Group>
          <TextInput label={t('fields.website')} {...form.getInputProps('website')} />
          <MultiSelect
            label={t('fields.services')}
            data={SPM_SERVICES.map((s) => ({ value: s, label: t(`enums.spm_services.${s}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('services')}
          />
          <Textarea label={t('fields.servicesNote')} autosize {...form.getInputProps('servicesNote')} />
          <CategorySelect label={t('institutions.web.categoriesAccepted')} {...form.getInputProps('categories')} />
          <NumberInput label={t('fields.capacity')} min={0} {...form.getInputProps('capacity')} />
          <Textarea label={t('fields.contacts')} description={t('institutions.web.contactsHint')} autosize minRows={2} {...form.getInputProps('contacts')} />
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('institutions.web.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function InstitutionCard({ i, onEdit }: { i: InstitutionView; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const greeting = t('institutions.web.whatsappGreeting', { name: i.name });
  return (
    <Card withBorder data-testid="institution-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}>{i.name}</Text>
            <Group gap={6}>
              <Badge variant="light" size="sm">
                {i.kind === 'regency' ? t('institutions.web.dinsosDistrict') : partnerTypeLabel(t, i.partnerType ?? 'other')}
              </Badge>
              {i.regionName && (
                <Text size="xs" c="dimmed">
                  {i.regionName}
                </Text>
              )}
              {i.hasAccount && (
                <Badge variant="outline" color="teal" size="sm">
                  {t('institutions.web.inSinggah')}
                </Badge>
              )}
            </Group>
          </Stack>
          {i.canEdit && (
            <ActionIcon variant="subtle" aria-label={t('institutions.web.edit', { name: i.name })} onClick={onEdit}>
              <Icon name="dots" />
            </ActionIcon>
          )}
        </Group>
        {i.servicesNote && <Text size="sm">{i.servicesNote}</Text>}
        {i.services.length > 0 && (
          <Text size="xs" c="dimmed">
            {i.services.map((s) => t(`enums.spm_services.${s}`)).join(' · ')}
          </Text>
        )}
        {i.categories.length > 0 && (
          <Group gap={4}>
            {i.categories.map((c) => (
              <Badge key={c} size="xs" variant="light" color="gray" tt="none">
                {t(`ppks.${c}`)}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="sm">
          {i.capacity != null && `${t('fields.capacity')}: ${i.capacity} · `}
          {i.availablePlaces != null
            ? t('institutions.web.available', { count: i.availablePlaces, at: formatDateTime(i.availabilityUpdatedAt, i18n.language) })
            : t('institutions.web.availabilityUnknown')}
          {i.availabilityNote && ` — ${i.availabilityNote}`}
        </Text>
        {i.address && <Text size="xs">{i.address}</Text>}
        {(i.phone || i.email || i.website) && (
          <Text size="xs">{[i.phone, i.email, i.website].filter(Boolean).join(' · ')}</Text>
        )}
        {i.contacts.map((c) => {
          const wa = c.phone ? whatsappLink(c.phone, greeting) : null;
          return (
            <Group key={`${c.name}-${c.phone}`} gap={6} wrap="wrap">
              <Text size="xs">{[c.name, c.role, c.phone, c.email].filter(Boolean).join(' · ')}</Text>
              {wa && (
                <Anchor href={wa} target="_blank" rel="noopener" size="xs">
                  WhatsApp
                </Anchor>
              )}
            </Group>
          );
        })}
        {can('referrals.write') && (
          <Group justify="flex-end">
            <Button size="xs" variant="light" component={Link} to={`/referrals/new?to=${i.id}`}>
              {t('institutions.web.refer')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [type, setType] = useState<string | null>(null);
  const [category, setCategory] = useState<string[]>([]);
  const [region, setRegion] = useState<string | null>(null);
  const [editing, setEditing] = useState<InstitutionView | null>(null);
  const list = useQuery({
    queryKey: ['institutions', 'list', debounced, type, category[0], region],
    queryFn: () => api.get<{ items: InstitutionView[] }>('/institutions', { q: debounced || undefined, type, category: category[0], regionCode: region }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={2}>{t('institutions.web.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('institutions.web.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput label={t('institutions.web.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="institution-search" />
        <Select
          label={t('fields.type')}
          clearable
          value={type}
          onChange={setType}
          data={[...PARTNER_TYPES.map((p) => ({ value: p, label: partnerTypeLabel(t, p) })), { value: 'dinsos_district', label: t('institutions.web.dinsosDistrict') }]}
        />
        <CategorySelect label={t('fields.category')} maxValues={1} value={category} onChange={setCategory} />
        <Select label={t('institutions.web.region')} clearable value={region} onChange={setRegion} data={PROVINCES} />
      </SimpleGrid>
      <ApiErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('institutions.web.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {list.data?.items.map((i) => <InstitutionCard key={i.id} i={i} onEdit={() => setEditing(i)} />)}
      </SimpleGrid>
      {editing && <EditModal institution={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
