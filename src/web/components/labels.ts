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

/**
 * A calendar month (`YYYY-MM`, as reports and dashboards send it) in the UI language: "Desember 2026"
 * (`long`) or "Des 2026" (`short`, for chart axes). Returned as given when it is not such a month.
 */
export function formatMonth(value: string, language: string, style: 'long' | 'short' = 'long'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}
