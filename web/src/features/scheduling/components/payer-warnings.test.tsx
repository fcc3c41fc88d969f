import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { anAppointment } from '../api/appointment-fixture';
import type { PayerWarning } from '../api/payer-warnings';
import { MoveDialog } from './move-dialog';
import { PayerWarnings } from './payer-warnings';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const over: PayerWarning = {
  kind: 'over',
  serviceCode: '97153',
  authorizationId: 'auth-1',
  authorizationNumber: 'PA-2026-97153-1001',
  shortfallUnits: 6,
  message: 'Authorization PA-2026-97153-1001 (97153) is 6 units short: 46 used or planned of 40 authorized.',
};

const appointment = anAppointment();

function renderMove(onMoved = vi.fn()) {
  const rendered = renderWithProviders(
    <MoveDialog
      request={{ appointment, start: new Date(appointment.start) }}
      childName="Robin Lee"
      onClose={vi.fn()}
      onMoved={onMoved}
    />,
  );
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Move appointment' }) };
}

describe('PayerWarnings', () => {
  it('names each authorization and its shortfall as a warning', () => {
    render(<PayerWarnings warnings={[over]} />);

    const alert = screen.getByRole('status');
    expect(alert).toHaveTextContent("Booked beyond the child's authorization");
    expect(
      within(screen.getByRole('list', { name: 'Authorization warnings' })).getByRole('listitem'),
    ).toHaveTextContent('PA-2026-97153-1001 (97153) is 6 units short');
  });

  it('says nothing when the booking is within the authorizations', () => {
    const { container } = render(<PayerWarnings warnings={[]} />);

    expect(container).toBeEmptyDOMElement();
  });
});

/** Saving answers `saved`; the check before saving (found nothing) is answered apart. */
function answerSaving(saved: Response) {
  fetchMock.mockImplementation((input) =>
    Promise.resolve(
      String(input).endsWith('/check') ? jsonResponse({ warnings: [], blocked: false, conflicts: [] }) : saved,
    ),
  );
}

describe('MoveDialog and the payer rules', () => {
  it('hands the warnings of a move beyond the authorization to the schedule', async () => {
    const onMoved = vi.fn();
    answerSaving(jsonResponse({ series: null, occurrences: [appointment], warnings: [over] }));
    const { dialog, user } = renderMove(onMoved);

    await user.click(within(dialog).getByRole('button', { name: 'Save move' }));

    await vi.waitFor(() => expect(onMoved).toHaveBeenCalled());
    expect(onMoved).toHaveBeenCalledWith('The appointment with Robin Lee was moved.', [over]);
  });

  it('shows why a clinic that blocks refused the move, authorization by authorization, without an override', async () => {
    answerSaving(
      problemResponse(409, {
        type: 'https://sparktherapy.org/problems/authorization-exceeded',
        title: "Beyond the child's authorization",
        detail: `${over.message} The clinic does not book beyond authorizations; nothing was booked or moved.`,
        warnings: [over],
      }),
    );
    const { dialog, user } = renderMove();

    await user.click(within(dialog).getByRole('button', { name: 'Save move' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent("Not booked: beyond the child's authorization");
    expect(within(alert).getByRole('list', { name: 'Authorization problems' })).toHaveTextContent(
      'PA-2026-97153-1001 (97153) is 6 units short',
    );
    expect(within(dialog).queryByLabelText('Move anyway (override)')).not.toBeInTheDocument();
  });
});
