import type { ReactNode, TableHTMLAttributes } from "react";

/**
 * Every table of the app: when its columns do not fit the screen it scrolls inside its own box, so the
 * page never scrolls sideways. Cells wrap long values (app/globals.css); `Clipped` cuts very long ones.
 * Pages use DataTable; Table is its frame.
 */
export function Table({ className = "", children, ...props }: TableHTMLAttributes<HTMLTableElement> & { children: ReactNode }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen (WCAG 2.1.1); named after the
    // table when it has an aria-label.
    <div
      tabIndex={0}
      role={props["aria-label"] ? "region" : undefined}
      aria-label={props["aria-label"]}
      className={`max-w-full overflow-x-auto ${props.hidden ? "hidden" : ""}`}
    >
      <table className={`w-full border-collapse bg-white text-left text-sm ${className}`} {...props}>
        {children}
      </table>
    </div>
  );
}

/** Column headers from their labels. */
export function HeaderCells({ labels }: { labels: readonly string[] }) {
  return labels.map((label) => (
    <th key={label} scope="col" className="p-2">
      {label}
    </th>
  ));
}

/**
 * A value that may be very long (anything typed or uploaded by someone): past `max` characters it is
 * cut with an ellipsis, and the whole value is in its title, shown on hover.
 */
export function Clipped({ text, max = 120 }: { text: string; max?: number }) {
  const characters = Array.from(text);
  if (characters.length <= max) return <>{text}</>;
  return <span title={text}>{characters.slice(0, max).join("")}…</span>;
}

export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Keep the value on one line (dates and times). */
  nowrap?: boolean;
};

/** Tick boxes in the first column: the ticked rows' keys are submitted under `name` with the form around the table. */
export type RowSelection<Row> = {
  name: string;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** Every row is chosen some other way (every match of a filter): the boxes show ticked and locked. */
  all?: boolean;
  /** "Select Ada Lovelace" */
  label: (row: Row) => string;
  /** "Select every user on this page" */
  allLabel: string;
};

/**
 * A table of rows: caption, column headers, one row per item, and what an empty list says instead.
 * The caption names the table (hidden when the page's heading already says it, but still read out);
 * `muted` greys a row out (archived); `dimmed` the whole table (kept for the record).
 */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  muted,
  dimmed = false,
  narrow = false,
  selection,
  describedBy,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly (Column<Row> | null | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  muted?: (row: Row) => boolean;
  dimmed?: boolean;
  /** At most a readable width (a short history beside wider content). */
  narrow?: boolean;
  selection?: RowSelection<Row>;
  describedBy?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  const pageSelected = selection ? rows.length > 0 && rows.every((r) => selection.selected.has(rowKey(r))) : false;
  const toggle = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  return (
    <Table className={`${dimmed ? "opacity-60" : ""} ${narrow ? "max-w-3xl" : ""}`} aria-describedby={describedBy}>
      <caption className={captionHidden ? "sr-only" : "mb-2 text-left font-medium text-slate-700"}>{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          {selection ? (
            <th scope="col" className="w-8 p-2">
              <input
                type="checkbox"
                aria-label={selection.allLabel}
                checked={pageSelected}
                onChange={() => selection.onChange(pageSelected ? new Set() : new Set(rows.map(rowKey)))}
              />
            </th>
          ) : null}
          {shown.map((c) => (
            <th key={c.header} scope="col" className="p-2">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <tr key={key} className={`border-b border-slate-100 align-top ${muted?.(row) ? "text-slate-500" : ""}`}>
              {selection ? (
                <td className="min-w-0 p-2">
                  <input
                    type="checkbox"
                    name={selection.name}
                    value={key}
                    aria-label={selection.label(row)}
                    checked={selection.all || selection.selected.has(key)}
                    disabled={selection.all}
                    onChange={() => toggle(key)}
                  />
                </td>
              ) : null}
              {shown.map((c) => (
                <td key={c.header} className={c.nowrap ? "p-2 whitespace-nowrap" : "p-2"}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
