import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { AuthorizationsSection } from '../../features/billing/components/authorizations-section';
import { CoveragesSection } from '../../features/billing/components/coverages-section';
import { useChild } from '../../features/children/api/get-child';
import { childAccess, childName } from '../../features/children/api/child-types';
import { ChildScreen } from '../../features/children/components/child-screen';
import { MessageCareTeamButton } from '../../features/messaging/components/message-care-team-button';
import { ChildPrograms } from '../../features/programs/components/child-programs';
import { ProgressReportsSection } from '../../features/reporting/components/progress-reports-section';
import { SchedulePreferencesSection } from '../../features/scheduling/components/schedule-preferences-section';
import { useAuth } from '../../lib/auth';
import { RecordStatus } from './record-status';

export function ChildPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const child = useChild(id);
  if (!child.data) return <RecordStatus error={child.error} noun="child" />;

  const access = childAccess(child.data, user);
  return (
    <Page
      title={childName(child.data)}
      documentTitle="Child record"
      lead={
        <p>
          <Link to="/children">All children</Link>
        </p>
      }
      actions={
        // only the child's guardians and care team are members of its conversation; admins are not
        access.isGuardian || access.isCareTeam ? (
          <MessageCareTeamButton
            childId={child.data.id}
            label={access.isGuardian ? 'Message the care team' : 'Open the family conversation'}
          />
        ) : undefined
      }
    >
      <ChildScreen
        child={child.data}
        access={access}
        programs={
          <ChildPrograms
            childId={child.data.id}
            canWrite={(access.canAdmin || access.isSupervisor) && child.data.status !== 'archived'}
          />
        }
        schedule={
          <SchedulePreferencesSection
            childId={child.data.id}
            canEdit={access.canAdmin && child.data.status !== 'archived'}
          />
        }
        authorizations={
          // the server lets admins, guardians and supervisors read them; technicians never ask
          access.canAdmin || access.isGuardian || access.isSupervisor ? (
            <>
              {access.canAdmin && (
                <CoveragesSection childId={child.data.id} canEdit={child.data.status !== 'archived'} />
              )}
              <AuthorizationsSection
                childId={child.data.id}
                canEdit={access.canAdmin && child.data.status !== 'archived'}
              />
            </>
          ) : undefined
        }
        reports={
          <ProgressReportsSection
            childId={child.data.id}
            canWrite={access.isSupervisor && child.data.status !== 'archived'}
          />
        }
      />
    </Page>
  );
}
