import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-error';
import { FilterBar, PagedResults, type PagedQuery } from './paged-results';

const loaded = (content: string[], totalPages = 1): PagedQuery<string> => ({
  isPending: false,
  isError: false,
  isFetching: false,
  error: null,
  data: { content, page: { number: 0, size: 2, totalElements: content.length * totalPages, totalPages } },
});

function list(query: PagedQuery<string>, onPageChange = vi.fn()) {
  render(
    <PagedResults query={query} noun="payments" empty="No payments match." page={0} onPageChange={onPageChange}>
      {(items) => (
        <ul aria-label="Payments">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </PagedResults>,
  );
  return onPageChange;
}

describe('PagedResults', () => {
  it('says it is loading, in the list’s words', () => {
    list({ ...loaded([]), isPending: true, data: undefined });
    expect(screen.getByRole('status')).toHaveTextContent('Loading payments…');
  });

  it('shows what went wrong', () => {
    const error = new ApiError({ status: 403, title: 'Forbidden', detail: 'Only admins see payments.', errors: [] });
    list({ ...loaded([]), isError: true, error, data: undefined });
    expect(screen.getByRole('alert')).toHaveTextContent('Only admins see payments.');
  });

  it('says when nothing matches', () => {
    list(loaded([]));
    expect(screen.getByRole('status')).toHaveTextContent('No payments match.');
  });

  it('lays out the items, without page buttons for a single page', () => {
    list(loaded(['Ava', 'Ben']));
    expect(within(screen.getByRole('list', { name: 'Payments' })).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('pages through a longer list', async () => {
    const onPageChange = list(loaded(['Ava', 'Ben'], 3));
    const pages = screen.getByRole('navigation', { name: 'Pages of payments' });
    expect(pages).toHaveTextContent('Page 1 of 3 · 6 payments');
    await userEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenCalledWith(1);
  });
});

describe('FilterBar', () => {
  it('is a named search region with the screen’s buttons beside it', () => {
    render(
      <FilterBar label="Filter payments" actions={<button type="button">Back to today</button>}>
        <input aria-label="Method" />
      </FilterBar>,
    );
    const filters = screen.getByRole('search', { name: 'Filter payments' });
    expect(within(filters).getByLabelText('Method')).toBeInTheDocument();
    expect(within(filters).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to today' })).toBeInTheDocument();
  });
});
