import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ReportBarChart } from './report-bar-chart';

describe('ReportBarChart', () => {
  it('draws bars on one scale and puts the numbers in a table with links to the rows', () => {
    const { container } = render(
      <MemoryRouter>
        <ReportBarChart
          title="Hours per child"
          labelHeading="Child"
          series={[
            { key: 'scheduled', label: 'Scheduled', tone: 1 },
            { key: 'delivered', label: 'Delivered', tone: 2 },
          ]}
          data={[
            { key: 'a', label: 'Ada L.', values: { scheduled: 10, delivered: 5 }, href: '/reports/rows?child=a' },
            { key: 'b', label: 'Ben K.', values: { scheduled: 2.5, delivered: 0 } },
          ]}
          format={(value) => `${value} h`}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('img', { name: /Hours per child: bar chart/ })).toBeInTheDocument();
    const widths = [...container.querySelectorAll('rect')].map((rect) => rect.getAttribute('width'));
    expect(widths).toEqual(['100', '50', '25', '0']);
    const table = screen.getByRole('table', { name: 'Hours per child' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByRole('link', { name: 'Ada L.' })).toHaveAttribute('href', '/reports/rows?child=a');
    expect(
      within(rows[2])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2.5 h', '0 h']);
  });

  it('says when there is nothing to draw', () => {
    render(<ReportBarChart title="Hours" labelHeading="Child" series={[]} data={[]} empty="No appointments." />);
    expect(screen.getByText('No appointments.')).toBeInTheDocument();
  });
});
