/** Small pieces shared by the referral pages: the status badge and the file upload of the thread. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorResponse } from '../../shared/contracts/common.js';
import type { ReferralStatus } from '../../shared/contracts/referrals.js';
import { ApiError } from '../api.js';
import i18n, { currentLanguage } from '../i18n.js';

const STATUS_COLORS: Record<ReferralStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'teal',
  declined: 'red',
  handed_over: 'violet',
  completed: 'green',
  cancelled: 'dark',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="referral-status" data-status={status}>
      {t(`enums.referral_statuses.${status}`)}
    </Badge>
  );
}

/** POST a multipart form to `/api{path}` with the session's CSRF token; returns the JSON answer. */
export async function postMultipart<T>(path: string, csrfToken: string, body: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken, 'accept-language': currentLanguage() },
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('web.errors.network', { defaultValue: i18n.t('web.errors.unknown') }));
  }
  const data = (await response.json().catch(() => null)) as (Partial<ErrorResponse> & T) | null;
  if (!response.ok) {
    const error = data?.error;
    throw new ApiError(response.status, error?.code ?? `http.${response.status}`, error?.message ?? i18n.t('web.errors.unknown'), error?.fields ?? []);
  }
  return data as T;
}
