import { Page } from '../../components/ui/page';
import { CaseloadReportScreen } from '../../features/reporting/components/caseload-report';

export function CaseloadPage() {
  return (
    <Page
      title="Caseload"
      lead={<p>Per child: targets mastered, stalled, due for a maintenance probe, and sessions without data.</p>}
    >
      <CaseloadReportScreen />
    </Page>
  );
}
