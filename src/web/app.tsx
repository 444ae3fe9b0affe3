import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from './api.js';
import { RequireAuth, RequireLoggedOut, RequirePermission, SetupGate } from './layout/guards.js';
import { PublicLayout } from './layout/public-layout.js';
import { LoginPage } from './pages/login-page.js';
import { endSession } from './session.js';
import { theme } from './theme.js';

// Only the login page is in the first download (budget: 200 KB gzipped); the signed-in shell and
// every other page load on demand.
const AppLayout = lazy(() => import('./layout/app-layout.js').then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('./pages/home-page.js').then((m) => ({ default: m.HomePage })));
const NotFoundPage = lazy(() => import('./pages/not-found-page.js').then((m) => ({ default: m.NotFoundPage })));
const SetupPage = lazy(() => import('./pages/setup-page.js').then((m) => ({ default: m.SetupPage })));
const ChangePasswordPage = lazy(() =>
  import('./pages/change-password-page.js').then((m) => ({ default: m.ChangePasswordPage })),
);
const UsersPage = lazy(() => import('./pages/users-page.js'));
const AuditPage = lazy(() => import('./pages/audit-page.js'));
const OrganizationsPage = lazy(() => import('./pages/organizations-page.js'));
const WorklistPage = lazy(() => import('./cases/worklist-page.js'));
const IntakePage = lazy(() => import('./cases/intake-page.js'));
const RaidIntakePage = lazy(() => import('./cases/raid-intake-page.js'));
const CasePage = lazy(() => import('./cases/case-page.js'));
const ReferralsPage = lazy(() => import('./referrals/referrals-page.js'));
const ReferralPage = lazy(() => import('./referrals/referral-page.js'));
const NewReferralPage = lazy(() => import('./referrals/new-referral-page.js'));
const InstitutionsPage = lazy(() => import('./institutions/institutions-page.js'));
const FieldReportPage = lazy(() => import('./field-report/field-report-page.js'));
const FieldInboxPage = lazy(() => import('./field-report/field-inbox-page.js'));
const CaseConferencesPage = lazy(() => import('./case-conferences/case-conferences-page.js'));
const LetterSettingsPage = lazy(() => import('./letters/letter-settings-page.js'));
const SettingsPage = lazy(() => import('./settings/settings-page.js'));
const SopPage = lazy(() => import('./settings/sop-page.js'));
const ServiceSettingsPage = lazy(() => import('./settings/service-page.js'));
const RoomsPage = lazy(() => import('./settings/rooms-page.js'));
const FormDesignerPage = lazy(() => import('./form-designer/form-designer-page.js'));
const OccupancyPage = lazy(() => import('./shelter/occupancy-page.js'));
const ReportsPage = lazy(() => import('./reports/reports-page.js'));
const DashboardPage = lazy(() => import('./dashboard/dashboard-page.js'));
const NotificationsPage = lazy(() => import('./notifications/notifications-page.js'));
const ComplaintsPage = lazy(() => import('./complaints/complaints-page.js'));
const RosterPage = lazy(() => import('./roster/roster-page.js'));
const ComplaintFormPage = lazy(() => import('./public-complaint/complaint-form-page.js'));
const ComplaintStatusPage = lazy(() => import('./public-complaint/complaint-status-page.js'));

const PublicSettingsPage = lazy(() => import('./public-settings/public-settings-page.js'));
const SurveyPage = lazy(() => import('./survey/survey-page.js'));
const PublicationsPage = lazy(() => import('./publications/publications-page.js'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only network failures (status 0) are retried: a refused request will not fix itself.
      retry: (count, error) => !(error as { status?: number }).status && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Any request that finds the session gone sends the user back to login (RequireAuth sees `me` = null).
setUnauthenticatedHandler(() => endSession(queryClient));

const router = createBrowserRouter([
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
]);

export function App() {
  return (
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
