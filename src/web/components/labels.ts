import type { TFunction } from 'i18next';
import type { OrganizationKind, PartnerType, Role } from '../../shared/permissions.js';

/** Display names for the shared enums, in the UI language. */
export const roleLabel = (t: TFunction, role: Role) => t(`web.roles.${role}`);
export const organizationKindLabel = (t: TFunction, kind: OrganizationKind) => t(`web.organizationKinds.${kind}`);
export const partnerTypeLabel = (t: TFunction, type: PartnerType) => t(`web.partnerTypes.${type}`);

/** A date and time in the UI language, in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}
