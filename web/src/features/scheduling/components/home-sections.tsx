import { useState } from 'react';
import { Link } from 'react-router-dom';
import { HomeList, HomeSection } from '../../../components/ui/home-section';
import { placeLabel, serviceLabel } from '../api/appointment-types';
import { useAppointments } from '../api/list-appointments';
import { useChangeRequests } from '../api/list-change-requests';
import { DayList } from './day-list';
import { addDays, formatLongDay, formatTimeRange, startOfDay, toOffsetIso } from './schedule-math';

/** The clinic's appointments of today in order (admins). */
export function TodaysSessionsSection({ childName }: { childName: (childId: string) => string }) {
  const [range] = useState(() => {
    const today = startOfDay(new Date());
    return { from: toOffsetIso(today), to: toOffsetIso(addDays(today, 1)) };
  });
  const appointments = useAppointments(range);
  const list = (appointments.data?.content ?? []).filter((appointment) => appointment.status !== 'cancelled');
  return (
    <HomeSection
      title="Today’s sessions"
      count={list.length}
      loading={appointments.isPending}
      error={appointments.error}
      empty="No sessions booked for today."
      link={{ to: '/schedule', label: 'Open the schedule' }}
    >
      <DayList label="Today’s sessions" appointments={list} childName={childName} />
    </HomeSection>
  );
}

/** Therapists' proposed appointment changes waiting for an admin's decision. */
export function ChangeRequestsSection({ childName }: { childName: (childId: string) => string }) {
  const requests = useChangeRequests({ status: 'pending' });
  const list = requests.data?.content ?? [];
  return (
    <HomeSection
      title="Change requests waiting"
      count={requests.data?.page.totalElements}
      loading={requests.isPending}
      error={requests.error}
      empty="No changes waiting for a decision."
      link={{ to: '/schedule', label: 'Decide in the schedule' }}
    >
      <HomeList label="Change requests waiting">
        {list.slice(0, 5).map((request) => {
          const from = new Date(request.start);
          return (
            <li key={request.id}>
              <span className="home-item-text">
                <strong>{childName(request.childId)}</strong>
                <span className="home-item-meta">
                  {request.requestedBy.name} proposes {formatLongDay(from)},{' '}
                  {formatTimeRange(from, new Date(request.end))}
                </span>
              </span>
            </li>
          );
        })}
      </HomeList>
      {list.length > 5 && <p className="home-more">and {list.length - 5} more</p>}
    </HomeSection>
  );
}

/** A parent's next booked session, and how many follow in the next four weeks. */
export function NextSessionSection({ childName }: { childName: (childId: string) => string }) {
  const [range] = useState(() => {
    const now = new Date();
    return { from: toOffsetIso(now), to: toOffsetIso(addDays(startOfDay(now), 29)) };
  });
  const appointments = useAppointments(range);
  const booked = (appointments.data?.content ?? [])
    .filter((appointment) => appointment.status === 'scheduled' || appointment.status === 'checked_in')
    .sort((a, b) => a.start.localeCompare(b.start));
  const next = booked[0];
  return (
    <HomeSection
      title="Next session"
      count={booked.length}
      loading={appointments.isPending}
      error={appointments.error}
      empty="No sessions booked in the next four weeks."
      link={{ to: '/schedule/upcoming', label: 'All upcoming sessions' }}
    >
      {next && (
        <div className="home-item-text">
          <strong>
            {formatLongDay(new Date(next.start))}, {formatTimeRange(new Date(next.start), new Date(next.end))}
          </strong>
          <span>
            {childName(next.childId)} with {next.therapist.name}
          </span>
          <span className="home-item-meta">
            {serviceLabel(next.serviceCode)} · {placeLabel(next.place)}
          </span>
        </div>
      )}
      {booked.length > 1 && (
        <p className="home-more">
          {booked.length - 1} more in the next four weeks. <Link to="/schedule/upcoming">See them all</Link>
        </p>
      )}
    </HomeSection>
  );
}
