import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentThread, type ThreadComment } from "../../components/goals/comment-thread";
import { SeriesForm } from "../../components/goals/series-fields";
import { inLocale } from "../support/intl";

const action = async () => ({ ok: true as const });
const actions = { add: action, edit: action, remove: action };

const comment = (over: Partial<ThreadComment>): ThreadComment => ({
  id: crypto.randomUUID(),
  body: "Hello",
  createdAt: new Date("2026-03-29T00:30:00Z"),
  editedAt: null,
  authorName: "Carla Coach",
  mine: false,
  ...over,
});

describe("comment thread", () => {
  it("shows bodies as text with their line breaks, never as HTML; times in the viewer's zone; edit and delete on one's own only", () => {
    const html = renderToString(
      inLocale(
        <CommentThread
          org="acme"
          subject={{ goalId: "g1" }}
          on="Speak up"
          zone="Europe/London"
          actions={actions}
          comments={[
            comment({ body: 'Line one\nLine <b>two</b> <script>alert("x")</script>' }),
            comment({ body: "Mine", mine: true, editedAt: new Date("2026-03-29T10:00:00Z") }),
          ]}
        />,
      ),
    );
    expect(html).toContain("Line one\nLine &lt;b&gt;two&lt;/b&gt; &lt;script&gt;");
    expect(html).not.toContain("<b>two</b>");
    expect(html).toContain("whitespace-pre-wrap");
    // 00:30 UTC on 29 March is 00:30 in London (before the change); 10:00 UTC is 11:00 (after it).
    expect(html).toMatch(/<time dateTime="2026-03-29T00:30:00.000Z"[^>]*>[^<]*00:30/);
    expect(html).toMatch(/edited <time dateTime="2026-03-29T10:00:00.000Z"[^>]*>[^<]*11:00/);
    expect(html.match(/Edit comment/g)).toHaveLength(1);
    expect(html.match(/>Delete comment</g)?.length).toBeGreaterThanOrEqual(1);
    expect(html).toContain("Carla Coach");
    expect(html).toContain(">You<");
    expect(html).toMatch(/<label[^>]*for="comment-new-g1"[^>]*>Comment on Speak up<\/label>/);
  });

  it("says what to do when there is nothing yet", () => {
    const html = renderToString(
      inLocale(<CommentThread org="acme" subject={{ actionId: "a1" }} on="Prepare" zone="UTC" actions={actions} comments={[]} />),
    );
    expect(html).toContain("No comments yet. Write the first one below.");
    expect(html).not.toContain("<ol");
  });
});

describe("series form", () => {
  it("labels every field, groups the weekdays under a legend, and keeps an edited series' values", () => {
    const html = renderToString(
      inLocale(
        <SeriesForm
          action={action}
          fields={{ org: "acme", seriesId: "s1" }}
          submitLabel="Save recurring action"
          initial={{
            title: "Run",
            frequency: "WEEKLY",
            interval: 2,
            weekdays: [1, 4],
            startDate: "2026-03-02",
            count: null,
            until: "2026-04-30",
          }}
        />,
      ),
    );
    for (const name of ["title", "description", "weight", "frequency", "interval", "startDate", "count", "until"]) {
      const id = new RegExp(`id="(series-${name})"`).exec(html)?.[1];
      expect(id, name).toBeDefined();
      expect(html, name).toMatch(new RegExp(`<label[^>]*for="${id}"`));
    }
    expect(html).toMatch(/<fieldset[^>]*><legend[^>]*>On these days<\/legend>/);
    expect(html).toMatch(/<legend[^>]*>Ends<\/legend>/);
    expect(html).toMatch(/value="1" checked=""|checked="" value="1"/);
    expect(html).toMatch(/value="until" checked=""|checked="" value="until"/);
    expect(html).toContain("Every how many weeks");
    expect(html).toContain("Changes apply to the times not done yet.");
  });
});
