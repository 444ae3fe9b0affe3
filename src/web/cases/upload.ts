/**
 * Uploading a photo or document (POST /api/attachments, multipart). Photos from a phone camera are
 * scaled down first: a cheap phone on a mobile connection should not send 8 MB per picture.
 */
import type { AttachmentKind, AttachmentView, UploadAttachmentFields } from '../../shared/contracts/attachments.js';
import type { ErrorResponse } from '../../shared/contracts/common.js';
import { ApiError } from '../api.js';
import i18n, { currentLanguage } from '../i18n.js';

const MAX_SIDE = 1600;
const SHRINK_ABOVE_BYTES = 600 * 1024;

/** A JPEG no larger than 1600 px on its longest side; the original when it is small or cannot be read. */
export async function shrinkPhoto(file: File): Promise<File> {
  if (!file.type.startsWith('image/') || file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], `${file.name.replace(/\.\w+$/, '')}.jpg`, { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** The kind a chosen file is uploaded as: PDFs are documents, images photos unless said otherwise. */
export function kindOf(file: File, preferred: AttachmentKind = 'photo'): AttachmentKind {
  return file.type === 'application/pdf' ? 'document' : preferred;
}

/** Send one file with its fields; the CSRF token is the session's (useSession().csrfToken). */
export async function uploadAttachment(
  csrfToken: string,
  fields: Omit<UploadAttachmentFields, 'kind'> & { kind: AttachmentKind },
  file: File,
): Promise<AttachmentView> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) body.append(key, String(value));
  const ready = fields.kind === 'photo' ? await shrinkPhoto(file) : file;
  // The file goes last: the server reads the text fields before it.
  body.append('file', ready, ready.name);
  let response: Response;
  try {
    response = await fetch('/api/attachments', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': currentLanguage(), 'x-csrf-token': csrfToken },
      body,
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('web.errors.network'));
  }
  const text = await response.text();
  if (!response.ok) {
    try {
      const { error } = JSON.parse(text) as ErrorResponse;
      throw new ApiError(response.status, error.code, error.message, error.fields ?? []);
    } catch (caught) {
      if (caught instanceof ApiError) throw caught;
      throw new ApiError(response.status, `http.${response.status}`, i18n.t('web.errors.unknown'));
    }
  }
  return JSON.parse(text) as AttachmentView;
}
