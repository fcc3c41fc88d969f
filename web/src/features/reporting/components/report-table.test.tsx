import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportTable } from './report-table';

describe('ReportTable', () => {
  it('is a table with column and row headings whose cells carry their column’s name for the phone’s cards', () => {
    render(
      <ReportTable
        caption="Hours per therapist"
        rows={[
          { id: 'a', name: 'Riley Brooks', hours: '6.5 h' },
          { id: 'b', name: 'Maya Okafor', hours: '12 h' },
        ]}
        rowKey={(row) => row.id}
        columns={[
          { label: 'Therapist', rowHeader: true, cell: (row) => row.name },
          { label: 'Billable', numeric: true, cell: (row) => row.hours },
        ]}
      />,
    );

    const table = screen.getByRole('table', { name: 'Hours per therapist' });
    expect(table).toHaveClass('report-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Therapist', 'Billable']);
    const maya = within(table).getByRole('rowheader', { name: 'Maya Okafor' });
    expect(maya).toHaveAttribute('data-label', 'Therapist');
    const cell = within(table).getByRole('cell', { name: '12 h' });
    expect(cell).toHaveAttribute('data-label', 'Billable');
    expect(cell).toHaveClass('cell-number');
  });
});
