import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, type RouteObject, useRoutes } from 'react-router';
import { setUnauthenticatedHandler } from './api.js';
import { WorklistPage } from './cases/worklist-page.js';
import { AppLayout } from './layout/app-layout.js';
import { RequireAuth, RequireLoggedOut, RequirePermission, SetupGate } from './layout/guards.js';
import { PublicLayout } from './layout/public-layout.js';
import { LoginPage } from './pages/login-page.js';
import { lazyPage } from './lazy-page.js';
import { queryClient } from './query-client.js';
import { endSession, meKey } from './session.js';
import { theme } from './theme.js';

// The first download (budget: 200 KB gzipped) has the login page and the signed-in first screen: the
// frame and the worklist, the page most opened directly. Every other page loads on demand, with the
// rest of the texts (lazy-page.tsx); the first screens use only the texts loaded at start-up.
const HomePage = lazyPage(() => import('./pages/home-page.js').then((m) => ({ default: m.HomePage })));
const NotFoundPage = lazyPage(() => import('./pages/not-found-page.js').then((m) => ({ default: m.NotFoundPage })));
const SetupPage = lazyPage(() => import('./pages/setup-page.js').then((m) => ({ default: m.SetupPage })));
const ChangePasswordPage = lazyPage(() =>
  import('./pages/change-password-page.js').then((m) => ({ default: m.ChangePasswordPage })),
);
const UsersPage = lazyPage(() => import('./pages/users-page.js'));
const AuditPage = lazyPage(() => import('./pages/audit-page.js'));
const OrganizationsPage = lazyPage(() => import('./pages/organizations-page.js'));
const IntakePage = lazyPage(() => import('./cases/intake-page.js'));
const RaidIntakePage = lazyPage(() => import('./cases/raid-intake-page.js'));
const CasePage = lazyPage(() => import('./cases/case-page.js'));
const ReferralsPage = lazyPage(() => import('./referrals/referrals-page.js'));
const ReferralPage = lazyPage(() => import('./referrals/referral-page.js'));
const NewReferralPage = lazyPage(() => import('./referrals/new-referral-page.js'));
const InstitutionsPage = lazyPage(() => import('./institutions/institutions-page.js'));
const FieldReportPage = lazyPage(() => import('./field-report/field-report-page.js'));
const FieldInboxPage = lazyPage(() => import('./field-report/field-inbox-page.js'));
const CaseConferencesPage = lazyPage(() => import('./case-conferences/case-conferences-page.js'));
const LetterSettingsPage = lazyPage(() => import('./letters/letter-settings-page.js'));
const SettingsPage = lazyPage(() => import('./settings/settings-page.js'));
const SopPage = lazyPage(() => import('./settings/sop-page.js'));
const ServiceSettingsPage = lazyPage(() => import('./settings/service-page.js'));
const RoomsPage = lazyPage(() => import('./settings/rooms-page.js'));
const FormDesignerPage = lazyPage(() => import('./form-designer/form-designer-page.js'));
const OccupancyPage = lazyPage(() => import('./shelter/occupancy-page.js'));
const ReportsPage = lazyPage(() => import('./reports/reports-page.js'));
const DashboardPage = lazyPage(() => import('./dashboard/dashboard-page.js'));
const NotificationsPage = lazyPage(() => import('./notifications/notifications-page.js'));
const ComplaintsPage = lazyPage(() => import('./complaints/complaints-page.js'));
const RosterPage = lazyPage(() => import('./roster/roster-page.js'));
const ComplaintFormPage = lazyPage(() => import('./public-complaint/complaint-form-page.js'));
const ComplaintStatusPage = lazyPage(() => import('./public-complaint/complaint-status-page.js'));

const PublicSettingsPage = lazyPage(() => import('./public-settings/public-settings-page.js'));
const SurveyPage = lazyPage(() => import('./survey/survey-page.js'));
const PublicationsPage = lazyPage(() => import('./publications/publications-page.js'));

/**
 * The code of the page at `pathname`, asked for as soon as the session is known (instead of after the
 * first render), for the start page. The frame and the worklist are in the first download already.
 * Resolves when it is in (or failed: the page's own loading then shows the error).
 */
export function preloadRoute(pathname: string, session: Promise<unknown>): Promise<void> {
  if (pathname !== '/') return Promise.resolve();
  return session
    .then(() => (queryClient.getQueryData(meKey) ? HomePage.preload() : undefined))
    .catch(() => undefined);
}

