import type { Key, ReactNode } from 'react';
import type { Loadable } from '../api/hooks';
import { Async } from './Status';

/** One column of a `DataTable`: its header, and what each row shows under it. */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Figures: right-aligned (`num`) in the header and in every cell. */
  numeric?: boolean;
  /** The cell names its row for screen readers (`th scope="row"`), as a day does. */
  rowHeader?: boolean;
  /** A class a cell takes from its row, after `num` (a debit's `negative`). */
  cellClass?: (row: Row) => string | undefined;
}

export interface DataTableProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  columns: Column<Row>[];
  /** Shown above the table and read as its name; leave it out where a heading already names it. */
  caption?: ReactNode;
}

const classNames = (...names: (string | false | undefined)[]) =>
  names.filter(Boolean).join(' ') || undefined;

/**
 * Rows under column headers, in a wrapper that scrolls sideways on a phone so a wide table never
 * widens the page. Columns are fixed per page, so their index is their key.
 */
export function DataTable<Row>({ rows, rowKey, columns, caption }: DataTableProps<Row>) {
  return (
    <div className="table-wrap">
      <table>
        {caption !== undefined && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const className = classNames(column.numeric && 'num', column.cellClass?.(row));
                return column.rowHeader ? (
                  <th key={index} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={className}>
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

/** A `DataTable` of a loaded list, with `Async`'s loading and failure words, or `emptyText`. */
export function AsyncTable<Row>({
  state,
  onRetry,
  emptyText,
  ...table
}: {
  state: Loadable<Row[]>;
  onRetry: () => void;
  emptyText: string;
} & Omit<DataTableProps<Row>, 'rows'>) {
  return (
    <Async
      state={state}
      onRetry={onRetry}
      isEmpty={(rows) => rows.length === 0}
      emptyText={emptyText}
    >
      {(rows) => <DataTable rows={rows} {...table} />}
    </Async>
  );
}
