import type { Permission } from '../../shared/permissions.js';
import type { IconName } from '../components/icon-paths.js';

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
  { to: '/case-conferences', label: 'caseConferences.web.nav', description: 'caseConferences.web.navDescription', icon: 'messages', permission: 'cases.read' },
  { to: '/shelter', label: 'shelterWeb.nav', description: 'shelterWeb.card', icon: 'bed', permission: 'cases.read' },
  { to: '/complaints', label: 'complaints.title', description: 'complaints.card', icon: 'megaphone', permission: 'cases.read' },
  { to: '/roster', label: 'roster.nav', description: 'roster.card', icon: 'calendar', permission: 'roster.read' },
  { to: '/dashboard', label: 'reports.web.dashboardNav', description: 'reports.web.dashboardCard', icon: 'dashboard', permission: 'reports.read' },
  { to: '/reports', label: 'reports.web.nav', description: 'reports.web.card', icon: 'chart', permission: 'reports.read' },
  { to: '/referrals', label: 'referrals.web.nav', description: 'referrals.web.card', icon: 'referral', permission: 'referrals.read' },
  { to: '/institutions', label: 'institutions.web.nav', description: 'institutions.web.card', icon: 'institution', permission: 'institutions.read' },
  { to: '/field-report', label: 'referrals.fieldReport.nav', description: 'referrals.fieldReport.card', icon: 'camera', permission: 'field_reports.submit' },
  { to: '/field-report/inbox', label: 'referrals.fieldReport.inboxNav', description: 'referrals.fieldReport.inboxCard', icon: 'mapPin', permission: 'cases.read' },
  { to: '/users', label: 'web.nav.users', description: 'web.home.cards.users', icon: 'users', permission: 'users.read' },
  {
    to: '/organizations',
    label: 'web.nav.organizations',
    description: 'web.home.cards.organizations',
    icon: 'organizations',
    permission: 'organizations.read',
  },
  { to: '/survey', label: 'web.nav.survey', description: 'web.home.cards.survey', icon: 'check', permission: 'reports.read' },
  { to: '/publications', label: 'web.nav.publications', description: 'web.home.cards.publications', icon: 'news', permission: 'publications.read' },
  { to: '/settings/public', label: 'web.nav.publicSettings', description: 'web.home.cards.publicSettings', icon: 'world', permission: 'settings.write' },
  { to: '/settings/letters', label: 'letters.nav', description: 'letters.navDescription', icon: 'fileText', permission: 'settings.write' },
  { to: '/audit', label: 'web.nav.audit', description: 'web.home.cards.audit', icon: 'audit', permission: 'audit.read' },
  // Settings (SOP, service hours, rooms): one item; /settings/* pages switch with tabs. Others may only view.
  { to: '/settings', label: 'settingsWeb.nav.settings', description: 'settingsWeb.home.cards.settings', icon: 'settings', permission: 'organizations.read' },
];
