/** The id of the page's main content, the skip link's target. */
export const MAIN_ID = "main-content";

/** The first thing a keyboard reaches: past the header and navigation, straight to the page. Seen only when focused. */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only z-50 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to main content
    </a>
  );
}
