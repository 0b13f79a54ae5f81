import { db } from "@/lib/db/client";
import { readFeed } from "@/lib/sessions/feed";

// A person's calendar feed, polled by calendar apps with no session: the secret in the link is the
// only credential (lib/sessions/feed.ts). Unknown, revoked and malformed links are all the same 404.
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const answer = await readFeed(db(), token, request.headers.get("if-none-match"));
  const common = { "Cache-Control": "private, no-cache", "Referrer-Policy": "no-referrer" };
  if (answer.status === 404) return new Response(null, { status: 404, headers: common });
  if (answer.status === 304) return new Response(null, { status: 304, headers: { ...common, ETag: answer.etag } });
  return new Response(answer.body, {
    status: 200,
    headers: {
      ...common,
      ETag: answer.etag,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="pathwise.ics"',
    },
  });
}
