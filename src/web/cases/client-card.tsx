/** The client's identity as recorded, with data quality, NIK check and origin region names. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientView } from '../../shared/contracts/cases.js';
import { enumLabel, formatDate } from './case-format.js';
import { useRegionPath } from './case-queries.js';
import { Facts } from './facts.js';
import { NikCheckResult } from './nik-check.js';

function Quality({ value }: { value: string }) {
  const { t } = useTranslation();
  if (value === 'full') return null;
  return (
    <Badge size="xs" variant="outline" color="gray" ml={6} tt="none">
      {enumLabel(t, 'data_quality', value)}
    </Badge>
  );
}

export function ClientCard({ client }: { client: ClientView }) {
  const { t, i18n } = useTranslation();
  const region = useRegionPath(client.originRegionCode);
  const age =
    client.birthDate != null
      ? formatDate(client.birthDate, i18n.language)
      : client.estimatedAge != null
        ? t('casesWeb.client.estimatedAge', { age: client.estimatedAge })
        : null;
  return (
    <Stack gap="sm" data-testid="client-card">
      <div>
        <Group gap={4} wrap="wrap">
          <Text fw={700} size="lg">
            {client.name}
          </Text>
          <Quality value={client.nameQuality} />
        </Group>
        {client.aliases.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('casesWeb.aka', { names: client.aliases.join(', ') })}
          </Text>
        )}
      </div>
      <Facts
        facts={[
          [t('fields.sex'), enumLabel(t, 'sexes', client.sex)],
          [client.birthDate ? t('fields.birthDate') : t('fields.estimatedAge'), age],
          [t('casesWeb.intake.birthPlace'), client.birthPlace],
          [
            t('fields.nik'),
            client.nik ? (
              <Text key="nik" size="sm" ff="monospace" span>
                {client.nik}
                <Quality value={client.nikQuality} />
              </Text>
            ) : null,
          ],
          [t('fields.kkNumber'), client.kkNumber ? <Text key="kk" size="sm" ff="monospace" span>{client.kkNumber}</Text> : null],
          [t('casesWeb.intake.religion'), client.religion ? enumLabel(t, 'religions', client.religion) : null],
          [t('casesWeb.intake.maritalStatus'), client.maritalStatus ? enumLabel(t, 'marital_statuses', client.maritalStatus) : null],
          [t('casesWeb.intake.education'), client.education ? enumLabel(t, 'education_levels', client.education) : null],
          [t('casesWeb.intake.occupation'), client.occupation],
          [t('fields.phone'), client.phone],
          [t('fields.originRegionCode'), region.length > 0 ? region.join(', ') : client.originRegionCode],
          [t('casesWeb.intake.originAddress'), client.originAddress],
          [t('casesWeb.intake.lastKnownAddress'), client.lastKnownAddress],
          [t('casesWeb.intake.physicalDescription'), client.physicalDescription],
          [t('casesWeb.intake.distinguishingMarks'), client.distinguishingMarks],
        ]}
      />
      {client.nik && client.nikCheck && (
        <NikCheckResult check={client.nikCheck} nik={client.nik} recordedSex={client.sex} recordedBirthDate={client.birthDate} />
      )}
    </Stack>
  );
}
