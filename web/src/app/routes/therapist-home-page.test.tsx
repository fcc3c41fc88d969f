import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anAppointment } from '../../features/scheduling/api/appointment-fixture';
import { endSession, startSession } from '../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { aNote, aPage, aTargetAlert, homeApi } from './home-fixtures';
import { TherapistHomePage } from './therapist-home-page';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  endSession();
});

function section(name: RegExp) {
  return screen.getByRole('region', { name });
}

describe('TherapistHomePage', () => {
  it('gives a supervisor the targets near mastery, the stalled ones and the notes to review', async () => {
    startSession(aTokenResponse(aTherapist({ id: 'bcba-1', credential: 'BCBA' })));
    fetchMock.mockImplementation(
      homeApi({
        '/api/caseload/targets': {
          nearMastery: [aTargetAlert()],
          stalled: [
            aTargetAlert({
              targetId: 'target-2',
              name: 'cat',
              childId: 'child-2',
              latestPercent: 40,
              sessionsSincePhaseChange: 9,
            }),
          ],
        },
        '/api/sessions/review-queue': { total: 1, notes: [aNote({ id: 'review-1' })] },
      }),
    );

    renderWithProviders(<TherapistHomePage />);

    const near = await screen.findByRole('region', { name: /Targets near mastery/ });
    expect(await within(near).findByText(/2 of 3 sessions at 80 % · latest 90 %/)).toBeInTheDocument();
    expect(within(near).getByRole('link', { name: 'Progress: dog, Avery Lane' })).toHaveAttribute(
      'href',
      '/children/child-1/progress',
    );
    const stalled = section(/Stalled targets/);
    expect(
      within(stalled).getByText(/Jordan Lane · in intervention since .* · 9 sessions · latest 40 %/),
    ).toBeInTheDocument();
    const review = section(/Notes to review/);
    expect(await within(review).findByLabelText('1 waiting')).toBeInTheDocument();
    expect(within(review).getByRole('link', { name: /Open: Avery Lane/ })).toHaveAttribute(
      'href',
      '/sessions/review-1',
    );
    expect(screen.queryByRole('region', { name: /Your notes to finish/ })).not.toBeInTheDocument();
  });

  it('gives a technician today’s list with the way to record, and their notes to finish', async () => {
    startSession(aTokenResponse(aTherapist({ id: 'rbt-1', credential: 'RBT' })));
    const today = new Date();
    today.setHours(15, 0, 0, 0);
    fetchMock.mockImplementation(
      homeApi({
        '/api/appointments': aPage([
          anAppointment({
            start: today.toISOString(),
            end: new Date(today.getTime() + 3600_000).toISOString(),
            status: 'completed',
            sessionId: 'session-9',
            sessionStatus: 'open',
          }),
        ]),
        '/api/sessions/unsigned': {
          awaitingTherapist: {
            total: 2,
            notes: [
              aNote({ id: 'mine', status: 'open', submittedAt: null }),
              aNote({ id: 'theirs', status: 'open', therapist: { id: 'rbt-2', name: 'Other Tech' } }),
            ],
          },
          awaitingGuardian: { total: 0, notes: [] },
        },
      }),
    );

    renderWithProviders(<TherapistHomePage />);

    const todays = await screen.findByRole('region', { name: 'Today’s sessions' });
    expect(await within(todays).findByRole('link', { name: /Record/ })).toHaveAttribute(
      'href',
      '/sessions/run/session-9',
    );
    const notes = section(/Your notes to finish/);
    expect(await within(notes).findByLabelText('1 waiting')).toBeInTheDocument();
    expect(within(notes).getByRole('link', { name: /Continue: Avery Lane/ })).toHaveAttribute(
      'href',
      '/sessions/run/mine',
    );
    expect(screen.queryByRole('region', { name: /Targets near mastery/ })).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/api/caseload/targets'))).toBe(false);
  });

  it('says so when a supervisor has nothing waiting', async () => {
    startSession(aTokenResponse(aTherapist({ id: 'bcba-1', credential: 'BCaBA' })));
    fetchMock.mockImplementation(homeApi());

    renderWithProviders(<TherapistHomePage />);

    expect(await screen.findByText('No target is one session short of mastery.')).toBeInTheDocument();
    expect(screen.getByText('No target has gone four weeks without progress.')).toBeInTheDocument();
    expect(await screen.findByText('No notes from your technicians in the last 7 days.')).toBeInTheDocument();
  });
});
