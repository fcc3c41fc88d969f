import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aConversation } from '../../features/messaging/components/messaging-fixtures';
import { anAppointment } from '../../features/scheduling/api/appointment-fixture';
import { endSession, startSession } from '../../lib/auth-session';
import { aTokenResponse, aUser } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { aNote, aPage, homeApi } from './home-fixtures';
import { ParentHomePage } from './parent-home-page';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  startSession(aTokenResponse(aUser({ name: 'Pat Lane', role: 'parent' })));
});

afterEach(() => {
  endSession();
});

function section(name: RegExp) {
  return screen.getByRole('region', { name });
}

describe('ParentHomePage', () => {
  it('shows the unread messages with their count, not "Coming soon"', async () => {
    fetchMock.mockImplementation(
      homeApi({
        '/api/conversations': {
          ...aPage([
            aConversation({ id: 'c1', title: 'Avery Lane', unreadCount: 3 }),
            aConversation({ id: 'c2', title: 'Clinic news' }),
          ]),
          unreadTotal: 3,
        },
      }),
    );

    renderWithProviders(<ParentHomePage />);

    const messages = await screen.findByRole('region', { name: /Unread messages/ });
    expect(await within(messages).findByLabelText('3 waiting')).toBeInTheDocument();
    expect(within(messages).getByRole('link', { name: 'Avery Lane' })).toHaveAttribute('href', '/messages/c1');
    expect(within(messages).getByText('3 unread messages')).toBeInTheDocument();
    expect(within(messages).queryByText('Clinic news')).not.toBeInTheDocument();
    expect(within(messages).getByRole('link', { name: 'All messages' })).toHaveAttribute('href', '/messages');
    expect(screen.queryByText(/coming soon/i)).not.toBeInTheDocument();
  });

  it('shows the next session, the notes to sign and each child’s latest progress', async () => {
    const next = new Date();
    next.setDate(next.getDate() + 2);
    next.setHours(15, 0, 0, 0);
    const later = new Date(next);
    later.setDate(later.getDate() + 2);
    fetchMock.mockImplementation(
      homeApi({
        '/api/appointments': aPage([
          anAppointment({
            id: 'a2',
            start: later.toISOString(),
            end: new Date(later.getTime() + 3600_000).toISOString(),
          }),
          anAppointment({
            id: 'a1',
            start: next.toISOString(),
            end: new Date(next.getTime() + 3600_000).toISOString(),
          }),
          anAppointment({ id: 'a3', status: 'cancelled', start: next.toISOString(), end: next.toISOString() }),
        ]),
        '/api/sessions/unsigned': {
          awaitingTherapist: { total: 0, notes: [] },
          awaitingGuardian: { total: 2, notes: [aNote({ id: 's1' }), aNote({ id: 's2', childId: 'child-2' })] },
        },
        '/api/children/child-1/progress': {
          targets: [
            {
              targetId: 't1',
              programId: 'p1',
              programName: 'Receptive ID',
              name: 'dog',
              measurement: 'percent_correct',
              phase: 'intervention',
              criterion: null,
              masteredAt: null,
              points: [
                {
                  sessionId: 's1',
                  date: new Date().toISOString(),
                  trials: 10,
                  percentCorrect: 80,
                  percentIndependent: 70,
                  count: 0,
                  ratePerHour: null,
                  durationSeconds: 0,
                  meetsCriterion: true,
                },
              ],
              phaseChanges: [],
            },
            {
              targetId: 't2',
              programId: 'p1',
              programName: 'Receptive ID',
              name: 'cat',
              measurement: 'percent_correct',
              phase: 'mastered',
              criterion: null,
              masteredAt: new Date().toISOString(),
              points: [],
              phaseChanges: [],
            },
          ],
        },
      }),
    );

    renderWithProviders(<ParentHomePage />);

    expect(await screen.findByRole('heading', { level: 1, name: 'My family' })).toBeInTheDocument();
    const nextSession = section(/Next session/);
    expect(await within(nextSession).findByText('Avery Lane with Toni Tech')).toBeInTheDocument();
    expect(within(nextSession).getByLabelText('2 waiting')).toBeInTheDocument();
    expect(within(nextSession).getByText(/1 more in the next four weeks/)).toBeInTheDocument();

    const notes = section(/Notes to sign/);
    expect(await within(notes).findByLabelText('2 waiting')).toBeInTheDocument();
    expect(within(notes).getAllByRole('link', { name: /Read and sign/ })[0]).toHaveAttribute('href', '/sessions/s1');

    const progress = section(/Latest progress/);
    expect(await within(progress).findByText(/Working on 1 target · mastered recently: cat/)).toBeInTheDocument();
    expect(within(progress).getByRole('link', { name: 'Progress of Avery Lane' })).toHaveAttribute(
      'href',
      '/children/child-1/progress',
    );
    expect(await within(progress).findByText('No sessions in the last 30 days')).toBeInTheDocument();
  });

  it('says so when nothing waits', async () => {
    fetchMock.mockImplementation(homeApi());

    renderWithProviders(<ParentHomePage />);

    expect(await screen.findByText('No sessions booked in the next four weeks.')).toBeInTheDocument();
    expect(await screen.findByText('No session notes are waiting for your signature.')).toBeInTheDocument();
    expect(await screen.findByText('You have read every message.')).toBeInTheDocument();
  });
});
