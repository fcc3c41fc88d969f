import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Table } from '../../../components/ui/table';
import type { ProposalSummary } from '../api/appointment-types';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 sessions, 4 h" */
function toBook(sessions: number, hours: number): string {
  return `${plural(sessions, 'session', 'sessions')}, ${hours} h`;
}

/** "Book 12 sessions, 31 hours for 6 children?" — the question the confirmation asks. */
export function bookingQuestion(summary: ProposalSummary): string {
  return `Book ${plural(summary.sessions, 'session', 'sessions')}, ${plural(summary.hours, 'hour', 'hours')} for ${plural(summary.children, 'child', 'children')}?`;
}

/**
 * Asks before a draft week is booked, saying what accepting books per child and per therapist, what the week already
 * had and what stays unplaced. Nothing is booked until "Book" is chosen.
 */
export function AcceptProposalDialog({
  open,
  summary,
  childName,
  pending,
  onConfirm,
  onClose,
}: {
  open: boolean;
  summary: ProposalSummary;
  childName: (id: string) => string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Book this week?"
      description={bookingQuestion(summary)}
      role="alertdialog"
      size="wide"
    >
      <p>
        Every session is booked as an appointment, all or nothing. Appointments already booked stay as they are.
        {summary.unplacedHours > 0 &&
          ` ${plural(summary.unplacedHours, 'prescribed hour stays', 'prescribed hours stay')} unplaced.`}
      </p>
      <Table caption="Per child">
        <thead>
          <tr>
            <th scope="col">Child</th>
            <th scope="col">To book</th>
            <th scope="col">Already booked</th>
            <th scope="col">Not placed</th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {summary.perChild.map((child) => (
            <tr key={child.childId}>
              <th scope="row">{childName(child.childId)}</th>
              <td data-label="To book">{toBook(child.sessions, child.hours)}</td>
              <td data-label="Already booked">{child.alreadyBookedHours} h</td>
              <td data-label="Not placed">{child.unplacedHours} h</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Table caption="Per therapist">
        <thead>
          <tr>
            <th scope="col">Therapist</th>
            <th scope="col">To book</th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {summary.perTherapist.map((therapist) => (
            <tr key={therapist.therapistId}>
              <th scope="row">{therapist.name}</th>
              <td data-label="To book">{toBook(therapist.sessions, therapist.hours)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Go back
        </Button>
        <Button pending={pending} onClick={onConfirm}>
          {`Book ${plural(summary.sessions, 'session', 'sessions')}`}
        </Button>
      </div>
    </Dialog>
  );
}
