import { Button } from './button';

interface PaginationProps {
  /** Names the navigation, e.g. "Pages of users". */
  label: string;
  /** Zero-based. */
  page: number;
  totalPages: number;
  totalElements: number;
  /** What is counted, in the plural: "users". */
  noun: string;
  busy?: boolean;
  onPageChange: (page: number) => void;
}

/** Previous / next buttons around a "Page 2 of 5 · 93 users" status that is announced when it changes. */
export function Pagination({
  label,
  page,
  totalPages,
  totalElements,
  noun,
  busy = false,
  onPageChange,
}: PaginationProps) {
  const pages = Math.max(1, totalPages);
  return (
    <nav className="pagination" aria-label={label}>
      <Button variant="secondary" size="sm" disabled={page === 0 || busy} onClick={() => onPageChange(page - 1)}>
        Previous page
      </Button>
      <p className="pagination-status" aria-live="polite">
        Page {page + 1} of {pages} · {totalElements} {noun}
      </p>
      <Button variant="secondary" size="sm" disabled={page + 1 >= pages || busy} onClick={() => onPageChange(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}
