/** Photos and scanned documents of a case: thumbnails to open, a camera button and a file upload. */
import { Anchor, Button, FileButton, Group, Image, Loader, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../shared/contracts/attachments.js';
import type { CaseDetail } from '../../shared/contracts/cases.js';
import { api } from '../api.js';
import { ApiErrorAlert } from '../components/api-error-alert.js';
import { formatDateTime } from '../components/labels.js';
import { Icon } from '../components/icons.js';
import { useSession } from '../session.js';
import { NoRecords, attachmentsKey, useRecordWritten } from './record-kit.js';
import { kindOf, uploadAttachment } from './upload.js';

export function CaseAttachments({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const written = useRecordWritten(detail.id);
  const camera = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attachments = useQuery({
    queryKey: attachmentsKey(detail.id),
    queryFn: ({ signal }) => api.get<AttachmentView[]>('/attachments', { caseId: detail.id }, signal),
  });

  const upload = async (file: File | null, preferred: 'photo' | 'document') => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      await uploadAttachment(csrfToken, { caseId: detail.id, kind: kindOf(file, preferred), takenAt: new Date().toISOString() }, file);
      await written();
    } catch (caught) {
      setError(caught);
    } finally {
      setUploading(false);
    }
  };

  if (attachments.isPending) return <Loader size="sm" aria-label={t('web.common.loading')} />;
  if (attachments.isError) return <ApiErrorAlert error={attachments.error} />;
  const photos = attachments.data.filter((a) => a.thumbnailUrl);
  const documents = attachments.data.filter((a) => !a.thumbnailUrl);

  return (
    <Stack gap="sm" data-testid="case-attachments">
      {attachments.data.length === 0 && <NoRecords />}
      {photos.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs">
          {photos.map((photo) => (
            <UnstyledButton
              key={photo.id}
              component="a"
              href={`${photo.fileUrl}?inline=true`}
              target="_blank"
              rel="noopener"
              aria-label={`${t('attachments.open')}: ${photo.caption ?? photo.fileName}`}
            >
              <Image src={photo.thumbnailUrl ?? undefined} alt={photo.caption ?? photo.fileName} radius="sm" h={96} fit="cover" loading="lazy" />
              <Text size="xs" c="dimmed" truncate>
                {formatDateTime(photo.takenAt ?? photo.createdAt, i18n.language)}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      {documents.map((document) => (
        <Group key={document.id} gap="xs" wrap="nowrap">
          <Anchor href={`${document.fileUrl}?inline=true`} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {document.caption ?? document.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {formatDateTime(document.createdAt, i18n.language)}
          </Text>
        </Group>
      ))}
      {attachments.data.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('attachments.downloadAudited')}
        </Text>
      )}
      <ApiErrorAlert error={error} />
      {canWrite && (
        <Group gap="xs">
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            aria-label={t('casesWeb.records.takePhoto')}
            onChange={(event) => {
              void upload(event.currentTarget.files?.[0] ?? null, 'photo');
              event.currentTarget.value = '';
            }}
          />
          <Button size="xs" variant="light" leftSection={<Icon name="camera" size={14} />} loading={uploading} onClick={() => camera.current?.click()}>
            {t('casesWeb.records.takePhoto')}
          </Button>
          <FileButton onChange={(file) => void upload(file, 'document')} accept="image/jpeg,image/png,image/webp,application/pdf">
            {(props) => (
              <Button size="xs" variant="default" disabled={uploading} {...props}>
                {t('casesWeb.records.uploadFile')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
