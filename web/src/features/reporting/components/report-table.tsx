import type { ReactNode } from 'react';

export interface ReportColumn<T> {
  /** The column's heading, and each cell's label when the table stacks into cards on a phone. */
  label: string;
  /** The cell of one row. */
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The row's heading (`<th scope="row">`), the card's title on a phone; usually the first column. */
  rowHeader?: boolean;
}

interface ReportTableProps<T> {
  /** Names the table for assistive technology; shown unless `captionHidden`. */
  caption: string;
  captionHidden?: boolean;
  columns: ReportColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}

/**
 * A report's table: a real table with column headings on a wide screen; on a phone (640 px and narrower) each row
 * stacks into a card, every cell under its column's name, instead of scrolling sideways.
 *
 * The markup is the contract `styles.css` styles (`table.report-table`, each cell with `data-label="Column"`), which
 * tables that are not written with this component may carry by hand. The headings stay in the table for screen
 * readers on a phone too (hidden only from sight); the visible labels are drawn by CSS and kept out of the
 * accessibility tree, so a cell is not announced with its column twice.
 */
export function ReportTable<T>({ caption, captionHidden = true, columns, rows, rowKey }: ReportTableProps<T>) {
  return (
    <div className="table-wrap report-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table report-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'cell-number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const className = column.numeric ? 'cell-number' : undefined;
                return column.rowHeader ? (
                  <th key={column.label} scope="row" className={className} data-label={column.label}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.label} className={className} data-label={column.label}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
