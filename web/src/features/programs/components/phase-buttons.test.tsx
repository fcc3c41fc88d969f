import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PHASES, type Phase, type Target } from '../api/program-types';
import { PhaseButtons } from './phase-buttons';

function aTarget(phase: Phase): Target {
  return { id: 't1', name: 'dog', definition: null, notes: null, phase, position: 0, phaseChanges: [] };
}

function buttonNames(phase: Phase): string[] {
  const { unmount } = render(<PhaseButtons target={aTarget(phase)} pending={false} onMove={vi.fn()} />);
  const names = screen.queryAllByRole('button').map((button) => button.textContent ?? '');
  unmount();
  return names;
}

describe('PhaseButtons', () => {
  it('offers exactly the moves the server allows from each phase', () => {
    const offered = Object.fromEntries(PHASES.map((phase) => [phase, buttonNames(phase)]));

    expect(offered).toEqual({
      baseline: ['Move dog to Intervention', 'Move dog to On hold', 'Move dog to Discontinued'],
      intervention: ['Move dog to Mastered', 'Move dog to Baseline', 'Move dog to On hold', 'Move dog to Discontinued'],
      mastered: ['Move dog to Maintenance', 'Move dog to Intervention', 'Move dog to Discontinued'],
      maintenance: ['Move dog to Intervention', 'Move dog to On hold', 'Move dog to Discontinued'],
      on_hold: ['Move dog to Baseline', 'Move dog to Intervention', 'Move dog to Discontinued'],
      discontinued: [],
    });
  });

  it('moves the target with one click and names each button after the target', async () => {
    const onMove = vi.fn();
    render(<PhaseButtons target={aTarget('baseline')} pending={false} onMove={onMove} />);

    const group = screen.getByRole('group', { name: 'Move dog to another phase' });
    await userEvent.setup().click(within(group).getByRole('button', { name: 'Move dog to Intervention' }));

    expect(onMove).toHaveBeenCalledWith('intervention');
  });
});
