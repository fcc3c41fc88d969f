import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anAppointment } from '../../features/scheduling/api/appointment-fixture';
import { endSession, startSession } from '../../lib/auth-session';
import { anAdmin, aTokenResponse } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { AdminHomePage } from './admin-home-page';
import { aChangeRequest, anAuthorization, aNote, aPage, homeApi, NO_NOTES } from './home-fixtures';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  startSession(aTokenResponse(anAdmin()));
});

afterEach(() => {
  endSession();
});

function section(name: RegExp) {
  return screen.getByRole('region', { name });
}

describe('AdminHomePage', () => {
  it('shows today, unsigned notes, authorizations running out and change requests with their counts', async () => {
    const today = new Date();
    today.setHours(15, 0, 0, 0);
    fetchMock.mockImplementation(
      homeApi({
        '/api/appointments': aPage([
          anAppointment({ start: today.toISOString(), end: new Date(today.getTime() + 3600_000).toISOString() }),
        ]),
        '/api/sessions/unsigned': {
          awaitingTherapist: { total: 1, notes: [aNote({ id: 'open-1', status: 'open', submittedAt: null })] },
          awaitingGuardian: { total: 7, notes: [aNote()] },
        },
        '/api/authorizations': aPage([anAuthorization(), anAuthorization({ id: 'auth-2', alert: null })]),
        '/api/appointment-change-requests': aPage([aChangeRequest()]),
      }),
    );

    renderWithProviders(<AdminHomePage />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Clinic overview' })).toBeInTheDocument();
    const todays = section(/Today’s sessions/);
    expect(await within(todays).findByText('Avery Lane')).toBeInTheDocument();
    expect(within(todays).getByText(/Toni Tech · Direct treatment \(97153\) · Clinic/)).toBeInTheDocument();
    expect(within(todays).getByLabelText('1 waiting')).toBeInTheDocument();
    expect(within(todays).getByRole('link', { name: 'Open the schedule' })).toHaveAttribute('href', '/schedule');

    const therapist = section(/Notes not signed by the therapist/);
    expect(await within(therapist).findByLabelText('1 waiting')).toBeInTheDocument();
    expect(within(therapist).getByRole('link', { name: /Open: Avery Lane/ })).toHaveAttribute(
      'href',
      '/sessions/open-1',
    );
    const guardian = section(/awaiting a guardian/);
    expect(within(guardian).getByLabelText('7 waiting')).toBeInTheDocument();
    expect(within(guardian).getByText('and 6 more')).toBeInTheDocument();

    const authorizations = section(/Authorizations running out/);
    expect(await within(authorizations).findByLabelText('1 waiting')).toBeInTheDocument();
    expect(within(authorizations).getByText('Running out')).toBeInTheDocument();
    expect(within(authorizations).getByText(/8 of 100 units left/)).toBeInTheDocument();

    const requests = section(/Change requests waiting/);
    expect(await within(requests).findByText(/Toni Tech proposes/)).toBeInTheDocument();
    expect(within(requests).getByLabelText('1 waiting')).toBeInTheDocument();
  });

  it('says in words when nothing waits', async () => {
    fetchMock.mockImplementation(
      homeApi({ '/api/sessions/unsigned': { awaitingTherapist: NO_NOTES, awaitingGuardian: NO_NOTES } }),
    );

    renderWithProviders(<AdminHomePage />);

    expect(await screen.findByText('No sessions booked for today.')).toBeInTheDocument();
    expect(await screen.findByText('Every session that has started is signed by its therapist.')).toBeInTheDocument();
    expect(screen.getByText('No signed note is waiting for a guardian.')).toBeInTheDocument();
    expect(await screen.findByText('No authorization is running out, over or ending soon.')).toBeInTheDocument();
    expect(await screen.findByText('No changes waiting for a decision.')).toBeInTheDocument();
    expect(screen.queryByText(/coming soon/i)).not.toBeInTheDocument();
  });
});
