import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { useProgram } from '../api/get-program';
import type { Program, Target } from '../api/program-types';
import { ProgramEditor } from './program-editor';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function aTarget(id: string, name: string, overrides: Partial<Target> = {}): Target {
  return { id, name, definition: null, notes: null, phase: 'baseline', position: 0, phaseChanges: [], ...overrides };
}

function aProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: 'p1',
    childId: 'c1',
    name: 'Receptive ID',
    domain: 'communication',
    objective: 'Points to named animals',
    kind: 'skill',
    measurement: 'percent_correct',
    masteryCriterion: { percent: 80, consecutiveSessions: 3, minTrials: 10 },
    autoAdvance: false,
    status: 'active',
    targets: [
      aTarget('t1', 'dog', {
        phase: 'intervention',
        phaseChanges: [
          { phase: 'intervention', at: '2026-01-05T10:00:00Z', by: { id: 'u1', name: 'Bea BCBA' }, automatic: false },
        ],
      }),
      aTarget('t2', 'cat', { position: 1 }),
    ],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
    version: 2,
    ...overrides,
  };
}

describe('ProgramEditor', () => {
  it('shows technicians and guardians the program with no write controls at all', () => {
    renderWithProviders(<ProgramEditor program={aProgram()} canEdit={false} onArchived={vi.fn()} />);

    expect(screen.getByText('80% over 3 consecutive sessions (at least 10 trials)')).toBeInTheDocument();
    const targets = screen.getByRole('list', { name: 'Targets' });
    expect(
      within(targets)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['dog', 'cat']);
    expect(within(targets).getByText('Intervention')).toBeInTheDocument();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('gives supervisors edit, archive, phase and order controls and a form to add targets', () => {
    renderWithProviders(<ProgramEditor program={aProgram()} canEdit onArchived={vi.fn()} />);

    expect(screen.getByRole('button', { name: 'Edit program' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Archive program' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move dog to Mastered' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move cat to Intervention' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move dog up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move cat down' })).toBeDisabled();
    expect(screen.getByLabelText('Target name')).toBeInTheDocument();
  });

  it('shows who changed each phase, and says why for changes the mastery evaluation made (by nobody)', async () => {
    const program = aProgram({
      targets: [
        aTarget('t1', 'dog', {
          phase: 'mastered',
          phaseChanges: [
            { phase: 'intervention', at: '2026-01-05T10:00:00Z', by: { id: 'u1', name: 'Bea BCBA' }, automatic: false },
            { phase: 'mastered', at: '2026-01-20T10:00:00Z', by: null, automatic: true },
          ],
        }),
        aTarget('t2', 'cat', {
          position: 1,
          phase: 'intervention',
          phaseChanges: [{ phase: 'intervention', at: '2026-01-20T10:00:00Z', by: null, automatic: true }],
        }),
      ],
    });
    renderWithProviders(<ProgramEditor program={program} canEdit={false} onArchived={vi.fn()} />);

    const [dog, cat] = screen.getAllByRole('group').filter((element) => element.tagName === 'DETAILS');
    const dogHistory = within(dog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(dogHistory[0]).toMatch(/^Mastered · .* · automatically \(mastery criterion met\)$/);
    expect(dogHistory[1]).toMatch(/^Intervention · .* · Bea BCBA$/);
    expect(within(cat).getByRole('listitem')).toHaveTextContent(/automatically \(previous target mastered\)$/);
  });

  it('is read-only once archived, even for supervisors', () => {
    renderWithProviders(<ProgramEditor program={aProgram({ status: 'archived' })} canEdit onArchived={vi.fn()} />);

    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('moves a target up at once, saves the order and keeps focus on the moved target', async () => {
    const program = aProgram();
    const reordered = { ...program, targets: [program.targets[1], program.targets[0]], version: 3 };
    let stored = program;
    fetchMock.mockImplementation(async (_url, init) => {
      if (init?.method === 'PUT') stored = reordered;
      return jsonResponse(stored);
    });
    const { user } = renderWithProviders(<Harness program={program} />);
    await screen.findByRole('button', { name: 'Move cat up' });

    await user.click(screen.getByRole('button', { name: 'Move cat up' }));

    const targets = screen.getByRole('list', { name: 'Targets' });
    await vi.waitFor(
      () =>
        expect(
          within(targets)
            .getAllByRole('heading', { level: 3 })
            .map((h) => h.textContent),
        ).toEqual(['cat', 'dog']),
      { timeout: 5000 },
    );
    // cat is first now, so its up button is disabled: focus lands on its down button.
    expect(screen.getByRole('button', { name: 'Move cat down' })).toHaveFocus();
    const [url, init] = fetchMock.mock.calls.find(([, call]) => call?.method === 'PUT') ?? [];
    expect(url).toBe('/api/programs/p1/target-order');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ targetIds: ['t2', 't1'] });
    expect(await screen.findByText('cat moved to position 1 of 2.')).toBeInTheDocument();
  });

  it('moves a target to the next phase with one click', async () => {
    const program = aProgram();
    fetchMock.mockResolvedValue(jsonResponse({ ...program.targets[1], phase: 'intervention' }));
    const { user } = renderWithProviders(<ProgramEditor program={program} canEdit onArchived={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Move cat to Intervention' }));

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/programs/p1/targets/t2');
    expect(JSON.parse(String(init?.body))).toEqual({ phase: 'intervention' });
    expect(await screen.findByText('cat is now in intervention.')).toBeInTheDocument();
  });
});

/** Renders the editor from the query cache, as the program page does, so optimistic updates show. */
function Harness({ program }: { program: Program }) {
  const query = useProgram(program.id);
  return <ProgramEditor program={query.data ?? program} canEdit onArchived={vi.fn()} />;
}
