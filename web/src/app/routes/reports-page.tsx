import { Link } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { DashboardScreen } from '../../features/reporting/components/dashboard-screen';
import {
  ReportAppointmentsScreen,
  ReportSessionsScreen,
} from '../../features/reporting/components/report-rows-screens';

export function ReportsPage() {
  return (
    <Page
      title="Reports"
      lead={
        <p>
          The clinic&apos;s numbers for a period: utilization, cancellations and no-shows, documentation, supervision,
          authorizations and money. Each child&apos;s targets are in the{' '}
          <Link to="/reports/caseload">caseload report</Link>.
        </p>
      }
    >
      <DashboardScreen />
    </Page>
  );
}

export function ReportAppointmentsPage() {
  return (
    <Page title="Appointments in the report" lead={<p>The appointments a figure of the dashboard counts.</p>}>
      <ReportAppointmentsScreen />
    </Page>
  );
}

export function ReportSessionsPage() {
  return (
    <Page title="Sessions in the report" lead={<p>The sessions a documentation figure counts.</p>}>
      <ReportSessionsScreen />
    </Page>
  );
}
