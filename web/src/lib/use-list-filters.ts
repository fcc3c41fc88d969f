import { useState } from 'react';

/**
 * The filters and page of a paged list, kept together so that changing a filter goes back to the first page.
 * Filters live in component state (never the URL: a name typed into a search is PHI).
 */
export function useListFilters<F extends Record<string, string | boolean>>(initial: F) {
  const [filters, setFilters] = useState(initial);
  const [page, setPage] = useState(0);
  const setFilter = <K extends keyof F>(name: K, value: F[K]) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setPage(0);
  };
  return { filters, setFilter, page, setPage };
}
