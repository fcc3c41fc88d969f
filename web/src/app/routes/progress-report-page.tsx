import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useChild } from '../../features/children/api/get-child';
import { childAccess } from '../../features/children/api/child-types';
import { useProgressReport } from '../../features/reporting/api/get-progress-report';
import { ProgressReportScreen } from '../../features/reporting/components/progress-report-screen';
import { ProgressGraph } from '../../features/sessions/components/progress-graph';
import { useAuth } from '../../lib/auth';
import { RecordStatus } from './record-status';

/** A progress report, with the sessions feature's progress graph drawing each target. */
export function ProgressReportPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const report = useProgressReport(id);
  const child = useChild(report.data?.childId);
  if (!report.data) return <RecordStatus error={report.error} noun="progress report" />;
  const canWrite = child.data ? childAccess(child.data, user).isSupervisor : false;
  return (
    <Page
      title="Progress report"
      documentTitle="Progress report"
      lead={
        <p>
          <Link to={`/children/${report.data.childId}#progress-reports`}>Back to the child’s record</Link>
        </p>
      }
    >
      <ProgressReportScreen
        key={`${report.data.id}-${report.data.status}`}
        report={report.data}
        canWrite={canWrite}
        renderGraph={(target) => <ProgressGraph target={target} />}
      />
    </Page>
  );
}
