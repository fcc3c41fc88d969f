import { Link } from 'react-router-dom';
import { HomeList, HomeSection } from '../../../components/ui/home-section';
import { formatDateTime, formatDay, toDay } from '../../../lib/dates';
import { useCaseloadTargets } from '../api/list-caseload-targets';
import { useChildProgress, type TargetProgress } from '../api/get-child-progress';
import { useReviewQueue } from '../api/list-review-queue';
import { useUnsignedNotes } from '../api/list-unsigned-notes';
import type { NoteQueue, QueuedNote, TargetAlert } from '../api/queue-types';
import { serviceCodeLabel } from '../api/session-types';

type ChildName = (childId: string) => string;

/** How many notes a section lists; the count says how many there are. */
const SHOWN = 5;

function NoteItems({
  label,
  queue,
  childName,
  action,
}: {
  label: string;
  queue: NoteQueue;
  childName: ChildName;
  action: (note: QueuedNote) => { to: string; label: string };
}) {
  const shown = queue.notes.slice(0, SHOWN);
  return (
    <>
      <HomeList label={label}>
        {shown.map((note) => {
          const link = action(note);
          return (
            <li key={note.id}>
              <span className="home-item-text">
                <strong>{childName(note.childId)}</strong>
                <span className="home-item-meta">
                  {formatDateTime(note.startedAt)} · {note.therapist.name} · {serviceCodeLabel(note.serviceCode)}
                </span>
              </span>
              <Link
                to={link.to}
                className="btn btn-secondary btn-sm"
                aria-label={`${link.label}: ${childName(note.childId)}, ${formatDateTime(note.startedAt)}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </HomeList>
      {queue.total > shown.length && <p className="home-more">and {queue.total - shown.length} more</p>}
    </>
  );
}

const openNote = (note: QueuedNote) => ({ to: `/sessions/${note.id}`, label: 'Open' });

/** The clinic's notes not signed yet: by their therapist, and by a guardian (admins). */
export function UnsignedNotesSections({ childName }: { childName: ChildName }) {
  const unsigned = useUnsignedNotes();
  return (
    <>
      <HomeSection
        title="Notes not signed by the therapist"
        count={unsigned.data?.awaitingTherapist.total}
        loading={unsigned.isPending}
        error={unsigned.error}
        empty="Every session that has started is signed by its therapist."
      >
        {unsigned.data && (
          <NoteItems
            label="Notes not signed by the therapist"
            queue={unsigned.data.awaitingTherapist}
            childName={childName}
            action={openNote}
          />
        )}
      </HomeSection>
      <HomeSection
        title="Notes awaiting a guardian’s co-signature"
        count={unsigned.data?.awaitingGuardian.total}
        loading={unsigned.isPending}
        error={unsigned.error}
        empty="No signed note is waiting for a guardian."
      >
        {unsigned.data && (
          <NoteItems
            label="Notes awaiting a guardian’s co-signature"
            queue={unsigned.data.awaitingGuardian}
            childName={childName}
            action={openNote}
          />
        )}
      </HomeSection>
    </>
  );
}

/** A technician's own sessions that are started but not signed yet. */
export function MyUnsignedNotesSection({ therapistId, childName }: { therapistId: string; childName: ChildName }) {
  const unsigned = useUnsignedNotes();
  const mine = (unsigned.data?.awaitingTherapist.notes ?? []).filter((note) => note.therapist.id === therapistId);
  return (
    <HomeSection
      title="Your notes to finish"
      count={mine.length}
      loading={unsigned.isPending}
      error={unsigned.error}
      empty="All your sessions are signed."
    >
      <NoteItems
        label="Your notes to finish"
        queue={{ total: mine.length, notes: mine }}
        childName={childName}
        action={(note) => ({ to: `/sessions/run/${note.id}`, label: 'Continue' })}
      />
    </HomeSection>
  );
}

/** The notes a guardian may co-sign. */
export function NotesToSignSection({ childName }: { childName: ChildName }) {
  const unsigned = useUnsignedNotes();
  return (
    <HomeSection
      title="Notes to sign"
      count={unsigned.data?.awaitingGuardian.total}
      loading={unsigned.isPending}
      error={unsigned.error}
      empty="No session notes are waiting for your signature."
    >
      {unsigned.data && (
        <NoteItems
          label="Notes to sign"
          queue={unsigned.data.awaitingGuardian}
          childName={childName}
          action={(note) => ({ to: `/sessions/${note.id}`, label: 'Read and sign' })}
        />
      )}
    </HomeSection>
  );
}

/** Notes technicians submitted this week for the children the supervisor supervises. */
export function ReviewQueueSection({ childName }: { childName: ChildName }) {
  const queue = useReviewQueue();
  return (
    <HomeSection
      title="Notes to review"
      count={queue.data?.total}
      loading={queue.isPending}
      error={queue.error}
      empty="No notes from your technicians in the last 7 days."
    >
      {queue.data && <NoteItems label="Notes to review" queue={queue.data} childName={childName} action={openNote} />}
    </HomeSection>
  );
}

function TargetItems({
  label,
  targets,
  childName,
  describe,
}: {
  label: string;
  targets: TargetAlert[];
  childName: ChildName;
  describe: (target: TargetAlert) => string;
}) {
  return (
    <HomeList label={label}>
      {targets.map((target) => (
        <li key={target.targetId}>
          <span className="home-item-text">
            <strong>
              {target.name} <span className="home-item-meta">· {target.programName}</span>
            </strong>
            <span className="home-item-meta">
              {childName(target.childId)} · {describe(target)}
            </span>
          </span>
          <Link
            to={`/children/${target.childId}/progress`}
            className="btn btn-secondary btn-sm"
            aria-label={`Progress: ${target.name}, ${childName(target.childId)}`}
          >
            Progress
          </Link>
        </li>
      ))}
    </HomeList>
  );
}

function percent(value: number | null): string {
  return value === null ? 'no score' : `${Math.round(value)} %`;
}

/** The caseload's targets near mastery and stalled (supervisors). */
export function CaseloadTargetsSections({ childName }: { childName: ChildName }) {
  const targets = useCaseloadTargets();
  return (
    <>
      <HomeSection
        title="Targets near mastery"
        count={targets.data?.nearMastery.length}
        loading={targets.isPending}
        error={targets.error}
        empty="No target is one session short of mastery."
        link={{ to: '/children', label: 'Caseload' }}
      >
        {targets.data && (
          <TargetItems
            label="Targets near mastery"
            targets={targets.data.nearMastery}
            childName={childName}
            describe={(target) =>
              `${target.sessionsMeetingInARow} of ${target.criterion?.consecutiveSessions ?? '?'} sessions at ${target.criterion?.percent ?? '?'} % · latest ${percent(target.latestPercent)}`
            }
          />
        )}
      </HomeSection>
      <HomeSection
        title="Stalled targets"
        count={targets.data?.stalled.length}
        loading={targets.isPending}
        error={targets.error}
        empty="No target has gone four weeks without progress."
      >
        {targets.data && (
          <TargetItems
            label="Stalled targets"
            targets={targets.data.stalled}
            childName={childName}
            describe={(target) =>
              `in intervention since ${formatDay(toDay(new Date(target.phaseSince)))} · ${target.sessionsSincePhaseChange} sessions · latest ${percent(target.latestPercent)}`
            }
          />
        )}
      </HomeSection>
    </>
  );
}

/** What the last 30 days say about one child. */
function ChildProgressItem({ child }: { child: { id: string; name: string } }) {
  const today = new Date();
  const since = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  const progress = useChildProgress(child.id, { from: toDay(since), to: toDay(today) });
  const targets: TargetProgress[] = progress.data?.targets ?? [];
  const latest = targets
    .flatMap((target) => target.points.map((point) => point.date))
    .sort()
    .at(-1);
  const mastered = targets.filter((target) => target.masteredAt !== null && new Date(target.masteredAt) >= since);
  const working = targets.filter((target) => target.phase === 'intervention');
  return (
    <li>
      <span className="home-item-text">
        <strong>{child.name}</strong>
        {progress.isPending && <span className="home-item-meta">Loading…</span>}
        {progress.isError && <span className="home-item-meta">Progress could not be loaded.</span>}
        {progress.data && (
          <>
            <span className="home-item-meta">
              {latest ? `Last session ${formatDateTime(latest)}` : 'No sessions in the last 30 days'}
            </span>
            <span>
              Working on {working.length} {working.length === 1 ? 'target' : 'targets'}
              {mastered.length > 0 && ` · mastered recently: ${mastered.map((target) => target.name).join(', ')}`}
            </span>
          </>
        )}
      </span>
      <Link
        to={`/children/${child.id}/progress`}
        className="btn btn-secondary btn-sm"
        aria-label={`Progress of ${child.name}`}
      >
        Progress
      </Link>
    </li>
  );
}

/** Each child's latest progress (guardians). */
export function LatestProgressSection({
  childList,
  loading,
  error,
}: {
  childList: { id: string; name: string }[];
  loading: boolean;
  error: unknown;
}) {
  return (
    <HomeSection
      title="Latest progress"
      count={childList.length}
      loading={loading}
      error={error}
      empty="No children are linked to your account yet."
      link={{ to: '/children', label: 'My children' }}
    >
      <HomeList label="Latest progress">
        {childList.map((child) => (
          <ChildProgressItem key={child.id} child={child} />
        ))}
      </HomeList>
    </HomeSection>
  );
}
