import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api-error';
import type { Page } from '../../lib/api-types';
import { Alert } from './alert';
import { Pagination } from './pagination';

/** The part of a TanStack Query result for one page of a list that the screen shows. */
export interface PagedQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: Page<T> | undefined;
}

/**
 * The filters above a list, announced as a search region ("Filter payments"), with the screen's own buttons (a
 * "New child" link, "Back to today") at the end of the row; a column on a phone.
 */
export function FilterBar({
  label,
  className,
  actions,
  children,
}: {
  label: string;
  /** Another grid for the filters (`charge-filters`), next to `filters`. */
  className?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="toolbar">
      <div className={className ? `filters ${className}` : 'filters'} role="search" aria-label={label}>
        {children}
      </div>
      {actions}
    </div>
  );
}

/**
 * One page of a filtered list: "Loading payments…" while it loads, the error, the empty message, or the items (as
 * `children` lays them out) with previous/next page buttons when there is more than one page.
 */
export function PagedResults<T>({
  query,
  noun,
  empty,
  page,
  onPageChange,
  children,
}: {
  query: PagedQuery<T>;
  /** What is listed, in the plural: "payments" ("Loading payments…", "Pages of payments"). */
  noun: string;
  /** What is shown when no item matches. */
  empty: ReactNode;
  /** Zero-based. */
  page: number;
  onPageChange: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        Loading {noun}…
      </p>
    );
  }
  if (query.isError || !query.data) return <Alert>{errorMessage(query.error)}</Alert>;
  const { content, page: info } = query.data;
  if (content.length === 0) {
    return (
      <p className="empty-state" role="status">
        {empty}
      </p>
    );
  }
  return (
    <>
      {children(content)}
      {info.totalPages > 1 && (
        <Pagination
          label={`Pages of ${noun}`}
          page={page}
          totalPages={info.totalPages}
          totalElements={info.totalElements}
          noun={noun}
          busy={query.isFetching}
          onPageChange={onPageChange}
        />
      )}
    </>
  );
}
