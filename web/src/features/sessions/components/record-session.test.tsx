import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { clearOfflineSessions, getDraft, startDraft } from '../offline/outbox';
import type { SessionDraft } from '../offline/outbox-db';
import { RecordSession } from './record-session';

const SESSION = '22222222-2222-4222-8222-222222222222';

const programs = {
  content: [
    {
      id: 'p1',
      name: 'Receptive ID',
      kind: 'skill',
      measurement: 'percent_correct',
      status: 'active',
      targets: [
        { id: 'dog', name: 'dog', phase: 'intervention', position: 0 },
        { id: 'cat', name: 'cat', phase: 'baseline', position: 1 },
        { id: 'ball', name: 'ball', phase: 'mastered', position: 2 },
      ],
    },
    {
      id: 'p2',
      name: 'Hitting',
      kind: 'behavior',
      measurement: 'frequency',
      status: 'active',
      targets: [{ id: 'hit', name: 'hitting', phase: 'intervention', position: 0 }],
    },
  ],
  page: { number: 0, size: 20, totalElements: 2, totalPages: 1 },
};

function aDraft(): SessionDraft {
  return {
    id: SESSION,
    userId: 'therapist-1',
    childId: 'child-1',
    serviceCode: '97153',
    place: 'clinic',
    startedAt: '2026-03-02T10:00:00.000Z',
    note: '',
    targets: [],
    events: [],
    promptLevels: {},
    submitRequested: false,
  };
}

beforeEach(async () => {
  await clearOfflineSessions();
  // Offline: nothing leaves the device, so the outbox keeps what the screen recorded.
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse(programs)),
  );
  startSession(aTokenResponse(aTherapist({ id: 'therapist-1' })));
  await startDraft(aDraft(), {
    childId: 'child-1',
    serviceCode: '97153',
    place: 'clinic',
    startedAt: aDraft().startedAt,
  });
});

describe('RecordSession', () => {
  it('keeps the chosen prompt level per target and shows the running tally', async () => {
    const { user } = renderWithProviders(<RecordSession sessionId={SESSION} therapistName="Tess Therapist" />);

    const dog = await screen.findByRole('region', { name: 'dog' });
    const cat = screen.getByRole('region', { name: 'cat' });
    expect(screen.queryByRole('region', { name: 'ball' })).not.toBeInTheDocument();

    await user.selectOptions(within(dog).getByLabelText('Prompt level for dog'), 'Verbal');
    await user.click(within(dog).getByRole('button', { name: 'Correct' }));
    await user.click(within(dog).getByRole('button', { name: 'Incorrect' }));
    await user.click(within(cat).getByRole('button', { name: 'Correct' }));

    expect(await within(dog).findByText('1/2 correct · 50%')).toBeInTheDocument();
    expect(within(dog).getByLabelText('Prompt level for dog')).toHaveValue('verbal');
    expect(within(cat).getByLabelText('Prompt level for cat')).toHaveValue('independent');
    const events = (await getDraft(SESSION))?.events ?? [];
    expect(events.map((event) => (event.type === 'trial' ? [event.targetId, event.promptLevel] : []))).toEqual([
      ['dog', 'verbal'],
      ['dog', 'verbal'],
      ['cat', 'independent'],
    ]);
  });

  it('counts +1 taps and undoes the last one', async () => {
    const { user } = renderWithProviders(<RecordSession sessionId={SESSION} therapistName="Tess Therapist" />);

    const hitting = await screen.findByRole('region', { name: 'hitting' });
    await user.click(within(hitting).getByRole('button', { name: '+1 hitting' }));
    await user.click(within(hitting).getByRole('button', { name: '+1 hitting' }));
    expect(await within(hitting).findByText('Count: 2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo last' }));

    expect(await within(hitting).findByText('Count: 1')).toBeInTheDocument();
    expect(screen.getByText('Undone: +1 · hitting')).toBeInTheDocument();
  });

  it('shows mastered targets for probes when asked', async () => {
    const { user } = renderWithProviders(<RecordSession sessionId={SESSION} therapistName="Tess Therapist" />);
    await screen.findByRole('region', { name: 'dog' });

    await user.click(screen.getByLabelText('Show mastered targets (probes)'));

    expect(screen.getByRole('region', { name: 'ball' })).toBeInTheDocument();
  });

  it('asks for the signature before submitting', async () => {
    const { user } = renderWithProviders(<RecordSession sessionId={SESSION} therapistName="Tess Therapist" />);
    await screen.findByRole('region', { name: 'dog' });

    await user.click(screen.getByRole('button', { name: 'Sign and submit' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign and submit this session?' });
    expect(within(dialog).getByText('Tess Therapist')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Sign and submit' }));

    expect(await screen.findByText('Signed and waiting to send')).toBeInTheDocument();
    expect((await getDraft(SESSION))?.submitRequested).toBe(true);
  });
});

describe('RecordSession of a session opened from the schedule', () => {
  const OPENED = '33333333-3333-4333-8333-333333333333';

  function aServerSession(overrides: Record<string, unknown> = {}) {
    return {
      id: OPENED,
      childId: 'child-1',
      therapist: { id: 'therapist-1', name: 'Tess Therapist' },
      serviceCode: '97153',
      place: 'home',
      startedAt: '2026-03-02T15:00:00Z',
      endedAt: '2026-03-02T17:00:00Z',
      status: 'open',
      note: null,
      submittedAt: null,
      guardianSignature: null,
      addenda: [],
      events: [],
      tallies: [],
      version: 0,
      ...overrides,
    };
  }

  function serve(session: ReturnType<typeof aServerSession>) {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        jsonResponse(String(input).startsWith(`/api/sessions/${OPENED}`) ? session : programs),
      ),
    );
  }

  it('lets its own therapist record it on this device, keeping the server session’s id and times', async () => {
    serve(aServerSession());
    const { user } = renderWithProviders(
      <RecordSession sessionId={OPENED} therapistName="Tess Therapist" userId="therapist-1" />,
    );

    await user.click(await screen.findByRole('button', { name: 'Record on this device' }));

    expect(await screen.findByRole('region', { name: 'dog' })).toBeInTheDocument();
    expect(await getDraft(OPENED)).toMatchObject({
      id: OPENED,
      userId: 'therapist-1',
      childId: 'child-1',
      place: 'home',
      startedAt: '2026-03-02T15:00:00Z',
      events: [],
    });
  });

  it('is not taken over when something was recorded elsewhere or it is someone else’s', async () => {
    serve(aServerSession({ therapist: { id: 'someone-else', name: 'Other' } }));
    renderWithProviders(<RecordSession sessionId={OPENED} therapistName="Tess Therapist" userId="therapist-1" />);

    expect(await screen.findByText(/started on another device/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record on this device' })).not.toBeInTheDocument();
    expect(await getDraft(OPENED)).toBeUndefined();
  });
});
