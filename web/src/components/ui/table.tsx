import type { ReactNode } from 'react';

interface TableProps {
  /** Names the table for assistive technology; shown unless `captionHidden`. */
  caption: string;
  captionHidden?: boolean;
  /** Another class on the table beside `table`, such as `report-table` (stacked into cards on a phone). */
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
