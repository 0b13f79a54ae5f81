import type { ReactNode } from "react";

/**
 * A white box that holds one thing: an item of a list of cards (a programme, a unit), an email
 * preview. With a title it is a section named by its heading (`id`).
 */
export function Panel({
  as: Tag = "section",
  id,
  title,
  indent = "",
  children,
}: {
  as?: "section" | "li" | "div";
  /** The heading's id, when there is a title. */
  id?: string;
  title?: ReactNode;
  /** A nesting step (ms-6, ms-12...) for a card inside a tree. */
  indent?: string;
  children: ReactNode;
}) {
  return (
    <Tag
      aria-labelledby={Tag === "section" && title && id ? id : undefined}
      className={`rounded-md border border-line bg-surface p-4 ${indent}`}
    >
      {title ? (
        <h3 id={id} className="mb-1 font-medium">
          {title}
        </h3>
      ) : null}
      {children}
    </Tag>
  );
}
