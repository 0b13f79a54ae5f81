import type { ReactNode, TableHTMLAttributes } from "react";

/**
 * Every table of the app. Where its box is narrower than 48rem (a phone, a narrow window beside the
 * navigation), each row is a card: its cells stacked, each under its column's name (`CARD` below), so
 * every value and action of a row is on screen without sideways panning. Where it is wider, a table too
 * wide for the screen scrolls inside its own box, so the page never scrolls sideways. Its menus open in
 * the top layer (components/ui/options-menu.tsx), so neither box clips them. Cells wrap long values
 * (app/globals.css); `Clipped` cuts very long ones. Pages use DataTable; Table is its frame.
 */
export function Table({ className = "", children, ...props }: TableHTMLAttributes<HTMLTableElement> & { children: ReactNode }) {
  return (
    // The box is a query container: the cards follow the width the table has, not the screen's.
    <div className={`@container ${props.hidden ? "hidden" : ""}`}>
      {/* Focusable, so a keyboard can scroll a table wider than the screen (WCAG 2.1.1); named after the
          table when it has an aria-label. */}
      <div
        tabIndex={0}
        role={props["aria-label"] ? "region" : undefined}
        aria-label={props["aria-label"]}
        className="max-w-full overflow-x-auto @max-3xl:overflow-visible"
      >
        {/* The roles keep the table a table for a screen reader while its rows are laid out as cards. */}
        <table role="table" className={`${CARD.table} w-full border-collapse bg-surface text-start text-sm ${className}`} {...props}>
          {children}
        </table>
      </div>
    </div>
  );
}

/**
 * The card layout's classes, for a table narrower than 48rem: the header row is read out but not shown
 * (each cell shows its column's name instead, from its data-label), each row a bordered card, each cell its
 * column's name beside its value (stacked when the card is narrower than 24rem).
 */
export const CARD = {
  table: "@max-3xl:block",
  head: "@max-3xl:block",
  headRow: "@max-3xl:flex @max-3xl:border-0",
  header: "@max-3xl:sr-only",
  body: "@max-3xl:block @max-3xl:space-y-3",
  row: "@max-3xl:block @max-3xl:rounded-md @max-3xl:border @max-3xl:border-line @max-3xl:p-2",
  // The column's name comes from the cell's data-label as generated text, so the cell's own text stays
  // its value (what a test or a copy reads).
  cell: "@max-3xl:before:font-medium @max-3xl:before:text-muted @max-3xl:before:content-[attr(data-label)] @max-3xl:grid @max-3xl:max-w-none @max-3xl:grid-cols-[minmax(6rem,35%)_minmax(0,1fr)] @max-3xl:gap-x-3 @max-3xl:px-1 @max-3xl:py-1 @max-xs:grid-cols-1",
} as const;

/** Column headers from their labels. */
export function HeaderCells({ labels }: { labels: readonly string[] }) {
  return labels.map((label) => (
    <th key={label} scope="col" role="columnheader" className={`p-2 ${CARD.header}`}>
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
  /** A value of several lines that takes what room the table has (an audit event's sentence and changes). */
  wide?: boolean;
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
      <caption className={captionHidden ? "sr-only" : "mb-2 text-start font-medium text-body"}>{caption}</caption>
      <thead role="rowgroup" className={CARD.head}>
        <tr role="row" className={`border-b border-line ${CARD.headRow}`}>
          {selection ? (
            // The one header a card layout shows: ticking every row needs its words beside the box.
            <th scope="col" role="columnheader" className="w-8 p-2 @max-3xl:w-auto @max-3xl:px-1">
              <label className="flex items-center gap-2 font-normal">
                <input
                  type="checkbox"
                  aria-label={selection.allLabel}
                  checked={pageSelected}
                  onChange={() => selection.onChange(pageSelected ? new Set() : new Set(rows.map(rowKey)))}
                />
                <span aria-hidden="true" className="hidden @max-3xl:inline">
                  {selection.allLabel}
                </span>
              </label>
            </th>
          ) : null}
          <HeaderCells labels={shown.map((c) => c.header)} />
        </tr>
      </thead>
      <tbody role="rowgroup" className={CARD.body}>
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <tr role="row" key={key} className={`border-b border-line-soft align-top ${CARD.row} ${muted?.(row) ? "text-faint" : ""}`}>
              {selection ? (
                <td role="cell" className="p-2 @max-3xl:block @max-3xl:px-1 @max-3xl:py-1">
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
                <td
                  key={c.header}
                  role="cell"
                  data-label={c.header}
                  className={`p-2 ${c.nowrap ? "whitespace-nowrap @max-3xl:whitespace-normal" : ""} ${c.wide ? "max-w-none" : ""} ${CARD.cell}`}
                >
                  <div className="min-w-0">{c.cell(row)}</div>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
