/**
 * Where a session happens: a meeting link opens as a link (only http and https: anything else typed
 * there is shown as text, never followed), a place is shown as written. A link (one long word) may
 * break anywhere; a place's words break only when one alone is longer than its line.
 */
export function SessionLocation({ location }: { location: string }) {
  const text = location.trim();
  if (!text) return <span className="text-slate-600">No place or link given</span>;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (url && (url.protocol === "https:" || url.protocol === "http:")) {
    return (
      <a href={url.href} rel="noopener noreferrer" className="text-indigo-700 underline [overflow-wrap:anywhere] hover:text-indigo-900">
        {text}
      </a>
    );
  }
  return <span>{text}</span>;
}
