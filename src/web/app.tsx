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
                path: 'audit',
                element: (
                  <RequirePermission permission="audit.read">
                    <AuditPage />
                  </RequirePermission>
                ),
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
