import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AppShell } from './layout/app-shell';
import { RequireAuth, RequireRole, RoleRedirect } from './guards';
import { AdminHomePage } from './routes/admin-home-page';
import { AuditPage } from './routes/audit-page';
import { AgingPage } from './routes/aging-page';
import { AuthorizationsPage } from './routes/authorizations-page';
import { BillingPage } from './routes/billing-page';
import { CaseloadPage } from './routes/caseload-page';
import { AvailabilityPage } from './routes/availability-page';
import { BillingSettingsPage } from './routes/billing-settings-page';
import { ChargesPage } from './routes/charges-page';
import { ClaimsPage } from './routes/claims-page';
import { ChildHistoryPage } from './routes/child-history-page';
import { ChildProgressPage } from './routes/child-progress-page';
import { ProgressReportPage } from './routes/progress-report-page';
import { ChildSessionsPage } from './routes/child-sessions-page';
import { ChildPage } from './routes/child-page';
import { ChildrenPage } from './routes/children-page';
import { ConversationPage } from './routes/conversation-page';
import { FamilyAccountPage } from './routes/family-account-page';
import { FamilyBalancesPage } from './routes/family-balances-page';
import { MessagesPage } from './routes/messages-page';
import { ForgotPasswordPage } from './routes/forgot-password-page';
import { NewChildPage } from './routes/new-child-page';
import { NotFoundPage } from './routes/not-found-page';
import { NotificationSettingsPage } from './routes/notification-settings-page';
import { NotificationsPage } from './routes/notifications-page';
import { ParentHomePage } from './routes/parent-home-page';
import { PaymentsPage } from './routes/payments-page';
import { PayersPage } from './routes/payers-page';
import { ProfilePage } from './routes/profile-page';
import { ProgramPage } from './routes/program-page';
import { ProposalsPage } from './routes/proposals-page';
import { RecordSessionPage } from './routes/record-session-page';
import { RegisterPage } from './routes/register-page';
import { RemittancesPage } from './routes/remittances-page';
import { ResetPasswordPage } from './routes/reset-password-page';
import { VerifyEmailPage } from './routes/verify-email-page';
import { AcceptInvitationPage } from './routes/accept-invitation-page';
import { RouteErrorPage } from './routes/route-error-page';
import { RunSessionPage } from './routes/run-session-page';
import { SchedulePage } from './routes/schedule-page';
import { SessionPage } from './routes/session-page';
import { SignInPage } from './routes/sign-in-page';
import { TherapistHomePage } from './routes/therapist-home-page';
import { TodayPage } from './routes/today-page';
import { UpcomingPage } from './routes/upcoming-page';
import { UsersPage } from './routes/users-page';
import { ReportAppointmentsPage, ReportSessionsPage, ReportsPage } from './routes/reports-page';

const routeTable: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <RoleRedirect /> },
          {
            element: <RequireRole roles={['admin']} />,
            children: [
              { path: '/admin', element: <AdminHomePage /> },
              { path: '/admin/users', element: <UsersPage /> },
              { path: '/admin/audit', element: <AuditPage /> },
              { path: '/authorizations', element: <AuthorizationsPage /> },
              { path: '/billing/families', element: <FamilyBalancesPage /> },
              { path: '/billing/families/:id', element: <FamilyAccountPage /> },
              { path: '/billing/aging', element: <AgingPage /> },
              { path: '/billing/payments', element: <PaymentsPage /> },
              { path: '/billing/charges', element: <ChargesPage /> },
              { path: '/billing/claims', element: <ClaimsPage /> },
              { path: '/billing/remittances', element: <RemittancesPage /> },
              { path: '/billing/payers', element: <PayersPage /> },
              { path: '/billing/settings', element: <BillingSettingsPage /> },
              { path: '/schedule/availability', element: <AvailabilityPage /> },
              { path: '/schedule/proposals', element: <ProposalsPage /> },
              { path: '/reports', element: <ReportsPage /> },
              { path: '/reports/appointments', element: <ReportAppointmentsPage /> },
              { path: '/reports/sessions', element: <ReportSessionsPage /> },
            ],
          },
          {
            element: <RequireRole roles={['therapist']} />,
            children: [
              { path: '/therapist', element: <TherapistHomePage /> },
              { path: '/sessions/run', element: <RunSessionPage /> },
              { path: '/sessions/run/:id', element: <RecordSessionPage /> },
              { path: '/schedule/today', element: <TodayPage /> },
            ],
          },
          {
            element: <RequireRole roles={['parent']} />,
            children: [
              { path: '/parent', element: <ParentHomePage /> },
              { path: '/schedule/upcoming', element: <UpcomingPage /> },
              { path: '/billing', element: <BillingPage /> },
            ],
          },
          {
            element: <RequireRole roles={['admin', 'therapist']} />,
            children: [
              { path: '/schedule', element: <SchedulePage /> },
              { path: '/reports/caseload', element: <CaseloadPage /> },
            ],
          },
          {
            element: <RequireRole roles={['admin', 'parent']} />,
            children: [{ path: '/children/new', element: <NewChildPage /> }],
          },
          { path: '/children', element: <ChildrenPage /> },
          { path: '/children/:id', element: <ChildPage /> },
          { path: '/children/:id/history', element: <ChildHistoryPage /> },
          { path: '/children/:id/sessions', element: <ChildSessionsPage /> },
          { path: '/children/:id/progress', element: <ChildProgressPage /> },
          { path: '/progress-reports/:id', element: <ProgressReportPage /> },
          { path: '/sessions/:id', element: <SessionPage /> },
          { path: '/programs/:id', element: <ProgramPage /> },
          { path: '/messages', element: <MessagesPage /> },
          { path: '/messages/:id', element: <ConversationPage /> },
          { path: '/profile', element: <ProfilePage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/profile/notifications', element: <NotificationSettingsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * Every route gets the error boundary, so a crash in any page shows what went wrong and a retry where the page
 * would be (inside the app shell, whose navigation keeps working), never the router's developer page.
 */
function withErrorBoundary(route: RouteObject): RouteObject {
  return route.index
    ? { ...route, errorElement: <RouteErrorPage /> }
    : { ...route, errorElement: <RouteErrorPage />, children: route.children?.map(withErrorBoundary) };
}

export const routes: RouteObject[] = routeTable.map(withErrorBoundary);

export function createRouter() {
  return createBrowserRouter(routes);
}
