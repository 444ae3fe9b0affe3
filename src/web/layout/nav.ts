import type { Permission } from '../../shared/permissions.js';
import type { IconName } from '../components/icons.js';

export interface NavItem {
  to: string;
  /** i18n key of the label */
  label: string;
  /** i18n key of a one-line description, for the home page cards */
  description: string;
  icon: IconName;
  /** Shown only to users holding this permission; the server enforces it anyway. */
  permission?: Permission;
}

/** The sections of the app, in menu order. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'web.nav.home', description: 'web.home.cards.home', icon: 'home' },
  // The daily work of case roles comes first; other roles do not hold these permissions.
  { to: '/cases', label: 'casesWeb.nav.cases', description: 'casesWeb.home.cards.cases', icon: 'cases', permission: 'cases.read' },
  { to: '/cases/new', label: 'casesWeb.nav.intake', description: 'casesWeb.home.cards.intake', icon: 'userPlus', permission: 'cases.write' },
  { to: '/cases/raid', label: 'casesWeb.nav.raid', description: 'casesWeb.home.cards.raid', icon: 'raid', permission: 'cases.write' },
  { to: '/users', label: 'web.nav.users', description: 'web.home.cards.users', icon: 'users', permission: 'users.read' },
  {
    to: '/organizations',
    label: 'web.nav.organizations',
    description: 'web.home.cards.organizations',
    icon: 'organizations',
    permission: 'organizations.read',
  },
  { to: '/audit', label: 'web.nav.audit', description: 'web.home.cards.audit', icon: 'audit', permission: 'audit.read' },
];
