import type { ReactNode } from 'react';

interface TableProps {
  /** Names the table for assistive technology; shown unless `captionHidden`. */
  caption: string;
  captionHidden?: boolean;
  /** More classes for the table, e.g. `report-table` (stacked into cards on phones, each cell by its `data-label`). */
  className?: string;
  children: ReactNode;
}

/** A data table that scrolls sideways inside its own box on narrow screens instead of the page. */
export function Table({ caption, captionHidden = false, className, children }: TableProps) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
