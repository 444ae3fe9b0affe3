/**
 * Roles, named permissions and which role holds which. Shared by the server (which enforces them in
 * every handler) and the web (which only uses them to hide what a user cannot do).
 */

export const ROLES = [
  'admin',
  'head',
  'social_worker',
  'shelter_officer',
  'social_pillar',
  'partner_officer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.read',
  'users.write',
  'organizations.read',
  'organizations.write',
  'audit.read',
  'settings.write',
  'clients.read',
  'clients.write',
  'cases.read',
  'cases.write',
  'cases.approve',
  'reports.read',
  'roster.read',
  'roster.write',
  'notifications.read',
  'forms.read',
  'forms.design',
  'institutions.read',
  'institutions.write',
  'institutions.availability',
  'referrals.read',
  'referrals.write',
  'referrals.respond',
  'field_reports.submit',
  'publications.read',
  'interchange.export',
  'interchange.import',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASEWORK: Permission[] = ['clients.read', 'clients.write', 'cases.read', 'cases.write', 'forms.read'];

/** Which permissions each role holds. Client data (clients.*, cases.*) is never given to admin or viewer. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['users.read', 'users.write', 'organizations.read', 'organizations.write', 'audit.read', 'settings.write', 'reports.read', 'roster.read', 'roster.write', 'notifications.read', 'forms.read', 'forms.design', 'institutions.read', 'institutions.write', 'institutions.availability', 'publications.read'],
  head: ['organizations.read', 'audit.read', 'reports.read', 'cases.approve', ...CASEWORK, 'interchange.export', 'interchange.import', 'roster.read', 'roster.write', 'notifications.read', 'institutions.read', 'referrals.read', 'referrals.write', 'referrals.respond', 'publications.read'],
  social_worker: ['organizations.read', 'reports.read', ...CASEWORK, 'roster.read', 'notifications.read', 'institutions.read', 'referrals.read', 'referrals.write', 'referrals.respond'],
  shelter_officer: ['organizations.read', ...CASEWORK, 'roster.read', 'notifications.read', 'institutions.read', 'referrals.read', 'referrals.write', 'referrals.respond'],
  social_pillar: ['organizations.read', 'notifications.read', 'field_reports.submit'],
  partner_officer: ['organizations.read', 'notifications.read', 'institutions.availability', 'referrals.read', 'referrals.respond', 'field_reports.submit'],
  viewer: ['organizations.read', 'reports.read', 'notifications.read'],
};

/**
 * Whether a role's scope reaches the children of its organization (a province admin manages its
 * districts' users) or stays in its own organization (field workers and partners).
 */
export const ROLE_SCOPE: Record<Role, 'subtree' | 'own'> = {
  admin: 'subtree',
  head: 'subtree',
  social_worker: 'subtree',
  shelter_officer: 'subtree',
  social_pillar: 'own',
  partner_officer: 'own',
  viewer: 'subtree',
};

/** Whether a role holds a permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ORGANIZATION_KINDS = ['national', 'province', 'regency', 'unit', 'partner'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PARTNER_TYPES = [
  'panti',
  'hospital',
  'psychiatric_hospital',
  'puskesmas',
  'dinsos',
  'satpol_pp',
  'police',
  'ngo',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