// Any request that finds the session gone sends the user back to login (RequireAuth sees `me` = null).
setUnauthenticatedHandler(() => endSession(queryClient));

const routes: RouteObject[] = [
  {
    element: <SetupGate />,
    children: [
      { element: <PublicLayout />, children: [{ path: 'setup', element: <SetupPage /> }] },
      // The public complaint form and its status page: no sign-in, signed in or not.
      { element: <PublicLayout />, children: [{ path: 'aduan', element: <ComplaintFormPage /> }, { path: 'aduan/status', element: <ComplaintStatusPage /> }] },
      {
        element: <RequireLoggedOut />,
        children: [{ element: <PublicLayout />, children: [{ path: 'login', element: <LoginPage /> }] }],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'change-password', element: <ChangePasswordPage /> },
              {
                path: 'reports',
                element: (
                  <RequirePermission permission="reports.read">
                    <ReportsPage />
                  </RequirePermission>
                ),
              },
              { path: 'dashboard', element: <DashboardPage /> },
              {
                path: 'users',
                element: (
                  <RequirePermission permission="users.read">
                    <UsersPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'organizations',
                element: (
                  <RequirePermission permission="organizations.read">
                    <OrganizationsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'cases',
                children: [
                  {
                    index: true,
                    element: (
                      <RequirePermission permission="cases.read">
                        <WorklistPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: 'new',
                    element: (
                      <RequirePermission permission="cases.write">
                        <IntakePage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: 'raid',
                    element: (
                      <RequirePermission permission="cases.write">
                        <RaidIntakePage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: ':caseId',
                    element: (
                      <RequirePermission permission="cases.read">
                        <CasePage />
                      </RequirePermission>
                    ),
                  },
                ],
              },
              {
                path: 'case-conferences',
                element: (
                  <RequirePermission permission="cases.read">
                    <CaseConferencesPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'shelter',
                element: (
                  <RequirePermission permission="cases.read">
                    <OccupancyPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'settings',
                children: [
                  {
                    index: true,
                    element: (
                      <RequirePermission permission="organizations.read">
                        <SettingsPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: 'sop',
                    element: (
                      <RequirePermission permission="organizations.read">
                        <SopPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: 'service',
                    element: (
                      <RequirePermission permission="organizations.read">
                        <ServiceSettingsPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: 'public',
                    element: (
                      <RequirePermission permission="settings.write">
                        <PublicSettingsPage />
                      </RequirePermission>
                    ),
                  },
                  {
                    path: 'letters',
                    element: (
                      <RequirePermission permission="settings.write">
                        <LetterSettingsPage />
                      </RequirePermission>
                    ),
                  },
                  // Rooms: admin, head or caseworkers (any of several permissions); the page checks.
                  { path: 'rooms', element: <RoomsPage /> },
                  {
                    path: 'forms',
                    element: (
                      <RequirePermission permission="forms.design">
                        <FormDesignerPage />
                      </RequirePermission>
                    ),
                  },
                ],
              },
              {
                path: 'survey',
                element: (
                  <RequirePermission permission="reports.read">
                    <SurveyPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'publications',
                element: (
                  <RequirePermission permission="publications.read">
                    <PublicationsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              { path: 'notifications', element: <NotificationsPage /> },
              {
                path: 'complaints',
                element: (
                  <RequirePermission permission="cases.read">
                    <ComplaintsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'roster',
                element: (
                  <RequirePermission permission="roster.read">
                    <RosterPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'referrals',
                children: [
                  { index: true, element: <RequirePermission permission="referrals.read"><ReferralsPage /></RequirePermission> },
                  { path: 'new', element: <RequirePermission permission="referrals.write"><NewReferralPage /></RequirePermission> },
                  { path: ':referralId', element: <RequirePermission permission="referrals.read"><ReferralPage /></RequirePermission> },
                ],
              },
              { path: 'institutions', element: <RequirePermission permission="institutions.read"><InstitutionsPage /></RequirePermission> },
              {
                path: 'field-report',
                children: [
                  { index: true, element: <RequirePermission permission="field_reports.submit"><FieldReportPage /></RequirePermission> },
                  { path: 'inbox', element: <RequirePermission permission="cases.read"><FieldInboxPage /></RequirePermission> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

/**
 * The routes, matched by react-router's declarative router (the pages load their own data with
 * TanStack Query; the data router's loaders and actions are not used, and leaving it out keeps it out
 * of the first download).
 */
function Routes() {
  return useRoutes(routes);
}

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
