import { Badge } from '../../components/ui/badge';
import { HomeGrid } from '../../components/ui/home-section';
import { Page } from '../../components/ui/page';
import { TodayList } from '../../features/scheduling/components/today-list';
import { useChildNames } from '../../features/scheduling/components/use-names';
import {
  CaseloadTargetsSections,
  MyUnsignedNotesSection,
  ReviewQueueSection,
} from '../../features/sessions/components/home-sections';
import { useAuth } from '../../lib/auth';
import type { Credential } from '../../lib/api-types';

/** Supervisors (BCBA, BCaBA) design programs and review their technicians' notes. */
export function isSupervisor(credential: Credential | null | undefined): boolean {
  return credential === 'BCBA' || credential === 'BCaBA';
}

/**
 * A therapist's day. Technicians: today's sessions with "Record", and their notes to finish. Supervisors: their
 * caseload's targets near mastery and stalled, their technicians' notes to review, and their own sessions today.
 */
export function TherapistHomePage() {
  const { user } = useAuth();
  const childName = useChildNames();
  if (!user) return null;
  const supervisor = isSupervisor(user.credential);
  return (
    <Page
      title="My day"
      lead={
        <p>
          Welcome, {user.name}
          {user.credential && (
            <Badge tone="info">Credential: {user.credential === 'other' ? 'Other' : user.credential}</Badge>
          )}
        </p>
      }
    >
      <HomeGrid>
        {supervisor && <CaseloadTargetsSections childName={childName} />}
        {supervisor && <ReviewQueueSection childName={childName} />}
        <section className="panel home-section" aria-labelledby="home-today-title">
          <h2 id="home-today-title" className="section-title">
            Today’s sessions
          </h2>
          <TodayList therapistId={user.id} />
        </section>
        {!supervisor && <MyUnsignedNotesSection therapistId={user.id} childName={childName} />}
      </HomeGrid>
    </Page>
  );
}
