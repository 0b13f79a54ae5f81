import Link from "next/link";

/**
 * A column's sort link for a list whose sort lives in the URL: it names the order it is in now, and
 * following it sorts by this column (or reverses it when it is already the sort).
 */
export function SortLink({ href, label, active, dir }: { href: string; label: string; active: boolean; dir: "asc" | "desc" }) {
  return (
    <Link
      href={href}
      className="underline"
      aria-label={`Sort by ${label.toLowerCase()}${active ? `, now ${dir === "asc" ? "ascending" : "descending"}` : ""}`}
    >
      {label}
      {active ? (dir === "asc" ? " ↑" : " ↓") : ""}
    </Link>
  );
}
