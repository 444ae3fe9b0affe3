import { ActionIcon, Badge, Box, Button, Group, Loader, Menu, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createOrganizationBody,
  type OrganizationView,
  updateOrganizationBody,
} from '../../shared/contracts/organizations.js';
import { type OrganizationKind, PARTNER_TYPES, type PartnerType } from '../../shared/permissions.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { Icon } from '../components/icons.js';
import { organizationKindLabel, partnerTypeLabel } from '../components/labels.js';
import { optionalText, schemaErrors, useForm } from '../forms.js';
import { buildOrganizationTree, type OrganizationNode, organizationsKey, useOrganizations } from '../organizations.js';
import { useCan } from '../session.js';

type OrganizationForm = { name: string; partnerType: PartnerType | ''; address: string; phone: string; email: string };

type Dialog =
  | { mode: 'create'; parent: OrganizationView; kind: 'unit' | 'partner' }
  | { mode: 'edit'; organization: OrganizationView };

const KIND_COLORS: Record<OrganizationKind, string> = {
  national: 'grape',
  province: 'indigo',
  regency: 'blue',
  unit: 'teal',
  partner: 'orange',
};

/**
 * Mirrors the server's rule (organizations.service ALLOWED_CHILDREN) so the menu offers only what
 * will be accepted: service units sit under a regency, partners under any government level or unit.
 */
const canHoldUnit = (kind: OrganizationKind) => kind === 'regency';
const canHoldPartner = (kind: OrganizationKind) => kind !== 'partner';

function OrganizationDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery('(max-width: 47.99em)');
  const existing = dialog.mode === 'edit' ? dialog.organization : null;
  const kind = dialog.mode === 'edit' ? dialog.organization.kind : dialog.kind;
  const isPartner = kind === 'partner';
  const form = useForm<OrganizationForm>({
    initialValues: {
      name: existing?.name ?? '',
      partnerType: existing?.partnerType ?? '',
      address: existing?.address ?? '',
      phone: existing?.phone ?? '',
      email: existing?.email ?? '',
    },
    validate: (values, tr) => {
      const errors =
        dialog.mode === 'create'
          ? schemaErrors(createOrganizationBody, toBody(values, dialog.parent.id), tr)
          : schemaErrors(updateOrganizationBody, toBody(values), tr);
      if (isPartner && !values.partnerType) errors.partnerType = tr('validation.required');
      return errors;
    },
  });

  function toBody(values: OrganizationForm, parentId?: string) {
    // A field emptied in the edit dialog clears the stored value; a new organization just leaves it out.
    const empty = parentId ? undefined : null;
    return {
      ...(parentId ? { parentId, kind } : {}),
      name: values.name.trim(),
      partnerType: isPartner && values.partnerType ? values.partnerType : undefined,
      address: optionalText(values.address) ?? empty,
      phone: optionalText(values.phone) ?? empty,
      email: optionalText(values.email) ?? empty,
    };
  }

  const submit = form.onSubmit(async (values) => {
    if (dialog.mode === 'create') await api.post('/organizations', toBody(values, dialog.parent.id));
    else await api.patch(`/organizations/${dialog.organization.id}`, toBody(values));
    await queryClient.invalidateQueries({ queryKey: organizationsKey });
    onClose();
  });

  const title =
    dialog.mode === 'edit'
      ? t('web.organizations.editTitle', { name: dialog.organization.name })
      : t(dialog.kind === 'unit' ? 'web.organizations.addUnitTitle' : 'web.organizations.addPartnerTitle', {
          parent: dialog.parent.name,
        });

  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={isPhone}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('web.organizations.name')} required data-autofocus {...form.getInputProps('name')} />
          {isPartner && (
            <Select
              label={t('web.organizations.partnerType')}
              required
              data={PARTNER_TYPES.map((type) => ({ value: type, label: partnerTypeLabel(t, type) }))}
              {...form.getInputProps('partnerType')}
            />
          )}
          <TextInput label={t('fields.address')} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          <ApiErrorAlert error={form.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('web.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function OrganizationTree({
  nodes,
  canWrite,
  onOpen,
}: {
  nodes: OrganizationNode[];
  canWrite: boolean;
  onOpen: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <Box
          component="li"
          key={node.id}
          mt="xs"
          pl={node.depth > 0 ? 'md' : 0}
          style={node.depth > 0 ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}
        >
          <Paper withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Box miw={0}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {node.name}
                </Text>
                <Group gap={6} mt={4}>
                  <Badge size="sm" variant="light" color={KIND_COLORS[node.kind]}>
                    {organizationKindLabel(t, node.kind)}
                  </Badge>
                  {node.partnerType && (
                    <Badge size="sm" variant="outline" color="orange">
                      {partnerTypeLabel(t, node.partnerType)}
                    </Badge>
                  )}
                  {node.isDemo && (
                    <Badge size="sm" variant="outline" color="gray">
                      {t('web.organizations.demo')}
                    </Badge>
                  )}
                </Group>
                {(node.address || node.phone || node.email) && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {[node.address, node.phone, node.email].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Box>
              {canWrite && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      size="lg"
                      variant="subtle"
                      color="gray"
                      aria-label={t('web.organizations.actionsFor', { name: node.name })}
                    >
                      <Icon name="dots" />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {canHoldUnit(node.kind) && (
                      <Menu.Item onClick={() => onOpen({ mode: 'create', parent: node, kind: 'unit' })}>
                        {t('web.organizations.addUnit')}
                      </Menu.Item>
                    )}
                    {canHoldPartner(node.kind) && (
                      <Menu.Item onClick={() => onOpen({ mode: 'create', parent: node, kind: 'partner' })}>
                        {t('web.organizations.addPartner')}
                      </Menu.Item>
                    )}
                    <Menu.Item onClick={() => onOpen({ mode: 'edit', organization: node })}>
                      {t('web.organizations.edit')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          </Paper>
          {node.children.length > 0 && <OrganizationTree nodes={node.children} canWrite={canWrite} onOpen={onOpen} />}
        </Box>
      ))}
    </Box>
  );
}

/** The organizations this user can see, as a tree: government units and partner institutions. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const organizations = useOrganizations();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const tree = buildOrganizationTree(organizations.data ?? []);

  return (
    <Stack maw={900}>
      <div>
        <Title order={1} size="h2">
          {t('web.organizations.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('web.organizations.intro')}
        </Text>
      </div>
      <ApiErrorAlert error={organizations.error} />
      {organizations.isPending && <Loader aria-label={t('web.common.loading')} />}
      <OrganizationTree nodes={tree} canWrite={can('organizations.write')} onOpen={setDialog} />
      {dialog && <OrganizationDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

export default OrganizationsPage;
